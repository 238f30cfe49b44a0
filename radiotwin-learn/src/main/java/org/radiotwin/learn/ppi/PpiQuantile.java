package org.radiotwin.learn.ppi;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Prediction-powered inference on a q-quantile through the rectified CDF (ppi_py's {@code
 * ppi_quantile_pointestimate} and {@code ppi_quantile_ci}).
 *
 * <pre>
 *   F̂(θ) = mean_j(w̃_j 1[f̃_j ≤ θ]) + mean_i(w_i (1[Y_i ≤ θ] − 1[f_i ≤ θ]))
 *   θ̂    = the first grid point minimising |F̂(θ) − q|
 *   CI   = [first, last] grid point whose test of H0: F(θ) = q has p &gt; α
 * </pre>
 *
 * with σ(θ)² = std(w̃ 1[f̃ ≤ θ])²/N + std(w(1[Y ≤ θ] − 1[f ≤ θ]))²/n (population std) and a
 * two-sided z test (Angelopoulos et al., Science 382, 2023, Algorithm 2 via the CDF). The grid is
 * {@code linspace(min, max, 5000)} over all labels and predictions, or all those values sorted
 * (exact grid). ppi_py's quantile has no λ; λ = 1 throughout.
 */
public final class PpiQuantile {

  private PpiQuantile() {}

  /** Rectified CDF and its two standard errors at every grid point. */
  record RectifiedCdf(
      double[] grid,
      double[] imputedCdf,
      double[] rectifierCdf,
      double[] imputedStd,
      double[] rectifierStd) {

    /** F̂ = imputed + rectifier, in ppi_py's order of addition. */
    double[] cdf() {
      double[] c = new double[grid.length];
      for (int k = 0; k < c.length; k++) {
        c[k] = imputedCdf[k] + rectifierCdf[k];
      }
      return c;
    }
  }

  /**
   * Point estimate.
   *
   * @param y labels
   * @param yhat predictions for the labelled samples
   * @param yhatUnlabeled predictions for the unlabelled samples
   * @param weights labelled weights or null
   * @param weightsUnlabeled unlabelled weights or null
   * @param q quantile level in (0, 1)
   * @param exactGrid whether to use every data value as candidate instead of 5000 evenly spaced
   * @return θ̂
   */
  public static double pointEstimate(
      double[] y,
      double[] yhat,
      double[] yhatUnlabeled,
      double[] weights,
      double[] weightsUnlabeled,
      double q,
      boolean exactGrid) {
    RectifiedCdf r = rectified(y, yhat, yhatUnlabeled, weights, weightsUnlabeled, q, exactGrid);
    return r.grid()[QuantileGrid.argminDistance(r.cdf(), q)];
  }

  /**
   * Point estimate and confidence interval (λ reported as 1).
   *
   * @param y labels
   * @param yhat predictions for the labelled samples
   * @param yhatUnlabeled predictions for the unlabelled samples
   * @param weights labelled weights or null
   * @param weightsUnlabeled unlabelled weights or null
   * @param q quantile level in (0, 1)
   * @param alpha error level in (0, 1)
   * @param exactGrid exact grid instead of 5000 points
   * @return the result
   */
  public static PpiResult confidenceInterval(
      double[] y,
      double[] yhat,
      double[] yhatUnlabeled,
      double[] weights,
      double[] weightsUnlabeled,
      double q,
      double alpha,
      boolean exactGrid) {
    Samples.requireAlpha(alpha);
    RectifiedCdf r = rectified(y, yhat, yhatUnlabeled, weights, weightsUnlabeled, q, exactGrid);
    double est = r.grid()[QuantileGrid.argminDistance(r.cdf(), q)];
    double[] ci = acceptedRange(r, q, alpha, Alternative.TWO_SIDED, y.length, yhatUnlabeled.length);
    return new PpiResult(
        new double[] {est}, new double[] {ci[0]}, new double[] {ci[1]}, new double[] {1.0}, null);
  }

  /**
   * p-value of H0: θ<sub>q</sub> = θ0, i.e. the test of F(θ0) = q that the interval inverts.
   *
   * @param y labels
   * @param yhat predictions for the labelled samples
   * @param yhatUnlabeled predictions for the unlabelled samples
   * @param weights labelled weights or null
   * @param weightsUnlabeled unlabelled weights or null
   * @param q quantile level
   * @param nullValue θ0
   * @return the two-sided p-value
   */
  public static double pValue(
      double[] y,
      double[] yhat,
      double[] yhatUnlabeled,
      double[] weights,
      double[] weightsUnlabeled,
      double q,
      double nullValue) {
    double[] w = check(y, yhat, yhatUnlabeled, weights, q);
    double[] wu =
        Samples.normalizedWeights(yhatUnlabeled.length, weightsUnlabeled, "unlabelled weights");
    RectifiedCdf r = cdfAt(new double[] {nullValue}, y, yhat, w, yhatUnlabeled, wu);
    return testAt(r, 0, q, Alternative.TWO_SIDED, y.length, yhatUnlabeled.length);
  }

