package org.radiotwin.stats.gp;

import java.util.Locale;

/**
 * A constant covariance k(x, y) = c (scikit-learn's {@code ConstantKernel}); multiplied with a
 * correlation function it is the signal variance σ_f².
 */
public final class ConstantKernel implements Kernel {

  private final double value;
  private final double lower;
  private final double upper;

  /**
   * Creates the kernel with scikit-learn's default bounds [10⁻⁵, 10⁵].
   *
   * @param value c > 0
   */
  public ConstantKernel(double value) {
    this(value, 1e-5, 1e5);
  }

  /**
   * Creates the kernel.
   *
   * @param value c > 0
   * @param lower lower bound of c
   * @param upper upper bound of c
   */
  public ConstantKernel(double value, double lower, double upper) {
    this.value = KernelChecks.positive("constant value", value);
    KernelChecks.bounds("constant value", lower, upper);
    this.lower = lower;
    this.upper = upper;
  }

  /**
   * The constant.
   *
   * @return c
   */
  public double constant() {
    return value;
  }

  @Override
  public int parameterCount() {
    return 1;
  }

  @Override
  public double[] logParameters() {
    return new double[] {Math.log(value)};
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
  public ConstantKernel withLogParameters(double[] logTheta, int offset) {
    return new ConstantKernel(Math.exp(logTheta[offset]), lower, upper);
  }

  @Override
  public double value(double[] x, double[] y, boolean same) {
    return value;
  }

  @Override
  public double valueAndGradient(
      double[] x, double[] y, boolean same, double[] gradient, int offset) {
    gradient[offset] = value;
    return value;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4g**2", Math.sqrt(value));
  }
}
