package org.radiotwin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;

class EmpiricalDistributionTest {

  @Test
  void orderStatisticQuantileAndCdf() {
    // 1..100 shuffled: q̂_0.01 = Y_(1) = 1, q̂_0.05 = Y_(5) = 5, q̂_0.123 = Y_(13) = 13.
    double[] v = new double[100];
    for (int i = 0; i < 100; i++) {
      v[i] = (i * 37) % 100 + 1;
    }
    EmpiricalDistribution d = new EmpiricalDistribution(v);
    assertThat(d.quantile(0.01)).isEqualTo(1);
    assertThat(d.quantile(0.05)).isEqualTo(5);
    assertThat(d.quantile(0.123)).isEqualTo(13);
    assertThat(d.quantile(1.0)).isEqualTo(100);
    assertThat(d.cdf(0.5)).isZero();
    assertThat(d.cdf(10)).isEqualTo(0.1);
    assertThat(d.cdf(10.5)).isEqualTo(0.1);
    assertThat(d.cdf(1000)).isEqualTo(1.0);
    assertThatThrownBy(() -> d.quantile(0)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> new EmpiricalDistribution(new double[0]))
        .isInstanceOf(RadioTwinException.class);
  }

  @Test
  void rayleighPowerQuantileAndItsAsymptoticVariance() {
    // Exponential power with mean 1 (Rayleigh fading): q_ε = −ln(1 − ε); density at q is 1 − ε,
    // so Var(q̂_ε) ≈ ε(1−ε)/(n(1−ε)²) = ε/(n(1−ε)).
    SplittableRandom rnd = new SplittableRandom(3);
    int n = 100_000;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = -Math.log(1 - rnd.nextDouble());
    }
    EmpiricalDistribution d = new EmpiricalDistribution(v);
    double eps = 0.01;
    double q = -Math.log(1 - eps);
    double var = eps / (n * (1 - eps));
    assertThat(d.quantile(eps)).isCloseTo(q, within(4 * Math.sqrt(var)));
    assertThat(d.quantileVariance(eps)).isCloseTo(var, within(0.3 * var));
    double[] ci = d.quantileInterval(eps, 0.05);
    assertThat(ci[0]).isLessThan(d.quantile(eps));
    assertThat(ci[1]).isGreaterThan(d.quantile(eps));
  }

  @Test
  void intervalCoverageIsNearNominal() {
    // Over 400 independent Rayleigh data sets of n = 5 000, the 95 % interval for the
    // 0.05-quantile covers the truth in 90–99 % of the cases.
    SplittableRandom rnd = new SplittableRandom(11);
    double eps = 0.05;
    double q = -Math.log(1 - eps);
    int covered = 0;
    for (int trial = 0; trial < 400; trial++) {
      double[] v = new double[5000];
      for (int i = 0; i < v.length; i++) {
        v[i] = -Math.log(1 - rnd.nextDouble());
      }
      double[] ci = new EmpiricalDistribution(v).quantileInterval(eps, 0.05);
      if (ci[0] <= q && q <= ci[1]) {
        covered++;
      }
    }
    assertThat(covered / 400.0).isBetween(0.90, 0.99);
  }
}
