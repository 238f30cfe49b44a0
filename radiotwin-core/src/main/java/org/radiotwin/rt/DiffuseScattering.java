package org.radiotwin.rt;

import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.ScatteringPattern;

/**
 * Diffuse reflection (scattering) of the effective-roughness model (Degli-Esposti et al.,
 * "Measurement and modelling of scattering from buildings", IEEE Trans. Antennas Propag. 55(1),
 * 2007, DOI 10.1109/TAP.2006.888422), as in Sionna RT.
 *
 * <p>Power balance: of the power a surface element reflects, a fraction S² is scattered diffusely
 * and 1 − S² specularly, so specular reflection coefficients are scaled by √(1 − S²) (transmission
 * is not). The field scattered by an element dA towards k̂_s, seen at distance r_s, has
 * (Degli-Esposti 2007, eq. 8)
 *
 * <pre>‖E_s‖² = ‖E_i‖²·cos θ_i·dA·(SΓ)²·f_s(k̂_i, k̂_s, n̂)/r_s²,</pre>
 *
 * with Γ² the reflected share of the incident power and f_s the {@link ScatteringPattern}.
 *
 * <p>Ray-tube discretisation (Sionna RT's path solver): each of the N rays shot from a transmitter
 * carries the solid angle dΩ = 4π/N. A ray reaching a surface after an unfolded length r_i (through
 * specular reflections and transmissions, whose tubes spread from the image source) illuminates the
 * element dA = r_i²·dΩ/cos θ_i, so the incident coefficient (λ/4π)·M·C_T/r_i gives the diffuse path
 * coefficient
 *
 * <pre>a = (λ/4π)·√(f_s·dΩ)/r_s · C_Rᴴ·B·X(K_x)·S·diag(R_te, R_tm)·M·C_T,</pre>
 *
 * where r_i cancels. For a far-field tile of area A this sums, over the rays that hit it, to the
 * closed form a = (λ/4π)·S·Γ·√(cos θ_i·A·f_s)/(r_i·r_s), and the power of the diffuse paths
 * converges as N grows (a quadrature of the surface integral).
 *
 * <p>Polarisation: Γ is carried by the (slab) reflection coefficients, diag(R_te, R_tm) in the
 * incidence-plane basis, so |S·diag(R_te, R_tm)·E|² = (SΓ)²‖E‖² exactly for every incident
 * polarisation; the cross-polarisation discrimination K_x then mixes the two components with the
 * rotation X = [[√(1 − K_x), −√K_x], [√K_x, √(1 − K_x)]], which keeps the power and puts a share 1
 * − K_x in the incident polarisation and K_x in the orthogonal one (XPD = 10 log₁₀((1 − K_x)/K_x)).
 * Unlike Sionna RT 0.x, no random phases are drawn: the model stays linear in the field, so the
 * path coefficient has exact derivatives with respect to η_r, σ and S. The scattered field keeps
 * its (s, p) components, with e_s the incidence-plane normal projected onto the scattered wavefront
 * (φ̂(k̂_s) if that projection vanishes) and e_p = e_s × k̂_s.
 *
 * <p>A diffuse reflection is always the last interaction of a path: shot rays that hit a surface
 * with S &gt; 0 are connected to the receivers that see the hit point from the front side.
 */
public final class DiffuseScattering {

  /** Below this length the projected e_s is degenerate. */
  private static final double DEGENERATE = 1e-9;

  private DiffuseScattering() {}

  /**
   * The angles of a diffuse reflection.
   *
   * @param kx incident unit direction x
   * @param ky incident y
   * @param kz incident z
   * @param nx unit normal x, oriented towards the incident side
   * @param ny normal y
   * @param nz normal z
   * @param sx scattered unit direction x
   * @param sy scattered y
   * @param sz scattered z
   * @param out receives (cos θ_i, cos θ_s, k̂_rᵀk̂_s, k̂_iᵀk̂_s) at {@code off}
   * @param off offset in {@code out}
   */
  static void angles(
      double kx,
      double ky,
      double kz,
      double nx,
      double ny,
      double nz,
      double sx,
      double sy,
      double sz,
      double[] out,
      int off) {
    double kn = kx * nx + ky * ny + kz * nz;
    double rx = kx - 2 * kn * nx;
    double ry = ky - 2 * kn * ny;
    double rz = kz - 2 * kn * nz;
    out[off] = Math.max(0, Math.min(1, -kn));
    out[off + 1] = Math.max(0, Math.min(1, sx * nx + sy * ny + sz * nz));
    out[off + 2] = Math.max(-1, Math.min(1, rx * sx + ry * sy + rz * sz));
    out[off + 3] = Math.max(-1, Math.min(1, kx * sx + ky * sy + kz * sz));
  }

