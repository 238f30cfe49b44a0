package org.radiotwin.rt;

/**
 * Uniform geometrical theory of diffraction (UTD) coefficients of a wedge: Kouyoumjian and Pathak,
 * "A uniform geometrical theory of diffraction for an edge in a perfectly conducting surface",
 * Proc. IEEE 62(11), 1974 (DOI 10.1109/PROC.1974.9651), with Luebbers' heuristic for lossy wedges
 * ("Finite conductivity uniform GTD versus knife edge diffraction in prediction of propagation path
 * loss", IEEE Trans. Antennas Propag. 32(1), 1984) as in ITU-R P.526-15 (diffraction by a finitely
 * conducting wedge) and Sionna RT:
 *
 * <pre>
 * D_s,h = −e^(−jπ/4) / (2n·√(2πk)·sin β₀) · [ cot((π + (φ − φ'))/2n)·F(kL·a⁺(φ − φ'))
 *                                          + cot((π − (φ − φ'))/2n)·F(kL·a⁻(φ − φ'))
 *                                   + R₀_s,h·cot((π − (φ + φ'))/2n)·F(kL·a⁻(φ + φ'))
 *                                   + Rₙ_s,h·cot((π + (φ + φ'))/2n)·F(kL·a⁺(φ + φ')) ]
 * </pre>
 *
 * with the wedge index n (exterior angle nπ), the wave number k = 2π/λ, the angles φ' of the source
 * and φ of the observer around the edge measured from face 0, β₀ the angle between the incident ray
 * and the edge, the distance parameter L = s·s'·sin²β₀/(s + s') of a spherical wave, a^±(β) =
 * 2cos²((2nπN^± − β)/2) with N^± the integer that most nearly satisfies 2πnN^± − β = ±π, and the
 * transition function F(x) = 2j·√x·e^(jx)·∫_√x^∞ e^(−jτ²) dτ. R₀ and Rₙ are the reflection
 * coefficients of faces 0 and n for the soft (s, E in the edge-fixed plane of incidence, TE to the
 * face) and hard (h, TM) polarisations, at the incidence angles of the specular reflections from
 * those faces (grazing angles φ' and nπ − φ); a perfect conductor has R_s = −1 and R_h = +1, which
 * gives Kouyoumjian–Pathak's D_s,h = D₁ + D₂ ∓ (D₃ + D₄). Time dependence e^(jωt).
 *
 * <p>Each cotangent is singular on a shadow boundary, where F vanishes; with ε = π + s(β − 2πnN^s)
 * the product is written cot(ε/2n)·F(2kL·sin²(ε/2)) and, for |ε| below {@value #SMALL}, replaced by
 * its limit n·e^(jπ/4)·[√(2πkL)·sgn ε − 2kLε·e^(jπ/4)] (McNamara, Pistorius, Malherbe,
 * "Introduction to the Uniform Geometrical Theory of Diffraction", Artech House 1990).
 */
public final class UtdCoefficients {

  /** Below this |ε| the cotangent–transition product uses its small-argument limit. */
  static final double SMALL = 1e-6;

  private static final double SQRT_HALF = Math.sqrt(0.5);

  private UtdCoefficients() {}

  /**
   * The four terms of the diffraction coefficient, each with the common factor −e^(−jπ/4)/(2n
   * √(2πk) sin β₀), so that D = (D₁ + D₂) + R₀·D₃ + Rₙ·D₄.
   *
   * @param n wedge index (exterior angle nπ), in [1, 2]
   * @param k wave number 2π/λ [rad/m]
   * @param distance the distance parameter L [m], positive
   * @param phi angle φ of the observer around the edge, from face 0 [rad]
   * @param phiPrime angle φ' of the source around the edge, from face 0 [rad]
   * @param sinBeta0 sin β₀ of the angle between the incident ray and the edge, positive
   * @param out receives (re, im) of D₁ + D₂, D₃ and D₄ at {@code o..o+5}
   * @param o offset into {@code out}
   */
  public static void terms(
      double n,
      double k,
      double distance,
      double phi,
      double phiPrime,
      double sinBeta0,
      double[] out,
      int o) {
    double kl = k * distance;
    double minus = phi - phiPrime;
    double plus = phi + phiPrime;
    // −e^(−jπ/4) = (−1 + j)/√2, over 2n√(2πk) sin β₀.
    double c = 1 / (2 * n * Math.sqrt(2 * Math.PI * k) * sinBeta0);
    double cr = -SQRT_HALF * c;
    double ci = SQRT_HALF * c;
    term(n, kl, +1, minus, out, o);
    double d12r = out[o];
    double d12i = out[o + 1];
    term(n, kl, -1, minus, out, o);
    d12r += out[o];
    d12i += out[o + 1];
    out[o] = cr * d12r - ci * d12i;
    out[o + 1] = cr * d12i + ci * d12r;
    term(n, kl, -1, plus, out, o + 2);
    scale(out, o + 2, cr, ci);
    term(n, kl, +1, plus, out, o + 4);
    scale(out, o + 4, cr, ci);
  }

  private static void scale(double[] v, int o, double cr, double ci) {
    double re = v[o];
    double im = v[o + 1];
    v[o] = cr * re - ci * im;
    v[o + 1] = cr * im + ci * re;
  }

