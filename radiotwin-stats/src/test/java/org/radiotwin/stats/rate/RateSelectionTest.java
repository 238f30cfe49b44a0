package org.radiotwin.stats.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class RateSelectionTest {

  @Test
  void outageCapacityIsShannonAtTheQuantile() {
    // log2(1 + 10·0.7) = log2(8) = 3 exactly.
    assertThat(OutageCapacity.capacity(10, 0.7)).isCloseTo(3, within(1e-15));
    assertThat(OutageCapacity.capacityFromLog(10, Math.log(0.7))).isCloseTo(3, within(1e-14));
  }

  @Test
  void gaussianRateBacksOffByTheNormalQuantile() {
    // Φ⁻¹(0.05) = −1.6448536269514722 (scipy.stats.norm.ppf(0.05)).
    assertThat(PredictiveRate.gaussianMultiplier(0.05))
        .isCloseTo(1.6448536269514722, within(1e-12));
    // μ − zσ = ln 0.7 when μ = ln 0.7 + 0.3·z and σ = 0.3: the rate is again log2(8).
    double z = PredictiveRate.gaussianMultiplier(0.05);
    assertThat(PredictiveRate.rate(10, Math.log(0.7) + 0.3 * z, 0.3, z))
        .isCloseTo(3, within(1e-12));
    assertThat(PredictiveRate.rate(10, 0, 1, Double.POSITIVE_INFINITY)).isZero();
  }

  /** Ranks from scipy.stats.binom: the largest l with P(Bin(n, 0.01) ≤ l − 1) ≤ 0.05. */
  @Test
  void orderStatisticRankMatchesTheBinomialBound() {
    assertThat(OrderStatisticRate.rank(298, 0.01, 0.05)).isZero(); // 0.99^298 = 0.0500 > δ
    assertThat(OrderStatisticRate.rank(299, 0.01, 0.05)).isEqualTo(1); // 0.99^299 = 0.0495
    assertThat(OrderStatisticRate.rank(500, 0.01, 0.05)).isEqualTo(2);
    assertThat(OrderStatisticRate.rank(1000, 0.01, 0.05)).isEqualTo(5);
    assertThat(OrderStatisticRate.rank(8001, 0.01, 0.05)).isEqualTo(66);
    double[] sorted = new double[1000];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = (i + 1) / 1000.0;
    }
    assertThat(OrderStatisticRate.rate(1, sorted, 0.01, 0.05))
        .isCloseTo(Math.log1p(0.005) / Math.log(2), within(1e-15));
  }

  /**
   * Monte Carlo: exponential fading (Rayleigh power), 1000 local samples, 4000 trials; the fraction
   * of rates above the true ε-outage capacity must stay ≤ δ (the exact value is P(Bin(1000, 0.01) ≤
   * 4) = 0.0287).
   */
  @Test
  void orderStatisticRateKeepsTheMetaProbability() {
    SplittableRandom rnd = new SplittableRandom(3);
    double q = -Math.log(1 - 0.01);
    int violations = 0;
    double[] s = new double[1000];
    for (int t = 0; t < 4000; t++) {
      for (int i = 0; i < s.length; i++) {
        s[i] = -Math.log(rnd.nextDouble());
      }
      java.util.Arrays.sort(s);
      if (OrderStatisticRate.rate(1, s, 0.01, 0.05) > OutageCapacity.capacity(1, q)) {
        violations++;
      }
    }
    assertThat(violations / 4000.0).isBetween(0.02, 0.037);
  }

  @Test
  void conformalRank() {
    assertThat(ConformalQuantileCalibration.rank(20, 0.05)).isEqualTo(20);
    assertThat(ConformalQuantileCalibration.rank(19, 0.05)).isEqualTo(19);
    assertThat(ConformalQuantileCalibration.rank(18, 0.05)).isEqualTo(19);
    double[] one = {0};
    assertThat(ConformalQuantileCalibration.multiplier(one, new double[] {1}, one, 0.05))
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  /**
   * Finite-sample validity under misspecification: the "model" claims N(0, 1) but the truth is
   * heavy-tailed (Student t with 2 degrees of freedom, scaled by 3). The Gaussian back-off violates
   * far more often than δ; the conformal one stays at ≤ 1/(m + 1)·⌊…⌋ = 1/21 on average.
   */
  @Property(tries = 5)
  void conformalIsValidWhenTheModelIsWrong(@ForAll @DoubleRange(min = 1, max = 5) double scale) {
    SplittableRandom rnd = new SplittableRandom(Double.doubleToLongBits(scale));
    int m = 20;
    int trials = 3000;
    int conformal = 0;
    int gaussian = 0;
    double z = PredictiveRate.gaussianMultiplier(0.05);
    double[] mu = new double[m];
    double[] sd = new double[m];
    double[] y = new double[m];
    java.util.Arrays.fill(sd, 1);
    for (int t = 0; t < trials; t++) {
      for (int i = 0; i < m; i++) {
        y[i] = scale * studentT2(rnd);
      }
      double s = ConformalQuantileCalibration.multiplier(mu, sd, y, 0.05);
      double next = scale * studentT2(rnd);
      conformal += next < -s ? 1 : 0;
      gaussian += next < -z ? 1 : 0;
    }
    assertThat(conformal / (double) trials).isLessThanOrEqualTo(0.05 + 0.012);
    assertThat(gaussian / (double) trials).isGreaterThan(0.1);
  }

  private static double studentT2(SplittableRandom rnd) {
    double n = rnd.nextGaussian();
    double c = -2 * Math.log(rnd.nextDouble()); // χ² with 2 degrees of freedom
    return n / Math.sqrt(c / 2);
  }
}
