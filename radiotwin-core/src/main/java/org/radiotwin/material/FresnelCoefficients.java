package org.radiotwin.material;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.complex.FieldComplex;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;
import org.radiotwin.math.PhysicalConstants;

/**
 * Fresnel reflection coefficients of a plane wave incident from vacuum on a homogeneous half-space
 * of complex relative permittivity η (non-magnetic), as in Recommendation ITU-R P.2040-3 §2 and
 * Sionna RT (METHODS.md §1):
 *
 * <pre>
 *   a    = √(η − sin²θ)
 *   r_te = (cosθ − a) / (cosθ + a)          (E perpendicular to the plane of incidence, "s")
 *   r_tm = (η·cosθ − a) / (η·cosθ + a)      (E in the plane of incidence, "p")
 * </pre>
 *
 * where θ ∈ [0, π/2] is the angle of incidence from the surface normal and η = η_r − jσ/(ε0·2πf)
 * (imaginary part ≤ 0 for a passive medium with the e^{+jωt} time convention).
 *
 * <p>Branch of the square root: the principal root (Re a ≥ 0), which for a passive medium also has
 * Im a ≤ 0 so that the refracted wave decays away from the surface. The only case where the
 * principal root would give Im a &gt; 0 is a lossless medium optically thinner than sin²θ with
 * Im(η) = +0; there the root −j√|η − sin²θ| is taken, the limit of a vanishing loss (σ → 0⁺).
 *
 * <p>Special cases, defined by their limits: at grazing incidence (cosθ = 0) both coefficients are
 * −1, except for η = 1 (no interface) where they are 0; for η = 0, r_tm = −1.
 *
 * <p>Three entry points: an allocation-free double path writing into a caller-owned buffer (for hot
 * loops), a generic path over {@link FieldComplex}{@code <T>} (with T = {@link
 * org.hipparchus.analysis.differentiation.Gradient} it returns the exact derivatives with respect
 * to η_r and σ, see {@link org.radiotwin.math.Derivatives}), and a convenience path on {@link
 * Complex}.
 */
public final class FresnelCoefficients {

  /**
   * How far outside [0, 1] a cosθ computed by a dot product may stray by rounding and still be
   * accepted (it is then clamped).
   */
  public static final double COS_TOLERANCE = 1e-9;

  /**
   * The two reflection coefficients.
   *
   * @param rTe r_te, the coefficient of the component perpendicular to the plane of incidence
   * @param rTm r_tm, the coefficient of the component in the plane of incidence
   */
  public record FresnelResponse(Complex rTe, Complex rTm) {}

  /**
   * The two reflection coefficients over a field (e.g. with derivatives).
   *
   * @param rTe r_te
   * @param rTm r_tm
   * @param <T> type of the real and imaginary parts
   */
  public record FieldFresnelResponse<T extends CalculusFieldElement<T>>(
      FieldComplex<T> rTe, FieldComplex<T> rTm) {}

  private FresnelCoefficients() {}

  /**
   * Fast path: r_te and r_tm into a caller-owned buffer, without allocation.
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param etaRe real part of η (η_r)
   * @param etaIm imaginary part of η (−σ/(ε0·2πf), ≤ 0)
   * @param out receives {re r_te, im r_te, re r_tm, im r_tm} at index 0
   */
  public static void compute(double cosTheta, double etaRe, double etaIm, double[] out) {
    compute(cosTheta, etaRe, etaIm, out, 0);
  }

  /**
   * Fast path: r_te and r_tm into a caller-owned buffer at an offset, without allocation.
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param etaRe real part of η (η_r)
   * @param etaIm imaginary part of η (−σ/(ε0·2πf), ≤ 0)
   * @param out receives {re r_te, im r_te, re r_tm, im r_tm} from {@code offset}
   * @param offset index of re r_te in {@code out}
   */
  public static void compute(
      double cosTheta, double etaRe, double etaIm, double[] out, int offset) {
    checkBuffer(out, offset, 4);
    double c = checkCosTheta(cosTheta);
    checkPermittivity(etaRe, etaIm);
    // The root goes through the first two slots of the caller's buffer: no allocation.
    root(c, etaRe, etaIm, out, offset);
    coefficients(c, etaRe, etaIm, out[offset], out[offset + 1], out, offset);
  }