  /**
   * One term cot((π + sβ)/2n)·F(kL·a^s(β)), into {@code out[0..1]}.
   *
   * @param n wedge index
   * @param kl k·L
   * @param s +1 or −1
   * @param beta β = φ ∓ φ' [rad]
   * @param out receives (re, im) at {@code o}
   * @param o offset
   */
  static void term(double n, double kl, int s, double beta, double[] out, int o) {
    long big = Math.round((beta + s * Math.PI) / (2 * Math.PI * n));
    double eps = Math.PI + s * (beta - 2 * Math.PI * n * big);
    if (Math.abs(eps) < SMALL) {
      // n·e^(jπ/4)·[√(2πkL)·sgn ε − 2kLε·e^(jπ/4)] = n·[√(2πkL)·sgn ε·e^(jπ/4) − 2kLε·j].
      double g = Math.sqrt(2 * Math.PI * kl) * Math.signum(eps);
      out[o] = n * g * SQRT_HALF;
      out[o + 1] = n * (g * SQRT_HALF - 2 * kl * eps);
      return;
    }
    double sinHalf = Math.sin(eps / 2);
    transition(2 * kl * sinHalf * sinHalf, out, o);
    double cot = 1 / Math.tan(eps / (2 * n));
    out[o] *= cot;
    out[o + 1] *= cot;
  }

  /**
   * The UTD transition function F(x) = 2j·√x·e^(jx)·∫_√x^∞ e^(−jτ²) dτ (Kouyoumjian–Pathak 1974);
   * F(0) = 0 and F(x) → 1 as x → ∞.
   *
   * @param x argument, ≥ 0
   * @param out receives (re, im) at {@code o}
   * @param o offset
   */
  public static void transition(double x, double[] out, int o) {
    if (!(x > 0)) {
      out[o] = 0;
      out[o + 1] = 0;
      return;
    }
    double u = Math.sqrt(x);
    // ∫_u^∞ e^(−jτ²) dτ = √(π/2)·[(1/2 − C(z)) − j(1/2 − S(z))], z = u·√(2/π).
    fresnel(u * Math.sqrt(2 / Math.PI), out, o);
    double scale = Math.sqrt(Math.PI / 2);
    double ir = scale * (0.5 - out[o]);
    double ii = -scale * (0.5 - out[o + 1]);
    // 2j·u·e^(jx)·I
    double er = Math.cos(x);
    double ei = Math.sin(x);
    double pr = er * ir - ei * ii;
    double pi = er * ii + ei * ir;
    out[o] = -2 * u * pi;
    out[o + 1] = 2 * u * pr;
  }

  /**
   * The Fresnel integrals C(z) = ∫₀^z cos(πt²/2) dt and S(z) = ∫₀^z sin(πt²/2) dt: power series for
   * |z| ≤ 1.5 and, beyond, the continued fraction of the complementary error function evaluated by
   * the modified Lentz method (Abramowitz and Stegun 7.3; Press et al., Numerical Recipes, 3rd ed.,
   * Fresnel integrals).
   *
   * @param z argument
   * @param out receives C(z), S(z) at {@code o}
   * @param o offset
   */
  public static void fresnel(double z, double[] out, int o) {
    double t = Math.abs(z);
    double c;
    double s;
    if (t < 1e-150) {
      c = t;
      s = 0;
    } else if (t <= 1.5) {
      // C = Σ (−1)^m (π/2)^(2m) t^(4m+1) / ((2m)!(4m+1)), S = Σ (−1)^m (π/2)^(2m+1) t^(4m+3) /
      // ((2m+1)!(4m+3)): the terms (π t²/2)^k / k! alternate between the two sums.
      double fact = Math.PI / 2 * t * t;
      double term = t;
      double sumC = t;
      double sumS = 0;
      int sign = 1;
      for (int k = 1; k < 100; k++) {
        term *= fact / k;
        double add = term / (2 * k + 1);
        if ((k & 1) == 1) {
          sumS += sign * add;
          sign = -sign;
        } else {
          sumC += sign * add;
        }
        if (add < 1e-17 * Math.abs((k & 1) == 1 ? sumS : sumC)) {
          break;
        }
      }
      c = sumC;
      s = sumS;
    } else {
      // Lentz on the continued fraction for erfc, complex arithmetic in (re, im) pairs.
      double pix2 = Math.PI * t * t;
      double br = 1;
      double bi = -pix2;
      double ccr = 1e300;
      double cci = 0;
      double den = br * br + bi * bi;
      double dr = br / den;
      double di = -bi / den;
      double hr = dr;
      double hi = di;
      int n = -1;
      for (int k = 2; k < 200; k++) {
        n += 2;
        double a = -n * (n + 1.0);
        br += 4;
        // d = 1/(a·d + b)
        double xr = a * dr + br;
        double xi = a * di + bi;
        den = xr * xr + xi * xi;
        dr = xr / den;
        di = -xi / den;
        // cc = b + a/cc
        den = ccr * ccr + cci * cci;
        double qr = a * ccr / den;
        double qi = -a * cci / den;
        ccr = br + qr;
        cci = bi + qi;
        double delr = ccr * dr - cci * di;
        double deli = ccr * di + cci * dr;
        double nhr = hr * delr - hi * deli;
        double nhi = hr * deli + hi * delr;
        hr = nhr;
        hi = nhi;
        if (Math.abs(delr - 1) + Math.abs(deli) < 1e-16) {
          break;
        }
      }
      // h ← h·(t − jt); cs = (1 + j)/2·(1 − e^(jπt²/2)·h).
      double nhr = hr * t + hi * t;
      double nhi = hi * t - hr * t;
      double er = Math.cos(0.5 * pix2);
      double ei = Math.sin(0.5 * pix2);
      double mr = 1 - (er * nhr - ei * nhi);
      double mi = -(er * nhi + ei * nhr);
      c = 0.5 * (mr - mi);
      s = 0.5 * (mr + mi);
    }
    out[o] = z < 0 ? -c : c;
    out[o + 1] = z < 0 ? -s : s;
  }
}
