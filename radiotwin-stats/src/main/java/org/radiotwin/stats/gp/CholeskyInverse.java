package org.radiotwin.stats.gp;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * K⁻¹ = L⁻ᵀL⁻¹ from a lower Cholesky factor K = LLᵀ, for the gradient of the log marginal
 * likelihood. Two passes of about n³/6 multiply-adds each, both parallel on the common pool:
 *
 * <ol>
 *   <li>M = L⁻¹ by forward substitution, row i of M being (e_i − Σ_{k&lt;i} L_ik M_k)/L_ii; column
 *       j of M depends on column j only, so blocks of 64 columns run in parallel; within a block
 *       four rows are accumulated together so each row segment of M is read once for four;
 *   <li>the lower triangle of K⁻¹, row i = Σ_{k≥i} M_ki · M_k, four rows together and in column
 *       tiles that keep the accumulators in the L1 cache; tiles in parallel; then mirrored.
 * </ol>
 *
 * <p>Every element is summed by one thread in a fixed order, so the result does not depend on the
 * number of threads. Inner loops are contiguous axpy's on row-major arrays (vectorised by the JIT).
 * EJML's general block inverse does about three times the work for this symmetric case.
 */
final class CholeskyInverse {

  private static final int COLUMN_BLOCK = 64;
  private static final int TILE = 256;

  private CholeskyInverse() {}

  /**
   * Computes K⁻¹.
   *
   * @param lower L, row-major n × n (upper triangle ignored)
   * @param n order
   * @param work n × n work array (overwritten with L⁻¹, upper triangle zero)
   * @param out K⁻¹, row-major n × n (overwritten)
   */
  static void invert(double[] lower, int n, double[] work, double[] out) {
    int blocks = (n + COLUMN_BLOCK - 1) / COLUMN_BLOCK;
    IntStream.range(0, blocks).parallel().forEach(b -> inverseColumns(lower, n, work, b));
    int quads = (n + 3) / 4;
    int tiles = (n + TILE - 1) / TILE;
    // Task (q, t): rows 4q…4q+3, columns of tile t (only tiles left of the diagonal).
    IntStream.range(0, quads * tiles)
        .parallel()
        .forEach(
            task -> {
              int q = task / tiles;
              int t = task % tiles;
              int i0 = 4 * q;
              int j0 = t * TILE;
              if (j0 <= Math.min(n - 1, i0 + 3)) {
                productTile(n, work, out, i0, j0);
              }
            });
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        out[j * n + i] = out[i * n + j];
      }
    }
  }

  /** Columns [j0, j1) of M = L⁻¹ for all rows. */
  private static void inverseColumns(double[] lower, int n, double[] m, int block) {
    int j0 = block * COLUMN_BLOCK;
    int j1 = Math.min(n, j0 + COLUMN_BLOCK);
    int w = j1 - j0;
    double[][] acc = new double[4][w];
    for (int i = 0; i < j0; i++) {
      Arrays.fill(m, i * n + j0, i * n + j1, 0);
    }
    for (int i0 = j0; i0 < n; i0 += 4) {
      int rows = Math.min(4, n - i0);
      for (double[] a : acc) {
        Arrays.fill(a, 0);
      }
      // Contributions of the finished rows k < i0, shared by the four rows.
      for (int k = j0; k < i0; k++) {
        int rowK = k * n + j0;
        int wk = Math.min(j1, k + 1) - j0;
        double c0 = lower[i0 * n + k];
        double c1 = rows > 1 ? lower[(i0 + 1) * n + k] : 0;
        double c2 = rows > 2 ? lower[(i0 + 2) * n + k] : 0;
        double c3 = rows > 3 ? lower[(i0 + 3) * n + k] : 0;
        double[] a0 = acc[0];
        double[] a1 = acc[1];
        double[] a2 = acc[2];
        double[] a3 = acc[3];
        for (int j = 0; j < wk; j++) {
          double v = m[rowK + j];
          a0[j] -= c0 * v;
          a1[j] -= c1 * v;
          a2[j] -= c2 * v;
          a3[j] -= c3 * v;
        }
      }
      // The rows of the quad in order, each using the ones above it.
      for (int r = 0; r < rows; r++) {
        int i = i0 + r;
        double[] a = acc[r];
        for (int s = 0; s < r; s++) {
          int k = i0 + s;
          double c = lower[i * n + k];
          int rowK = k * n + j0;
          int wk = Math.min(j1, k + 1) - j0;
          for (int j = 0; j < wk; j++) {
            a[j] -= c * m[rowK + j];
          }
        }
        if (i < j1) {
          a[i - j0] += 1;
        }
        double d = lower[i * n + i];
        int width = Math.min(j1, i + 1) - j0;
        int rowI = i * n + j0;
        for (int j = 0; j < width; j++) {
          m[rowI + j] = a[j] / d;
        }
        for (int j = width; j < w; j++) {
          m[rowI + j] = 0;
        }
      }
    }
  }

  /** out[i][j] = Σ_{k ≥ i} M_ki M_kj for rows i0…i0+3 and j in the tile (j ≤ i). */
  private static void productTile(int n, double[] m, double[] out, int i0, int j0) {
    int rows = Math.min(4, n - i0);
    int jEnd = Math.min(j0 + TILE, i0 + rows);
    int w = jEnd - j0;
    double[][] acc = new double[4][w];
    // k from i0: row r only takes k ≥ i0 + r; M_k(i0 + r) = 0 for k < i0 + r, so the shared loop
    // from i0 is exact.
    for (int k = i0; k < n; k++) {
      int rowK = k * n;
      double c0 = m[rowK + i0];
      double c1 = rows > 1 ? m[rowK + i0 + 1] : 0;
      double c2 = rows > 2 ? m[rowK + i0 + 2] : 0;
      double c3 = rows > 3 ? m[rowK + i0 + 3] : 0;
      int wk = Math.min(jEnd, k + 1) - j0;
      double[] a0 = acc[0];
      double[] a1 = acc[1];
      double[] a2 = acc[2];
      double[] a3 = acc[3];
      for (int j = 0; j < wk; j++) {
        double v = m[rowK + j0 + j];
        a0[j] += c0 * v;
        a1[j] += c1 * v;
        a2[j] += c2 * v;
        a3[j] += c3 * v;
      }
    }
    for (int r = 0; r < rows; r++) {
      int i = i0 + r;
      int width = Math.min(jEnd, i + 1) - j0;
      if (width > 0) {
        System.arraycopy(acc[r], 0, out, i * n + j0, width);
      }
    }
  }
}
