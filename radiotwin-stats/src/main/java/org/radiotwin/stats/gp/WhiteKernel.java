package org.radiotwin.stats.gp;

import java.util.Locale;

/**
 * Independent observation noise: k(x, y) = σ_n² on the diagonal of the training covariance, 0
 * elsewhere — also between distinct points at the same location and between training and test
 * points (scikit-learn's {@code WhiteKernel}).
 */
public final class WhiteKernel implements Kernel {

  private final double noise;
  private final double lower;
  private final double upper;

  /**
   * Creates the kernel with scikit-learn's default bounds [10⁻⁵, 10⁵].
   *
   * @param noiseLevel σ_n² > 0
   */
  public WhiteKernel(double noiseLevel) {
    this(noiseLevel, 1e-5, 1e5);
  }

  /**
   * Creates the kernel.
   *
   * @param noiseLevel σ_n² > 0
   * @param lower lower bound of σ_n²
   * @param upper upper bound of σ_n²
   */
  public WhiteKernel(double noiseLevel, double lower, double upper) {
    this.noise = KernelChecks.positive("noise level", noiseLevel);
    KernelChecks.bounds("noise level", lower, upper);
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * The noise variance.
   *
   * @return σ_n²
   */
  public double noiseLevel() {
    return noise;
  }

  @Override
  public int parameterCount() {
    return 1;
  }

  @Override
  public double[] logParameters() {
    return new double[] {Math.log(noise)};
  }

  @Override
  public double[] lowerLogBounds() {
    return new double[] {Math.log(lower)};
  }

  @Override
  public double[] upperLogBounds() {
    return new double[] {Math.log(upper)};
  }

  @Override
  public WhiteKernel withLogParameters(double[] logTheta, int offset) {
    return new WhiteKernel(Math.exp(logTheta[offset]), lower, upper);
  }

  @Override
  public double value(double[] x, double[] y, boolean same) {
    return same ? noise : 0;
  }

  @Override
  public double valueAndGradient(
      double[] x, double[] y, boolean same, double[] gradient, int offset) {
    double v = same ? noise : 0;
    gradient[offset] = v;
    return v;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "WhiteKernel(noise_level=%.4g)", noise);
  }
}
