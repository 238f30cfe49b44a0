package org.radiotwin.stats.gp;

/**
 * Shared part of the kernels combining two kernels ({@link SumKernel}, {@link ProductKernel}): the
 * hyper-parameters are those of k₁ then those of k₂.
 */
interface BinaryKernel extends Kernel {

  /**
   * The first operand.
   *
   * @return k₁
   */
  Kernel first();

  /**
   * The second operand.
   *
   * @return k₂
   */
  Kernel second();

  @Override
  default int parameterCount() {
    return first().parameterCount() + second().parameterCount();
  }

  @Override
  default double[] logParameters() {
    return Composite.concat(first().logParameters(), second().logParameters());
  }

  @Override
  default double[] lowerLogBounds() {
    return Composite.concat(first().lowerLogBounds(), second().lowerLogBounds());
  }

  @Override
  default double[] upperLogBounds() {
    return Composite.concat(first().upperLogBounds(), second().upperLogBounds());
  }
}
