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
 */
public record WeightedSamples(
    int inputDimension, int labelDimension, double[] inputs, double[] labels, double[] weights) {

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
    private int n;

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
      if (n == w.length) {
        int cap = Math.max(16, 2 * n);
        x = Arrays.copyOf(x, cap * d);
        y = Arrays.copyOf(y, cap * m);
        w = Arrays.copyOf(w, cap);
      }
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
          d, m, Arrays.copyOf(x, n * d), Arrays.copyOf(y, n * m), Arrays.copyOf(w, n));
    }
  }
}
