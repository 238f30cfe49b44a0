package org.radiotwin.learn.train;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Settings of {@link AdamTrainer} (Kingma &amp; Ba, "Adam: a method for stochastic optimization",
 * ICLR 2015, arXiv:1412.6980).
 *
 * @param steps number of parameter updates
 * @param batchSize rows per minibatch (the whole objective when it has fewer rows)
 * @param learningRate step size α
 * @param beta1 first-moment decay β₁
 * @param beta2 second-moment decay β₂
 * @param epsilon ε of the update denominator
 * @param l2 weight of the ridge penalty (l2/2)‖θ‖² added to the objective, ≥ 0
 */
public record AdamConfig(
    int steps,
    int batchSize,
    double learningRate,
    double beta1,
    double beta2,
    double epsilon,
    double l2) {

  /** Validates the settings. */
  public AdamConfig {
    if (steps < 1 || batchSize < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "Adam steps/batch size", "must be ≥ 1");
    }
    if (!(learningRate > 0) || !(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "Adam rates", "need α > 0 and β₁, β₂ in [0, 1)");
    }
    if (!(epsilon > 0) || !(l2 >= 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "Adam ε / l2", "need ε > 0 and l2 ≥ 0");
    }
  }

  /**
   * The paper's moment decays (0.9, 0.999, ε = 1e-8) with the given schedule.
   *
   * @param steps number of updates
   * @param batchSize minibatch rows
   * @param learningRate α
   * @param l2 ridge weight
   * @return the settings
   */
  public static AdamConfig of(int steps, int batchSize, double learningRate, double l2) {
    return new AdamConfig(steps, batchSize, learningRate, 0.9, 0.999, 1e-8, l2);
  }
}
