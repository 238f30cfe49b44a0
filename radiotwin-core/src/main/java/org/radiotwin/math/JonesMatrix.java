package org.radiotwin.math;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * An immutable 2×2 complex matrix [[a, b], [c, d]] for polarimetric transport: the Jones matrix of
 * an interaction maps the two field components of the incident wave (in its s/p or θ/φ basis) to
 * those of the outgoing wave, and the path's total transfer matrix is the product of the
 * interactions' matrices (METHODS.md §1, path coefficient a = (λ/4π)·C_Rᴴ·T·C_T/L).
 *
 * <p>Hot loops use the packed form: 8 doubles, row-major with interleaved real and imaginary parts
 * {@code (a.re, a.im, b.re, b.im, c.re, c.im, d.re, d.im)}, and the static kernels {@link
 * #mul(double[], int, double[], int, double[], int)} and {@link #apply(double[], int, double[],
 * int, double[], int)}.
 *
 * <p>Being a record of doubles, {@link #equals} compares components as {@link Double#equals} does:
 * exactly, and telling −0.0 from 0.0. Compare numerically (e.g. on {@link #toPacked}) where signed
 * zeros may differ.
 *
 * @param aRe real part of the entry (0, 0)
 * @param aIm imaginary part of the entry (0, 0)
 * @param bRe real part of the entry (0, 1)
 * @param bIm imaginary part of the entry (0, 1)
 * @param cRe real part of the entry (1, 0)
 * @param cIm imaginary part of the entry (1, 0)
 * @param dRe real part of the entry (1, 1)
 * @param dIm imaginary part of the entry (1, 1)
 */
public record JonesMatrix(
    double aRe,
    double aIm,
    double bRe,
    double bIm,
    double cRe,
    double cIm,
    double dRe,
    double dIm) {

  /** Number of doubles of a packed matrix. */
  public static final int PACKED_LENGTH = 8;

  /** The identity matrix. */
  public static final JonesMatrix IDENTITY = new JonesMatrix(1, 0, 0, 0, 0, 0, 1, 0);

  /** The zero matrix. */
  public static final JonesMatrix ZERO = new JonesMatrix(0, 0, 0, 0, 0, 0, 0, 0);

  /**
   * A matrix from its four complex entries.
   *
   * @param a entry (0, 0)
   * @param b entry (0, 1)
   * @param c entry (1, 0)
   * @param d entry (1, 1)
   * @return [[a, b], [c, d]]
   */
  public static JonesMatrix of(Complex a, Complex b, Complex c, Complex d) {
    return new JonesMatrix(a.re(), a.im(), b.re(), b.im(), c.re(), c.im(), d.re(), d.im());
  }

  /**
   * A diagonal matrix, e.g. diag(R_te, R_tm) of a reflection between s/p bases.
   *
   * @param d0 entry (0, 0)
   * @param d1 entry (1, 1)
   * @return diag(d0, d1)
   */
  public static JonesMatrix diag(Complex d0, Complex d1) {
    return new JonesMatrix(d0.re(), d0.im(), 0, 0, 0, 0, d1.re(), d1.im());
  }

  /**
   * The real rotation matrix [[cos α, −sin α], [sin α, cos α]], which changes the polarisation
   * basis of a wave by a rotation of α about its direction of propagation.
   *
   * @param angle rotation angle α [rad], counter-clockwise
   * @return the rotation
   */
  public static JonesMatrix rotation(double angle) {
    double c = Math.cos(angle);
    double s = Math.sin(angle);
    return new JonesMatrix(c, 0, -s, 0, s, 0, c, 0);
  }

  /**
   * Reads a packed matrix.
   *
   * @param packed array holding the 8 doubles
   * @param offset index of {@code a.re}
   * @return the matrix
   */
  public static JonesMatrix fromPacked(double[] packed, int offset) {
    checkPacked("packed", packed, offset);
    return new JonesMatrix(
        packed[offset],
        packed[offset + 1],
        packed[offset + 2],
        packed[offset + 3],
        packed[offset + 4],
        packed[offset + 5],
        packed[offset + 6],
        packed[offset + 7]);
  }

  /**
   * Writes this matrix in packed form.
   *
   * @param out output array
   * @param offset index where {@code a.re} goes; 8 doubles are written
   */
  public void toPacked(double[] out, int offset) {
    checkPacked("out", out, offset);
    out[offset] = aRe;
    out[offset + 1] = aIm;
    out[offset + 2] = bRe;
    out[offset + 3] = bIm;
    out[offset + 4] = cRe;
    out[offset + 5] = cIm;
    out[offset + 6] = dRe;
    out[offset + 7] = dIm;
  }

  /**
   * One entry.
   *
   * @param row 0 or 1
   * @param col 0 or 1
   * @return the entry (row, col)
   */
  public Complex get(int row, int col) {
    if ((row & ~1) != 0 || (col & ~1) != 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "Jones matrix index",
          "(" + row + ", " + col + ") is outside the 2×2 matrix");
    }
    return switch (2 * row + col) {
      case 0 -> new Complex(aRe, aIm);
      case 1 -> new Complex(bRe, bIm);
      case 2 -> new Complex(cRe, cIm);
      default -> new Complex(dRe, dIm);
    };
  }

  /**
   * Matrix product.
   *
   * @param o right factor
   * @return this·o (apply {@code o} first, then {@code this})
   */
  public JonesMatrix multiply(JonesMatrix o) {
    return new JonesMatrix(
        aRe * o.aRe - aIm * o.aIm + bRe * o.cRe - bIm * o.cIm,
        aRe * o.aIm + aIm * o.aRe + bRe * o.cIm + bIm * o.cRe,
        aRe * o.bRe - aIm * o.bIm + bRe * o.dRe - bIm * o.dIm,
        aRe * o.bIm + aIm * o.bRe + bRe * o.dIm + bIm * o.dRe,
        cRe * o.aRe - cIm * o.aIm + dRe * o.cRe - dIm * o.cIm,
        cRe * o.aIm + cIm * o.aRe + dRe * o.cIm + dIm * o.cRe,
        cRe * o.bRe - cIm * o.bIm + dRe * o.dRe - dIm * o.dIm,
        cRe * o.bIm + cIm * o.bRe + dRe * o.dIm + dIm * o.dRe);
  }

  /**
   * Multiplication of every entry by a complex scalar.
   *
   * @param s factor
   * @return s·this
   */
  public JonesMatrix scale(Complex s) {
    double r = s.re();
    double i = s.im();
    return new JonesMatrix(
        r * aRe - i * aIm,
        r * aIm + i * aRe,
        r * bRe - i * bIm,
        r * bIm + i * bRe,
        r * cRe - i * cIm,
        r * cIm + i * cRe,
        r * dRe - i * dIm,
        r * dIm + i * dRe);
  }

  /**
   * Conjugate transpose (Hermitian adjoint).
   *
   * @return Mᴴ = [[conj a, conj c], [conj b, conj d]]
   */
  public JonesMatrix conjugateTranspose() {
    return new JonesMatrix(aRe, -aIm, cRe, -cIm, bRe, -bIm, dRe, -dIm);
  }

  /**
   * Applies the matrix to a 2-vector (a Jones vector of field components).
   *
   * @param v0 first component
   * @param v1 second component
   * @return {a·v0 + b·v1, c·v0 + d·v1}, a new array of length 2
   */
  public Complex[] apply(Complex v0, Complex v1) {
    return new Complex[] {
      new Complex(
          aRe * v0.re() - aIm * v0.im() + bRe * v1.re() - bIm * v1.im(),
          aRe * v0.im() + aIm * v0.re() + bRe * v1.im() + bIm * v1.re()),
      new Complex(
          cRe * v0.re() - cIm * v0.im() + dRe * v1.re() - dIm * v1.im(),
          cRe * v0.im() + cIm * v0.re() + dRe * v1.im() + dIm * v1.re())
    };
  }

  /**
   * Trace.
   *
   * @return a + d
   */
  public Complex trace() {
    return new Complex(aRe + dRe, aIm + dIm);
  }

  /**
   * Determinant.
   *
   * @return a·d − b·c
   */
  public Complex determinant() {
    return new Complex(
        aRe * dRe - aIm * dIm - (bRe * cRe - bIm * cIm),
        aRe * dIm + aIm * dRe - (bRe * cIm + bIm * cRe));
  }

  /**
   * Frobenius norm, the square root of the sum of the squared magnitudes of the entries.
   *
   * @return ‖M‖_F
   */
  public double frobeniusNorm() {
    return Math.sqrt(
        aRe * aRe + aIm * aIm + bRe * bRe + bIm * bIm + cRe * cRe + cIm * cIm + dRe * dRe
            + dIm * dIm);
  }

  /**
   * Packed product kernel out = A·B on 8-double matrices (row-major, interleaved re/im), without
   * allocation. {@code out} may alias {@code a} or {@code b}: every input is read before anything
   * is written.
   *
   * @param a left factor
   * @param ao offset of A in {@code a}
   * @param b right factor
   * @param bo offset of B in {@code b}
   * @param out output
   * @param oo offset of the result in {@code out}
   */
  public static void mul(double[] a, int ao, double[] b, int bo, double[] out, int oo) {
    checkPacked("a", a, ao);
    checkPacked("b", b, bo);
    checkPacked("out", out, oo);
    double a00r = a[ao];
    double a00i = a[ao + 1];
    double a01r = a[ao + 2];
    double a01i = a[ao + 3];
    double a10r = a[ao + 4];
    double a10i = a[ao + 5];
    double a11r = a[ao + 6];
    double a11i = a[ao + 7];
    double b00r = b[bo];
    double b00i = b[bo + 1];
    double b01r = b[bo + 2];
    double b01i = b[bo + 3];
    double b10r = b[bo + 4];
    double b10i = b[bo + 5];
    double b11r = b[bo + 6];
    double b11i = b[bo + 7];
    out[oo] = a00r * b00r - a00i * b00i + a01r * b10r - a01i * b10i;
    out[oo + 1] = a00r * b00i + a00i * b00r + a01r * b10i + a01i * b10r;
    out[oo + 2] = a00r * b01r - a00i * b01i + a01r * b11r - a01i * b11i;
    out[oo + 3] = a00r * b01i + a00i * b01r + a01r * b11i + a01i * b11r;
    out[oo + 4] = a10r * b00r - a10i * b00i + a11r * b10r - a11i * b10i;
    out[oo + 5] = a10r * b00i + a10i * b00r + a11r * b10i + a11i * b10r;
    out[oo + 6] = a10r * b01r - a10i * b01i + a11r * b11r - a11i * b11i;
    out[oo + 7] = a10r * b01i + a10i * b01r + a11r * b11i + a11i * b11r;
  }

  /**
   * Packed matrix–vector kernel out = M·v, with v and out interleaved 2-vectors (4 doubles: v0.re,
   * v0.im, v1.re, v1.im), without allocation. {@code out} may alias {@code v}.
   *
   * @param m packed matrix
   * @param mo offset of M in {@code m}
   * @param v input vector
   * @param vo offset of v in {@code v}
   * @param out output vector
   * @param oo offset of the result in {@code out}
   */
  public static void apply(double[] m, int mo, double[] v, int vo, double[] out, int oo) {
    checkPacked("m", m, mo);
    checkVector("v", v, vo);
    checkVector("out", out, oo);
    double v0r = v[vo];
    double v0i = v[vo + 1];
    double v1r = v[vo + 2];
    double v1i = v[vo + 3];
    out[oo] = m[mo] * v0r - m[mo + 1] * v0i + m[mo + 2] * v1r - m[mo + 3] * v1i;
    out[oo + 1] = m[mo] * v0i + m[mo + 1] * v0r + m[mo + 2] * v1i + m[mo + 3] * v1r;
    out[oo + 2] = m[mo + 4] * v0r - m[mo + 5] * v0i + m[mo + 6] * v1r - m[mo + 7] * v1i;
    out[oo + 3] = m[mo + 4] * v0i + m[mo + 5] * v0r + m[mo + 6] * v1i + m[mo + 7] * v1r;
  }

  private static void checkPacked(String name, double[] array, int offset) {
    if (offset < 0 || (long) offset + PACKED_LENGTH > array.length) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "packed Jones matrix '" + name + "'",
          "8 doubles from offset " + offset + " do not fit in its length " + array.length);
    }
  }

  private static void checkVector(String name, double[] array, int offset) {
    if (offset < 0 || (long) offset + 4 > array.length) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "packed Jones vector '" + name + "'",
          "4 doubles from offset " + offset + " do not fit in its length " + array.length);
    }
  }
}
