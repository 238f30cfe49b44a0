package org.radiotwin.stats.gp;

/**
 * The squared-exponential (radial basis function) correlation κ(r) = exp(−r²/2) (Rasmussen and
 * Williams 2006, eq. 4.9; scikit-learn's {@code RBF}).
 */
public final class RbfKernel extends StationaryKernel {

  /**
   * Creates the kernel with scikit-learn's default bounds [10⁻⁵, 10⁵].
   *
   * @param lengthScales one (isotropic) or one per input dimension (ARD) [input units]
   */
  public RbfKernel(double... lengthScales) {
    this(lengthScales, 1e-5, 1e5);
  }

  /**
   * Creates the kernel.
   *
   * @param lengthScales one (isotropic) or one per input dimension (ARD) [input units]
   * @param lower lower bound of every length scale
   * @param upper upper bound of every length scale
   */
  public RbfKernel(double[] lengthScales, double lower, double upper) {
    super(lengthScales, lower, upper);
  }

  @Override
  double correlation(double r) {
    return Math.exp(-0.5 * r * r);
  }

  @Override
  double gradientFactor(double r) {
    return Math.exp(-0.5 * r * r);
  }

  @Override
  RbfKernel withLengthScales(double[] l) {
    return new RbfKernel(l, lowerBound(), upperBound());
  }

  @Override
  String label() {
    return "RBF";
  }
}
