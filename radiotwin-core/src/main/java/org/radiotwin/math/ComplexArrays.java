package org.radiotwin.math;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Allocation-free kernels on interleaved complex arrays {@code (re0, im0, re1, im1, …)}, in the
 * style of EJML's low-level operations.
 *
 * <p>Conventions shared by every method:
 *
 * <ul>
 *   <li>an <em>offset</em> is an index into the {@code double[]} (not a complex-element index):
 *       element {@code k} of a vector starting at offset {@code o} is {@code (a[o + 2k], a[o + 2k +
 *       1])};
 *   <li>{@code n} counts complex elements, so a call touches {@code 2n} doubles of each array;
 *   <li>outputs are caller-owned buffers; element-wise kernels accept an output that aliases an
 *       input at the same offset (each element is read before it is written);
 *   <li>ranges are checked once per call, so a bad offset or length raises a {@link
 *       RadioTwinException} naming the argument instead of an {@link
 *       ArrayIndexOutOfBoundsException} half-way through the loop.
 * </ul>
 *
 * <p>The phasor kernels implement the channel frequency response of Sionna RT, {@code cfr(f) = Σ_i
 * a_i·exp(−j2π f τ_i)} (METHODS.md §1), one path at a time.
 */
public final class ComplexArrays {

  /**
   * Number of recurrence steps of {@link #accumulatePhasorUniform} between two exact evaluations of
   * sin/cos. Each complex rotation adds about one ulp of error, so the drift stays below 64 ulp
   * (≈1.4·10⁻¹⁴ relative) before it is reset.
   */
  public static final int REANCHOR_INTERVAL = 64;

  private static final double TWO_PI = 2 * Math.PI;

  private ComplexArrays() {}

  /**
   * Fills n complex elements with one value: out_k = re + j·im.
   *
   * @param out output array
   * @param oo offset into {@code out}
   * @param n number of complex elements
   * @param re real part
   * @param im imaginary part
   */
  public static void set(double[] out, int oo, int n, double re, double im) {
    checkRange("out", out, oo, n);
    for (int k = 0, i = oo; k < n; k++, i += 2) {
      out[i] = re;
      out[i + 1] = im;
    }
  }

  /**
   * Element-wise sum: out_k = a_k + b_k.
   *
   * @param a first operand
   * @param ao offset into {@code a}
   * @param b second operand
   * @param bo offset into {@code b}
   * @param out output (may alias {@code a} or {@code b} at the same offset)
   * @param oo offset into {@code out}
   * @param n number of complex elements
   */
  public static void add(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    checkRange("a", a, ao, n);
    checkRange("b", b, bo, n);
    checkRange("out", out, oo, n);
    for (int k = 0; k < 2 * n; k++) {
      out[oo + k] = a[ao + k] + b[bo + k];
    }
  }

  /**
   * Element-wise difference: out_k = a_k − b_k.
   *
   * @param a first operand
   * @param ao offset into {@code a}
   * @param b second operand
   * @param bo offset into {@code b}
   * @param out output (may alias {@code a} or {@code b} at the same offset)
   * @param oo offset into {@code out}
   * @param n number of complex elements
   */
  public static void sub(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    checkRange("a", a, ao, n);
    checkRange("b", b, bo, n);
    checkRange("out", out, oo, n);
    for (int k = 0; k < 2 * n; k++) {
      out[oo + k] = a[ao + k] - b[bo + k];
    }
  }

  /**
   * Element-wise product: out_k = a_k·b_k.
   *
   * @param a first operand
   * @param ao offset into {@code a}
   * @param b second operand
   * @param bo offset into {@code b}
   * @param out output (may alias {@code a} or {@code b} at the same offset)
   * @param oo offset into {@code out}
   * @param n number of complex elements
   */
  public static void mul(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    checkRange("a", a, ao, n);
    checkRange("b", b, bo, n);
    checkRange("out", out, oo, n);
    for (int k = 0; k < 2 * n; k += 2) {
      double ar = a[ao + k];
      double ai = a[ao + k + 1];
      double br = b[bo + k];
      double bi = b[bo + k + 1];
      out[oo + k] = ar * br - ai * bi;
      out[oo + k + 1] = ar * bi + ai * br;
    }
  }

  /**
   * Element-wise product with the conjugate of the second operand: out_k = a_k·conj(b_k).
   *
   * @param a first operand
   * @param ao offset into {@code a}
   * @param b second operand, conjugated
   * @param bo offset into {@code b}
   * @param out output (may alias {@code a} or {@code b} at the same offset)
   * @param oo offset into {@code out}
   * @param n number of complex elements
   */
  public static void mulConj(double[] a, int ao, double[] b, int bo, double[] out, int oo, int n) {
    checkRange("a", a, ao, n);
    checkRange("b", b, bo, n);
    checkRange("out", out, oo, n);
    for (int k = 0; k < 2 * n; k += 2) {
      double ar = a[ao + k];
      double ai = a[ao + k + 1];
      double br = b[bo + k];
      double bi = b[bo + k + 1];
      out[oo + k] = ar * br + ai * bi;
      out[oo + k + 1] = ai * br - ar * bi;
    }
  }