  /** The rectified z test of F(grid[k]) = q (ppi_py's rectified_p_value). */
  static double testAt(RectifiedCdf r, int k, double q, Alternative alternative, int n, int bigN) {
    double a = r.imputedStd()[k] / Math.sqrt(bigN);
    double b = r.rectifierStd()[k] / Math.sqrt(n);
    double std = Math.max(Math.sqrt(a * a + b * b), 1e-16);
    return ZTest.pValue(r.imputedCdf()[k] + r.rectifierCdf()[k], std, q, alternative);
  }

  static double[] check(double[] y, double[] yhat, double[] yhatUnlabeled, double[] w, double q) {
    Samples.requireAtLeast(y.length, 2, "labelled data");
    Samples.requireAtLeast(yhatUnlabeled.length, 1, "unlabelled data");
    if (yhat.length != y.length) {
      throw new RadioTwinException(RadioTwinMessages.SIZE_MISMATCH, "Yhat", y.length, yhat.length);
    }
    Samples.requireFinite(y, "Y");
    Samples.requireFinite(yhat, "Yhat");
    Samples.requireFinite(yhatUnlabeled, "Yhat_unlabeled");
    requireLevel(q);
    return Samples.normalizedWeights(y.length, w, "weights");
  }

  static void requireLevel(double q) {
    if (!(q > 0 && q < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "quantile level q", "must be in (0, 1), got " + q);
    }
  }

  static RectifiedCdf rectified(
      double[] y,
      double[] yhat,
      double[] yhatUnlabeled,
      double[] weights,
      double[] weightsUnlabeled,
      double q,
      boolean exactGrid) {
    double[] w = check(y, yhat, yhatUnlabeled, weights, q);
    double[] wu =
        Samples.normalizedWeights(yhatUnlabeled.length, weightsUnlabeled, "unlabelled weights");
    double[] grid = QuantileGrid.of(exactGrid, y, yhat, yhatUnlabeled);
    return cdfAt(grid, y, yhat, w, yhatUnlabeled, wu);
  }

  /**
   * ppi_py's {@code compute_cdf} on the unlabelled predictions plus {@code compute_cdf_diff} on the
   * labelled data, with their population standard deviations.
   */
  static RectifiedCdf cdfAt(
      double[] grid, double[] y, double[] yhat, double[] w, double[] yhatU, double[] wu) {
    int n = y.length;
    int bigN = yhatU.length;
    double[] both = new double[n];
    for (int i = 0; i < n; i++) {
      both[i] = Math.max(y[i], yhat[i]);
    }
    WeightedEcdf ey = new WeightedEcdf(y, w);
    WeightedEcdf eh = new WeightedEcdf(yhat, w);
    WeightedEcdf eb = new WeightedEcdf(both, w);
    WeightedEcdf eu = new WeightedEcdf(yhatU, wu);
    int g = grid.length;
    double[] cdfU = new double[g];
    double[] cdfR = new double[g];
    double[] impStd = new double[g];
    double[] rectStd = new double[g];
    for (int k = 0; k < g; k++) {
      double t = grid[k];
      int cu = eu.countAtMost(t);
      double mu = eu.sumWeights(cu) / bigN;
      impStd[k] = Math.sqrt(Math.max(0, eu.sumSquaredWeights(cu) / bigN - mu * mu));
      int cy = ey.countAtMost(t);
      int ch = eh.countAtMost(t);
      int cb = eb.countAtMost(t);
      double mr = (ey.sumWeights(cy) - eh.sumWeights(ch)) / n;
      double second =
          (ey.sumSquaredWeights(cy) + eh.sumSquaredWeights(ch) - 2 * eb.sumSquaredWeights(cb)) / n;
      rectStd[k] = Math.sqrt(Math.max(0, second - mr * mr));
      cdfU[k] = mu;
      cdfR[k] = mr;
    }
    return new RectifiedCdf(grid, cdfU, cdfR, impStd, rectStd);
  }

  /**
   * First and last grid points whose rectified test of F = q is not rejected (p &gt; α).
   *
   * @throws RadioTwinException when no grid point is accepted (ppi_py raises an IndexError)
   */
  static double[] acceptedRange(
      RectifiedCdf r, double q, double alpha, Alternative alternative, int n, int bigN) {
    int first = -1;
    int last = -1;
    double[] grid = r.grid();
    for (int k = 0; k < grid.length; k++) {
      if (testAt(r, k, q, alternative, n, bigN) > alpha) {
        if (first < 0) {
          first = k;
        }
        last = k;
      }
    }
    if (first < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "quantile interval",
          "no candidate value is accepted at level alpha = " + alpha + " (too few samples?)");
    }
    return new double[] {grid[first], grid[last]};
  }
}
