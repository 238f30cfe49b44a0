package org.radiotwin.rt;

/**
 * Allocation-free kernels of polarimetric transport along a path, shared by the {@link
 * FieldEvaluator} and the ray-tube radio map: bases of the incidence planes, real 2×2 basis
 * changes, and the complex 2×2 transport matrix M = B_K·D_K···B_1·D_1·B_0 built up one interaction
 * at a time (interleaved row-major (re, im) in 8 doubles).
 */
final class JonesTransport {

  /** Below this |k_i × n| the incidence is normal and the plane of incidence is undefined. */
  private static final double NORMAL_INCIDENCE = 1e-12;

  private JonesTransport() {}

  /** The spherical unit vectors θ̂ (at {@code o}) and φ̂ (at {@code o + 3}) of a unit direction. */
  static void sphericalBasis(double x, double y, double z, double[] w, int o) {
    double theta = Math.acos(Math.max(-1, Math.min(1, z)));
    double phi = Math.atan2(y, x);
    double ct = Math.cos(theta);
    double st = Math.sin(theta);
    double cp = Math.cos(phi);
    double sp = Math.sin(phi);
    w[o] = ct * cp;
    w[o + 1] = ct * sp;
    w[o + 2] = -st;
    w[o + 3] = -sp;
    w[o + 4] = cp;
    w[o + 5] = 0;
  }

  /**
   * One interaction: with the current field basis (a1, a2) in {@code w[0..5]}, the incident unit
   * direction k, the surface normal n (oriented towards the incident side) and the outgoing unit
   * direction k_o, writes the change into the incidence basis (e_s = k × n/|k × n|, e_p = e_s × k)
   * as B = [[e_s·a1, e_s·a2], [e_p·a1, e_p·a2]] at {@code b[bo..bo+3]}, replaces the basis by the
   * outgoing one (e_s, e_s × k_o), and returns cos θ of the incidence angle. At normal incidence
   * e_s = φ̂(k).
   */
  static double interaction(
      double kx,
      double ky,
      double kz,
      double nx,
      double ny,
      double nz,
      double ox,
      double oy,
      double oz,
      double[] w,
      double[] b,
      int bo) {
    double sx = ky * nz - kz * ny;
    double sy = kz * nx - kx * nz;
    double sz = kx * ny - ky * nx;
    double sn = Math.sqrt(sx * sx + sy * sy + sz * sz);
    if (sn < NORMAL_INCIDENCE) {
      double phi = Math.atan2(ky, kx);
      sx = -Math.sin(phi);
      sy = Math.cos(phi);
      sz = 0;
    } else {
      sx /= sn;
      sy /= sn;
      sz /= sn;
    }
    double pix = sy * kz - sz * ky;
    double piy = sz * kx - sx * kz;
    double piz = sx * ky - sy * kx;
    b[bo] = sx * w[0] + sy * w[1] + sz * w[2];
    b[bo + 1] = sx * w[3] + sy * w[4] + sz * w[5];
    b[bo + 2] = pix * w[0] + piy * w[1] + piz * w[2];
    b[bo + 3] = pix * w[3] + piy * w[4] + piz * w[5];
    w[0] = sx;
    w[1] = sy;
    w[2] = sz;
    w[3] = sy * oz - sz * oy;
    w[4] = sz * ox - sx * oz;
    w[5] = sx * oy - sy * ox;
    return Math.min(1, Math.max(0, -(kx * nx + ky * ny + kz * nz)));
  }

  /**
   * The final change from the basis in {@code w[0..5]} into (θ̂, φ̂) of the arrival direction (from
   * the receiver towards the incoming wave), at {@code b[bo..bo+3]}; uses {@code w[6..11]} as
   * scratch.
   */
  static void arrival(double ax, double ay, double az, double[] w, double[] b, int bo) {
    sphericalBasis(ax, ay, az, w, 6);
    b[bo] = w[6] * w[0] + w[7] * w[1] + w[8] * w[2];
    b[bo + 1] = w[6] * w[3] + w[7] * w[4] + w[8] * w[5];
    b[bo + 2] = w[9] * w[0] + w[10] * w[1] + w[11] * w[2];
    b[bo + 3] = w[9] * w[3] + w[10] * w[4] + w[11] * w[5];
  }

  /** m = B (real) as a complex matrix. */
  static void start(double[] m, double[] b, int bo) {
    m[0] = b[bo];
    m[1] = 0;
    m[2] = b[bo + 1];
    m[3] = 0;
    m[4] = b[bo + 2];
    m[5] = 0;
    m[6] = b[bo + 3];
    m[7] = 0;
  }

  /** m ← diag(x, y)·m: the s row times x, the p row times y. */
  static void scale(double[] m, double xr, double xi, double yr, double yi) {
    scaleRow(m, 0, xr, xi);
    scaleRow(m, 4, yr, yi);
  }

  private static void scaleRow(double[] m, int o, double xr, double xi) {
    for (int q = o; q < o + 4; q += 2) {
      double re = m[q];
      double im = m[q + 1];
      m[q] = re * xr - im * xi;
      m[q + 1] = re * xi + im * xr;
    }
  }

  /** m ← B·m with B real at {@code b[bo..bo+3]}. */
  static void rotate(double[] m, double[] b, int bo) {
    double b00 = b[bo];
    double b01 = b[bo + 1];
    double b10 = b[bo + 2];
    double b11 = b[bo + 3];
    for (int q = 0; q < 4; q++) {
      double top = m[q];
      double bottom = m[4 + q];
      m[q] = b00 * top + b01 * bottom;
      m[4 + q] = b10 * top + b11 * bottom;
    }
  }

  /**
   * a = scale·C_Rᴴ·M·C_T with the antenna fields (Re C_θ, Im C_θ, Re C_φ, Im C_φ) at {@code t[to]}
   * and {@code r[ro]}; writes (re, im) at {@code out[oi]}.
   */
  static void combine(
      double[] m, double[] t, int to, double[] r, int ro, double scale, double[] out, int oi) {
    double v0r = m[0] * t[to] - m[1] * t[to + 1] + m[2] * t[to + 2] - m[3] * t[to + 3];
    double v0i = m[0] * t[to + 1] + m[1] * t[to] + m[2] * t[to + 3] + m[3] * t[to + 2];
    double v1r = m[4] * t[to] - m[5] * t[to + 1] + m[6] * t[to + 2] - m[7] * t[to + 3];
    double v1i = m[4] * t[to + 1] + m[5] * t[to] + m[6] * t[to + 3] + m[7] * t[to + 2];
    double cr0 = r[ro];
    double ci0 = -r[ro + 1];
    double cr1 = r[ro + 2];
    double ci1 = -r[ro + 3];
    out[oi] = scale * (cr0 * v0r - ci0 * v0i + cr1 * v1r - ci1 * v1i);
    out[oi + 1] = scale * (cr0 * v0i + ci0 * v0r + cr1 * v1i + ci1 * v1r);
  }
}
