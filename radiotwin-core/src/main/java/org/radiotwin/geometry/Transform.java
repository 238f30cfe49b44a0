package org.radiotwin.geometry;

import java.util.Arrays;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;

/**
 * An affine transform p ↦ M·p + t, stored as the top three rows of a row-major 4×4 matrix (the form
 * Mitsuba's {@code <matrix>} uses). Immutable.
 */
public final class Transform {

  /** The identity. */
  public static final Transform IDENTITY =
      new Transform(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});

  private final double[] m;

  private Transform(double[] rowMajor3x4) {
    for (double v : rowMajor3x4) {
      if (!Double.isFinite(v)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "transform entry", v);
      }
    }
    this.m = rowMajor3x4;
  }

  /**
   * From a row-major 4×4 matrix (16 values) or its top 3×4 part (12 values). The last row of a 4×4
   * matrix must be (0, 0, 0, 1).
   *
   * @param values 12 or 16 numbers
   * @return the transform
   */
  public static Transform ofRowMajor(double... values) {
    if (values.length != 12 && values.length != 16) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "matrix entries (12 or 16)", 16, values.length);
    }
    if (values.length == 16
        && (values[12] != 0 || values[13] != 0 || values[14] != 0 || values[15] != 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "matrix",
          "last row must be 0 0 0 1 (projective transforms are not supported)");
    }
    return new Transform(Arrays.copyOf(values, 12));
  }

  /**
   * A translation.
   *
   * @param t offset [m]
   * @return p ↦ p + t
   */
  public static Transform translation(Vec3 t) {
    return new Transform(new double[] {1, 0, 0, t.x(), 0, 1, 0, t.y(), 0, 0, 1, t.z()});
  }

  /**
   * A scaling about the origin.
   *
   * @param s per-axis factors
   * @return p ↦ diag(s)·p
   */
  public static Transform scaling(Vec3 s) {
    return new Transform(new double[] {s.x(), 0, 0, 0, 0, s.y(), 0, 0, 0, 0, s.z(), 0});
  }

  /**
   * A right-handed rotation about an axis through the origin (Rodrigues' formula).
   *
   * @param axis rotation axis (any non-zero length)
   * @param angle angle [rad], counter-clockwise looking down the axis
   * @return the rotation
   */
  public static Transform rotation(Vec3 axis, double angle) {
    Vec3 u;
    try {
      u = axis.normalize();
    } catch (ArithmeticException e) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "rotation axis", "must not be the zero vector");
    }
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    double k = 1 - c;
    double x = u.x();
    double y = u.y();
    double z = u.z();
    return new Transform(
        new double[] {
          c + x * x * k,
          x * y * k - z * s,
          x * z * k + y * s,
          0,
          y * x * k + z * s,
          c + y * y * k,
          y * z * k - x * s,
          0,
          z * x * k - y * s,
          z * y * k + x * s,
          c + z * z * k,
          0
        });
  }

  /**
   * Composition: first {@code this}, then {@code after}.
   *
   * @param after transform applied second
   * @return p ↦ after(this(p))
   */
  public Transform then(Transform after) {
    double[] a = after.m;
    double[] r = new double[12];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        double v = a[4 * i] * m[j] + a[4 * i + 1] * m[4 + j] + a[4 * i + 2] * m[8 + j];
        if (j == 3) {
          v += a[4 * i + 3];
        }
        r[4 * i + j] = v;
      }
    }
    return new Transform(r);
  }

  /**
   * Applies the transform to a point.
   *
   * @param p point
   * @return M·p + t
   */
  public Vec3 applyToPoint(Vec3 p) {
    return new Vec3(
        m[0] * p.x() + m[1] * p.y() + m[2] * p.z() + m[3],
        m[4] * p.x() + m[5] * p.y() + m[6] * p.z() + m[7],
        m[8] * p.x() + m[9] * p.y() + m[10] * p.z() + m[11]);
  }

  /**
   * Applies the transform in place to packed points (x0, y0, z0, x1, …).
   *
   * @param xyz packed coordinates, overwritten
   */
  public void applyToPoints(double[] xyz) {
    for (int i = 0; i + 2 < xyz.length; i += 3) {
      double x = xyz[i];
      double y = xyz[i + 1];
      double z = xyz[i + 2];
      xyz[i] = m[0] * x + m[1] * y + m[2] * z + m[3];
      xyz[i + 1] = m[4] * x + m[5] * y + m[6] * z + m[7];
      xyz[i + 2] = m[8] * x + m[9] * y + m[10] * z + m[11];
    }
  }

  /**
   * Determinant of the linear part; negative for mirroring transforms (which flip triangle
   * winding).
   *
   * @return det(M)
   */
  public double determinant() {
    return m[0] * (m[5] * m[10] - m[6] * m[9])
        - m[1] * (m[4] * m[10] - m[6] * m[8])
        + m[2] * (m[4] * m[9] - m[5] * m[8]);
  }

  /**
   * Whether this is exactly the identity.
   *
   * @return true for the identity
   */
  public boolean isIdentity() {
    return Arrays.equals(m, IDENTITY.m);
  }

  /**
   * The top three rows of the row-major 4×4 matrix.
   *
   * @return a copy of the 12 entries
   */
  public double[] toRowMajor3x4() {
    return m.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transform t && Arrays.equals(m, t.m);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(m);
  }

  @Override
  public String toString() {
    return "Transform" + Arrays.toString(m);
  }
}
