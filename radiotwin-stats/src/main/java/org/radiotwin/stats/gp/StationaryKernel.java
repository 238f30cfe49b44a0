package org.radiotwin.stats.gp;

import java.util.Arrays;
import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A unit-variance stationary correlation k(x, y) = κ(r) of the scaled distance r² = Σ_d ((x_d −
 * y_d)/ℓ_d)², with one length scale for every input (isotropic) or one per input dimension
 * (automatic relevance determination, ARD). Hyper-parameters: ln ℓ.
 *
 * <p>With s_d = (x_d − y_d)/ℓ_d, ∂k/∂ln ℓ_d = g(r)·s_d², where g = −κ′(r)/r is given by the
 * subclass; for an isotropic kernel the derivative is g(r)·r².
 */
public abstract sealed class StationaryKernel implements Kernel permits RbfKernel, MaternKernel {

  private final double[] lengthScales;
  private final double lower;
  private final double upper;

  /**
   * Creates the kernel.
   *
   * @param lengthScales ℓ (one: isotropic; one per input dimension: ARD) [input units]
   * @param lower lower bound of every ℓ
   * @param upper upper bound of every ℓ
   */
  StationaryKernel(double[] lengthScales, double lower, double upper) {
    if (lengthScales.length == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "length scales", "need at least one");
    }
    for (double l : lengthScales) {
      KernelChecks.positive("length scale", l);
    }
    KernelChecks.bounds("length scale", lower, upper);
    this.lengthScales = lengthScales.clone();
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * The length scales.
   *
   * @return ℓ (a copy) [input units]
   */
  public final double[] lengthScales() {
    return lengthScales.clone();
  }

  /**
   * Whether there is one length scale per input dimension.
   *
   * @return true for ARD (or a one-dimensional input)
   */
  public final boolean isAnisotropic() {
    return lengthScales.length > 1;
  }

  final double lowerBound() {
    return lower;
  }

  final double upperBound() {
    return upper;
  }

  /** κ(r). */
  abstract double correlation(double r);

  /** g(r) = −κ′(r)/r, the factor of s_d² in ∂k/∂ln ℓ_d. */
  abstract double gradientFactor(double r);

  /** A copy with other length scales. */
  abstract StationaryKernel withLengthScales(double[] l);

  /** Name in scikit-learn's repr. */
  abstract String label();

  @Override
  public final int parameterCount() {
    return lengthScales.length;
  }

  @Override
  public final double[] logParameters() {
    double[] t = new double[lengthScales.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = Math.log(lengthScales[i]);
    }
    return t;
  }

  @Override
  public final double[] lowerLogBounds() {
    double[] b = new double[lengthScales.length];
    Arrays.fill(b, Math.log(lower));
    return b;
  }

  @Override
  public final double[] upperLogBounds() {
    double[] b = new double[lengthScales.length];
    Arrays.fill(b, Math.log(upper));
    return b;
  }

  @Override
  public final StationaryKernel withLogParameters(double[] logTheta, int offset) {
    double[] l = new double[lengthScales.length];
    for (int i = 0; i < l.length; i++) {
      l[i] = Math.exp(logTheta[offset + i]);
    }
    return withLengthScales(l);
  }

  private double scaledSquaredDistance(double[] x, double[] y) {
    checkDimension(x, y);
    double r2 = 0;
    if (lengthScales.length == 1) {
      for (int d = 0; d < x.length; d++) {
        double s = x[d] - y[d];
        r2 += s * s;
      }
      return r2 / (lengthScales[0] * lengthScales[0]);
    }
    for (int d = 0; d < x.length; d++) {
      double s = (x[d] - y[d]) / lengthScales[d];
      r2 += s * s;
    }
    return r2;
  }

  private void checkDimension(double[] x, double[] y) {
    if (x.length != y.length || (lengthScales.length > 1 && x.length != lengthScales.length)) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "kernel input dimension",
          lengthScales.length > 1 ? lengthScales.length : x.length,
          lengthScales.length > 1 && x.length == y.length ? x.length : y.length);
    }
  }

  @Override
  public final double value(double[] x, double[] y, boolean same) {
    return correlation(Math.sqrt(scaledSquaredDistance(x, y)));
  }

  @Override
  public final double valueAndGradient(
      double[] x, double[] y, boolean same, double[] gradient, int offset) {
    double r2 = scaledSquaredDistance(x, y);
    double r = Math.sqrt(r2);
    double k = correlation(r);
    double g = r > 0 ? gradientFactor(r) : 0;
    if (lengthScales.length == 1) {
      gradient[offset] = g * r2;
    } else {
      for (int d = 0; d < x.length; d++) {
        double s = (x[d] - y[d]) / lengthScales[d];
        gradient[offset + d] = g * s * s;
      }
    }
    return k;
  }

  @Override
  public final String toString() {
    StringBuilder b = new StringBuilder(label()).append("(length_scale=");
    if (lengthScales.length == 1) {
      b.append(String.format(Locale.ROOT, "%.4g", lengthScales[0]));
    } else {
      b.append('[');
      for (int i = 0; i < lengthScales.length; i++) {
        b.append(i > 0 ? ", " : "").append(String.format(Locale.ROOT, "%.4g", lengthScales[i]));
      }
      b.append(']');
    }
    return b.append(')').toString();
  }
}
