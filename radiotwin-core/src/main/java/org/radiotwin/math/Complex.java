package org.radiotwin.math;

/**
 * An immutable complex number for APIs (materials, coefficients returned to users). Hot loops use
 * {@link ComplexArrays} on interleaved primitive arrays instead.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {

  /** 0. */
  public static final Complex ZERO = new Complex(0, 0);

  /** 1. */
  public static final Complex ONE = new Complex(1, 0);

  /** j, the imaginary unit. */
  public static final Complex J = new Complex(0, 1);

  /**
   * A real number as a complex one.
   *
   * @param re real value
   * @return re + 0j
   */
  public static Complex ofReal(double re) {
    return new Complex(re, 0);
  }

  /**
   * Builds r·e^{jφ}.
   *
   * @param r magnitude
   * @param phi phase [rad]
   * @return r·(cos φ + j sin φ)
   */
  public static Complex polar(double r, double phi) {
    return new Complex(r * Math.cos(phi), r * Math.sin(phi));
  }

  /**
   * e^{jφ}.
   *
   * @param phi phase [rad]
   * @return cos φ + j sin φ
   */
  public static Complex expj(double phi) {
    return new Complex(Math.cos(phi), Math.sin(phi));
  }

  /**
   * Sum.
   *
   * @param o addend
   * @return this + o
   */
  public Complex add(Complex o) {
    return new Complex(re + o.re, im + o.im);
  }

  /**
   * Sum with a real number.
   *
   * @param r addend
   * @return this + r
   */
  public Complex add(double r) {
    return new Complex(re + r, im);
  }

  /**
   * Difference.
   *
   * @param o subtrahend
   * @return this − o
   */
  public Complex sub(Complex o) {
    return new Complex(re - o.re, im - o.im);
  }

  /**
   * Difference with a real number.
   *
   * @param r subtrahend
   * @return this − r
   */
  public Complex sub(double r) {
    return new Complex(re - r, im);
  }

  /**
   * Product.
   *
   * @param o factor
   * @return this·o
   */
  public Complex mul(Complex o) {
    return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
  }

  /**
   * Product with a real number.
   *
   * @param s factor
   * @return s·this
   */
  public Complex mul(double s) {
    return new Complex(re * s, im * s);
  }

  /**
   * Quotient (Smith's algorithm, which avoids overflow for large components).
   *
   * @param o divisor
   * @return this/o
   */
  public Complex div(Complex o) {
    if (Math.abs(o.re) >= Math.abs(o.im)) {
      double r = o.im / o.re;
      double d = o.re + o.im * r;
      return new Complex((re + im * r) / d, (im - re * r) / d);
    }
    double r = o.re / o.im;
    double d = o.im + o.re * r;
    return new Complex((re * r + im) / d, (im * r - re) / d);
  }

  /**
   * Quotient by a real number.
   *
   * @param s divisor
   * @return this/s
   */
  public Complex div(double s) {
    return new Complex(re / s, im / s);
  }

  /**
   * Negation.
   *
   * @return −this
   */
  public Complex negate() {
    return new Complex(-re, -im);
  }

  /**
   * Complex conjugate.
   *
   * @return re − j·im
   */
  public Complex conj() {
    return new Complex(re, -im);
  }

  /**
   * Magnitude.
   *
   * @return |this|
   */
  public double abs() {
    return Math.hypot(re, im);
  }

  /**
   * Squared magnitude.
   *
   * @return |this|²
   */
  public double abs2() {
    return re * re + im * im;
  }

  /**
   * Argument.
   *
   * @return atan2(im, re) in (−π, π]
   */
  public double arg() {
    return Math.atan2(im, re);
  }

  /**
   * Principal square root (branch cut on the negative real axis, non-negative real part).
   *
   * @return √this
   */
  public Complex sqrt() {
    if (re == 0 && im == 0) {
      return ZERO;
    }
    double t = Math.sqrt((Math.abs(re) + Math.hypot(re, im)) / 2);
    if (re >= 0) {
      return new Complex(t, im / (2 * t));
    }
    return new Complex(Math.abs(im) / (2 * t), Math.copySign(t, im));
  }

  /**
   * Exponential.
   *
   * @return e^this
   */
  public Complex exp() {
    double m = Math.exp(re);
    return new Complex(m * Math.cos(im), m * Math.sin(im));
  }

  /**
   * Whether both parts are finite.
   *
   * @return true when neither part is NaN or infinite
   */
  public boolean isFinite() {
    return Double.isFinite(re) && Double.isFinite(im);
  }

  @Override
  public String toString() {
    return Double.doubleToRawLongBits(im) >= 0 || Double.isNaN(im)
        ? re + "+" + im + "j"
        : re + "-" + (-im) + "j";
  }
}
