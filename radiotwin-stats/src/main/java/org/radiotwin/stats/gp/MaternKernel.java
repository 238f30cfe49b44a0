package org.radiotwin.stats.gp;

/**
 * The Matérn correlation for half-integer smoothness ν (Rasmussen and Williams 2006, eqs.
 * 4.16–4.17; scikit-learn's {@code Matern}): κ(r) = e^{−r} (ν = 1/2, the exponential or Gudmundson
 * model exp(−d/d_c) of shadowing correlation, M. Gudmundson, Electronics Letters 27(23), 1991,
 * doi:10.1049/el:19911328), (1 + √3 r)e^{−√3 r} (ν = 3/2) and (1 + √5 r + 5r²/3)e^{−√5 r} (ν =
 * 5/2).
 */
public final class MaternKernel extends StationaryKernel {

  /** Smoothness ν. */
  public enum Smoothness {
    /** ν = 1/2: exponential (Gudmundson), continuous but not differentiable. */
    HALF("0.5"),
    /** ν = 3/2: once mean-square differentiable. */
    THREE_HALVES("1.5"),
    /** ν = 5/2: twice mean-square differentiable. */
    FIVE_HALVES("2.5");

    private final String label;

    Smoothness(String label) {
      this.label = label;
    }
  }

  private static final double SQRT3 = Math.sqrt(3);
  private static final double SQRT5 = Math.sqrt(5);

  private final Smoothness nu;

  /**
   * Creates the kernel with scikit-learn's default bounds [10⁻⁵, 10⁵].
   *
   * @param nu smoothness
   * @param lengthScales one (isotropic) or one per input dimension (ARD) [input units]
   */
  public MaternKernel(Smoothness nu, double... lengthScales) {
    this(nu, lengthScales, 1e-5, 1e5);
  }

  /**
   * Creates the kernel.
   *
   * @param nu smoothness
   * @param lengthScales one (isotropic) or one per input dimension (ARD) [input units]
   * @param lower lower bound of every length scale
   * @param upper upper bound of every length scale
   */
  public MaternKernel(Smoothness nu, double[] lengthScales, double lower, double upper) {
    super(lengthScales, lower, upper);
    this.nu = nu;
  }

  /**
   * The exponential (Gudmundson) correlation exp(−d/d_c), i.e. Matérn ν = 1/2.
   *
   * @param decorrelationDistance d_c [input units]
   * @return the kernel
   */
  public static MaternKernel exponential(double decorrelationDistance) {
    return new MaternKernel(Smoothness.HALF, decorrelationDistance);
  }

  /**
   * The smoothness.
   *
   * @return ν
   */
  public Smoothness smoothness() {
    return nu;
  }

  @Override
  double correlation(double r) {
    return switch (nu) {
      case HALF -> Math.exp(-r);
      case THREE_HALVES -> (1 + SQRT3 * r) * Math.exp(-SQRT3 * r);
      case FIVE_HALVES -> (1 + SQRT5 * r + 5 * r * r / 3) * Math.exp(-SQRT5 * r);
    };
  }

  @Override
  double gradientFactor(double r) {
    return switch (nu) {
      case HALF -> Math.exp(-r) / r;
      case THREE_HALVES -> 3 * Math.exp(-SQRT3 * r);
      case FIVE_HALVES -> 5.0 / 3 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    };
  }

  @Override
  MaternKernel withLengthScales(double[] l) {
    return new MaternKernel(nu, l, lowerBound(), upperBound());
  }

  @Override
  String label() {
    return "Matern[nu=" + nu.label + "]";
  }
}
