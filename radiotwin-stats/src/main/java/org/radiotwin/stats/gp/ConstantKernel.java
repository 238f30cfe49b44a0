package org.radiotwin.stats.gp;

import java.util.Locale;

/**
 * A constant covariance k(x, y) = c (scikit-learn's {@code ConstantKernel}); multiplied with a
 * correlation function it is the signal variance σ_f².
 */
public final class ConstantKernel extends PositiveScalarKernel {

  /**
   * Creates the kernel with scikit-learn's default bounds [10⁻⁵, 10⁵].
   *
   * @param value c > 0
   */
  public ConstantKernel(double value) {
    this(value, DEFAULT_LOWER, DEFAULT_UPPER);
  }

  /**
   * Creates the kernel.
   *
   * @param value c > 0
   * @param lower lower bound of c
   * @param upper upper bound of c
   */
  public ConstantKernel(double value, double lower, double upper) {
    super("constant value", value, lower, upper);
  }

  /**
   * The constant.
   *
   * @return c
   */
  public double constant() {
    return parameter;
  }

  @Override
  public ConstantKernel withLogParameters(double[] logTheta, int offset) {
    return new ConstantKernel(Math.exp(logTheta[offset]), lower, upper);
  }

  @Override
  public double value(double[] x, double[] y, boolean same) {
    return parameter;
  }

  @Override
  public double valueAndGradient(
      double[] x, double[] y, boolean same, double[] gradient, int offset) {
    gradient[offset] = parameter;
    return parameter;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.4g**2", Math.sqrt(parameter));
  }
}
