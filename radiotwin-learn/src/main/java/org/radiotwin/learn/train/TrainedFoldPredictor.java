package org.radiotwin.learn.train;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.model.Loss;
import org.radiotwin.learn.model.Model;

/**
 * A {@link FoldPredictor} that trains a model on the synthetic points (twin labels) plus the real
 * points of the other folds, with the objective
 *
 * <pre>
 *   L(θ) = ρ·(1/n′)Σ_{i∉I_k} ℓ(x_i, y_i) + (1 − ρ)·(1/N)Σ_j ℓ(X̃_j, f(X̃_j)),
 * </pre>
 *
 * <p>where ρ is the share given to the real data: with a handful of real points against hundreds of
 * synthetic ones, pooling them in proportion (ρ = n′/(n′ + N)) would leave the twin's bias
 * untouched, while ρ = ½ lets the real points correct it where they lie. Classification outputs are
 * hard labels (one-hot argmax), as the twin's are; regression outputs are returned as they are.
 */
public final class TrainedFoldPredictor implements FoldPredictor {

  private final Model model;
  private final Loss loss;
  private final AdamTrainer trainer;
  private final double realShare;

  /**
   * A predictor.
   *
   * @param model model to train (stateless; the parameters are per call)
   * @param loss loss
   * @param trainer optimiser
   * @param realShare ρ in [0, 1]
   */
  public TrainedFoldPredictor(Model model, Loss loss, AdamTrainer trainer, double realShare) {
    if (!(realShare >= 0 && realShare <= 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "real share " + realShare, "must be in [0, 1]");
    }
    this.model = model;
    this.loss = loss;
    this.trainer = trainer;
    this.realShare = realShare;
  }

  @Override
  public double[] predict(
      LearningData data, int[] realTraining, int[] synthetic, int[] queries, long seed) {
    int d = data.featureDimension();
    int m = data.labelDimension();
    WeightedSamples.Builder b = new WeightedSamples.Builder(d, m);
    double rho = realTraining.length == 0 ? 0 : synthetic.length == 0 ? 1 : realShare;
    for (int i : realTraining) {
      b.add(data.features(), i * d, data.realLabels(), i * m, rho / realTraining.length);
    }
    for (int j : synthetic) {
      b.add(data.features(), j * d, data.twinLabels(), j * m, (1 - rho) / synthetic.length);
    }
    double[] theta = trainer.train(model, loss, b.build(), seed);
    return PredictionPoweredTraining.predictLabels(model, loss, theta, data, queries);
  }
}
