package org.radiotwin.stats.gp;

import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A fitted Gaussian process: posterior mean and variance at new inputs (Rasmussen and Williams
 * 2006, Alg. 2.1),
 *
 * <pre>
 *   μ* = ȳ + s_y · k*ᵀα,   σ*² = s_y² · (k(x*, x*) − ‖L⁻¹k*‖²),
 * </pre>
 *
 * in target units. The variance is reported twice: for a noisy observation (the prior variance at
 * x* includes white noise, as scikit-learn's {@code predict(return_std=True)}) and for the latent,
 * noise-free function. Negative variances from round-off are clipped to 0.
 */
public final class GaussianProcessModel {

  private final Kernel kernel;
  private final double[][] x;
  private final double[] lower;
  private final double[] alpha;
  private final double[] z;
  private final double jitter;
  private final double yMean;
  private final double yStd;
  private final double logMarginalLikelihood;

  GaussianProcessModel(
      Kernel kernel,
      double[][] x,
      LogMarginalLikelihood.Factor factor,
      double[] z,
      double yMean,
      double yStd) {
    this.kernel = kernel;
    this.x = x;
    this.lower = factor.lower();
    this.alpha = factor.alpha();
    this.z = z;
    this.jitter = factor.jitter();
    this.yMean = yMean;
    this.yStd = yStd;
    this.logMarginalLikelihood = factor.logMarginalLikelihood();
  }

  /**
   * The kernel with the fitted (or fixed) hyper-parameters.
   *
   * @return the kernel
   */
  public Kernel kernel() {
    return kernel;
  }

  /**
   * The log marginal likelihood of the z-scored training targets (scikit-learn's {@code
   * log_marginal_likelihood_value_}).
   *
   * @return ln p(y′ | X, θ)
   */
  public double logMarginalLikelihood() {
    return logMarginalLikelihood;
  }

  /**
   * Mean of the training targets.
   *
   * @return ȳ [target units]
   */
  public double targetMean() {
    return yMean;
  }

  /**
   * Population standard deviation of the training targets (1 if they are constant).
   *
   * @return s_y [target units]
   */
  public double targetScale() {
    return yStd;
  }

  /**
   * Relative jitter that the factorisation of K needed (0 normally).
   *
   * @return jitter / mean diagonal
   */
  public double jitter() {
    return jitter;
  }

  /**
   * Number of training points.
   *
   * @return n
   */
  public int trainingSize() {
    return x.length;
  }

  /**
   * Input dimension.
   *
   * @return d
   */
  public int inputDimension() {
    return x[0].length;
  }

  /**
   * Leave-one-out predictions at the training inputs, in closed form from the full fit (Rasmussen
   * and Williams 2006, eqs. 5.10–5.12, hyper-parameters kept): μ₋ᵢ = yᵢ − αᵢ/[K⁻¹]ᵢᵢ, σ²₋ᵢ =
   * 1/[K⁻¹]ᵢᵢ (a noisy observation), mapped to target units.
   *
   * @return means and standard deviations (stdLatent removes the white noise when the kernel has
   *     one, else equals std)
   */
  public GpPrediction leaveOneOut() {
    int n = x.length;
    double[] inv = new double[n * n];
    CholeskyInverse.invert(lower, n, new double[n * n], inv);
    double[] mean = new double[n];
    double[] std = new double[n];
    double[] latent = new double[n];
    for (int i = 0; i < n; i++) {
      double d = inv[i * n + i];
      mean[i] = yMean + yStd * (z[i] - alpha[i] / d);
      double noise = kernel.value(x[i], x[i], true) - kernel.value(x[i], x[i], false);
      std[i] = yStd * Math.sqrt(1 / d);
      latent[i] = yStd * Math.sqrt(Math.max(0, 1 / d - noise));
    }
    return new GpPrediction(mean, std, latent);
  }

  /**
   * The leave-one-out log predictive probability Σᵢ ln p(yᵢ | X, y₋ᵢ, θ) of the z-scored targets
   * (Rasmussen and Williams 2006, eq. 5.11), a cross-validation score for model selection.
   *
   * @return the score (higher is better)
   */
  public double leaveOneOutLogPredictive() {
    GpPrediction loo = leaveOneOut();
    double s = 0;
    for (int i = 0; i < z.length; i++) {
      double sd = loo.std()[i] / yStd;
      double r = ((loo.mean()[i] - yMean) / yStd - z[i]) / sd;
      s += -0.5 * Math.log(2 * Math.PI * sd * sd) - 0.5 * r * r;
    }
    return s;
  }

  /**
   * Posterior predictions.
   *
   * @param xs inputs, one row each
   * @return mean and standard deviations in target units
   */
  public GpPrediction predict(double[][] xs) {
    int n = x.length;
    int m = xs.length;
    double[] mean = new double[m];
    double[] std = new double[m];
    double[] latent = new double[m];
    double[] v = new double[n];
    for (int t = 0; t < m; t++) {
      double[] q = xs[t];
      if (q.length != x[0].length) {
        throw new RadioTwinException(
            RadioTwinMessages.SIZE_MISMATCH, "prediction input row " + t, x[0].length, q.length);
      }
      double mu = 0;
      for (int i = 0; i < n; i++) {
        v[i] = kernel.value(q, x[i], false);
        mu += v[i] * alpha[i];
      }
      TriangularSolver_DDRM.solveL(lower, v, n);
      double explained = 0;
      for (int i = 0; i < n; i++) {
        explained += v[i] * v[i];
      }
      double noisy = Math.max(0, kernel.value(q, q, true) - explained);
      double clean = Math.max(0, kernel.value(q, q, false) - explained);
      mean[t] = yMean + yStd * mu;
      std[t] = yStd * Math.sqrt(noisy);
      latent[t] = yStd * Math.sqrt(clean);
    }
    return new GpPrediction(mean, std, latent);
  }
}
