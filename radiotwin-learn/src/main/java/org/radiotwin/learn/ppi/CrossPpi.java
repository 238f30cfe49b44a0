package org.radiotwin.learn.ppi;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Cross-prediction-powered inference (ppi_py's {@code crossppi_*}; Zrnic and Candès, PNAS 121,
 * 2024, doi:10.1073/pnas.2322083121). The labelled predictions f<sub>i</sub> come from the model
 * trained without the fold of sample i; the unlabelled predictions come as one column per fold
 * model, f̃<sub>jk</sub>, and enter through their average f̄<sub>j</sub> = mean<sub>k</sub>
 * f̃<sub>jk</sub>. λ = 1; no weights.
 *
 * <ul>
 *   <li>mean: θ̂ = mean(f̄) + mean(Y − f), σ̂² = var(f̄)/N + var(f − Y)/n (population variances);
 *   <li>quantile: F̂(θ) = (1/K)Σ<sub>k</sub> mean(1[f̃<sub>·k</sub> ≤ θ]) + mean(1[Y ≤ θ] − 1[f ≤
 *       θ]), its imputed standard deviation that of 1[f̄ ≤ θ] (as ppi_py), interval by test
 *       inversion with the given alternative;
 *   <li>OLS: θ̂ = OLS(X̃, f̄) + OLS(X, Y − f); logistic: minimiser of the rectified loss with f̄ at
 *       λ = 1; both with Σ = V(n/N·Cov(g̃) + Cov(x(f − Y)))V, V the inverse pooled Hessian.
 * </ul>
 */
public final class CrossPpi {

  private CrossPpi() {}

  /**
   * Mean.
   *
   * @param y n labels
   * @param yhat n cross-fitted predictions
   * @param yhatUnlabeled N×K predictions of the K fold models
   * @param alpha error level
   * @param alternative interval shape
   * @param nullValue θ0 for the p-value, or NaN for none
   * @return the result (λ = 1)
   */
  public static PpiResult mean(
      double[] y,
      double[] yhat,
      double[][] yhatUnlabeled,
      double alpha,
      Alternative alternative,
      double nullValue) {
    Samples.requireAlpha(alpha);
    double[] avg = foldAverage(y, yhat, yhatUnlabeled);
    int n = y.length;
    int bigN = avg.length;
    double est = PpiMean.estimate(MeanData.of(y, yhat, avg), new double[] {1.0})[0];
    double[] diff = new double[n];
    for (int i = 0; i < n; i++) {
      diff[i] = yhat[i] - y[i];
    }
    double se = Math.sqrt(Samples.variance(avg) / bigN + Samples.variance(diff) / n);
    return PpiRegression.interval(
        new double[] {est},
        new double[] {est},
        new double[] {se},
        new double[] {1.0},
        alpha,
        alternative,
        nullValue);
  }

  /**
   * Quantile.
   *
   * @param y n labels
   * @param yhat n cross-fitted predictions
   * @param yhatUnlabeled N×K predictions of the K fold models
   * @param q quantile level in (0, 1)
   * @param alpha error level
   * @param alternative alternative of the CDF tests that the interval inverts (as ppi_py)
   * @param exactGrid exact grid instead of 5000 points
   * @param nullValue θ0 for the p-value of F(θ0) = q, or NaN for none
   * @return the result (λ = 1)
   */
  public static PpiResult quantile(
      double[] y,
      double[] yhat,
      double[][] yhatUnlabeled,
      double q,
      double alpha,
      Alternative alternative,
      boolean exactGrid,
      double nullValue) {
    Samples.requireAlpha(alpha);
    double[] avg = foldAverage(y, yhat, yhatUnlabeled);
    PpiQuantile.check(y, yhat, avg, null, q);
    int n = y.length;
    int bigN = avg.length;
    int k = yhatUnlabeled[0].length;
    double[] flat = new double[bigN * k];
    double[][] folds = new double[k][bigN];
    for (int i = 0; i < bigN; i++) {
      for (int m = 0; m < k; m++) {
        flat[i * k + m] = yhatUnlabeled[i][m];
        folds[m][i] = yhatUnlabeled[i][m];
      }
    }
    double[] grid = QuantileGrid.of(exactGrid, y, yhat, flat);
    PpiQuantile.RectifiedCdf r = cross(grid, y, yhat, folds, avg);
    double est = grid[QuantileGrid.argminDistance(r.cdf(), q)];
    double[] ci = PpiQuantile.acceptedRange(r, q, alpha, alternative, n, bigN);
    double[] p = null;
    if (!Double.isNaN(nullValue)) {
      PpiQuantile.RectifiedCdf at = cross(new double[] {nullValue}, y, yhat, folds, avg);
      p = new double[] {PpiQuantile.testAt(at, 0, q, alternative, n, bigN)};
    }
    return new PpiResult(
        new double[] {est}, new double[] {ci[0]}, new double[] {ci[1]}, new double[] {1.0}, p);
  }

