package org.radiotwin.calibration.loss;

/** Gaussian elimination with partial pivoting for small dense complex systems, in place. */
final class ComplexSolver {

  private ComplexSolver() {}

  /**
   * Solves A·x = b for an n×n complex A (interleaved, row-major), overwriting b with x and A with
   * its factors. A singular pivot leaves the corresponding unknown at 0.
   */
  static void solveInPlace(double[] a, double[] b, int n) {
    for (int col = 0; col < n; col++) {
      int piv = col;
      double best = -1;
      for (int r = col; r < n; r++) {
        int i = 2 * (r * n + col);
        double mag = a[i] * a[i] + a[i + 1] * a[i + 1];
        if (mag > best) {
          best = mag;
          piv = r;
        }
      }
      if (piv != col) {
        for (int k = 0; k < 2 * n; k++) {
          double t = a[2 * col * n + k];
          a[2 * col * n + k] = a[2 * piv * n + k];
          a[2 * piv * n + k] = t;
        }
        double t = b[2 * col];
        b[2 * col] = b[2 * piv];
        b[2 * piv] = t;
        t = b[2 * col + 1];
        b[2 * col + 1] = b[2 * piv + 1];
        b[2 * piv + 1] = t;
      }
      if (!(best > 0)) {
        continue;
      }
      int d = 2 * (col * n + col);
      double pr = a[d];
      double pi = a[d + 1];
      double inv = 1 / (pr * pr + pi * pi);
      // 1/pivot
      double qr = pr * inv;
      double qi = -pi * inv;
      for (int r = col + 1; r < n; r++) {
        int i = 2 * (r * n + col);
        double fr = a[i] * qr - a[i + 1] * qi;
        double fi = a[i] * qi + a[i + 1] * qr;
        for (int k = col; k < n; k++) {
          int rk = 2 * (r * n + k);
          int ck = 2 * (col * n + k);
          a[rk] -= fr * a[ck] - fi * a[ck + 1];
          a[rk + 1] -= fr * a[ck + 1] + fi * a[ck];
        }
        b[2 * r] -= fr * b[2 * col] - fi * b[2 * col + 1];
        b[2 * r + 1] -= fr * b[2 * col + 1] + fi * b[2 * col];
      }
    }
    for (int r = n - 1; r >= 0; r--) {
      double sr = b[2 * r];
      double si = b[2 * r + 1];
      for (int k = r + 1; k < n; k++) {
        int rk = 2 * (r * n + k);
        sr -= a[rk] * b[2 * k] - a[rk + 1] * b[2 * k + 1];
        si -= a[rk] * b[2 * k + 1] + a[rk + 1] * b[2 * k];
      }
      int d = 2 * (r * n + r);
      double pr = a[d];
      double pi = a[d + 1];
      double mag = pr * pr + pi * pi;
      if (!(mag > 0)) {
        b[2 * r] = 0;
        b[2 * r + 1] = 0;
        continue;
      }
      b[2 * r] = (sr * pr + si * pi) / mag;
      b[2 * r + 1] = (si * pr - sr * pi) / mag;
    }
  }
}
