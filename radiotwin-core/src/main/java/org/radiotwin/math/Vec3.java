package org.radiotwin.math;

/**
 * An immutable 3-vector of doubles (metres for positions, unitless for directions), for APIs. Hot
 * loops use primitive arrays instead.
 *
 * @param x first component
 * @param y second component
 * @param z third component (up)
 */
public record Vec3(double x, double y, double z) {

  /** The origin. */
  public static final Vec3 ZERO = new Vec3(0, 0, 0);

  /**
   * Adds a vector.
   *
   * @param o other vector
   * @return this + o
   */
  public Vec3 add(Vec3 o) {
    return new Vec3(x + o.x, y + o.y, z + o.z);
  }

  /**
   * Subtracts a vector.
   *
   * @param o other vector
   * @return this − o
   */
  public Vec3 sub(Vec3 o) {
    return new Vec3(x - o.x, y - o.y, z - o.z);
  }

  /**
   * Scales the vector.
   *
   * @param s factor
   * @return s·this
   */
  public Vec3 scale(double s) {
    return new Vec3(s * x, s * y, s * z);
  }

  /**
   * Dot product.
   *
   * @param o other vector
   * @return this·o
   */
  public double dot(Vec3 o) {
    return x * o.x + y * o.y + z * o.z;
  }

  /**
   * Cross product.
   *
   * @param o other vector
   * @return this × o
   */
  public Vec3 cross(Vec3 o) {
    return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
  }

  /**
   * Euclidean norm.
   *
   * @return ‖this‖
   */
  public double norm() {
    return Math.sqrt(x * x + y * y + z * z);
  }

  /**
   * Unit vector in the same direction.
   *
   * @return this/‖this‖
   * @throws ArithmeticException if the vector is zero
   */
  public Vec3 normalize() {
    double n = norm();
    if (n == 0) {
      throw new ArithmeticException("cannot normalise a zero vector");
    }
    return scale(1.0 / n);
  }

  /**
   * Distance to another point.
   *
   * @param o other point
   * @return ‖this − o‖
   */
  public double distance(Vec3 o) {
    return sub(o).norm();
  }

  /**
   * Component by index.
   *
   * @param i 0, 1 or 2
   * @return x, y or z
   */
  public double get(int i) {
    return switch (i) {
      case 0 -> x;
      case 1 -> y;
      case 2 -> z;
      default -> throw new IndexOutOfBoundsException(i);
    };
  }

  /**
   * Whether every component is finite.
   *
   * @return true when no component is NaN or infinite
   */
  public boolean isFinite() {
    return Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z);
  }

  /**
   * Returns the components as a new array.
   *
   * @return {x, y, z}
   */
  public double[] toArray() {
    return new double[] {x, y, z};
  }
}
