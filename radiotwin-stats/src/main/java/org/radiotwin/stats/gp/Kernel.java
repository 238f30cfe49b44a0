package org.radiotwin.stats.gp;

/**
 * A covariance function k(x, x′) of a Gaussian process with hyper-parameters θ handled in log space
 * (as scikit-learn's {@code kernel.theta}): every parameter is positive and the optimiser works on
 * ln θ within box bounds.
 *
 * <p>Kernels are immutable; {@link #withLogParameters} returns a copy. Evaluation is element-wise
 * on caller-owned rows so that the n × n covariance and its gradient can be streamed without
 * storing one n × n matrix per hyper-parameter. A "same point" flag distinguishes the diagonal of
 * the training covariance from coincident but distinct points, so that a white-noise term adds to
 * K(X, X) only (scikit-learn's convention: {@code WhiteKernel(X, Y)} is 0 for Y ≠ None).
 *
 * <p>Reference: C. E. Rasmussen and C. K. I. Williams, <i>Gaussian Processes for Machine
 * Learning</i>, MIT Press, 2006, ch. 4–5.
 */
public interface Kernel {

  /**
   * Number of hyper-parameters.
   *
   * @return p ≥ 0
   */
  int parameterCount();

  /**
   * The hyper-parameters, natural logarithms.
   *
   * @return ln θ (a copy, length {@link #parameterCount()})
   */
  double[] logParameters();

  /**
   * Lower bounds of ln θ.
   *
   * @return bounds (a copy)
   */
  double[] lowerLogBounds();

  /**
   * Upper bounds of ln θ.
   *
   * @return bounds (a copy)
   */
  double[] upperLogBounds();

  /**
   * A copy with other hyper-parameters.
   *
   * @param logTheta ln θ
   * @param offset index of this kernel's first parameter in {@code logTheta}
   * @return the copy
   */
  Kernel withLogParameters(double[] logTheta, int offset);

  /**
   * A copy with other hyper-parameters.
   *
   * @param logTheta ln θ, length {@link #parameterCount()}
   * @return the copy
   */
  default Kernel withLogParameters(double[] logTheta) {
    return withLogParameters(logTheta, 0);
  }

  /**
   * k(x, y).
   *
   * @param x first input
   * @param y second input
   * @param same whether x and y are the same training point (diagonal of K(X, X))
   * @return the covariance
   */
  double value(double[] x, double[] y, boolean same);

  /**
   * k(x, y) and its gradient with respect to ln θ.
   *
   * @param x first input
   * @param y second input
   * @param same whether x and y are the same training point
   * @param gradient receives ∂k/∂ln θ_i at {@code offset + i}
   * @param offset first index written
   * @return the covariance
   */
  double valueAndGradient(double[] x, double[] y, boolean same, double[] gradient, int offset);

  /**
   * Human-readable form with the current hyper-parameters.
   *
   * @return e.g. "0.84**2 * RBF(length_scale=[1.2, 3.4]) + WhiteKernel(noise_level=0.01)"
   */
  @Override
  String toString();
}
