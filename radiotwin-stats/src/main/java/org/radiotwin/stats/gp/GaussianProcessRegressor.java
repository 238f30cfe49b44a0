package org.radiotwin.stats.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Gaussian-process regression with exact inference, following scikit-learn's {@code
 * GaussianProcessRegressor(normalize_y=True)} conventions so that numbers agree for the same kernel
 * and hyper-parameters:
 *
 * <ul>
 *   <li>targets are z-scored, y′ = (y − ȳ)/s_y with the population standard deviation (s_y = 1 when
 *       the targets are constant); hyper-parameters and the log marginal likelihood refer to y′;
 *   <li>a = 10⁻¹⁰ is added to the diagonal of K (scikit-learn's {@code alpha});
 *   <li>hyper-parameters maximise the log marginal likelihood (Rasmussen and Williams 2006, §5.4)
 *       over ln θ within the kernel's bounds, from the kernel's own values and then from {@code
 *       restarts} points drawn uniformly in the log-bounds by a generator seeded with {@code seed};
 *       the best optimum wins (restarts run in parallel on the common pool; the result does not
 *       depend on the number of threads).
 * </ul>
 */
public final class GaussianProcessRegressor {

  private final Kernel kernel;
  private final boolean optimise;
  private final int restarts;
  private final long seed;
  private final double alpha;
  private final int maxIterations;

  private GaussianProcessRegressor(
      Kernel kernel, boolean optimise, int restarts, long seed, double alpha, int maxIterations) {
    this.kernel = kernel;
    this.optimise = optimise;
    this.restarts = restarts;
    this.seed = seed;
    this.alpha = alpha;
    this.maxIterations = maxIterations;
  }

  /**
   * A regressor that fits the hyper-parameters of a kernel, starting from its current values, with
   * no restarts, seed 0 and a = 10⁻¹⁰.
   *
   * @param kernel covariance and initial hyper-parameters
   * @return the regressor
   */
  public static GaussianProcessRegressor of(Kernel kernel) {
    return new GaussianProcessRegressor(kernel, true, 0, 0, 1e-10, 15_000);
  }

  /**
   * The same regressor with additional random starts of the optimiser.
   *
   * @param n restarts, ≥ 0
   * @return a copy
   */
  public GaussianProcessRegressor withRestarts(int n) {
    if (n < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "restarts", n + " is negative");
    }
    return new GaussianProcessRegressor(kernel, optimise, n, seed, alpha, maxIterations);
  }

  /**
   * The same regressor with another seed of the restart generator.
   *
   * @param s seed
   * @return a copy
   */
  public GaussianProcessRegressor withSeed(long s) {
    return new GaussianProcessRegressor(kernel, optimise, restarts, s, alpha, maxIterations);
  }

  /**
   * The same regressor with another diagonal regularisation.
   *
   * @param a value added to the diagonal of K, ≥ 0
   * @return a copy
   */
  public GaussianProcessRegressor withAlpha(double a) {
    return new GaussianProcessRegressor(kernel, optimise, restarts, seed, a, maxIterations);
  }

  /**
   * The same regressor keeping the kernel's hyper-parameters fixed (scikit-learn's {@code
   * optimizer=None}).
   *
   * @return a copy
   */
  public GaussianProcessRegressor withFixedHyperparameters() {
    return new GaussianProcessRegressor(kernel, false, restarts, seed, alpha, maxIterations);
  }

  /**
   * Fits the process.
   *
   * @param x training inputs, n rows of equal length (copied)
   * @param y training targets, length n
   * @return the fitted model
   */
  public GaussianProcessModel fit(double[][] x, double[] y) {
    double[][] xs = copyInputs(x, y.length);
    double mean = 0;
    for (double v : y) {
      if (!Double.isFinite(v)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "training target", v);
      }
      mean += v;
    }
    mean /= y.length;
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(var / y.length);
    if (!(std > 0)) {
      std = 1;
    }
    double[] z = new double[y.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = (y[i] - mean) / std;
    }
    Kernel best = optimise && kernel.parameterCount() > 0 ? optimiseHyperparameters(xs, z) : kernel;
    LogMarginalLikelihood lml = new LogMarginalLikelihood(xs, z, alpha);
    return new GaussianProcessModel(best, xs, lml.factor(best), z, mean, std);
  }

  private Kernel optimiseHyperparameters(double[][] xs, double[] z) {
    double[] lower = kernel.lowerLogBounds();
    double[] upper = kernel.upperLogBounds();
    List<double[]> starts = new ArrayList<>();
    starts.add(kernel.logParameters());
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int r = 0; r < restarts; r++) {
      double[] t = new double[lower.length];
      for (int i = 0; i < t.length; i++) {
        t[i] = lower[i] + (upper[i] - lower[i]) * rnd.nextDouble();
      }
      starts.add(t);
    }
    BoundedLbfgs.Result[] results = new BoundedLbfgs.Result[starts.size()];
    IntStream.range(0, starts.size())
        .parallel()
        .forEach(
            r -> {
              LogMarginalLikelihood lml = new LogMarginalLikelihood(xs, z, alpha);
              BoundedLbfgs.Objective objective =
                  (theta, gradient) -> {
                    double v = lml.value(kernel.withLogParameters(theta), gradient);
                    for (int i = 0; i < theta.length; i++) {
                      gradient[i] = -gradient[i];
                    }
                    return Double.isFinite(v) ? -v : Double.POSITIVE_INFINITY;
                  };
              results[r] =
                  new BoundedLbfgs(maxIterations).minimise(objective, starts.get(r), lower, upper);
            });
    int bestIndex = -1;
    for (int r = 0; r < results.length; r++) {
      if (Double.isFinite(results[r].value())
          && (bestIndex < 0 || results[r].value() < results[bestIndex].value())) {
        bestIndex = r;
      }
    }
    if (bestIndex < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "Gaussian-process hyper-parameters",
          "the covariance could not be factorised at any starting point for kernel " + kernel);
    }
    return kernel.withLogParameters(results[bestIndex].x());
  }

  private static double[][] copyInputs(double[][] x, int n) {
    if (x.length != n || n == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "training inputs (rows) vs targets", n, x.length);
    }
    int d = x[0].length;
    double[][] c = new double[n][];
    for (int i = 0; i < n; i++) {
      if (x[i].length != d) {
        throw new RadioTwinException(
            RadioTwinMessages.SIZE_MISMATCH, "training input row " + i + " length", d, x[i].length);
      }
      for (double v : x[i]) {
        if (!Double.isFinite(v)) {
          throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "training input", v);
        }
      }
      c[i] = x[i].clone();
    }
    return c;
  }
}
