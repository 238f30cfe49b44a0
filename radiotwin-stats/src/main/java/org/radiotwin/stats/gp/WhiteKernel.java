package org.radiotwin.stats.gp;

import java.util.Locale;

/**
 * Independent observation noise: k(x, y) = σ_n² on the diagonal of the training covariance, 0
 * elsewhere — also between distinct points at the same location and between training and test
 * points (scikit-learn's {@code WhiteKernel}).
 */
public final class WhiteKernel extends PositiveScalarKernel {

  /**
   * Creates the kernel with scikit-learn's default bounds [10⁻⁵, 10⁵].
   *
   * @param noiseLevel σ_n² > 0
   */
  public WhiteKernel(double noiseLevel) {
    this(noiseLevel, DEFAULT_LOWER, DEFAULT_UPPER);
  }

  /**
   * Creates the kernel.
   *
   * @param noiseLevel σ_n² > 0
   * @param lower lower bound of σ_n²
   * @param upper upper bound of σ_n²
   */
  public WhiteKernel(double noiseLevel, double lower, double upper) {
    super("noise level", noiseLevel, lower, upper);
  }

  /**
   * The noise variance.
   *
   * @return σ_n²
   */
  public double noiseLevel() {
    return parameter;
  }

  @Override
  public WhiteKernel withLogParameters(double[] logTheta, int offset) {
    return new WhiteKernel(Math.exp(logTheta[offset]), lower, upper);
  }

  @Override
  public double value(double[] x, double[] y, boolean same) {
    return same ? parameter : 0;
  }

  @Override
  public double valueAndGradient(
      double[] x, double[] y, boolean same, double[] gradient, int offset) {
    double v = same ? parameter : 0;
    gradient[offset] = v;
    return v;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "WhiteKernel(noise_level=%.4g)", parameter);
  }
}
