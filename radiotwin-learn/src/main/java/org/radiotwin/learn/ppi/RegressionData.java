package org.radiotwin.learn.ppi;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Data of a regression: covariates, labels and predictions of the labelled samples, covariates and
 * predictions of the unlabelled samples, optional weights (normalised to sum n and N). No intercept
 * is added: include a column of ones in X for one.
 *
 * @param x n×d labelled covariates
 * @param y n labels
 * @param yhat n predictions for the labelled samples
 * @param xUnlabeled N×d unlabelled covariates
 * @param yhatUnlabeled N predictions for the unlabelled samples
 * @param weights n labelled weights, or null for equal weights
 * @param weightsUnlabeled N unlabelled weights, or null for equal weights
 */
public record RegressionData(
    double[][] x,
    double[] y,
    double[] yhat,
    double[][] xUnlabeled,
    double[] yhatUnlabeled,
    double[] weights,
    double[] weightsUnlabeled) {

  /** Validates shapes and values. */
  public RegressionData {
    Samples.requireAtLeast(y.length, 2, "labelled data");
    Samples.requireAtLeast(yhatUnlabeled.length, 1, "unlabelled data");
    int d = Samples.requireShape(x, y.length, -1, "X");
    Samples.requireAtLeast(d, 1, "X columns");
    Samples.requireShape(xUnlabeled, yhatUnlabeled.length, d, "X_unlabeled");
    if (yhat.length != y.length) {
      throw new RadioTwinException(RadioTwinMessages.SIZE_MISMATCH, "Yhat", y.length, yhat.length);
    }
    Samples.requireFinite(x, "X");
    Samples.requireFinite(y, "Y");
    Samples.requireFinite(yhat, "Yhat");
    Samples.requireFinite(xUnlabeled, "X_unlabeled");
    Samples.requireFinite(yhatUnlabeled, "Yhat_unlabeled");
    weights = Samples.normalizedWeights(y.length, weights, "weights");
    weightsUnlabeled =
        Samples.normalizedWeights(yhatUnlabeled.length, weightsUnlabeled, "unlabelled weights");
  }

  /**
   * Number of labelled samples.
   *
   * @return n
   */
  public int n() {
    return y.length;
  }

  /**
   * Number of unlabelled samples.
   *
   * @return N
   */
  public int unlabeledCount() {
    return yhatUnlabeled.length;
  }

  /**
   * Number of coefficients.
   *
   * @return d
   */
  public int dimension() {
    return x[0].length;
  }
}
