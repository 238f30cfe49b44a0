package org.radiotwin.learn.ppi;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.QRDecomposition;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/** Small dense linear algebra on row-major {@code double[][]} (d is a handful of covariates). */
final class Linear {

  private Linear() {}

  /**
   * Sample covariance (ddof 1) of the rows, as numpy's {@code np.cov(rows.T)}.
   *
   * @param rows m×d observations
   * @return d×d covariance
   */
  static double[][] covariance(double[][] rows) {
    int m = rows.length;
    int d = rows[0].length;
    double[] mean = new double[d];
    for (double[] r : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += r[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= m;
    }
    double[][] c = new double[d][d];
    for (double[] r : rows) {
      for (int a = 0; a < d; a++) {
        double da = r[a] - mean[a];
        for (int b = 0; b < d; b++) {
          c[a][b] += da * (r[b] - mean[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        c[a][b] /= m - 1;
      }
    }
    return c;
  }

  /**
   * A·B·A for square matrices (the sandwich H⁻¹ M H⁻¹).
   *
   * @param a outer factor
   * @param b inner factor
   * @return the product
   */
  static double[][] sandwich(double[][] a, double[][] b) {
    return multiply(multiply(a, b), a);
  }

  static double[][] multiply(double[][] a, double[][] b) {
    int r = a.length;
    int k = b.length;
    int c = b[0].length;
    double[][] out = new double[r][c];
    for (int i = 0; i < r; i++) {
      for (int m = 0; m < k; m++) {
        double v = a[i][m];
        for (int j = 0; j < c; j++) {
          out[i][j] += v * b[m][j];
        }
      }
    }
    return out;
  }

  /**
   * Inverse of a square matrix (LU with partial pivoting).
   *
   * @param a the matrix
   * @param what what the matrix is, for the error message
   * @return the inverse
   * @throws RadioTwinException if the matrix is singular
   */
  static double[][] inverse(double[][] a, String what) {
    try {
      double[][] inv =
          new LUDecomposition(new Array2DRowRealMatrix(a, true), 0.0)
              .getSolver()
              .getInverse()
              .getData();
      for (double[] row : inv) {
        for (double v : row) {
          if (!Double.isFinite(v)) {
            throw singular(what);
          }
        }
      }
      return inv;
    } catch (MathIllegalArgumentException e) {
      throw singular(what);
    }
  }

  private static RadioTwinException singular(String what) {
    return new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        what,
        "singular matrix (collinear covariates or too few samples)");
  }

  /**
   * Weighted least squares θ = argmin Σ w<sub>i</sub>(y<sub>i</sub> − x<sub>i</sub>ᵀθ)², solved by
   * QR of √W·X (statsmodels' WLS solves the same whitened problem).
   *
   * @param x n×d design
   * @param y n responses
   * @param w n non-negative weights, or null for ones
   * @return the coefficients
   */
  static double[] weightedLeastSquares(double[][] x, double[] y, double[] w) {
    int n = x.length;
    int d = x[0].length;
    if (n < d) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "covariates",
          "least squares needs at least as many rows (" + n + ") as covariates (" + d + ")");
    }
    double[][] a = new double[n][d];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      double s = w == null ? 1 : Math.sqrt(w[i]);
      for (int j = 0; j < d; j++) {
        a[i][j] = s * x[i][j];
      }
      b[i] = s * y[i];
    }
    try {
      DecompositionSolver solver =
          new QRDecomposition(new Array2DRowRealMatrix(a, false), 0.0).getSolver();
      return solver.solve(new ArrayRealVector(b, false)).toArray();
    } catch (MathIllegalArgumentException e) {
      throw singular("covariates");
    }
  }

  static double trace(double[][] a) {
    double t = 0;
    for (int i = 0; i < a.length; i++) {
      t += a[i][i];
    }
    return t;
  }

  static double quadratic(double[] v, double[][] a) {
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      double r = 0;
      for (int j = 0; j < v.length; j++) {
        r += a[i][j] * v[j];
      }
      s += v[i] * r;
    }
    return s;
  }
}
