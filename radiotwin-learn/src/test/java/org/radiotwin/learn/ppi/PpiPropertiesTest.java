package org.radiotwin.learn.ppi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;

/** Invariants of the PPI estimators on random data. */
class PpiPropertiesTest {

  /** Labels Y ~ N(1, 1), predictions Y + bias + noise·N(0, 1). */
  private static MeanData data(long seed, int n, int bigN, double noise, double bias) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] y = new double[n];
    double[] f = new double[n];
    double[] fu = new double[bigN];
    for (int i = 0; i < n; i++) {
      y[i] = 1 + gaussian(rng);
      f[i] = y[i] + bias + noise * gaussian(rng);
    }
    for (int i = 0; i < bigN; i++) {
      fu[i] = 1 + gaussian(rng) + bias + noise * gaussian(rng);
    }
    return MeanData.of(y, f, fu);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  @Property(tries = 50)
  void lambdaZeroIsTheClassicalMeanInterval(
      @ForAll long seed,
      @ForAll @IntRange(min = 5, max = 60) int n,
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double alpha) {
    MeanData d = data(seed, n, 3 * n, 0.7, 0.2);
    for (Alternative alt : Alternative.values()) {
      PpiResult ppi = PpiMean.confidenceInterval(d, PowerTuning.fixed(0), alpha, alt);
      PpiResult classical = ClassicalInference.mean(d.y(), null, alpha, alt, Double.NaN);
      assertThat(ppi.estimate()[0]).isCloseTo(classical.estimate()[0], within(1e-12));
      assertThat(ppi.ciLower()[0]).isCloseTo(classical.ciLower()[0], within(1e-12));
      assertThat(ppi.ciUpper()[0]).isCloseTo(classical.ciUpper()[0], within(1e-12));
    }
  }

  @Property(tries = 50)
  void intervalShrinksWithBetterPredictions(
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0.05, max = 1) double noise,
      @ForAll @DoubleRange(min = 1.1, max = 3) double worse) {
    // Same labels and unlabelled predictions; only the labelled prediction error grows.
    MeanData good = data(seed, 30, 200, noise, 0.3);
    double[][] f = new double[30][1];
    for (int i = 0; i < 30; i++) {
      f[i][0] = good.y()[i][0] + worse * (good.yhat()[i][0] - good.y()[i][0]);
    }
    MeanData bad = new MeanData(good.y(), f, good.yhatUnlabeled(), null, null);
    PpiResult a =
        PpiMean.confidenceInterval(good, PowerTuning.fixed(1), 0.1, Alternative.TWO_SIDED);
    PpiResult b = PpiMean.confidenceInterval(bad, PowerTuning.fixed(1), 0.1, Alternative.TWO_SIDED);
    assertThat(a.ciUpper()[0] - a.ciLower()[0]).isLessThan(b.ciUpper()[0] - b.ciLower()[0]);
  }

  @Property(tries = 30)
  void goodPredictionsBeatTheClassicalInterval(@ForAll long seed) {
    // Predictions close to the labels and N = 10 n: PPI++ must be narrower than classical.
    MeanData d = data(seed, 50, 500, 0.1, 0.5);
    PpiResult ppi = PpiMean.confidenceInterval(d, PowerTuning.tuned(), 0.1, Alternative.TWO_SIDED);
    PpiResult cl = ClassicalInference.mean(d.y(), null, 0.1, Alternative.TWO_SIDED, Double.NaN);
    assertThat(ppi.ciUpper()[0] - ppi.ciLower()[0]).isLessThan(cl.ciUpper()[0] - cl.ciLower()[0]);
    assertThat(ppi.lambda()[0]).isBetween(0.0, 1.0);
  }

  @Property(tries = 50)
  void scalarTunedLambdaIsCovarianceOverVariance(@ForAll long seed) {
    // PPI++ Example 6.1: λ = Cov(Y, f)/((1 + n/N) Var(f)), with ppi_py's estimators: population
    // covariance on the labelled pairs, sample variance (ddof 1) of all n + N predictions.
    MeanData d = data(seed, 25, 80, 0.8, 0.0);
    int n = 25;
    int bigN = 80;
    double my = 0;
    double mf = 0;
    double mall = 0;
    for (int i = 0; i < n; i++) {
      my += d.y()[i][0] / n;
      mf += d.yhat()[i][0] / n;
      mall += d.yhat()[i][0];
    }
    for (int i = 0; i < bigN; i++) {
      mall += d.yhatUnlabeled()[i][0];
    }
    mall /= n + bigN;
    double cov = 0;
    double var = 0;
    for (int i = 0; i < n; i++) {
      cov += (d.y()[i][0] - my) * (d.yhat()[i][0] - mf) / n;
      var += Math.pow(d.yhat()[i][0] - mall, 2);
    }
    for (int i = 0; i < bigN; i++) {
      var += Math.pow(d.yhatUnlabeled()[i][0] - mall, 2);
    }
    var /= n + bigN - 1;
    double expected = cov / ((1 + (double) n / bigN) * var);
    assertThat(PpiMean.lambda(d, PowerTuning.tuned(), false)[0]).isCloseTo(expected, within(1e-12));
  }

  @Property(tries = 50)
  void pValueAtTheIntervalEndIsAlpha(
      @ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 0.4) double alpha) {
    MeanData d = data(seed, 20, 60, 0.5, 0.1);
    PowerTuning t = PowerTuning.fixed(0.6);
    PpiResult two = PpiMean.confidenceInterval(d, t, alpha, Alternative.TWO_SIDED);
    assertThat(PpiMean.pValue(d, t, two.ciLower()[0], Alternative.TWO_SIDED)[0])
        .isCloseTo(alpha, within(1e-9));
    assertThat(PpiMean.pValue(d, t, two.ciUpper()[0], Alternative.TWO_SIDED)[0])
        .isCloseTo(alpha, within(1e-9));
    PpiResult larger = PpiMean.confidenceInterval(d, t, alpha, Alternative.LARGER);
    assertThat(PpiMean.pValue(d, t, larger.ciLower()[0], Alternative.LARGER)[0])
        .isCloseTo(alpha, within(1e-9));
    PpiResult smaller = PpiMean.confidenceInterval(d, t, alpha, Alternative.SMALLER);
    assertThat(PpiMean.pValue(d, t, smaller.ciUpper()[0], Alternative.SMALLER)[0])
        .isCloseTo(alpha, within(1e-9));
  }

  @Property(tries = 30)
  void scalingAllWeightsChangesNothing(
      @ForAll long seed, @ForAll @DoubleRange(min = 0.01, max = 100) double scale) {
    MeanData d = data(seed, 20, 50, 0.5, 0.1);
    SplittableRandom rng = new SplittableRandom(seed + 1);
    double[] w = new double[20];
    double[] ws = new double[20];
    for (int i = 0; i < 20; i++) {
      w[i] = 0.5 + rng.nextDouble();
      ws[i] = scale * w[i];
    }
    PpiResult a =
        PpiMean.confidenceInterval(
            new MeanData(d.y(), d.yhat(), d.yhatUnlabeled(), w, null),
            PowerTuning.tuned(),
            0.1,
            Alternative.TWO_SIDED);
    PpiResult b =
        PpiMean.confidenceInterval(
            new MeanData(d.y(), d.yhat(), d.yhatUnlabeled(), ws, null),
            PowerTuning.tuned(),
            0.1,
            Alternative.TWO_SIDED);
    assertThat(b.estimate()[0]).isCloseTo(a.estimate()[0], within(1e-12));
    assertThat(b.ciLower()[0]).isCloseTo(a.ciLower()[0], within(1e-12));
  }

  @Property(tries = 20)
  void regressionAtLambdaZeroIgnoresThePredictions(@ForAll long seed) {
    // λ = 0: the rectified loss is the labelled loss; logistic and Poisson PPI equal the classical
    // fit whatever the predictions.
    SplittableRandom rng = new SplittableRandom(seed);
    int n = 60;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    double[] counts = new double[n];
    double[] junk = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      x[i][1] = gaussian(rng);
      y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-0.5 - x[i][1])) ? 1 : 0;
      counts[i] = Math.floor(3 * rng.nextDouble() * Math.exp(0.3 * x[i][1]));
      junk[i] = rng.nextDouble();
    }
    double[][] xu = {{1, 0.3}, {1, -0.2}, {1, 1.1}};
    double[] ju = {0.2, 0.9, 0.4};
    for (RegressionModel m :
        new RegressionModel[] {RegressionModel.LOGISTIC, RegressionModel.POISSON}) {
      double[] labels = m == RegressionModel.LOGISTIC ? y : counts;
      RegressionData d = new RegressionData(x, labels, junk, xu, ju, null, null);
      double[] ppi = PpiRegression.pointEstimate(m, d, PowerTuning.fixed(0));
      double[] cl =
          ClassicalInference.regression(m, x, labels, null, 0.1, Alternative.TWO_SIDED, Double.NaN)
              .estimate();
      assertThat(ppi[0]).isCloseTo(cl[0], within(1e-10));
      assertThat(ppi[1]).isCloseTo(cl[1], within(1e-10));
    }
  }

  @Test
  void olsWithPerfectPredictionsAndNoUnlabelledNoiseRecoversTheLine() {
    // Y = 2 + 3x exactly and f = Y: θ̂ = OLS(X̃, f̃) + OLS(X, 0) = (2, 3), zero width.
    double[][] x = {{1, 0}, {1, 1}, {1, 2}, {1, 3}};
    double[] y = {2, 5, 8, 11};
    double[][] xu = {{1, -1}, {1, 0.5}, {1, 4}};
    double[] fu = {-1, 3.5, 14};
    RegressionData d = new RegressionData(x, y, y, xu, fu, null, null);
    PpiResult r =
        PpiRegression.confidenceInterval(
            RegressionModel.LINEAR, d, PowerTuning.fixed(1), 0.1, Alternative.TWO_SIDED, 0.0);
    assertThat(r.estimate()[0]).isCloseTo(2, within(1e-12));
    assertThat(r.estimate()[1]).isCloseTo(3, within(1e-12));
    assertThat(r.ciUpper()[1] - r.ciLower()[1]).isCloseTo(0, within(1e-10));
  }

  @Test
  void zIntervalsUseTheNormalQuantiles() {
    // z_0.95 = 1.6448536269514722, z_0.975 = 1.959963984540054 (scipy.stats.norm.ppf).
    double[] two = ZTest.confidenceInterval(0, 1, 0.1, Alternative.TWO_SIDED);
    assertThat(two[1]).isCloseTo(1.6448536269514722, within(1e-14));
    double[] larger = ZTest.confidenceInterval(0, 1, 0.025, Alternative.LARGER);
    assertThat(larger[0]).isCloseTo(-1.959963984540054, within(1e-14));
    assertThat(larger[1]).isInfinite();
    // scipy: 2*norm.sf(3) = 0.0026997960632601866.
    assertThat(ZTest.pValue(3, 1, 0, Alternative.TWO_SIDED))
        .isCloseTo(0.0026997960632601866, within(1e-16));
  }

  @Test
  void badInputNamesTheProblem() {
    assertThatThrownBy(() -> MeanData.of(new double[] {1}, new double[] {1}, new double[] {1}))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("labelled data");
    assertThatThrownBy(
            () -> MeanData.of(new double[] {1, 2}, new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("Yhat");
    assertThatThrownBy(() -> PowerTuning.tuned(LambdaMode.ELEMENT, 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> Alternative.parse("both")).hasMessageContaining("two-sided");
    assertThatThrownBy(
            () ->
                PpiQuantile.confidenceInterval(
                    new double[] {1, 2},
                    new double[] {1, 2},
                    new double[] {1},
                    null,
                    null,
                    1.5,
                    0.1,
                    false))
        .hasMessageContaining("quantile level");
  }
}