  /**
   * Multiplication by a complex scalar: out_k = s·a_k.
   *
   * @param a operand
   * @param ao offset into {@code a}
   * @param sRe real part of s
   * @param sIm imaginary part of s
   * @param out output (may alias {@code a} at the same offset)
   * @param oo offset into {@code out}
   * @param n number of complex elements
   */
  public static void scale(
      double[] a, int ao, double sRe, double sIm, double[] out, int oo, int n) {
    checkRange("a", a, ao, n);
    checkRange("out", out, oo, n);
    for (int k = 0; k < 2 * n; k += 2) {
      double ar = a[ao + k];
      double ai = a[ao + k + 1];
      out[oo + k] = sRe * ar - sIm * ai;
      out[oo + k + 1] = sRe * ai + sIm * ar;
    }
  }

  /**
   * Multiplication by a real scalar: out_k = s·a_k.
   *
   * @param a operand
   * @param ao offset into {@code a}
   * @param s real factor
   * @param out output (may alias {@code a} at the same offset)
   * @param oo offset into {@code out}
   * @param n number of complex elements
   */
  public static void scale(double[] a, int ao, double s, double[] out, int oo, int n) {
    checkRange("a", a, ao, n);
    checkRange("out", out, oo, n);
    for (int k = 0; k < 2 * n; k++) {
      out[oo + k] = s * a[ao + k];
    }
  }

  /**
   * Squared magnitudes into a real array: out[oo + k] = |a_k|² = re² + im².
   *
   * @param a complex operand
   * @param ao offset into {@code a}
   * @param out real output, one double per element
   * @param oo offset into {@code out}
   * @param n number of complex elements
   */
  public static void abs2(double[] a, int ao, double[] out, int oo, int n) {
    checkRange("a", a, ao, n);
    checkRealRange("out", out, oo, n);
    for (int k = 0; k < n; k++) {
      double re = a[ao + 2 * k];
      double im = a[ao + 2 * k + 1];
      out[oo + k] = re * re + im * im;
    }
  }

  /**
   * Unconjugated dot product Σ_k a_k·b_k (the bilinear form aᵀb).
   *
   * @param a first vector
   * @param ao offset into {@code a}
   * @param b second vector
   * @param bo offset into {@code b}
   * @param n number of complex elements
   * @param out2 receives the result: out2[0] = real part, out2[1] = imaginary part
   */
  public static void dot(double[] a, int ao, double[] b, int bo, int n, double[] out2) {
    checkRange("a", a, ao, n);
    checkRange("b", b, bo, n);
    checkRange("out2", out2, 0, 1);
    double re = 0;
    double im = 0;
    for (int k = 0; k < 2 * n; k += 2) {
      double ar = a[ao + k];
      double ai = a[ao + k + 1];
      double br = b[bo + k];
      double bi = b[bo + k + 1];
      re += ar * br - ai * bi;
      im += ar * bi + ai * br;
    }
    out2[0] = re;
    out2[1] = im;
  }

  /**
   * Conjugate dot product (Hermitian inner product) aᴴb = Σ_k conj(a_k)·b_k, the form used to
   * project a measurement on a steering vector (aᴴy in METHODS.md §2).
   *
   * @param a first vector, conjugated
   * @param ao offset into {@code a}
   * @param b second vector
   * @param bo offset into {@code b}
   * @param n number of complex elements
   * @param out2 receives the result: out2[0] = real part, out2[1] = imaginary part
   */
  public static void dotConj(double[] a, int ao, double[] b, int bo, int n, double[] out2) {
    checkRange("a", a, ao, n);
    checkRange("b", b, bo, n);
    checkRange("out2", out2, 0, 1);
    double re = 0;
    double im = 0;
    for (int k = 0; k < 2 * n; k += 2) {
      double ar = a[ao + k];
      double ai = a[ao + k + 1];
      double br = b[bo + k];
      double bi = b[bo + k + 1];
      re += ar * br + ai * bi;
      im += ar * bi - ai * br;
    }
    out2[0] = re;
    out2[1] = im;
  }

