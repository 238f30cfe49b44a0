package org.radiotwin.learn.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DirichletCategoricalTest {

  private static DirichletCategorical withCounts(double alpha, int... counts) {
    DirichletCategorical d = new DirichletCategorical(counts.length, alpha);
    for (int i = 0; i < counts.length; i++) {
      for (int c = 0; c < counts[i]; c++) {
        d.observe(i);
      }
    }
    return d;
  }

  @Test
  void posteriorMeanIsTheClosedForm() {
    // Counts (3, 0, 1), α = 0.01: (α + n_i)/(Kα + n) = (3.01, 0.01, 1.01)/4.03.
    DirichletCategorical d = withCounts(0.01, 3, 0, 1);
    assertThat(d.posteriorParameters()).containsExactly(3.01, 0.01, 1.01);
    assertThat(d.posteriorMean())
        .containsExactly(new double[] {3.01 / 4.03, 0.01 / 4.03, 1.01 / 4.03}, within(1e-15));
    assertThat(d.total()).isEqualTo(4);
  }

  @Test
  void maximumLikelihoodIsTheEmpiricalFrequency() {
    assertThat(withCounts(0.01, 3, 0, 1).maximumLikelihood())
        .containsExactly(new double[] {0.75, 0, 0.25}, within(1e-15));
    // Undefined without data: uniform.
    assertThat(withCounts(0.01, 0, 0, 0, 0).maximumLikelihood())
        .containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(1e-15));
  }

  @Test
  void maximumAPosterioriInteriorAndOnTheFace() {
    // α = 2, counts (3, 0, 1): interior mode (α + n_i − 1)/(Kα + n − K) = (4, 1, 2)/7.
    assertThat(withCounts(2, 3, 0, 1).maximumAPosteriori())
        .containsExactly(new double[] {4 / 7.0, 1 / 7.0, 2 / 7.0}, within(1e-15));
    // α = 0.01, counts (3, 0, 1): mode on the face {0, 2}: (2.01, 0, 0.01)/2.02.
    assertThat(withCounts(0.01, 3, 0, 1).maximumAPosteriori())
        .containsExactly(new double[] {2.01 / 2.02, 0, 0.01 / 2.02}, within(1e-15));
    // One observed category: a vertex.
    assertThat(withCounts(0.01, 0, 2, 0).maximumAPosteriori())
        .containsExactly(new double[] {0, 1, 0}, within(1e-15));
    // No data: uniform.
    assertThat(withCounts(0.01, 0, 0).maximumAPosteriori())
        .containsExactly(new double[] {0.5, 0.5}, within(1e-15));
  }

  @Test
  void samplesHaveTheDirichletMeanAndVariance() {
    // Dir(a): E[x_i] = a_i/a0, Var[x_i] = a_i (a0 − a_i) / (a0² (a0 + 1)).
    DirichletCategorical d = withCounts(0.01, 3, 0, 1);
    double[] a = d.posteriorParameters();
    double a0 = a[0] + a[1] + a[2];
    SplittableRandom rng = new SplittableRandom(11);
    int n = 200_000;
    double[] sum = new double[3];
    double[] sum2 = new double[3];
    double[] x = new double[3];
    for (int s = 0; s < n; s++) {
      d.sample(rng, x);
      for (int i = 0; i < 3; i++) {
        sum[i] += x[i];
        sum2[i] += x[i] * x[i];
      }
    }
    for (int i = 0; i < 3; i++) {
      double mean = a[i] / a0;
      double var = a[i] * (a0 - a[i]) / (a0 * a0 * (a0 + 1));
      double m = sum[i] / n;
      // 5 standard errors of the sample mean.
      assertThat(m).isCloseTo(mean, within(5 * Math.sqrt(var / n) + 1e-12));
      assertThat(sum2[i] / n - m * m).isCloseTo(var, within(0.05 * var + 1e-6));
    }
  }

  @Test
  void tinyShapesDoNotUnderflow() {
    // Gamma(0.01): E[G] = 0.01; in log space the Dirichlet(0.01, 0.01) sample is still a pmf
    // (a direct G(a+1)·U^(1/a) would give 0/0 in about half of the draws).
    SplittableRandom rng = new SplittableRandom(3);
    double s = 0;
    int n = 400_000;
    for (int k = 0; k < n; k++) {
      s += Math.exp(DirichletCategorical.logGamma(0.01, rng));
    }
    // Var[G] = 0.01: standard error 1.6e-4.
    assertThat(s / n).isCloseTo(0.01, within(8e-4));
    double[] x = new double[2];
    for (int k = 0; k < 1000; k++) {
      DirichletCategorical.sampleDirichlet(new double[] {0.01, 0.01}, rng, x);
      assertThat(x[0] + x[1]).isCloseTo(1, within(1e-12));
      assertThat(x[0]).isBetween(0.0, 1.0);
    }
  }

  @Test
  void gammaMeanAndVarianceForLargeShape() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 200_000;
    double s = 0;
    double s2 = 0;
    for (int k = 0; k < n; k++) {
      double g = Math.exp(DirichletCategorical.logGamma(3.5, rng));
      s += g;
      s2 += g * g;
    }
    double m = s / n;
    // Gamma(3.5, 1): mean 3.5, variance 3.5.
    assertThat(m).isCloseTo(3.5, within(5 * Math.sqrt(3.5 / n)));
    assertThat(s2 / n - m * m).isCloseTo(3.5, within(0.1));
  }

  @Property(tries = 200)
  void samplesArePmfs(
      @ForAll @DoubleRange(min = 0.001, max = 50) @net.jqwik.api.constraints.Scale(3) double alpha,
      @ForAll @IntRange(min = 1, max = 8) int k,
      @ForAll long seed) {
    DirichletCategorical d = new DirichletCategorical(k, alpha);
    double[] x = new double[k];
    d.sample(new SplittableRandom(seed), x);
    double s = 0;
    for (double v : x) {
      assertThat(v).isBetween(0.0, 1.0);
      s += v;
    }
    assertThat(s).isCloseTo(1, within(1e-12));
  }
}
