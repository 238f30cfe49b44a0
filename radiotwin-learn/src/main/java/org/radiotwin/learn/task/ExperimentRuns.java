package org.radiotwin.learn.task;

import java.util.SplittableRandom;

/** Seeds, splits and summary statistics shared by the experiment runners. */
final class ExperimentRuns {

  private ExperimentRuns() {}

  /** A seed for one task from the experiment seed and the task's coordinates (SplitMix64 mix). */
  static long seed(long seed, int... coordinates) {
    long s = seed;
    for (int c : coordinates) {
      s = mix(s ^ (0x9E3779B97F4A7C15L * (c + 1L)));
    }
    return s;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A random permutation of the values. */
  static int[] permutation(int[] values, long seed) {
    int[] a = values.clone();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int i = a.length - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** Half-width of the normal 95 % interval of the mean, 1.96·s/√R (0 for one run). */
  static double ci95(double[] v) {
    if (v.length < 2) {
      return 0;
    }
    double m = mean(v);
    double ss = 0;
    for (double x : v) {
      ss += (x - m) * (x - m);
    }
    return 1.959963984540054 * Math.sqrt(ss / (v.length - 1) / v.length);
  }
}
