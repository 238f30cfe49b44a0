package org.radiotwin.learn.model;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Softmax cross-entropy over C classes, ℓ(g, y) = −Σ_c y_c log softmax(g)_c with ∂ℓ/∂g = softmax(g)
 * − y, for labels given as probability vectors (one-hot for hard labels, averages of one-hot
 * vectors for the fold-averaged pseudo-labels of Cross-PPI). With a {@link LinearModel} this is
 * multinomial logistic regression.
 *
 * <p>The cap on negatively weighted terms is ln C + 3: such a term stops pushing the model away
 * from its label once that label's probability has fallen to e⁻³ of the uniform 1/C.
 */
public final class SoftmaxCrossEntropy implements Loss {

  private final int classes;

  /**
   * A loss over the classes.
   *
   * @param classes number of classes C ≥ 2
   */
  public SoftmaxCrossEntropy(int classes) {
    if (classes < 2) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "class count " + classes, "must be ≥ 2");
    }
    this.classes = classes;
  }

  @Override
  public int outputDimension() {
    return classes;
  }

  @Override
  public int labelDimension() {
    return classes;
  }

  @Override
  public double negativeTermCap() {
    return Math.log(classes) + 3;
  }

  @Override
  public double evaluate(double[] out, double[] labels, int offset, double[] dOut) {
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, out[c]);
    }
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      sum += Math.exp(out[c] - max);
    }
    double logSum = max + Math.log(sum);
    double loss = 0;
    for (int c = 0; c < classes; c++) {
      double y = labels[offset + c];
      if (y != 0) {
        loss -= y * (out[c] - logSum);
      }
      if (dOut != null) {
        dOut[c] = Math.exp(out[c] - logSum) - y;
      }
    }
    return loss;
  }

  /**
   * Index of the largest output (the predicted class), the first on ties.
   *
   * @param out outputs, at least C values
   * @param classes C
   * @return argmax_c out[c]
   */
  public static int argmax(double[] out, int classes) {
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (out[c] > out[best]) {
        best = c;
      }
    }
    return best;
  }
}
