package org.radiotwin.learn.mac;

import java.util.SplittableRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Dirichlet–categorical conjugate model of one pmf over K categories: prior Dir(α, …, α), data =
 * category counts n_i, posterior Dir(α + n_1, …, α + n_K) (e.g. Bishop, Pattern Recognition and
 * Machine Learning, §2.2.1).
 *
 * <p>Point estimates, with n = Σ n_i:
 *
 * <ul>
 *   <li>posterior mean (α + n_i) / (Kα + n);
 *   <li>maximum likelihood n_i / n;
 *   <li>maximum a posteriori: with all α + n_i &gt; 1 the interior mode (α + n_i − 1) / (Kα + n −
 *       K). For α &lt; 1 (the twin's α = 0.01) the density is unbounded towards every face where an
 *       unobserved category vanishes, and the mode is taken on the face spanned by the observed
 *       categories: (α + n_i − 1)⁺ / Σ_j (α + n_j − 1)⁺.
 * </ul>
 *
 * Without data ML and MAP are undefined and both return the uniform pmf (the posterior mean of a
 * symmetric prior).
 *
 * <p>Not thread-safe (mutable counts).
 */
public final class DirichletCategorical {

  private final double concentration;
  private final double[] counts;

  /**
   * An empty model (no data).
   *
   * @param categories number of categories K ≥ 1
   * @param concentration symmetric prior concentration α &gt; 0
   */
  public DirichletCategorical(int categories, double concentration) {
    if (categories < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "categories",
          "must be at least 1, got " + categories);
    }
    if (!(concentration > 0) || !Double.isFinite(concentration)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "prior concentration",
          "must be a positive number, got " + concentration);
    }
    this.concentration = concentration;
    this.counts = new double[categories];
  }

  /**
   * Records one observation.
   *
   * @param category observed category in [0, K)
   */
  public void observe(int category) {
    counts[category] += 1;
  }

  /**
   * Number of categories K.
   *
   * @return K
   */
  public int categories() {
    return counts.length;
  }

  /**
   * Prior concentration α.
   *
   * @return α
   */
  public double concentration() {
    return concentration;
  }

  /**
   * The observation counts.
   *
   * @return a copy of n_i
   */
  public double[] counts() {
    return counts.clone();
  }

  /**
   * Number of observations n.
   *
   * @return Σ n_i
   */
  public double total() {
    double s = 0;
    for (double c : counts) {
      s += c;
    }
    return s;
  }

  /**
   * Posterior parameters α + n_i.
   *
   * @return Dirichlet parameters of the posterior
   */
  public double[] posteriorParameters() {
    double[] a = new double[counts.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = concentration + counts[i];
    }
    return a;
  }

  /**
   * Posterior mean (α + n_i) / (Kα + n).
   *
   * @return the posterior predictive pmf
   */
  public double[] posteriorMean() {
    double[] a = posteriorParameters();
    double s = 0;
    for (double v : a) {
      s += v;
    }
    for (int i = 0; i < a.length; i++) {
      a[i] /= s;
    }
    return a;
  }

  /**
   * Maximum-likelihood estimate n_i / n (uniform without data).
   *
   * @return the ML pmf
   */
  public double[] maximumLikelihood() {
    return normalisedOrUniform(counts.clone());
  }

  /**
   * Maximum-a-posteriori estimate (see the class comment for α &lt; 1; uniform without data).
   *
   * @return the MAP pmf
   */
  public double[] maximumAPosteriori() {
    double[] a = posteriorParameters();
    boolean interior = true;
    for (double v : a) {
      interior &= v > 1;
    }
    for (int i = 0; i < a.length; i++) {
      // On the face of the observed categories α + n_i − 1 ≥ α > 0; unobserved ones get 0.
      a[i] = interior ? a[i] - 1 : counts[i] > 0 ? a[i] - 1 : 0;
    }
    return normalisedOrUniform(a);
  }

  /**
   * Draws a pmf from the posterior Dir(α + n).
   *
   * @param rng random generator
   * @param out receives the sampled pmf (length K)
   */
  public void sample(SplittableRandom rng, double[] out) {
    sampleDirichlet(posteriorParameters(), rng, out);
  }

  /**
   * Draws from Dir(a) by normalising independent Gamma(a_i, 1) variates, computed in log space so
   * that tiny shapes (a_i = 0.01 gives variates below 10^-300 with appreciable probability) do not
   * underflow to an all-zero vector.
   *
   * @param a Dirichlet parameters, all &gt; 0
   * @param rng random generator
   * @param out receives the sample
   */
  public static void sampleDirichlet(double[] a, SplittableRandom rng, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < a.length; i++) {
      out[i] = logGamma(a[i], rng);
      max = Math.max(max, out[i]);
    }
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      out[i] = Math.exp(out[i] - max);
      s += out[i];
    }
    for (int i = 0; i < a.length; i++) {
      out[i] /= s;
    }
  }

  /**
   * Logarithm of a Gamma(shape, 1) variate: Marsaglia and Tsang, "A simple method for generating
   * gamma variables", ACM TOMS 26(3), 2000, doi:10.1145/358407.358414, with their boost G(a) = G(a
   * + 1)·U^(1/a) for shape a &lt; 1.
   *
   * @param shape shape a &gt; 0
   * @param rng random generator
   * @return log G, G ~ Gamma(a, 1)
   */
  public static double logGamma(double shape, SplittableRandom rng) {
    if (shape < 1) {
      double u = 1.0 - rng.nextDouble(); // in (0, 1]
      return logGamma(shape + 1, rng) + Math.log(u) / shape;
    }
    double d = shape - 1.0 / 3.0;
    double c = 1.0 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1.0 - rng.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return Math.log(d * v);
      }
    }
  }

  private static double[] normalisedOrUniform(double[] w) {
    double s = 0;
    for (double v : w) {
      s += v;
    }
    for (int i = 0; i < w.length; i++) {
      w[i] = s > 0 ? w[i] / s : 1.0 / w.length;
    }
    return w;
  }
}
