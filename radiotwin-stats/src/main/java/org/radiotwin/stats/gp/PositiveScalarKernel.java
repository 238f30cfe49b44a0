package org.radiotwin.stats.gp;

/**
 * Shared part of the kernels with a single positive hyper-parameter θ searched on log(θ) within
 * [lower, upper] ({@link ConstantKernel}, {@link WhiteKernel}).
 */
abstract class PositiveScalarKernel implements Kernel {

  /** scikit-learn's default lower bound of a scalar hyper-parameter. */
  static final double DEFAULT_LOWER = 1e-5;

  /** scikit-learn's default upper bound of a scalar hyper-parameter. */
  static final double DEFAULT_UPPER = 1e5;

  /** The hyper-parameter θ > 0. */
  final double parameter;

  /** Lower bound of θ. */
  final double lower;

  /** Upper bound of θ. */
  final double upper;

  /**
   * Checks and stores the hyper-parameter.
   *
   * @param name the hyper-parameter's name in error messages
   * @param parameter θ > 0
   * @param lower lower bound of θ
   * @param upper upper bound of θ
   */
  PositiveScalarKernel(String name, double parameter, double lower, double upper) {
    this.parameter = KernelChecks.positive(name, parameter);
    KernelChecks.bounds(name, lower, upper);
    this.lower = lower;
    this.upper = upper;
  }

  @Override
  public final int parameterCount() {
    return 1;
  }

  @Override
  public final double[] logParameters() {
    return new double[] {Math.log(parameter)};
  }

  @Override
  public final double[] lowerLogBounds() {
    return new double[] {Math.log(lower)};
  }

  @Override
  public final double[] upperLogBounds() {
    return new double[] {Math.log(upper)};
  }
}
