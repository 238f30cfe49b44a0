package org.radiotwin.learn.ppi;

/**
 * Prediction-powered inference on a d-dimensional mean (ppi_py's {@code ppi_mean_pointestimate},
 * {@code ppi_mean_ci}, {@code ppi_mean_pval}).
 *
 * <p>With normalised weights w, w̃ and power-tuning parameter λ (per coordinate):
 *
 * <pre>
 *   θ̂_λ = mean_j(w̃_j λ f̃_j) + mean_i(w_i (Y_i − λ f_i))
 *   σ̂²  = std(w̃ λ f̃)²/N + std(w (Y − λ f))²/n          (population std, ddof 0)
 *   CI   = θ̂_λ ∓ z σ̂                                   (z interval, see ZTest)
 * </pre>
 *
 * The tuned λ is {@link TunedLambda} with gradients w(Y − θ̂₁), w(f − θ̂₁), w̃(f̃ − θ̂₁) at the PPI
 * (λ = 1) estimate and V = I, clipped to [0, 1]; in the scalar case λ = Cov(Y, f)/((1 + n/N)
 * Var(f)) (Angelopoulos, Duchi, Zrnic, PPI++, arXiv:2311.01453, Example 6.1).
 *
 * <p>Differences from ppi_py 0.2.3, on purpose: (1) with a tuned λ ppi_py's {@code ppi_mean_ci}
 * returns a two-sided interval whatever the alternative (its recursive call drops the argument);
 * here a one-sided alternative gives the one-sided interval; (2) ppi_py ignores {@code coord} for
 * the mean; here a coordinate makes λ minimise the variance of that coordinate. The p-value keeps
 * ppi_py's choice of an unclipped tuned λ ({@code ppi_mean_pval} does not clip).
 */
public final class PpiMean {

  private PpiMean() {}

  /**
   * Point estimate.
   *
   * @param data the data
   * @param tuning fixed or tuned λ
   * @return θ̂ per coordinate
   */
  public static double[] pointEstimate(MeanData data, PowerTuning tuning) {
    return estimate(data, lambda(data, tuning, true));
  }

  /**
   * Point estimate, confidence interval and λ.
   *
   * @param data the data
   * @param tuning fixed or tuned λ
   * @param alpha error level in (0, 1): coverage 1 − α
   * @param alternative two-sided or one-sided interval
   * @return the result (no p-values)
   */
  public static PpiResult confidenceInterval(
      MeanData data, PowerTuning tuning, double alpha, Alternative alternative) {
    Samples.requireAlpha(alpha);
    double[] lambda = lambda(data, tuning, true);
    double[] est = estimate(data, lambda);
    double[] se = standardErrors(data, lambda);
    int d = data.dimension();
    double[] lo = new double[d];
    double[] hi = new double[d];
    for (int j = 0; j < d; j++) {
      double[] ci = ZTest.confidenceInterval(est[j], se[j], alpha, alternative);
      lo[j] = ci[0];
      hi[j] = ci[1];
    }
    return new PpiResult(est, lo, hi, lambda, null);
  }

  /**
   * p-values of H0: θ<sub>j</sub> = θ0 (ppi_py's {@code ppi_mean_pval}; a tuned λ is not clipped
   * there, nor here).
   *
   * @param data the data
   * @param tuning fixed or tuned λ
   * @param nullValue θ0
   * @param alternative alternative hypothesis
   * @return one p-value per coordinate
   */
  public static double[] pValue(
      MeanData data, PowerTuning tuning, double nullValue, Alternative alternative) {
    double[] lambda = lambda(data, tuning, false);
    int n = data.n();
    int bigN = data.unlabeledCount();
    double[] w = data.weights();
    double[] wu = data.weightsUnlabeled();
    int d = data.dimension();
    double[] p = new double[d];
    double[] rect = new double[n];
    double[] imp = new double[bigN];
    for (int j = 0; j < d; j++) {
      double l = Samples.lambdaAt(lambda, j);
      for (int i = 0; i < n; i++) {
        rect[i] = w[i] * data.y()[i][j] - l * w[i] * data.yhat()[i][j];
      }
      for (int i = 0; i < bigN; i++) {
        imp[i] = wu[i] * l * data.yhatUnlabeled()[i][j];
      }
      p[j] =
          ZTest.rectifiedPValue(
              Samples.mean(rect),
              Samples.std(rect) / Math.sqrt(n),
              Samples.mean(imp),
              Samples.std(imp) / Math.sqrt(bigN),
              nullValue,
              alternative);
    }
    return p;
  }

