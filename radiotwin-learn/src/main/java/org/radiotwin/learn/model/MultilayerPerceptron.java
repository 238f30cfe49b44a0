package org.radiotwin.learn.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A fully connected network with tanh hidden layers and a linear output layer,
 *
 * <pre>
 *   a⁰ = x,   aˡ = tanh(Wˡ aˡ⁻¹ + bˡ) (hidden layers),   g = W^L a^{L−1} + b^L,
 * </pre>
 *
 * <p>with back-propagation δ^L = ∂ℓ/∂g, δˡ⁻¹ = (Wˡ)ᵀδˡ ⊙ (1 − (aˡ⁻¹)²). With no hidden layer it is
 * the linear model g = Wx + b, which with {@link SoftmaxCrossEntropy} is multinomial logistic
 * regression ({@link #logisticRegression}).
 *
 * <p>Parameter layout: layer by layer, Wˡ row-major (n_l × n_{l−1}) then bˡ.
 */
public final class MultilayerPerceptron implements Model {

  private final int[] sizes;
  private final int[] paramOffset;
  private final int[] activationOffset;
  private final int parameterCount;
  private final int maxWidth;
  private final int activationSize;

  /**
   * A network with the given layer widths.
   *
   * @param sizes widths n₀ = d, n₁ … n_{L−1} (hidden), n_L = m; at least two entries, all ≥ 1
   */
  public MultilayerPerceptron(int... sizes) {
    if (sizes.length < 2) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "layer sizes", "need at least input and output");
    }
    for (int s : sizes) {
      if (s < 1) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, "layer sizes " + Arrays.toString(sizes), "≥ 1");
      }
    }
    this.sizes = sizes.clone();
    int layers = sizes.length - 1;
    paramOffset = new int[layers + 1];
    activationOffset = new int[layers];
    int p = 0;
    int a = 0;
    int w = 0;
    for (int l = 0; l < layers; l++) {
      paramOffset[l] = p;
      p += sizes[l + 1] * sizes[l] + sizes[l + 1];
      activationOffset[l] = a;
      if (l < layers - 1) {
        a += sizes[l + 1];
      }
    }
    for (int s : sizes) {
      w = Math.max(w, s);
    }
    paramOffset[layers] = p;
    parameterCount = p;
    maxWidth = w;
    activationSize = a;
  }

  /**
   * Multinomial logistic regression: the linear model g = Wx + b, to be used with {@link
   * SoftmaxCrossEntropy}.
   *
   * @param inputs d
   * @param classes C
   * @return the linear model
   */
  public static MultilayerPerceptron logisticRegression(int inputs, int classes) {
    return new MultilayerPerceptron(inputs, classes);
  }

  /**
   * Layer widths.
   *
   * @return a copy of n₀ … n_L
   */
  public int[] sizes() {
    return sizes.clone();
  }

  @Override
  public int inputDimension() {
    return sizes[0];
  }

  @Override
  public int outputDimension() {
    return sizes[sizes.length - 1];
  }

  @Override
  public int parameterCount() {
    return parameterCount;
  }

  @Override
  public int workspaceSize() {
    // hidden activations, then two δ buffers of the widest layer
    return activationSize + 2 * maxWidth;
  }

  @Override
  public double[] initialParameters(SplittableRandom random) {
    double[] p = new double[parameterCount];
    for (int l = 0; l + 1 < sizes.length; l++) {
      int in = sizes[l];
      int out = sizes[l + 1];
      double sd = 1 / Math.sqrt(in);
      for (int k = 0; k < in * out; k++) {
        p[paramOffset[l] + k] = sd * random.nextGaussian();
      }
    }
    return p;
  }

  @Override
  public void forward(double[] params, double[] x, int offset, double[] out, double[] ws) {
    int layers = sizes.length - 1;
    double[] src = x;
    int srcOff = offset;
    for (int l = 0; l < layers; l++) {
      int in = sizes[l];
      int n = sizes[l + 1];
      int w0 = paramOffset[l];
      int b0 = w0 + n * in;
      boolean last = l == layers - 1;
      double[] dst = last ? out : ws;
      int dstOff = last ? 0 : activationOffset[l];
      for (int j = 0; j < n; j++) {
        double s = params[b0 + j];
        int row = w0 + j * in;
        for (int i = 0; i < in; i++) {
          s += params[row + i] * src[srcOff + i];
        }
        dst[dstOff + j] = last ? s : Math.tanh(s);
      }
      src = dst;
      srcOff = dstOff;
    }
  }

  @Override
  public void backward(
      double[] params,
      double[] x,
      int offset,
      double[] dOut,
      double scale,
      double[] ws,
      double[] gradient) {
    int layers = sizes.length - 1;
    int deltaA = activationSize;
    int deltaB = activationSize + maxWidth;
    for (int j = 0; j < sizes[layers]; j++) {
      ws[deltaA + j] = scale * dOut[j];
    }
    for (int l = layers - 1; l >= 0; l--) {
      int in = sizes[l];
      int n = sizes[l + 1];
      int w0 = paramOffset[l];
      int b0 = w0 + n * in;
      double[] src = l == 0 ? x : ws;
      int srcOff = l == 0 ? offset : activationOffset[l - 1];
      for (int j = 0; j < n; j++) {
        double d = ws[deltaA + j];
        gradient[b0 + j] += d;
        int row = w0 + j * in;
        for (int i = 0; i < in; i++) {
          gradient[row + i] += d * src[srcOff + i];
        }
      }
      if (l > 0) {
        for (int i = 0; i < in; i++) {
          double s = 0;
          for (int j = 0; j < n; j++) {
            s += params[w0 + j * in + i] * ws[deltaA + j];
          }
          double a = src[srcOff + i];
          ws[deltaB + i] = s * (1 - a * a);
        }
        int t = deltaA;
        deltaA = deltaB;
        deltaB = t;
      }
    }
  }
}
