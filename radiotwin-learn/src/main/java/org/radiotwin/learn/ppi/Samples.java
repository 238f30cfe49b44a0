package org.radiotwin.learn.ppi;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/** Validation, weights and moments of sample arrays. */
final class Samples {

  private Samples() {}

  /**
   * ppi_py's {@code construct_weight_vector}: ones, or w/Σw·n.
   *
   * @param n number of samples
   * @param w raw weights or null
   * @param what name for error messages
   * @return normalised weights (sum n)
   */
  static double[] normalizedWeights(int n, double[] w, String what) {
    double[] out = new double[n];
    if (w == null) {
      java.util.Arrays.fill(out, 1.0);
      return out;
    }
    if (w.length != n) {
      throw new RadioTwinException(RadioTwinMessages.SIZE_MISMATCH, what, n, w.length);
    }
    double sum = 0;
    for (double v : w) {
      if (!Double.isFinite(v) || v < 0) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, what, "weights must be finite and >= 0, got " + v);
      }
      sum += v;
    }
    if (!(sum > 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, what, "weights must not all be zero");
    }
    for (int i = 0; i < n; i++) {
      out[i] = w[i] / sum * n;
    }
    return out;
  }

  static void requireFinite(double[] v, String what) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, what, x);
      }
    }
  }

  static void requireFinite(double[][] m, String what) {
    for (double[] row : m) {
      requireFinite(row, what);
    }
  }

  /**
   * Checks a matrix is rectangular with the given size.
   *
   * @param m the matrix
   * @param rows expected rows
   * @param cols expected columns, or −1 for any (but equal for all rows)
   * @param what name for errors
   * @return number of columns
   */
  static int requireShape(double[][] m, int rows, int cols, String what) {
    if (m.length != rows) {
      throw new RadioTwinException(RadioTwinMessages.SIZE_MISMATCH, what + " rows", rows, m.length);
    }
    int c = cols >= 0 ? cols : (rows > 0 ? m[0].length : 0);
    for (double[] r : m) {
      if (r.length != c) {
        throw new RadioTwinException(
            RadioTwinMessages.SIZE_MISMATCH, what + " columns", c, r.length);
      }
    }
    return c;
  }

  static void requireAtLeast(int count, int min, String what) {
    if (count < min) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          what,
          "needs at least " + min + " samples, got " + count);
    }
  }

  static void requireAlpha(double alpha) {
    if (!(alpha > 0 && alpha < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "alpha", "must be in (0, 1), got " + alpha);
    }
  }

  /**
   * Population standard deviation (ddof 0), numpy's {@code std}: √(mean((x − mean x)²)).
   *
   * @param x values
   * @return the standard deviation
   */
  static double std(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      double dv = v - m;
      s += dv * dv;
    }
    return Math.sqrt(s / x.length);
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  /** Population variance (ddof 0), numpy's {@code var}. */
  static double variance(double[] x) {
    double m = mean(x);
    double s = 0;
    for (double v : x) {
      double dv = v - m;
      s += dv * dv;
    }
    return s / x.length;
  }

  static double lambdaAt(double[] lambda, int j) {
    return lambda.length == 1 ? lambda[0] : lambda[j];
  }
}
