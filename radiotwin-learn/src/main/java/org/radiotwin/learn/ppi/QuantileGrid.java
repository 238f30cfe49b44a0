package org.radiotwin.learn.ppi;

import java.util.Arrays;

/**
 * The candidate values of a quantile, as ppi_py builds them from all labels and predictions: {@code
 * np.linspace(min, max, 5000)} or, with the exact grid, all values sorted.
 */
final class QuantileGrid {

  /** Points of ppi_py's default grid. */
  static final int DEFAULT_POINTS = 5000;

  private QuantileGrid() {}

  static double[] of(boolean exact, double[]... parts) {
    int total = 0;
    for (double[] p : parts) {
      total += p.length;
    }
    double[] all = new double[total];
    int k = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, all, k, p.length);
      k += p.length;
    }
    if (exact) {
      Arrays.sort(all);
      return all;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : all) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return linspace(min, max, DEFAULT_POINTS);
  }

  /** numpy's linspace: start + i·step, the last point exactly stop. */
  static double[] linspace(double start, double stop, int num) {
    double[] g = new double[num];
    double delta = stop - start;
    double step = delta / (num - 1);
    for (int i = 0; i < num; i++) {
      g[i] = step == 0 ? (i / (double) (num - 1)) * delta + start : i * step + start;
    }
    g[num - 1] = stop;
    return g;
  }

  /** Index of the first minimum of |cdf − q| (numpy's argmin). */
  static int argminDistance(double[] cdf, double q) {
    int best = 0;
    double bestValue = Math.abs(cdf[0] - q);
    for (int i = 1; i < cdf.length; i++) {
      double v = Math.abs(cdf[i] - q);
      if (v < bestValue) {
        bestValue = v;
        best = i;
      }
    }
    return best;
  }
}
