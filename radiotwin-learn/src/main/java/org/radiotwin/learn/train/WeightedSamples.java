package org.radiotwin.learn.train;

import java.util.Arrays;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A training objective L(θ) = Σ_i w_i ℓ(g_θ(x_i), y_i) as rows (x_i, y_i, w_i) with signed weights:
 * every estimator of §IV (ERM, P-ERM, PPI and its variants) is such a sum, the rectifier of PPI
 * entering with negative weights.
 *
 * @param inputDimension d
 * @param labelDimension length of one label
 * @param inputs x_i packed row-major, size·d values
 * @param labels y_i packed row-major
 * @param weights w_i
 * @param groups group of each row, in [0, G): the optimiser samples groups, never splitting one
 *     across minibatches — PPI puts a real point's ℓ(x_i, y_i) and −ℓ(x_i, f(x_i)) in one group so
 *     that they cancel where the twin is right instead of adding two large opposite gradients to
 *     different minibatches
 */
public record WeightedSamples(
    int inputDimension,
    int labelDimension,
    double[] inputs,
    double[] labels,
    double[] weights,
    int[] groups) {

  /** Validates the sizes. */
  public WeightedSamples {
    int n = weights.length;
    if (inputs.length != n * inputDimension || labels.length != n * labelDimension) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "weighted sample rows",
          n * (inputDimension + labelDimension),
          inputs.length + labels.length);
    }
    if (groups.length != n) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "weighted sample groups", n, groups.length);
    }
  }

  /**
   * Number of groups G (one more than the largest group index).
   *
   * @return G
   */
  public int groupCount() {
    int g = 0;
    for (int v : groups) {
      g = Math.max(g, v + 1);
    }
    return g;
  }

  /**
   * Number of rows.
   *
   * @return n
   */
  public int size() {
    return weights.length;
  }

  /** Accumulates rows. */
  public static final class Builder {
    private final int d;
    private final int m;
    private double[] x = new double[0];
    private double[] y = new double[0];
    private double[] w = new double[0];
    private int[] g = new int[0];
    private int n;
    private int nextGroup;
    private final java.util.Map<Integer, Integer> keyed = new java.util.HashMap<>();

    /**
     * An empty objective.
     *
     * @param inputDimension d
     * @param labelDimension label length
     */
    public Builder(int inputDimension, int labelDimension) {
      this.d = inputDimension;
      this.m = labelDimension;
    }

    /**
     * Adds a row.
     *
     * @param inputs input array
     * @param inputOffset first of the d inputs
     * @param labels label array
     * @param labelOffset first of the label values
     * @param weight signed weight
     * @return this
     */
    public Builder add(
        double[] inputs, int inputOffset, double[] labels, int labelOffset, double weight) {
      if (weight == 0) {
        return this;
      }
      return append(inputs, inputOffset, labels, labelOffset, weight, nextGroup++);
    }

    /**
     * Adds a row to the group of a key: rows added with the same key form one group.
     *
     * @param inputs input array
     * @param inputOffset first of the d inputs
     * @param labels label array
     * @param labelOffset first of the label values
     * @param weight signed weight
     * @param key group key (e.g. the point index)
     * @return this
     */
    public Builder addGrouped(
        double[] inputs,
        int inputOffset,
        double[] labels,
        int labelOffset,
        double weight,
        int key) {
      if (weight == 0) {
        return this;
      }
      Integer group = keyed.get(key);
      if (group == null) {
        group = nextGroup++;
        keyed.put(key, group);
      }
      return append(inputs, inputOffset, labels, labelOffset, weight, group);
    }

    private Builder append(
        double[] inputs,
        int inputOffset,
        double[] labels,
        int labelOffset,
        double weight,
        int group) {
      if (n == w.length) {
        int cap = Math.max(16, 2 * n);
        x = Arrays.copyOf(x, cap * d);
        y = Arrays.copyOf(y, cap * m);
        w = Arrays.copyOf(w, cap);
        g = Arrays.copyOf(g, cap);
      }
      g[n] = group;
      System.arraycopy(inputs, inputOffset, x, n * d, d);
      System.arraycopy(labels, labelOffset, y, n * m, m);
      w[n++] = weight;
      return this;
    }

    /**
     * The objective.
     *
     * @return the rows added so far
     */
    public WeightedSamples build() {
      return new WeightedSamples(
          d,
          m,
          Arrays.copyOf(x, n * d),
          Arrays.copyOf(y, n * m),
          Arrays.copyOf(w, n),
          Arrays.copyOf(g, n));
    }
  }
}
