package org.radiotwin.rt;

/**
 * Allocation-free kernels of a diffraction interaction in the polarimetric transport ({@link
 * JonesTransport}): the edge-fixed ray bases of Kouyoumjian and Pathak (Proc. IEEE 62(11), 1974)
 * and the dyadic diffraction coefficient −diag(D_s, D_h) ({@link UtdCoefficients}).
 *
 * <p>For a unit incident direction ŝ' and diffracted direction ŝ at an edge ê: φ̂' = −ê × ŝ'/|ê ×
 * ŝ'|, β̂₀' = φ̂' × ŝ', φ̂ = ê × ŝ/|ê × ŝ|, β̂₀ = φ̂ × ŝ, and the diffracted field is
 *
 * <pre>
 * [E_β₀; E_φ](s) = −diag(D_s, D_h)·[E_β₀'; E_φ'](Q)·√(s'/(s(s' + s)))·e^(−jks),
 * </pre>
 *
 * so a path with unfolded lengths s' before and s after the edge has the coefficient (λ/4π)·C_Rᴴ·
 * M·C_T/√(s'·s·(s' + s)) instead of (λ/4π)·C_Rᴴ·M·C_T/L.
 */
final class EdgeDiffraction {

  /** Doubles of geometry kept per diffraction interaction by {@link #prepare}. */
  static final int SIZE = 7;

  private EdgeDiffraction() {}

  /**
   * The basis change into the incident edge-fixed basis (β̂₀', φ̂'), at {@code b[bo..bo+3]}, with
   * the current field basis (a1, a2) in {@code w[0..5]}; replaces the basis by the diffracted one
   * (β̂₀, φ̂) and writes the UTD geometry (n, φ, φ', sin β₀, L, cos θ₀, cos θₙ) at {@code
   * geo[go..go+6]}: θ₀ and θₙ are the incidence angles of the specular reflections on faces 0 and
   * n, cos θ₀ = sin β₀·|sin φ'| and cos θₙ = sin β₀·|sin(nπ − φ)|.
   *
   * @param edges the scene's edges
   * @param e edge index
   * @param kx unit incident direction ŝ' x
   * @param ky ŝ' y
   * @param kz ŝ' z
   * @param ox unit diffracted direction ŝ x
   * @param oy ŝ y
   * @param oz ŝ z
   * @param sIn unfolded length s' from the source to the edge [m]
   * @param sOut unfolded length s from the edge to the observer [m]
   * @param w current basis, replaced
   * @param b receives the basis change
   * @param bo offset into b
   * @param geo receives the UTD geometry
   * @param go offset into geo
   */
  static void prepare(
      WedgeEdges edges,
      int e,
      double kx,
      double ky,
      double kz,
      double ox,
      double oy,
      double oz,
      double sIn,
      double sOut,
      double[] w,
      double[] b,
      int bo,
      double[] geo,
      int go) {
    double ex = edges.direction(e, 0);
    double ey = edges.direction(e, 1);
    double ez = edges.direction(e, 2);
    // φ̂' = −ê × ŝ' / |ê × ŝ'|
    double px = -(ey * kz - ez * ky);
    double py = -(ez * kx - ex * kz);
    double pz = -(ex * ky - ey * kx);
    double sinBeta = Math.sqrt(px * px + py * py + pz * pz);
    px /= sinBeta;
    py /= sinBeta;
    pz /= sinBeta;
    // β̂₀' = φ̂' × ŝ'
    double bx = py * kz - pz * ky;
    double by = pz * kx - px * kz;
    double bz = px * ky - py * kx;
    b[bo] = bx * w[0] + by * w[1] + bz * w[2];
    b[bo + 1] = bx * w[3] + by * w[4] + bz * w[5];
    b[bo + 2] = px * w[0] + py * w[1] + pz * w[2];
    b[bo + 3] = px * w[3] + py * w[4] + pz * w[5];
    // φ̂ = ê × ŝ / |ê × ŝ|, β̂₀ = φ̂ × ŝ
    double qx = ey * oz - ez * oy;
    double qy = ez * ox - ex * oz;
    double qz = ex * oy - ey * ox;
    double qn = Math.sqrt(qx * qx + qy * qy + qz * qz);
    qx /= qn;
    qy /= qn;
    qz /= qn;
    w[0] = qy * oz - qz * oy;
    w[1] = qz * ox - qx * oz;
    w[2] = qx * oy - qy * ox;
    w[3] = qx;
    w[4] = qy;
    w[5] = qz;
    double n = edges.wedgeIndex(e);
    // Angles around the edge: the source lies along −ŝ', the observer along ŝ.
    double phiPrime = angle(edges, e, -kx, -ky, -kz);
    double phi = angle(edges, e, ox, oy, oz);
    geo[go] = n;
    geo[go + 1] = phi;
    geo[go + 2] = phiPrime;
    geo[go + 3] = sinBeta;
    geo[go + 4] = sIn * sOut * sinBeta * sinBeta / (sIn + sOut);
    geo[go + 5] = Math.min(1, sinBeta * Math.abs(Math.sin(phiPrime)));
    geo[go + 6] = Math.min(1, sinBeta * Math.abs(Math.sin(n * Math.PI - phi)));
  }

  /** Angle of a direction around the edge, from face 0 through the exterior, in [0, 2π). */
  private static double angle(WedgeEdges edges, int e, double dx, double dy, double dz) {
    double u = dx * edges.tangent0(e, 0) + dy * edges.tangent0(e, 1) + dz * edges.tangent0(e, 2);
    double v = dx * edges.normal0(e, 0) + dy * edges.normal0(e, 1) + dz * edges.normal0(e, 2);
    double a = Math.atan2(v, u);
    return a < 0 ? a + 2 * Math.PI : a;
  }

  /**
   * The diagonal of the transport factor −diag(D_s, D_h): D = (D₁ + D₂) + R₀·D₃ + Rₙ·D₄ with the
   * soft coefficients R_te and the hard ones R_tm of faces 0 and n.
   *
   * @param terms D₁ + D₂, D₃, D₄ as (re, im) pairs ({@link UtdCoefficients#terms})
   * @param to offset into terms
   * @param r0 slab response of face 0 (R_te, R_tm as re, im pairs first)
   * @param r0o offset into r0
   * @param rn slab response of face n
   * @param rno offset into rn
   * @param out receives (re, im) of −D_s, −D_h
   */
  static void factors(
      double[] terms, int to, double[] r0, int r0o, double[] rn, int rno, double[] out) {
    for (int pol = 0; pol < 2; pol++) {
      double ar = r0[r0o + 2 * pol];
      double ai = r0[r0o + 2 * pol + 1];
      double cr = rn[rno + 2 * pol];
      double ci = rn[rno + 2 * pol + 1];
      double re =
          terms[to]
              + ar * terms[to + 2]
              - ai * terms[to + 3]
              + cr * terms[to + 4]
              - ci * terms[to + 5];
      double im =
          terms[to + 1]
              + ar * terms[to + 3]
              + ai * terms[to + 2]
              + cr * terms[to + 5]
              + ci * terms[to + 4];
      out[2 * pol] = -re;
      out[2 * pol + 1] = -im;
    }
  }
}