  /**
   * The pattern of a material at angles written by {@link #angles}.
   *
   * @param material the material
   * @param a angles
   * @param off offset in {@code a}
   * @return f_s [1/sr]
   */
  static double pattern(RadioMaterial material, double[] a, int off) {
    return material.scatteringPattern().value(a[off], a[off + 1], a[off + 2], a[off + 3]);
  }

  /**
   * Replaces the outgoing basis written by {@link JonesTransport#interaction} (e_s, e_s × k̂_o),
   * valid for the specular direction only, by the basis of the scattered wavefront: e_s′ = e_s −
   * (e_sᵀk̂_s)k̂_s normalised (φ̂(k̂_s) if it vanishes) and e_s′ × k̂_s.
   *
   * @param sx scattered unit direction x
   * @param sy scattered y
   * @param sz scattered z
   * @param w basis (e_s at 0..2, e_p at 3..5), updated
   */
  static void outgoingBasis(double sx, double sy, double sz, double[] w) {
    double d = w[0] * sx + w[1] * sy + w[2] * sz;
    double ex = w[0] - d * sx;
    double ey = w[1] - d * sy;
    double ez = w[2] - d * sz;
    double en = Math.sqrt(ex * ex + ey * ey + ez * ez);
    if (en < DEGENERATE) {
      double phi = Math.atan2(sy, sx);
      ex = -Math.sin(phi);
      ey = Math.cos(phi);
      ez = 0;
      en = 1;
    }
    ex /= en;
    ey /= en;
    ez /= en;
    w[0] = ex;
    w[1] = ey;
    w[2] = ez;
    w[3] = ey * sz - ez * sy;
    w[4] = ez * sx - ex * sz;
    w[5] = ex * sy - ey * sx;
  }

  /**
   * m ← X(K_x)·m with X = [[√(1 − K_x), −√K_x], [√K_x, √(1 − K_x)]] (complex 2×2 interleaved).
   *
   * @param m transport matrix, updated
   * @param xpd K_x ∈ [0, 1]
   */
  static void crossPolarize(double[] m, double xpd) {
    if (xpd == 0) {
      return;
    }
    double c = Math.sqrt(1 - xpd);
    double s = Math.sqrt(xpd);
    for (int q = 0; q < 4; q++) {
      double top = m[q];
      double bottom = m[4 + q];
      m[q] = c * top - s * bottom;
      m[4 + q] = s * top + c * bottom;
    }
  }

  /**
   * A direction of the cosine-weighted hemisphere around n̂ (density cos θ_s/π), from two uniform
   * numbers in [0, 1) (Malley's method).
   *
   * @param nx unit normal x
   * @param ny normal y
   * @param nz normal z
   * @param u1 first uniform
   * @param u2 second uniform
   * @param out receives the unit direction (3)
   */
  static void sampleCosine(double nx, double ny, double nz, double u1, double u2, double[] out) {
    // Orthonormal frame (t, b, n) (Duff et al. 2017, branchless).
    double sign = Math.copySign(1.0, nz);
    double a = -1.0 / (sign + nz);
    double bb = nx * ny * a;
    double tx = 1 + sign * nx * nx * a;
    double ty = sign * bb;
    double tz = -sign * nx;
    double bx = bb;
    double by = sign + ny * ny * a;
    double bz = -ny;
    double r = Math.sqrt(u1);
    double phi = 2 * Math.PI * u2;
    double x = r * Math.cos(phi);
    double y = r * Math.sin(phi);
    double z = Math.sqrt(Math.max(0, 1 - u1));
    out[0] = x * tx + y * bx + z * nx;
    out[1] = x * ty + y * by + z * ny;
    out[2] = x * tz + y * bz + z * nz;
  }

  /**
   * SplitMix64 finaliser (Steele et al. 2014): a well-mixed 64-bit value, for per-ray random
   * streams that do not depend on the thread that traces the ray.
   *
   * @param z input
   * @return mixed value
   */
  static long mix(long z) {
    long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
    return x ^ (x >>> 31);
  }

  /**
   * A uniform number in [0, 1) from a mixed value.
   *
   * @param bits mixed value
   * @return uniform in [0, 1)
   */
  static double uniform(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }
}
