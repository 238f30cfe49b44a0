package org.radiotwin.learn.model;

import java.util.SplittableRandom;

/**
 * A differentiable map g_θ: ℝ^d → ℝ^m from an input vector to raw outputs (logits or regression
 * values), with the parameters θ held by the caller in one flat array so that optimisers and
 * estimators can treat every model alike.
 *
 * <p>{@link #forward} stores the intermediate activations in a caller-owned work buffer of {@link
 * #workspaceSize()} doubles; {@link #backward} reads them back, so the two must be called in that
 * order with the same buffer. Implementations are stateless and thread-safe; one work buffer per
 * thread.
 */
public interface Model {

  /**
   * Input dimension d.
   *
   * @return d ≥ 1
   */
  int inputDimension();

  /**
   * Output dimension m.
   *
   * @return m ≥ 1
   */
  int outputDimension();

  /**
   * Number of parameters |θ|.
   *
   * @return the length of the parameter vector
   */
  int parameterCount();

  /**
   * Size of the work buffer {@link #forward} and {@link #backward} need.
   *
   * @return number of doubles
   */
  int workspaceSize();

  /**
   * Random initial parameters (LeCun-normal weights N(0, 1/fan_in), zero biases).
   *
   * @param random generator
   * @return a new parameter vector
   */
  double[] initialParameters(SplittableRandom random);

  /**
   * Evaluates g_θ(x).
   *
   * @param params θ
   * @param x inputs, d values from {@code offset}
   * @param offset first input index in {@code x}
   * @param out receives the m outputs
   * @param workspace work buffer, {@link #workspaceSize()} doubles at least
   */
  void forward(double[] params, double[] x, int offset, double[] out, double[] workspace);

  /**
   * Adds scale·(∂g_θ(x)/∂θ)ᵀ·dOut to {@code gradient}, after {@link #forward} on the same input and
   * work buffer.
   *
   * @param params θ
   * @param x inputs, d values from {@code offset}
   * @param offset first input index in {@code x}
   * @param dOut ∂ℓ/∂g, m values (not modified)
   * @param scale factor applied to the contribution (the sample's signed weight)
   * @param workspace the buffer {@link #forward} filled
   * @param gradient accumulates the parameter gradient, {@link #parameterCount()} values
   */
  void backward(
      double[] params,
      double[] x,
      int offset,
      double[] dOut,
      double scale,
      double[] workspace,
      double[] gradient);
}
