package org.radiotwin.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.radiotwin.learn.model.MultilayerPerceptron;
import org.radiotwin.learn.model.SquaredError;

/**
 * With an intercept-only model g = b (a linear model on a constant-zero feature) and squared error,
 * every objective is a weighted mean whose minimiser is known in closed form — the mean estimators
 * of METHODS.md §4 — so the trained b can be checked against them.
 */
class PredictionPoweredTrainingTest {

  // 6 points: real labels y, twin labels f, contexts; real = {0, 1, 2}, synthetic = {3, 4, 5}.
  private static final double[] Y = {1.0, 2.0, 4.0, 3.0, 5.0, 7.0};
  private static final double[] F = {1.5, 2.0, 3.0, 3.5, 4.5, 8.0};
  private static final int[] CONTEXT = {0, 0, 1, 0, 1, 1};
  private static final int[] REAL = {0, 1, 2};
  private static final int[] SYNTH = {3, 4, 5};

  private static LearningData data() {
    return new LearningData(1, 1, new double[6], Y.clone(), F.clone(), CONTEXT.clone(), 2);
  }

  private static PredictionPoweredTraining training(FoldPredictor fp) {
    MultilayerPerceptron m = MultilayerPerceptron.logisticRegression(1, 1);
    AdamTrainer t = new AdamTrainer(AdamConfig.of(3000, 64, 0.05, 0));
    return new PredictionPoweredTraining(m, new SquaredError(1, 1e9), t, 3, fp);
  }

  private static double bias(PredictionPoweredTraining.Fit fit) {
    return fit.parameters()[1];
  }

  @Test
  void ermPseudoErmAndPpiGiveTheirMeanEstimators() {
    PredictionPoweredTraining t = training(null);
    LearningData d = data();
    // ERM: mean of the real labels (1 + 2 + 4)/3 = 7/3.
    assertThat(bias(t.fit(TrainingMethod.ERM, d, REAL, SYNTH, 1))).isCloseTo(7 / 3.0, within(1e-6));
    // P-ERM: pooled mean (1 + 2 + 4 + 3.5 + 4.5 + 8)/6 = 23/6.
    assertThat(bias(t.fit(TrainingMethod.PSEUDO_ERM, d, REAL, SYNTH, 1)))
        .isCloseTo(23 / 6.0, within(1e-6));
    // PPI: mean f over S + mean (Y − f) over R = 16/3 + (−0.5 + 0 + 1)/3 = 16/3 + 1/6 = 5.5.
    PredictionPoweredTraining.Fit ppi = t.fit(TrainingMethod.PPI, d, REAL, SYNTH, 1);
    assertThat(bias(ppi)).isCloseTo(5.5, within(1e-6));
    assertThat(ppi.lambdas()).containsExactly(1.0);
  }

  @Test
  void tunedLambdaIsTheScalarPpiPlusPlusFormula() {
    PredictionPoweredTraining t = training(null);
    LearningData d = data();
    // For g = b and ℓ = (b − y)², ∇ℓ = 2(b − y): λ̂ = Cov_R(Y, f)/((1 + n/N) Var_{R∪S}(f)),
    // population moments (ddof 0). Cov_R: Y = (1, 2, 4), f = (1.5, 2, 3): means 7/3, 13/6;
    // Σ(Y−Ȳ)(f−f̄)/3 = [(−4/3)(−2/3) + (−1/3)(−1/6) + (5/3)(5/6)]/3 = (8/9 + 1/18 + 25/18)/3 = 7/9.
    // Var over all six f = (1.5, 2, 3, 3.5, 4.5, 8): mean 22.5/6 = 3.75; Σ(f − 3.75)² = 5.0625 +
    // 3.0625 + 0.5625 + 0.0625 + 0.5625 + 18.0625 = 27.375 → 4.5625. λ̂ = (7/9)/(2·4.5625).
    double expected = (7 / 9.0) / (2 * 4.5625);
    double lambda =
        t.tunedLambda(
            new double[] {0, 3.0},
            d,
            REAL,
            PredictionPoweredTraining.rows(F, REAL, 1),
            SYNTH,
            PredictionPoweredTraining.rows(F, SYNTH, 1));
    assertThat(lambda).isCloseTo(expected, within(1e-12));
    // PPI++ then minimises PPI(λ̂): 7/3 + λ̂(16/3 − 13/6).
    PredictionPoweredTraining.Fit fit = t.fit(TrainingMethod.PPI_PLUS_PLUS, d, REAL, SYNTH, 1);
    assertThat(fit.lambdas()[0]).isCloseTo(expected, within(1e-9));
    assertThat(bias(fit)).isCloseTo(7 / 3.0 + expected * (16 / 3.0 - 13 / 6.0), within(1e-6));
  }

  @Test
  void contextObjectiveGivesTheContextWeightedEstimator() {
    LearningData d = data();
    // Contexts: real {0, 1} in c0, {2} in c1; synthetic {3} in c0, {4, 5} in c1; p̂ = (1/3, 2/3).
    // With λ = (0.5, 0.25): c0: mean Y (1.5) + 0.5(3.5 − mean f (1.75)) = 2.375;
    // c1: 4 + 0.25(6.25 − 3) = 4.8125. Estimate = 2.375/3 + 2·4.8125/3 = 4.0.
    WeightedSamples obj =
        PredictionPoweredTraining.contextObjective(d, REAL, SYNTH, new double[] {0.5, 0.25});
    AdamTrainer t = new AdamTrainer(AdamConfig.of(3000, 64, 0.05, 0));
    double[] theta =
        t.train(MultilayerPerceptron.logisticRegression(1, 1), new SquaredError(1, 1e9), obj, 3);
    assertThat(theta[1]).isCloseTo(4.0, within(1e-6));
  }

  @Test
  void crossPpiLabelsEveryRealSampleWithAPredictorThatDidNotSeeIt() {
    Set<Integer> labelled = new HashSet<>();
    FoldPredictor recorder =
        (data, realTraining, synthetic, queries, seed) -> {
          Set<Integer> seen = new HashSet<>();
          for (int i : realTraining) {
            seen.add(i);
          }
          for (int q : queries) {
            if (Arrays.stream(REAL).anyMatch(r -> r == q)) {
              assertThat(seen).doesNotContain(q);
              assertThat(labelled.add(q)).isTrue();
            }
          }
          assertThat(realTraining.length + (int) Arrays.stream(queries).filter(q -> q < 3).count())
              .isEqualTo(REAL.length);
          // a predictor that always answers the twin's label: Cross-PPI then equals PPI
          return IntStream.of(queries).mapToDouble(q -> F[q]).toArray();
        };
    PredictionPoweredTraining.Fit fit =
        training(recorder).fit(TrainingMethod.CROSS_PPI, data(), REAL, SYNTH, 5);
    assertThat(labelled).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(bias(fit)).isCloseTo(5.5, within(1e-6));
  }

  @Test
  void trainingIsDeterministicPerSeed() {
    PredictionPoweredTraining t = training(null);
    double[] a = t.fit(TrainingMethod.PPI, data(), REAL, SYNTH, 9).parameters();
    double[] b = t.fit(TrainingMethod.PPI, data(), REAL, SYNTH, 9).parameters();
    assertThat(a).containsExactly(b);
  }
}
