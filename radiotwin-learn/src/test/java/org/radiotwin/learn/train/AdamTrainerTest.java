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
}