  /**
   * Generic path over a field: with T = Gradient the coefficients carry their partial derivatives
   * with respect to whatever variables η depends on.
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param eta complex relative permittivity η (imaginary part ≤ 0)
   * @param <T> type of the real and imaginary parts
   * @return r_te and r_tm
   */
  public static <T extends CalculusFieldElement<T>> FieldFresnelResponse<T> compute(
      double cosTheta, FieldComplex<T> eta) {
    double c = checkCosTheta(cosTheta);
    checkPermittivity(eta.getRealPart().getReal(), eta.getImaginaryPart().getReal());
    FieldComplex<T> a = root(c, eta);
    return new FieldFresnelResponse<>(rTe(c, a), rTm(c, eta, a));
  }

  /**
   * Convenience path on {@link Complex} values.
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param eta complex relative permittivity η (imaginary part ≤ 0)
   * @return r_te and r_tm
   */
  public static FresnelResponse compute(double cosTheta, Complex eta) {
    double[] out = new double[4];
    compute(cosTheta, eta.re(), eta.im(), out, 0);
    return new FresnelResponse(new Complex(out[0], out[1]), new Complex(out[2], out[3]));
  }

  /**
   * Convenience path for a material at a frequency.
   *
   * @param material the material (its thickness is ignored: a half-space)
   * @param frequency frequency [Hz]
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param allowExtrapolation evaluate an ITU material outside its frequency ranges (see {@link
   *     RadioMaterial#evaluate(double, boolean)})
   * @return r_te and r_tm
   */
  public static FresnelResponse compute(
      RadioMaterial material, double frequency, double cosTheta, boolean allowExtrapolation) {
    return compute(
        cosTheta, material.evaluate(frequency, allowExtrapolation).complexRelativePermittivity());
  }

