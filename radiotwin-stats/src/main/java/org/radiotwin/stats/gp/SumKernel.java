package org.radiotwin.stats.gp;

/**
 * k(x, y) = k₁(x, y) + k₂(x, y); hyper-parameters those of k₁ then those of k₂ (scikit-learn's
 * {@code Sum}).
 *
 * @param first k₁
 * @param second k₂
 */
public record SumKernel(Kernel first, Kernel second) implements BinaryKernel {

  @Override
  public SumKernel withLogParameters(double[] logTheta, int offset) {
    return new SumKernel(
        first.withLogParameters(logTheta, offset),
        second.withLogParameters(logTheta, offset + first.parameterCount()));
  }

  @Override
  public double value(double[] x, double[] y, boolean same) {
    return first.value(x, y, same) + second.value(x, y, same);
  }

  @Override
  public double valueAndGradient(
      double[] x, double[] y, boolean same, double[] gradient, int offset) {
    return first.valueAndGradient(x, y, same, gradient, offset)
        + second.valueAndGradient(x, y, same, gradient, offset + first.parameterCount());
  }

  @Override
  public String toString() {
    return first + " + " + second;
  }
}
