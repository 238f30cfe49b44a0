package org.radiotwin.calibration.loss;

/**
 * The Bessel-function ratio A(κ) = I₁(κ)/I₀(κ) of the von Mises distribution (the mean resultant
 * length E[cos φ] of VM(0, κ)) and its inverse, accurate from κ = 0 to beyond 10⁶.
 *
 * <p>Both Bessel functions are evaluated scaled by e^{−κ}, so nothing overflows: for κ ≤ {@value
 * #SERIES_LIMIT} by their power series I_ν(κ) = Σ_k (κ/2)^{2k+ν}/(k!(k+ν)!) (positive terms, no
 * cancellation), above it by the Hankel asymptotic expansions (Abramowitz &amp; Stegun 9.7.1)
 * √(2πκ)e^{−κ}I_ν(κ) ~ Σ_k (−1)^k Π_{j≤k}(4ν² − (2j−1)²)/(k!(8κ)^k). The complement 1 − A(κ), which
 * the inverse needs near A = 1, is summed term by term from the difference of the two expansions so
 * that no digits are lost to the leading 1.
 */
public final class VonMises {

  /**
   * Largest κ evaluated by the power series; above it the asymptotic expansions are exact to ulp.
   */
  static final double SERIES_LIMIT = 40;

  private VonMises() {}

  /**
   * A(κ) = I₁(κ)/I₀(κ).
   *
   * @param kappa concentration κ ≥ 0
   * @return A(κ) in [0, 1)
   */
  public static double besselRatio(double kappa) {
    checkKappa(kappa);
    if (kappa <= SERIES_LIMIT) {
      return seriesRatio(kappa);
    }
    return 1 - asymptoticComplement(kappa);
  }

  /**
   * 1 − A(κ), accurate also where A(κ) rounds to 1.
   *
   * @param kappa concentration κ ≥ 0
   * @return 1 − I₁(κ)/I₀(κ) in (0, 1]
   */
  public static double besselRatioComplement(double kappa) {
    checkKappa(kappa);
    if (kappa <= SERIES_LIMIT) {
      return 1 - seriesRatio(kappa);
    }
    return asymptoticComplement(kappa);
  }

  /**
   * The derivative A′(κ) = 1 − A(κ)/κ − A(κ)² (1/2 at κ = 0).
   *
   * @param kappa concentration κ ≥ 0
   * @return A′(κ) &gt; 0
   */
  public static double besselRatioDerivative(double kappa) {
    checkKappa(kappa);
    if (kappa < 1e-8) {
      return 0.5;
    }
    double b = besselRatioComplement(kappa);
    double a = 1 - b;
    // 1 − A² − A/κ = B(2 − B) − A/κ: no cancellation of the leading 1.
    return b * (2 - b) - a / kappa;
  }

  /**
   * The inverse κ = A⁻¹(r): the von Mises concentration whose mean resultant length is r.
   * Safeguarded Newton iteration from the approximation of Banerjee et al. (2005), κ₀ = r(2 −
   * r²)/(1 − r²), within a shrinking bracket.
   *
   * @param r mean resultant length in [0, 1)
   * @return κ ≥ 0 (0 for r ≤ 0)
   */
  public static double inverseBesselRatio(double r) {
    if (Double.isNaN(r) || r >= 1) {
      throw new IllegalArgumentException("mean resultant length must be in [0, 1), got " + r);
    }
    if (r <= 0) {
      return 0;
    }
    double oneMinusR = 1 - r;
    double lo = 0;
    double hi = Double.POSITIVE_INFINITY;
    double kappa = r * (2 - r * r) / (oneMinusR * (1 + r));
    for (int it = 0; it < 100; it++) {
      // f(κ) = A(κ) − r = (1 − r) − (1 − A(κ)), written with the complement for r near 1.
      double f = oneMinusR - besselRatioComplement(kappa);
      if (f == 0) {
        return kappa;
      }
      if (f < 0) {
        lo = kappa;
      } else {
        hi = kappa;
      }
      double next = kappa - f / besselRatioDerivative(kappa);
      if (!(next > lo && next < hi)) {
        next = Double.isInfinite(hi) ? 2 * kappa : 0.5 * (lo + hi);
      }
      if (Math.abs(next - kappa) <= 1e-15 * kappa) {
        return next;
      }
      kappa = next;
    }
    return kappa;
  }

  private static void checkKappa(double kappa) {
    if (!(kappa >= 0)) {
      throw new IllegalArgumentException("concentration must be ≥ 0, got " + kappa);
    }
  }

  /** I₁/I₀ from the power series (both share the factor Σ, so no scaling is needed for κ ≤ 40). */
  private static double seriesRatio(double kappa) {
    double q = 0.25 * kappa * kappa;
    double t0 = 1;
    double t1 = 0.5 * kappa;
    double s0 = t0;
    double s1 = t1;
    for (int k = 1; k < 500; k++) {
      t0 *= q / ((double) k * k);
      t1 *= q / ((double) k * (k + 1));
      s0 += t0;
      s1 += t1;
      if (t0 < 1e-17 * s0) {
        break;
      }
    }
    return s1 / s0;
  }

  /**
   * 1 − A(κ) from the asymptotic expansions S_ν = Σ_k c_{ν,k}/κ^k of √(2πκ)e^{−κ}I_ν(κ): 1 − A =
   * (S₀ − S₁)/S₀, with S₀ − S₁ summed term by term (its k = 0 terms cancel exactly).
   */
  private static double asymptoticComplement(double kappa) {
    double x = 1 / (8 * kappa);
    double c0 = 1;
    double c1 = 1;
    double s0 = 1;
    double diff = 0;
    for (int k = 1; k < 30; k++) {
      double odd = (2.0 * k - 1) * (2.0 * k - 1);
      c0 *= -(0 - odd) * x / k;
      c1 *= -(4 - odd) * x / k;
      s0 += c0;
      diff += c0 - c1;
      if (Math.abs(c0) + Math.abs(c1) < 1e-18 * Math.abs(diff)) {
        break;
      }
    }
    return diff / s0;
  }
}