  /**
   * The λ used by the estimate: the fixed value, or the tuned one.
   *
   * @param data the data
   * @param tuning fixed or tuned
   * @param clip whether a tuned λ is clipped to [0, 1]
   * @return one value (overall) or one per coordinate (element)
   */
  public static double[] lambda(MeanData data, PowerTuning tuning, boolean clip) {
    if (!tuning.isTuned()) {
      return new double[] {tuning.fixedLambda()};
    }
    int n = data.n();
    int bigN = data.unlabeledCount();
    int d = data.dimension();
    double[] w = data.weights();
    double[] wu = data.weightsUnlabeled();
    double[] ppi = estimate(data, new double[] {1.0});
    double[][] g = new double[n][d];
    double[][] gh = new double[n][d];
    double[][] gu = new double[bigN][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        g[i][j] = w[i] * (data.y()[i][j] - ppi[j]);
        gh[i][j] = w[i] * (data.yhat()[i][j] - ppi[j]);
      }
    }
    for (int i = 0; i < bigN; i++) {
      for (int j = 0; j < d; j++) {
        gu[i][j] = wu[i] * (data.yhatUnlabeled()[i][j] - ppi[j]);
      }
    }
    double[][] identity = new double[d][d];
    for (int j = 0; j < d; j++) {
      identity[j][j] = 1;
    }
    return TunedLambda.compute(g, gh, gu, identity, tuning.coordinate(), tuning.mode(), clip);
  }

  static double[] estimate(MeanData data, double[] lambda) {
    int n = data.n();
    int bigN = data.unlabeledCount();
    int d = data.dimension();
    double[] w = data.weights();
    double[] wu = data.weightsUnlabeled();
    double[] out = new double[d];
    for (int j = 0; j < d; j++) {
      double l = Samples.lambdaAt(lambda, j);
      double imputed = 0;
      for (int i = 0; i < bigN; i++) {
        imputed += wu[i] * l * data.yhatUnlabeled()[i][j];
      }
      double rectifier = 0;
      for (int i = 0; i < n; i++) {
        rectifier += w[i] * (data.y()[i][j] - l * data.yhat()[i][j]);
      }
      out[j] = imputed / bigN + rectifier / n;
    }
    return out;
  }

  static double[] standardErrors(MeanData data, double[] lambda) {
    int n = data.n();
    int bigN = data.unlabeledCount();
    int d = data.dimension();
    double[] w = data.weights();
    double[] wu = data.weightsUnlabeled();
    double[] se = new double[d];
    double[] rect = new double[n];
    double[] imp = new double[bigN];
    for (int j = 0; j < d; j++) {
      double l = Samples.lambdaAt(lambda, j);
      for (int i = 0; i < bigN; i++) {
        imp[i] = wu[i] * (l * data.yhatUnlabeled()[i][j]);
      }
      for (int i = 0; i < n; i++) {
        rect[i] = w[i] * (data.y()[i][j] - l * data.yhat()[i][j]);
      }
      double a = Samples.std(imp) / Math.sqrt(bigN);
      double b = Samples.std(rect) / Math.sqrt(n);
      se[j] = Math.sqrt(a * a + b * b);
    }
    return se;
  }
}
