package org.radiotwin.learn.model;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Squared error ℓ(g, y) = ‖g − y‖², ∂ℓ/∂g = 2(g − y), the regression head.
 *
 * <p>The cap on negatively weighted terms is supplied by the caller from the label range; for unit
 * direction vectors it is 4, the largest squared distance between two of them.
 */
public final class SquaredError implements Loss {

  private final int dimension;
  private final double cap;

  /**
   * A loss over vectors.
   *
   * @param dimension m ≥ 1
   * @param negativeTermCap cap of negatively weighted terms (see {@link Loss#negativeTermCap()}),
   *     &gt; 0
   */
  public SquaredError(int dimension, double negativeTermCap) {
    if (dimension < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "output dimension " + dimension, "must be ≥ 1");
    }
    if (!(negativeTermCap > 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "loss cap " + negativeTermCap, "must be > 0");
    }
    this.dimension = dimension;
    this.cap = negativeTermCap;
  }

  @Override
  public int outputDimension() {
    return dimension;
  }

  @Override
  public int labelDimension() {
    return dimension;
  }

  @Override
  public double negativeTermCap() {
    return cap;
  }

  @Override
  public double evaluate(double[] out, double[] labels, int offset, double[] dOut) {
    double loss = 0;
    for (int k = 0; k < dimension; k++) {
      double r = out[k] - labels[offset + k];
      loss += r * r;
      if (dOut != null) {
        dOut[k] = 2 * r;
      }
    }
    return loss;
  }
}