  /**
   * Adds one path's phasor to a channel frequency response: out_k += a·exp(−j2π f_k τ) for every
   * frequency, i.e. one term of cfr(f) = Σ_i a_i e^{−j2πfτ_i} (Sionna RT convention, METHODS.md
   * §1).
   *
   * <p>Exact evaluation per tone: the phase is reduced in cycles, x = f_k·τ − rint(f_k·τ), from the
   * exact product f_k·τ (the rounding error of the product is recovered with a fused multiply-add),
   * before multiplying by 2π. So no accuracy is lost to the size of f·τ, which reaches 10⁴ cycles
   * for a 1 µs delay at 10 GHz: the result is accurate to a few ulp of |a| for the given double
   * values of f_k and τ. (The inputs' own rounding still matters: one ulp of τ is a phase of
   * 2π·f·τ·1.1·10⁻¹⁶ rad.)
   *
   * @param out interleaved output of {@code freqs.length} complex values, accumulated into
   * @param freqs frequencies f_k [Hz] (baseband or absolute, as the caller's convention)
   * @param ampRe real part of the path coefficient a
   * @param ampIm imaginary part of the path coefficient a
   * @param tau path delay τ [s]
   */
  public static void accumulatePhasor(
      double[] out, double[] freqs, double ampRe, double ampIm, double tau) {
    checkRange("out", out, 0, freqs.length);
    for (int k = 0; k < freqs.length; k++) {
      double phi = -TWO_PI * fractionalCycles(freqs[k], tau);
      double c = Math.cos(phi);
      double s = Math.sin(phi);
      out[2 * k] += ampRe * c - ampIm * s;
      out[2 * k + 1] += ampRe * s + ampIm * c;
    }
  }

  /**
   * Fast version of {@link #accumulatePhasor} for uniformly spaced frequencies f_k = f0 + k·df, k =
   * 0 … count−1: out_k += a·exp(−j2π f_k τ).
   *
   * <p>Within a block of {@link #REANCHOR_INTERVAL} tones the phasor is advanced by the rotation w
   * = exp(−j2π·df·τ) (one complex multiplication per tone instead of a sine and a cosine); at the
   * start of each block it is re-anchored with an exact sin/cos evaluation at f_k = f0 + k·df, so
   * the rounding drift of the recurrence never exceeds about 64 ulp. The result agrees with {@link
   * #accumulatePhasor} on {@code f0 + k*df} to about 10⁻¹³ relative to |a|.
   *
   * @param out interleaved output of {@code count} complex values, accumulated into
   * @param f0 first frequency [Hz]
   * @param df frequency spacing [Hz]
   * @param count number of frequencies
   * @param ampRe real part of the path coefficient a
   * @param ampIm imaginary part of the path coefficient a
   * @param tau path delay τ [s]
   */
  public static void accumulatePhasorUniform(
      double[] out, double f0, double df, int count, double ampRe, double ampIm, double tau) {
    if (count < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "count", "must be non-negative, got " + count);
    }
    checkRange("out", out, 0, count);
    double stepPhi = -TWO_PI * fractionalCycles(df, tau);
    double wRe = Math.cos(stepPhi);
    double wIm = Math.sin(stepPhi);
    for (int start = 0; start < count; start += REANCHOR_INTERVAL) {
      double phi = -TWO_PI * fractionalCycles(f0 + start * df, tau);
      double c = Math.cos(phi);
      double s = Math.sin(phi);
      double zRe = ampRe * c - ampIm * s;
      double zIm = ampRe * s + ampIm * c;
      int end = Math.min(count, start + REANCHOR_INTERVAL);
      for (int k = start; k < end; k++) {
        out[2 * k] += zRe;
        out[2 * k + 1] += zIm;
        double t = zRe * wRe - zIm * wIm;
        zIm = zRe * wIm + zIm * wRe;
        zRe = t;
      }
    }
  }

  /**
   * The fractional part of f·τ in cycles, in [−0.5, 0.5], computed from the exact product: p =
   * fl(f·τ) and its rounding error e = f·τ − p (exact, by a fused multiply-add) give f·τ − rint(p)
   * = (p − rint(p)) + e, where the first difference is exact. The phase 2π·(f·τ) is then known to a
   * few 10⁻¹⁶ rad whatever the number of whole cycles.
   */
  static double fractionalCycles(double f, double tau) {
    double p = f * tau;
    double e = Math.fma(f, tau, -p);
    return (p - Math.rint(p)) + e;
  }

  private static void checkRange(String name, double[] array, int offset, int n) {
    if (n < 0 || offset < 0 || (long) offset + 2L * n > array.length) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "complex array '" + name + "'",
          n
              + " complex elements from offset "
              + offset
              + " do not fit in its length "
              + array.length);
    }
  }

  private static void checkRealRange(String name, double[] array, int offset, int n) {
    if (n < 0 || offset < 0 || (long) offset + n > array.length) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "real array '" + name + "'",
          n + " elements from offset " + offset + " do not fit in its length " + array.length);
    }
  }
}
