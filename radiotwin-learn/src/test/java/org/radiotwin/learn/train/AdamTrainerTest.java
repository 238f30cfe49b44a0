package org.radiotwin.learn.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiotwin.learn.model.MultilayerPerceptron;
import org.radiotwin.learn.model.SoftmaxCrossEntropy;
import org.radiotwin.learn.model.SquaredError;

class AdamTrainerTest {

  @Test
  void minibatchAdamFindsTheLeastSquaresLine() {
    // y = 2x + 1 exactly at x = −1 … 1 (21 points): the least-squares fit is (2, 1).
    WeightedSamples.Builder b = new WeightedSamples.Builder(1, 1);
    for (int i = 0; i <= 20; i++) {
      double x = -1 + 0.1 * i;
      b.add(new double[] {x}, 0, new double[] {2 * x + 1}, 0, 1 / 21.0);
    }
    double[] theta =
        new AdamTrainer(AdamConfig.of(4000, 8, 0.01, 0))
            .train(
                MultilayerPerceptron.logisticRegression(1, 1),
                new SquaredError(1, 4),
                b.build(),
                1);
    assertThat(theta[0]).isCloseTo(2, within(1e-3));
    assertThat(theta[1]).isCloseTo(1, within(1e-3));
  }

  @Test
  void negativelyWeightedTermsAreCappedSoTheObjectiveStaysBounded() {
    // A rectifier-only objective: +0.1·ℓ(x, class 0) − 1·ℓ(x, class 1). Uncapped, driving
    // p(class 1) → 0 sends it to −∞; capped at ln 3 + 3 it is bounded below by −(ln 3 + 3).
    SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(3);
    WeightedSamples obj =
        new WeightedSamples.Builder(1, 3)
            .add(new double[] {1}, 0, new double[] {1, 0, 0}, 0, 0.1)
            .add(new double[] {1}, 0, new double[] {0, 1, 0}, 0, -1)
            .build();
    MultilayerPerceptron m = new MultilayerPerceptron(1, 8, 3);
    double[] theta = new AdamTrainer(AdamConfig.of(3000, 2, 0.05, 0)).train(m, loss, obj, 4);
    double value = AdamTrainer.objective(m, loss, obj, theta);
    assertThat(value).isGreaterThanOrEqualTo(-loss.negativeTermCap());
    for (double t : theta) {
      assertThat(t).isFinite();
      assertThat(Math.abs(t)).isLessThan(1e3);
    }
  }

  @Test
  void groupedRowsShareMinibatchesSoCancellingTermsCancel() {
    // A real point whose twin label equals its real label contributes +ℓ − ℓ = 0. Grouped, the
    // two rows always meet in one minibatch and θ does not move; ungrouped, with one row per
    // batch, each step sees only one of them and θ wanders.
    double[] x = {0.7};
    double[] y = {0, 1, 0};
    MultilayerPerceptron m = MultilayerPerceptron.logisticRegression(1, 3);
    SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(3);
    double[] start = {0.1, -0.2, 0.3, 0, 0, 0};
    WeightedSamples grouped =
        new WeightedSamples.Builder(1, 3)
            .addGrouped(x, 0, y, 0, 0.5, 7)
            .add(new double[] {-1}, 0, new double[] {1, 0, 0}, 0, 0)
            .addGrouped(x, 0, y, 0, -0.5, 7)
            .build();
    assertThat(grouped.groups()).containsExactly(0, 0);
    AdamTrainer oneGroupPerBatch = new AdamTrainer(AdamConfig.of(50, 1, 0.05, 0));
    assertThat(oneGroupPerBatch.train(m, loss, grouped, start, 1)).containsExactly(start);
    WeightedSamples ungrouped =
        new WeightedSamples.Builder(1, 3).add(x, 0, y, 0, 0.5).add(x, 0, y, 0, -0.5).build();
    assertThat(ungrouped.groups()).containsExactly(0, 1);
    assertThat(oneGroupPerBatch.train(m, loss, ungrouped, start, 1)).isNotEqualTo(start);
  }
}