  /**
   * Complex relative permittivity η = η_r − jσ/(ε0·2πf) over a field, so that derivatives with
   * respect to η_r and σ flow into the coefficients (the generic twin of {@link
   * RadioMaterial#complexRelativePermittivity(double, double, double)}).
   *
   * @param relativePermittivity η_r
   * @param conductivity σ [S/m]
   * @param frequency f [Hz], positive
   * @param <T> type of the parameters
   * @return η
   */
  public static <T extends CalculusFieldElement<T>> FieldComplex<T> complexRelativePermittivity(
      T relativePermittivity, T conductivity, double frequency) {
    if (!(frequency > 0) || !Double.isFinite(frequency)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "frequency",
          "must be a positive finite number of Hz, got " + frequency);
    }
    double scale = -1 / (PhysicalConstants.EPSILON_0 * 2 * Math.PI * frequency);
    return new FieldComplex<>(relativePermittivity, conductivity.multiply(scale));
  }

  // ---------------------------------------------------------------- shared with SlabCoefficients

  /**
   * Writes the root a = √(η − sin²θ) (branch documented on the class) as {re a, im a} at {@code o};
   * inputs already checked.
   */
  static void root(double c, double etaRe, double etaIm, double[] out, int o) {
    double s2 = (1 - c) * (1 + c); // sin²θ, accurate near normal incidence too
    double zr = etaRe - s2;
    double zi = etaIm;
    double ar;
    double ai;
    if (zr == 0 && zi == 0) {
      ar = 0;
      ai = 0;
    } else {
      // Principal root, same algorithm as Complex.sqrt and Hipparchus' FieldComplex.sqrt.
      double t = Math.sqrt((Math.abs(zr) + Math.hypot(zr, zi)) / 2);
      if (zr >= 0) {
        ar = t;
        ai = zi / (2 * t);
      } else {
        ar = Math.abs(zi) / (2 * t);
        ai = Math.copySign(t, zi);
      }
      if (ai > 0) {
        ai = -ai; // Im(z) = +0, Re(z) < 0: take the decaying root (limit σ → 0⁺)
      }
    }
    out[o] = ar;
    out[o + 1] = ai;
  }

  /**
   * Writes {re r_te, im r_te, re r_tm, im r_tm} at {@code o} from the root a = ar + j·ai; inputs
   * already checked.
   */
  static void coefficients(
      double c, double etaRe, double etaIm, double ar, double ai, double[] out, int o) {
    if (c == 0) {
      double r = ar == 0 && ai == 0 ? 0 : -1;
      out[o] = r;
      out[o + 1] = 0;
      out[o + 2] = r;
      out[o + 3] = 0;
      return;
    }
    divide(c - ar, -ai, c + ar, ai, out, o);
    if (etaRe == 0 && etaIm == 0) {
      out[o + 2] = -1;
      out[o + 3] = 0;
    } else {
      double ecr = etaRe * c;
      double eci = etaIm * c;
      divide(ecr - ar, eci - ai, ecr + ar, eci + ai, out, o + 2);
    }
  }

  /** The root a = √(η − sin²θ) with the branch documented on the class. */
  static <T extends CalculusFieldElement<T>> FieldComplex<T> root(double c, FieldComplex<T> eta) {
    FieldComplex<T> a = eta.subtract((1 - c) * (1 + c)).sqrt();
    if (a.getImaginaryPart().getReal() > 0) {
      a = a.conjugate();
    }
    return a;
  }

  static <T extends CalculusFieldElement<T>> FieldComplex<T> rTe(double c, FieldComplex<T> a) {
    if (c == 0) {
      return grazing(a);
    }
    return a.negate().add(c).divide(a.add(c));
  }

  static <T extends CalculusFieldElement<T>> FieldComplex<T> rTm(
      double c, FieldComplex<T> eta, FieldComplex<T> a) {
    if (c == 0) {
      return grazing(a);
    }
    if (eta.getRealPart().getReal() == 0 && eta.getImaginaryPart().getReal() == 0) {
      return FieldComplex.getMinusOne(eta.getPartsField());
    }
    FieldComplex<T> etaCos = eta.multiply(c);
    return etaCos.subtract(a).divide(etaCos.add(a));
  }

  private static <T extends CalculusFieldElement<T>> FieldComplex<T> grazing(FieldComplex<T> a) {
    boolean noInterface = a.getRealPart().getReal() == 0 && a.getImaginaryPart().getReal() == 0;
    return noInterface
        ? FieldComplex.getZero(a.getPartsField())
        : FieldComplex.getMinusOne(a.getPartsField());
  }

  /**
   * Complex quotient n/d by Smith's algorithm (no overflow of intermediate squares), into out[o],
   * out[o + 1].
   */
  static void divide(double nr, double ni, double dr, double di, double[] out, int o) {
    if (Math.abs(dr) >= Math.abs(di)) {
      double r = di / dr;
      double d = dr + di * r;
      out[o] = (nr + ni * r) / d;
      out[o + 1] = (ni - nr * r) / d;
    } else {
      double r = dr / di;
      double d = di + dr * r;
      out[o] = (nr * r + ni) / d;
      out[o + 1] = (ni * r - nr) / d;
    }
  }

  /** Validates cosθ and clamps rounding excursions into [0, 1]. */
  static double checkCosTheta(double cosTheta) {
    if (!(cosTheta >= -COS_TOLERANCE && cosTheta <= 1 + COS_TOLERANCE)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "cosine of the incidence angle",
          cosTheta + " is outside [0, 1] (θ is measured from the surface normal, 0 ≤ θ ≤ π/2)");
    }
    return Math.min(1, Math.max(0, cosTheta));
  }

  /** Validates η: finite, passive (Im η ≤ 0 in the e^{+jωt} convention). */
  static void checkPermittivity(double etaRe, double etaIm) {
    if (!Double.isFinite(etaRe) || !Double.isFinite(etaIm)) {
      throw new RadioTwinException(
          RadioTwinMessages.NOT_FINITE, "complex relative permittivity", etaRe + "+" + etaIm + "j");
    }
    if (etaIm > 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "complex relative permittivity " + etaRe + "+" + etaIm + "j",
          "its imaginary part must be ≤ 0 (η = η_r − jσ/(ε0·2πf) with σ ≥ 0)");
    }
  }

  static void checkBuffer(double[] out, int offset, int length) {
    if (offset < 0 || (long) offset + length > out.length) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "output buffer",
          length + " doubles from offset " + offset + " do not fit in its length " + out.length);
    }
  }
}
