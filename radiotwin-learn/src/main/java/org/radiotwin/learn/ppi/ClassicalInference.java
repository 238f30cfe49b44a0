package org.radiotwin.learn.ppi;

import java.util.Arrays;

/**
 * Classical inference on the labelled data alone, the baselines of ppi_py ({@code
 * classical_mean_ci}, {@code classical_quantile_ci}, {@code classical_ols_ci}, {@code
 * classical_logistic_ci}); λ is reported as 0.
 *
 * <p>Differences from ppi_py, on purpose: the mean is taken per column (ppi_py's {@code
 * classical_mean_ci} flattens a multi-dimensional Y); the order-statistic indices of the quantile
 * interval are clamped to [0, n − 1] (ppi_py wraps a negative index to the largest value or
 * raises); a quantile point estimate (which ppi_py lacks) is the first grid point minimising
 * |F̂<sub>n</sub> − q| on the labels, with the grid rule of {@link PpiQuantile}; Poisson regression
 * (no ppi_py baseline) and weighted logistic regression use the sandwich of {@link PpiRegression}
 * at λ = 0, which equals {@code classical_logistic_ci} for equal weights.
 */
public final class ClassicalInference {

  private ClassicalInference() {}

  /**
   * Mean per column: mean(wY) ∓ z·std(wY)/√n (population std).
   *
   * @param y n×d labels
   * @param weights n weights or null
   * @param alpha error level
   * @param alternative interval shape
   * @param nullValue θ0 for p-values, or NaN for none
   * @return the result
   */
  public static PpiResult mean(
      double[][] y, double[] weights, double alpha, Alternative alternative, double nullValue) {
    Samples.requireAlpha(alpha);
    Samples.requireAtLeast(y.length, 2, "labelled data");
    int n = y.length;
    int d = Samples.requireShape(y, n, -1, "Y");
    Samples.requireFinite(y, "Y");
    double[] w = Samples.normalizedWeights(n, weights, "weights");
    double[] est = new double[d];
    double[] se = new double[d];
    double[] col = new double[n];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < n; i++) {
        col[i] = w[i] * y[i][j];
      }
      est[j] = Samples.mean(col);
      se[j] = Samples.std(col) / Math.sqrt(n);
    }
    return PpiRegression.interval(est, est, se, new double[] {0.0}, alpha, alternative, nullValue);
  }

  /**
   * Quantile: the order statistics Y<sub>(⌊qn ∓ z√(q(1−q)n)⌋)</sub> (two-sided only).
   *
   * @param y labels
   * @param q quantile level in (0, 1)
   * @param alpha error level
   * @param exactGrid grid rule of the point estimate (see {@link PpiQuantile})
   * @param nullValue θ0 for the p-value of H0: θ<sub>q</sub> = θ0 (z = (#{Y ≤ θ0} − qn)/√(q(1 −
   *     q)n)), or NaN for none
   * @return the result
   */
  public static PpiResult quantile(
      double[] y, double q, double alpha, boolean exactGrid, double nullValue) {
    Samples.requireAlpha(alpha);
    Samples.requireAtLeast(y.length, 2, "labelled data");
    Samples.requireFinite(y, "Y");
    PpiQuantile.requireLevel(q);
    int n = y.length;
    double sd = Math.sqrt(q * (1 - q) * n);
    double[] bounds = ZTest.confidenceInterval(q * n, sd, alpha, Alternative.TWO_SIDED);
    double[] sorted = y.clone();
    Arrays.sort(sorted);
    int lo = Math.min(n - 1, Math.max(0, (int) bounds[0]));
    int hi = Math.min(n - 1, Math.max(0, (int) bounds[1]));
    double[] grid = QuantileGrid.of(exactGrid, y);
    WeightedEcdf e = new WeightedEcdf(y, null);
    double[] cdf = new double[grid.length];
    for (int k = 0; k < grid.length; k++) {
      cdf[k] = e.countAtMost(grid[k]) / (double) n;
    }
    double est = grid[QuantileGrid.argminDistance(cdf, q)];
    double[] p = null;
    if (!Double.isNaN(nullValue)) {
      p = new double[] {ZTest.pValue(e.countAtMost(nullValue), sd, q * n, Alternative.TWO_SIDED)};
    }
    return new PpiResult(
        new double[] {est},
        new double[] {sorted[lo]},
        new double[] {sorted[hi]},
        new double[] {0.0},
        p);
  }

  /**
   * Regression on the labelled data: OLS with the HC0 sandwich (statsmodels' {@code HC0_se} of a
   * (weighted) least-squares fit); logistic and Poisson with the λ = 0 sandwich.
   *
   * @param model linear, logistic or Poisson
   * @param x n×d covariates (no intercept added)
   * @param y n labels
   * @param weights n weights or null
   * @param alpha error level
   * @param alternative interval shape
   * @param nullValue θ0 for p-values, or NaN for none
   * @return the result
   */
  public static PpiResult regression(
      RegressionModel model,
      double[][] x,
      double[] y,
      double[] weights,
      double alpha,
      Alternative alternative,
      double nullValue) {
    Samples.requireAlpha(alpha);
    if (model != RegressionModel.LINEAR) {
      // The unlabelled part is unused at λ = 0; one dummy row satisfies the data checks.
      RegressionData data =
          new RegressionData(
              x,
              y,
              y,
              new double[][] {x.length > 0 ? x[0] : new double[0]},
              new double[] {0},
              weights,
              null);
      return PpiRegression.confidenceInterval(
          model, data, PowerTuning.fixed(0), alpha, alternative, nullValue);
    }
    Samples.requireAtLeast(y.length, 2, "labelled data");
    int n = y.length;
    int d = Samples.requireShape(x, n, -1, "X");
    Samples.requireFinite(x, "X");
    Samples.requireFinite(y, "Y");
    double[] w = weights == null ? null : Samples.normalizedWeights(n, weights, "weights");
    double[] theta = Linear.weightedLeastSquares(x, y, w);
    double[][] bread = new double[d][d];
    double[][] meat = new double[d][d];
    for (int i = 0; i < n; i++) {
      double wi = w == null ? 1 : w[i];
      double e = y[i] - GlmStatistics.dot(x[i], theta);
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          bread[a][b] += wi * x[i][a] * x[i][b];
          meat[a][b] += wi * wi * e * e * x[i][a] * x[i][b];
        }
      }
    }
    double[][] cov = Linear.sandwich(Linear.inverse(bread, "X'WX"), meat);
    double[] se = new double[d];
    for (int j = 0; j < d; j++) {
      se[j] = Math.sqrt(cov[j][j]);
    }
    return PpiRegression.interval(
        theta, theta, se, new double[] {0.0}, alpha, alternative, nullValue);
  }
}
