package org.radiotwin.learn.ppi;

import java.util.Arrays;

/**
 * Sums Σ<sub>v<sub>i</sub> ≤ g</sub> w<sub>i</sub> and Σ<sub>v<sub>i</sub> ≤ g</sub> w<sub>i</sub>²
 * for any threshold g, in O(log n) after sorting: the empirical CDF of weighted indicators 1[v ≤ g]
 * and its second moment, for all grid points at once.
 */
final class WeightedEcdf {

  private final double[] sorted;
  private final double[] prefixW;
  private final double[] prefixW2;

  WeightedEcdf(double[] values, double[] weights) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    sorted = new double[n];
    prefixW = new double[n + 1];
    prefixW2 = new double[n + 1];
    for (int k = 0; k < n; k++) {
      int i = order[k];
      double w = weights == null ? 1.0 : weights[i];
      sorted[k] = values[i];
      prefixW[k + 1] = prefixW[k] + w;
      prefixW2[k + 1] = prefixW2[k] + w * w;
    }
  }

  /** Number of values ≤ g. */
  int countAtMost(double g) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= g) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  double sumWeights(int count) {
    return prefixW[count];
  }

  double sumSquaredWeights(int count) {
    return prefixW2[count];
  }
}
