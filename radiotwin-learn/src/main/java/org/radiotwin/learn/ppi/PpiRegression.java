package org.radiotwin.learn.ppi;

/**
 * Prediction-powered inference on the coefficients of linear, logistic and Poisson regression
 * (ppi_py's {@code ppi_ols_*}, {@code ppi_logistic_*}, {@code ppi_poisson_*}).
 *
 * <p>Point estimate at λ: OLS, θ̂<sub>λ</sub> = WLS(X̃, λf̃; w̃) + WLS(X, Y − λf; w) (ppi_py's
 * closed form); logistic and Poisson, the minimiser of the rectified loss (see {@link
 * RectifiedLossMinimizer}). Interval: θ̂<sub>λ</sub> ∓ z·√(diag Σ/n), Σ = V(n/N·Cov(λg̃) + Cov(g −
 * λĝ))V, with the per-sample gradients and inverse Hessian V of {@link GlmStatistics} (pooled over
 * n + N samples, or over the n labelled ones when λ = 0) and sample covariances (ddof 1).
 *
 * <p>Tuned λ follows ppi_py step by step: the point estimate uses λ<sub>a</sub> = {@link
 * TunedLambda} at the PPI (λ = 1) estimate; the interval recomputes λ<sub>b</sub> at
 * θ̂<sub>λ<sub>a</sub></sub> and is centred on θ̂<sub>λ<sub>b</sub></sub>. {@link
 * #confidenceInterval} reports the point estimate θ̂<sub>λ<sub>a</sub></sub> (as {@code
 * ppi_*_pointestimate}) and the interval and λ<sub>b</sub> (as {@code ppi_*_ci}). Difference from
 * ppi_py 0.2.3: a coordinate is honoured for every model (ppi_py raises for OLS and ignores it for
 * logistic and Poisson regression).
 */
public final class PpiRegression {

  private PpiRegression() {}

  /**
   * Point estimate.
   *
   * @param model linear, logistic or Poisson
   * @param data the data
   * @param tuning fixed or tuned λ (overall mode only)
   * @return θ̂
   */
  public static double[] pointEstimate(
      RegressionModel model, RegressionData data, PowerTuning tuning) {
    return estimateAt(model, data, pointEstimateLambda(model, data, tuning));
  }

  /**
   * Point estimate, confidence interval, λ and optionally p-values.
   *
   * @param model linear, logistic or Poisson
   * @param data the data
   * @param tuning fixed or tuned λ (overall mode only)
   * @param alpha error level in (0, 1)
   * @param alternative two-sided or one-sided intervals
   * @param nullValue θ0 of the z tests H0: θ<sub>j</sub> = θ0 (centre and standard error of the
   *     interval), or NaN for none
   * @return the result
   */
  public static PpiResult confidenceInterval(
      RegressionModel model,
      RegressionData data,
      PowerTuning tuning,
      double alpha,
      Alternative alternative,
      double nullValue) {
    Samples.requireAlpha(alpha);
    requireOverall(tuning);
    double lambdaA = pointEstimateLambda(model, data, tuning);
    double[] estimate = estimateAt(model, data, lambdaA);
    double lambda = lambdaA;
    if (tuning.isTuned()) {
      GlmStatistics s = statistics(model, data, estimate, true);
      lambda = tune(s, tuning);
    }
    double[] center = tuning.isTuned() ? estimateAt(model, data, lambda) : estimate;
    GlmStatistics s = statistics(model, data, center, lambda != 0);
    double[] se = s.standardErrors(lambda);
    return interval(estimate, center, se, new double[] {lambda}, alpha, alternative, nullValue);
  }

  static PpiResult interval(
      double[] estimate,
      double[] center,
      double[] se,
      double[] lambda,
      double alpha,
      Alternative alternative,
      double nullValue) {
    int d = center.length;
    double[] lo = new double[d];
    double[] hi = new double[d];
    double[] p = Double.isNaN(nullValue) ? null : new double[d];
    for (int j = 0; j < d; j++) {
      double[] ci = ZTest.confidenceInterval(center[j], se[j], alpha, alternative);
      lo[j] = ci[0];
      hi[j] = ci[1];
      if (p != null) {
        p[j] = ZTest.pValue(center[j], se[j], nullValue, alternative);
      }
    }
    return new PpiResult(estimate, lo, hi, lambda, p);
  }

  private static void requireOverall(PowerTuning tuning) {
    if (tuning.isTuned() && tuning.mode() != LambdaMode.OVERALL) {
      throw new org.radiotwin.errors.RadioTwinException(
          org.radiotwin.errors.RadioTwinMessages.INVALID_ARGUMENT,
          "lambda mode",
          "regressions tune one lambda (overall mode), as ppi_py does");
    }
  }

  static double pointEstimateLambda(
      RegressionModel model, RegressionData data, PowerTuning tuning) {
    requireOverall(tuning);
    if (!tuning.isTuned()) {
      return tuning.fixedLambda();
    }
    double[] ppi = estimateAt(model, data, 1.0);
    return tune(statistics(model, data, ppi, true), tuning);
  }

  private static double tune(GlmStatistics s, PowerTuning tuning) {
    return TunedLambda.compute(
        s.grads(),
        s.gradsHat(),
        s.gradsHatUnlabeled(),
        s.invHessian(),
        tuning.coordinate(),
        LambdaMode.OVERALL,
        true)[0];
  }

  static double[] estimateAt(RegressionModel model, RegressionData data, double lambda) {
    if (model == RegressionModel.LINEAR) {
      double[] scaled = new double[data.unlabeledCount()];
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] = lambda * data.yhatUnlabeled()[i];
      }
      double[] residual = new double[data.n()];
      for (int i = 0; i < residual.length; i++) {
        residual[i] = data.y()[i] - lambda * data.yhat()[i];
      }
      double[] imputed =
          Linear.weightedLeastSquares(data.xUnlabeled(), scaled, data.weightsUnlabeled());
      double[] rectifier = Linear.weightedLeastSquares(data.x(), residual, data.weights());
      double[] theta = new double[imputed.length];
      for (int j = 0; j < theta.length; j++) {
        theta[j] = imputed[j] + rectifier[j];
      }
      return theta;
    }
    return RectifiedLossMinimizer.minimize(
        model,
        data.x(),
        data.y(),
        data.yhat(),
        data.weights(),
        data.xUnlabeled(),
        data.yhatUnlabeled(),
        data.weightsUnlabeled(),
        lambda);
  }

  static GlmStatistics statistics(
      RegressionModel model, RegressionData data, double[] theta, boolean useUnlabeled) {
    return GlmStatistics.at(
        model,
        theta,
        data.x(),
        data.y(),
        data.yhat(),
        data.weights(),
        data.xUnlabeled(),
        data.yhatUnlabeled(),
        data.weightsUnlabeled(),
        useUnlabeled);
  }
}