  private static PpiQuantile.RectifiedCdf cross(
      double[] grid, double[] y, double[] yhat, double[][] folds, double[] avg) {
    int n = y.length;
    int bigN = avg.length;
    double[] ones = new double[n];
    java.util.Arrays.fill(ones, 1.0);
    double[] onesU = new double[bigN];
    java.util.Arrays.fill(onesU, 1.0);
    // Rectifier and the imputed standard deviation (of the fold average's indicators).
    PpiQuantile.RectifiedCdf base = PpiQuantile.cdfAt(grid, y, yhat, ones, avg, onesU);
    // cdf_Yhat_unlabeled += cdf_k / K, accumulated fold by fold as ppi_py does.
    double[] cdfU = new double[grid.length];
    for (double[] fold : folds) {
      WeightedEcdf e = new WeightedEcdf(fold, null);
      for (int g = 0; g < grid.length; g++) {
        cdfU[g] += (e.countAtMost(grid[g]) / (double) bigN) / folds.length;
      }
    }
    return new PpiQuantile.RectifiedCdf(
        grid, cdfU, base.rectifierCdf(), base.imputedStd(), base.rectifierStd());
  }

  /**
   * OLS (RegressionModel.LINEAR) or logistic regression.
   *
   * @param model LINEAR or LOGISTIC
   * @param x n×d labelled covariates
   * @param y n labels
   * @param yhat n cross-fitted predictions
   * @param xUnlabeled N×d unlabelled covariates
   * @param yhatUnlabeled N×K predictions of the K fold models
   * @param alpha error level
   * @param alternative interval shape
   * @param nullValue θ0 for p-values, or NaN for none
   * @return the result (λ = 1)
   */
  public static PpiResult regression(
      RegressionModel model,
      double[][] x,
      double[] y,
      double[] yhat,
      double[][] xUnlabeled,
      double[][] yhatUnlabeled,
      double alpha,
      Alternative alternative,
      double nullValue) {
    Samples.requireAlpha(alpha);
    if (model == RegressionModel.POISSON) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "model",
          "Cross-PPI covers mean, quantile, OLS and logistic regression (as ppi_py)");
    }
    double[] avg = foldAverage(y, yhat, yhatUnlabeled);
    RegressionData data = new RegressionData(x, y, yhat, xUnlabeled, avg, null, null);
    double[] theta = PpiRegression.estimateAt(model, data, 1.0);
    int n = y.length;
    int bigN = avg.length;
    int d = theta.length;
    double[][] hessian = new double[d][d];
    double[][] gu = new double[bigN][d];
    for (int i = 0; i < bigN; i++) {
      double eta = GlmStatistics.dot(xUnlabeled[i], theta);
      double c = 1.0 / (bigN + n) * model.meanDerivative(eta);
      double r = model.mean(eta) - avg[i];
      for (int a = 0; a < d; a++) {
        gu[i][a] = xUnlabeled[i][a] * r;
        for (int b = 0; b < d; b++) {
          hessian[a][b] += c * xUnlabeled[i][a] * xUnlabeled[i][b];
        }
      }
    }
    double[][] diff = new double[n][d];
    for (int i = 0; i < n; i++) {
      double c = 1.0 / (bigN + n) * model.meanDerivative(GlmStatistics.dot(x[i], theta));
      for (int a = 0; a < d; a++) {
        diff[i][a] = x[i][a] * (yhat[i] - y[i]);
        for (int b = 0; b < d; b++) {
          hessian[a][b] += c * x[i][a] * x[i][b];
        }
      }
    }
    // Same sandwich as PPI at λ = 1: Cov(g̃) and Cov(g − ĝ) = Cov(x(f − Y)).
    GlmStatistics s =
        new GlmStatistics(diff, new double[n][d], gu, Linear.inverse(hessian, "Hessian"));
    double[] se = s.standardErrors(1.0);
    return PpiRegression.interval(
        theta, theta, se, new double[] {1.0}, alpha, alternative, nullValue);
  }

  /** Row means of the fold predictions, with shape checks. */
  static double[] foldAverage(double[] y, double[] yhat, double[][] yhatUnlabeled) {
    Samples.requireAtLeast(y.length, 2, "labelled data");
    Samples.requireAtLeast(yhatUnlabeled.length, 1, "unlabelled data");
    if (yhat.length != y.length) {
      throw new RadioTwinException(RadioTwinMessages.SIZE_MISMATCH, "Yhat", y.length, yhat.length);
    }
    int k = Samples.requireShape(yhatUnlabeled, yhatUnlabeled.length, -1, "Yhat_unlabeled");
    Samples.requireAtLeast(k, 1, "fold models");
    Samples.requireFinite(yhatUnlabeled, "Yhat_unlabeled");
    double[] avg = new double[yhatUnlabeled.length];
    for (int i = 0; i < avg.length; i++) {
      double s = 0;
      for (double v : yhatUnlabeled[i]) {
        s += v;
      }
      avg[i] = s / k;
    }
    return avg;
  }
}
