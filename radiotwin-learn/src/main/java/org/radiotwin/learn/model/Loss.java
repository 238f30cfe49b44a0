package org.radiotwin.learn.model;

/**
 * A per-sample loss ℓ(g, y) of raw model outputs g against a label y, the building block of the
 * weighted training objectives of {@code org.radiotwin.learn.train}.
 */
public interface Loss {

  /**
   * Number of model outputs the loss reads.
   *
   * @return m
   */
  int outputDimension();

  /**
   * Number of doubles of one label.
   *
   * @return the label length
   */
  int labelDimension();

  /**
   * ℓ(g, y) and its gradient ∂ℓ/∂g.
   *
   * @param out model outputs g, {@link #outputDimension()} values
   * @param labels label array
   * @param offset first index of the label in {@code labels}
   * @param dOut receives ∂ℓ/∂g ({@link #outputDimension()} values), or null for the value only
   * @return ℓ(g, y)
   */
  double evaluate(double[] out, double[] labels, int offset, double[] dOut);

  /**
   * The largest value the loss of a sample entering the objective with a negative weight may
   * contribute (see {@code AdamTrainer}): a rectified objective Σ w_i ℓ_i with some w_i &lt; 0 is
   * unbounded below for a model flexible enough to push those ℓ_i to infinity, and capping them
   * keeps it bounded.
   *
   * @return the cap, &gt; 0
   */
  double negativeTermCap();
}
