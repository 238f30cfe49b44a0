package org.radiotwin.learn.train;

import java.util.SplittableRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.model.Loss;
import org.radiotwin.learn.model.Model;

/**
 * Minimises a weighted objective L(θ) = Σ_i w_i ℓ̃_i(θ) + (l2/2)‖θ‖² by Adam on minibatches.
 *
 * <p>Minibatches are drawn by shuffling the row groups ({@link WeightedSamples#groups()}) once per
 * pass; the batch gradient (G/B)Σ_{groups in batch}Σ_{i∈group} w_i∇ℓ̃_i (G groups, B per batch) is
 * an unbiased estimate of the full one, whatever the signs of the weights, and keeps the positive
 * and negative terms of one real point together.
 *
 * <p><b>Rectified objectives are unbounded below.</b> PPI's rectifier −λ/n Σ ℓ(x_i, f(x_i)) enters
 * with negative weights, and a flexible model lowers the objective without bound by making those
 * losses grow (predicting anything but the twin's label at the real points). Rows with w_i &lt; 0
 * therefore use the capped loss ℓ̃ = min(ℓ, {@link Loss#negativeTermCap()}), whose gradient
 * vanishes above the cap, so the objective is bounded below by Σ_{w_i&lt;0} w_i·cap; positively
 * weighted rows use ℓ itself, and the ridge term keeps the parameters finite.
 *
 * <p>Deterministic: the same seed and objective give the same parameters (single-threaded; the
 * experiments run independent trainings in parallel).
 */
public final class AdamTrainer {

  private final AdamConfig config;

  /**
   * A trainer.
   *
   * @param config settings
   */
  public AdamTrainer(AdamConfig config) {
    this.config = config;
  }

  /**
   * Settings.
   *
   * @return the configuration
   */
  public AdamConfig config() {
    return config;
  }

  /**
   * Trains from random initial parameters.
   *
   * @param model model
   * @param loss per-sample loss
   * @param data objective rows
   * @param seed seed of the initialisation and the minibatch order
   * @return θ after {@link AdamConfig#steps()} updates
   */
  public double[] train(Model model, Loss loss, WeightedSamples data, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    return train(model, loss, data, model.initialParameters(rnd), rnd.nextLong());
  }

  /**
   * Trains from given parameters.
   *
   * @param model model
   * @param loss per-sample loss
   * @param data objective rows
   * @param start θ₀ (not modified)
   * @param seed seed of the minibatch order
   * @return θ after {@link AdamConfig#steps()} updates
   */
  public double[] train(Model model, Loss loss, WeightedSamples data, double[] start, long seed) {
    checkShapes(model, loss, data);
    int p = model.parameterCount();
    double[] theta = start.clone();
    int rows = data.size();
    if (rows == 0) {
      return theta;
    }
    double[] m1 = new double[p];
    double[] m2 = new double[p];
    double[] grad = new double[p];
    double[] ws = new double[model.workspaceSize()];
    double[] out = new double[model.outputDimension()];
    double[] dOut = new double[model.outputDimension()];
    // Rows by group (CSR), groups in index order, rows in row order within a group.
    int groups = data.groupCount();
    int[] groupStart = new int[groups + 1];
    for (int gi : data.groups()) {
      groupStart[gi + 1]++;
    }
    for (int k = 0; k < groups; k++) {
      groupStart[k + 1] += groupStart[k];
    }
    int[] members = new int[rows];
    int[] fill = java.util.Arrays.copyOf(groupStart, groups);
    for (int i = 0; i < rows; i++) {
      members[fill[data.groups()[i]]++] = i;
    }
    int[] order = new int[groups];
    for (int k = 0; k < groups; k++) {
      order[k] = k;
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int batch = Math.min(config.batchSize(), groups);
    double scale = groups / (double) batch;
    int cursor = groups;
    double b1t = 1;
    double b2t = 1;
    for (int step = 0; step < config.steps(); step++) {
      java.util.Arrays.fill(grad, 0);
      for (int k = 0; k < batch; k++) {
        if (cursor == groups) {
          if (batch < groups) {
            shuffle(order, rnd);
          }
          cursor = 0;
        }
        int gi = order[cursor++];
        for (int r = groupStart[gi]; r < groupStart[gi + 1]; r++) {
          accumulate(model, loss, data, members[r], scale, theta, out, dOut, ws, grad);
        }
      }
      b1t *= config.beta1();
      b2t *= config.beta2();
      double lr = config.learningRate() * Math.sqrt(1 - b2t) / (1 - b1t);
      for (int j = 0; j < p; j++) {
        double g = grad[j] + config.l2() * theta[j];
        m1[j] = config.beta1() * m1[j] + (1 - config.beta1()) * g;
        m2[j] = config.beta2() * m2[j] + (1 - config.beta2()) * g * g;
        theta[j] -= lr * m1[j] / (Math.sqrt(m2[j]) + config.epsilon());
      }
    }
    return theta;
  }

  /**
   * The objective Σ_i w_i ℓ̃_i(θ) (without the ridge term), with the cap of negatively weighted
   * rows.
   *
   * @param model model
   * @param loss per-sample loss
   * @param data objective rows
   * @param theta parameters
   * @return the objective value
   */
  public static double objective(Model model, Loss loss, WeightedSamples data, double[] theta) {
    checkShapes(model, loss, data);
    double[] ws = new double[model.workspaceSize()];
    double[] out = new double[model.outputDimension()];
    double sum = 0;
    for (int i = 0; i < data.size(); i++) {
      model.forward(theta, data.inputs(), i * data.inputDimension(), out, ws);
      double l = loss.evaluate(out, data.labels(), i * data.labelDimension(), null);
      double w = data.weights()[i];
      sum += w * (w < 0 ? Math.min(l, loss.negativeTermCap()) : l);
    }
    return sum;
  }

  private static void accumulate(
      Model model,
      Loss loss,
      WeightedSamples data,
      int i,
      double scale,
      double[] theta,
      double[] out,
      double[] dOut,
      double[] ws,
      double[] grad) {
    model.forward(theta, data.inputs(), i * data.inputDimension(), out, ws);
    double l = loss.evaluate(out, data.labels(), i * data.labelDimension(), dOut);
    double w = data.weights()[i];
    if (w < 0 && l >= loss.negativeTermCap()) {
      return; // capped: no gradient beyond the cap (see the class comment)
    }
    model.backward(theta, data.inputs(), i * data.inputDimension(), dOut, scale * w, ws, grad);
  }

  private static void shuffle(int[] a, SplittableRandom rnd) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void checkShapes(Model model, Loss loss, WeightedSamples data) {
    if (model.inputDimension() != data.inputDimension()
        || model.outputDimension() != loss.outputDimension()
        || loss.labelDimension() != data.labelDimension()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "training set-up",
          "model "
              + model.inputDimension()
              + "→"
              + model.outputDimension()
              + ", loss outputs "
              + loss.outputDimension()
              + " labels "
              + loss.labelDimension()
              + ", data inputs "
              + data.inputDimension()
              + " labels "
              + data.labelDimension()
              + " do not match");
    }
  }
}
