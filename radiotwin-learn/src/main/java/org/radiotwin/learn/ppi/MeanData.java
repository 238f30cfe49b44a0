package org.radiotwin.learn.ppi;

/**
 * Data of a d-dimensional mean: labels, predictions on the labelled samples, predictions on the
 * unlabelled samples, and optional sample weights (normalised to sum n and N, as ppi_py does).
 *
 * @param y n×d labels
 * @param yhat n×d predictions for the labelled samples
 * @param yhatUnlabeled N×d predictions for the unlabelled samples
 * @param weights n labelled-sample weights, or null for equal weights
 * @param weightsUnlabeled N unlabelled-sample weights, or null for equal weights
 */
public record MeanData(
    double[][] y,
    double[][] yhat,
    double[][] yhatUnlabeled,
    double[] weights,
    double[] weightsUnlabeled) {

  /** Validates shapes and values. */
  public MeanData {
    Samples.requireAtLeast(y.length, 2, "labelled data");
    Samples.requireAtLeast(yhatUnlabeled.length, 1, "unlabelled data");
    int d = Samples.requireShape(y, y.length, -1, "Y");
    Samples.requireAtLeast(d, 1, "Y columns");
    Samples.requireShape(yhat, y.length, d, "Yhat");
    Samples.requireShape(yhatUnlabeled, yhatUnlabeled.length, d, "Yhat_unlabeled");
    Samples.requireFinite(y, "Y");
    Samples.requireFinite(yhat, "Yhat");
    Samples.requireFinite(yhatUnlabeled, "Yhat_unlabeled");
    weights = Samples.normalizedWeights(y.length, weights, "weights");
    weightsUnlabeled =
        Samples.normalizedWeights(yhatUnlabeled.length, weightsUnlabeled, "unlabelled weights");
  }

  /**
   * One-dimensional data without weights.
   *
   * @param y labels
   * @param yhat predictions for the labelled samples
   * @param yhatUnlabeled predictions for the unlabelled samples
   * @return the data
   */
  public static MeanData of(double[] y, double[] yhat, double[] yhatUnlabeled) {
    return new MeanData(column(y), column(yhat), column(yhatUnlabeled), null, null);
  }

  static double[][] column(double[] v) {
    double[][] m = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      m[i][0] = v[i];
    }
    return m;
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
   * Dimension of the mean.
   *
   * @return d
   */
  public int dimension() {
    return y[0].length;
  }
}
