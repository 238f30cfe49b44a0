package org.radiotwin.stats.gp;

/**
 * Gaussian-process predictions at m inputs, in target units.
 *
 * @param mean posterior mean μ*
 * @param std standard deviation of a noisy observation at the input (includes white noise)
 * @param stdLatent standard deviation of the noise-free function at the input
 */
public record GpPrediction(double[] mean, double[] std, double[] stdLatent) {

  /**
   * Number of predictions.
   *
   * @return m
   */
  public int size() {
    return mean.length;
  }
}
