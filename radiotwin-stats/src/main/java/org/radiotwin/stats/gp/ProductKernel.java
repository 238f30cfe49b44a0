package org.radiotwin.stats.gp;

/**
 * k(x, y) = k₁(x, y)·k₂(x, y); hyper-parameters those of k₁ then those of k₂ (scikit-learn's {@code
 * Product}). The gradient follows the product rule: ∂k/∂θ₁ = k₂·∂k₁/∂θ₁, ∂k/∂θ₂ = k₁·∂k₂/∂θ₂.
 *
 * @param first k₁
 * @param second k₂
 */
public record ProductKernel(Kernel first, Kernel second) implements BinaryKernel {

  @Override
  public ProductKernel withLogParameters(double[] logTheta, int offset) {
    return new ProductKernel(
        first.withLogParameters(logTheta, offset),
        second.withLogParameters(logTheta, offset + first.parameterCount()));
  }

  @Override
  public double value(double[] x, double[] y, boolean same) {
    return first.value(x, y, same) * second.value(x, y, same);
  }

  @Override
  public double valueAndGradient(
      double[] x, double[] y, boolean same, double[] gradient, int offset) {
    int p1 = first.parameterCount();
    int p2 = second.parameterCount();
    double k1 = first.valueAndGradient(x, y, same, gradient, offset);
    double k2 = second.valueAndGradient(x, y, same, gradient, offset + p1);
    for (int i = 0; i < p1; i++) {
      gradient[offset + i] *= k2;
    }
    for (int i = 0; i < p2; i++) {
      gradient[offset + p1 + i] *= k1;
    }
    return k1 * k2;
  }

  @Override
  public String toString() {
    return first + " * " + second;
  }
}
