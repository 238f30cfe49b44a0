package org.radiotwin.material;

import org.hipparchus.CalculusFieldElement;
import org.hipparchus.complex.FieldComplex;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;
import org.radiotwin.math.JonesMatrix;
import org.radiotwin.math.PhysicalConstants;

/**
 * Reflection and transmission coefficients of a single homogeneous slab of thickness d in vacuum,
 * Recommendation ITU-R P.2040-3 §2.3, eqs. (43)–(44), as used by Sionna RT (METHODS.md §1):
 *
 * <pre>
 *   q = (2πd/λ)·√(η − sin²θ)
 *   R = r′·(1 − e^{−j2q}) / (1 − r′²·e^{−j2q})
 *   T = (1 − r′²)·e^{−jq} / (1 − r′²·e^{−j2q})
 * </pre>
 *
 * with r′ = r_te or r_tm the half-space Fresnel coefficients of {@link FresnelCoefficients} (same
 * root √(η − sin²θ), same branch), θ the angle of incidence from the normal, λ the free-space
 * wavelength and η = η_r − jσ/(ε0·2πf).
 *
 * <p>Conventions, as in ITU-R P.2040 and Sionna RT: the transmitted wave is not bent (it leaves the
 * slab in the incident direction), and T does <em>not</em> include the free-space propagation phase
 * over the slab thickness; the caller accounts for the path length as if the slab were vacuum.
 *
 * <p>Limits: d = 0 gives R = 0 and T = 1 exactly; an infinite thickness (or one so large that q
 * overflows) is a half-space, R = r′ and T = 0; for a lossy slab e^{−j2q} decays as d grows, and
 * for metals (σ = 10⁷ S/m) it underflows to 0 already at millimetre thicknesses, giving R = r′, T =
 * 0 without overflow. At grazing incidence (cosθ = 0) R = −1 and T = 0 unless η = 1 (then R = 0, T
 * = 1).
 *
 * <p>Three entry points, like {@link FresnelCoefficients}: an allocation-free double path, a
 * generic path over {@link FieldComplex}{@code <T>} (derivatives with respect to η_r and σ with T =
 * {@link org.hipparchus.analysis.differentiation.Gradient}) and a convenience path for a {@link
 * RadioMaterial} at a frequency.
 */
public final class SlabCoefficients {

  /**
   * The slab's four coefficients.
   *
   * @param rTe reflection coefficient R_te
   * @param rTm reflection coefficient R_tm
   * @param tTe transmission coefficient T_te
   * @param tTm transmission coefficient T_tm
   */
  public record SlabResponse(Complex rTe, Complex rTm, Complex tTe, Complex tTm) {

    /**
     * The reflection Jones matrix between the s/p (te/tm) bases of the incident and reflected
     * waves.
     *
     * @return diag(R_te, R_tm)
     */
    public JonesMatrix reflectionMatrix() {
      return JonesMatrix.diag(rTe, rTm);
    }

    /**
     * The transmission Jones matrix between the s/p (te/tm) bases of the incident and transmitted
     * waves.
     *
     * @return diag(T_te, T_tm)
     */
    public JonesMatrix transmissionMatrix() {
      return JonesMatrix.diag(tTe, tTm);
    }
  }

  /**
   * The slab's four coefficients over a field (e.g. with derivatives).
   *
   * @param rTe R_te
   * @param rTm R_tm
   * @param tTe T_te
   * @param tTm T_tm
   * @param <T> type of the real and imaginary parts
   */
  public record FieldSlabResponse<T extends CalculusFieldElement<T>>(
      FieldComplex<T> rTe, FieldComplex<T> rTm, FieldComplex<T> tTe, FieldComplex<T> tTm) {}

  private SlabCoefficients() {}

  /**
   * Fast path into a caller-owned buffer at index 0, without allocation.
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param etaRe real part of η (η_r)
   * @param etaIm imaginary part of η (−σ/(ε0·2πf), ≤ 0)
   * @param thickness slab thickness d [m], ≥ 0 (may be +∞)
   * @param wavelength free-space wavelength λ = c/f [m], positive
   * @param out receives {R_te, R_tm, T_te, T_tm} as 8 doubles (re, im of each)
   */
  public static void compute(
      double cosTheta,
      double etaRe,
      double etaIm,
      double thickness,
      double wavelength,
      double[] out) {
    compute(cosTheta, etaRe, etaIm, thickness, wavelength, out, 0);
  }

  /**
   * Fast path into a caller-owned buffer, without allocation.
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param etaRe real part of η (η_r)
   * @param etaIm imaginary part of η (−σ/(ε0·2πf), ≤ 0)
   * @param thickness slab thickness d [m], ≥ 0 (may be +∞)
   * @param wavelength free-space wavelength λ = c/f [m], positive
   * @param out receives {re R_te, im R_te, re R_tm, im R_tm, re T_te, im T_te, re T_tm, im T_tm}
   * @param offset index of re R_te in {@code out}
   */
  public static void compute(
      double cosTheta,
      double etaRe,
      double etaIm,
      double thickness,
      double wavelength,
      double[] out,
      int offset) {
    FresnelCoefficients.checkBuffer(out, offset, 8);
    double c = FresnelCoefficients.checkCosTheta(cosTheta);
    FresnelCoefficients.checkPermittivity(etaRe, etaIm);
    checkGeometry(thickness, wavelength);
    if (thickness == 0) {
      setTransparent(out, offset);
      return;
    }
    // Root through the T slots, Fresnel coefficients into the R slots: no allocation.
    FresnelCoefficients.root(c, etaRe, etaIm, out, offset + 4);
    double ar = out[offset + 4];
    double ai = out[offset + 5];
    FresnelCoefficients.coefficients(c, etaRe, etaIm, ar, ai, out, offset);
    double kd = 2 * Math.PI * thickness / wavelength;
    double phaseRe = kd * ar; // −jq = kd·ai − j·kd·ar
    double phaseIm = kd * ai;
    if (isHalfSpace(c, ar, ai, phaseRe, phaseIm)) {
      // R = r′ already in place; nothing comes out of the far side.
      out[offset + 4] = 0;
      out[offset + 5] = 0;
      out[offset + 6] = 0;
      out[offset + 7] = 0;
      return;
    }
    // P = e^{−jq} = e^{kd·ai}·(cos(kd·ar) − j sin(kd·ar)), |P| ≤ 1 since ai ≤ 0; E = e^{−j2q}.
    double m = Math.exp(phaseIm);
    double pr = m * Math.cos(phaseRe);
    double pi = -m * Math.sin(phaseRe);
    double er = pr * pr - pi * pi;
    double ei = 2 * pr * pi;
    for (int pol = 0; pol < 2; pol++) {
      int ro = offset + 2 * pol;
      int to = offset + 4 + 2 * pol;
      double rr = out[ro];
      double ri = out[ro + 1];
      double r2r = rr * rr - ri * ri;
      double r2i = 2 * rr * ri;
      // den = 1 − r′²E
      double dr = 1 - (r2r * er - r2i * ei);
      double di = -(r2r * ei + r2i * er);
      // R numerator r′(1 − E)
      double nr = rr * (1 - er) + ri * ei;
      double ni = ri * (1 - er) - rr * ei;
      // T numerator (1 − r′²)P
      double tr = (1 - r2r) * pr + r2i * pi;
      double ti = (1 - r2r) * pi - r2i * pr;
      FresnelCoefficients.divide(nr, ni, dr, di, out, ro);
      FresnelCoefficients.divide(tr, ti, dr, di, out, to);
    }
  }

  /**
   * Generic path over a field: with T = Gradient the coefficients carry their partial derivatives
   * with respect to whatever variables η depends on (see {@link
   * FresnelCoefficients#complexRelativePermittivity(CalculusFieldElement, CalculusFieldElement,
   * double)}).
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param eta complex relative permittivity η (imaginary part ≤ 0)
   * @param thickness slab thickness d [m], ≥ 0 (may be +∞)
   * @param wavelength free-space wavelength λ [m], positive
   * @param <T> type of the real and imaginary parts
   * @return R_te, R_tm, T_te, T_tm
   */
  public static <T extends CalculusFieldElement<T>> FieldSlabResponse<T> compute(
      double cosTheta, FieldComplex<T> eta, double thickness, double wavelength) {
    double c = FresnelCoefficients.checkCosTheta(cosTheta);
    FresnelCoefficients.checkPermittivity(
        eta.getRealPart().getReal(), eta.getImaginaryPart().getReal());
    checkGeometry(thickness, wavelength);
    FieldComplex<T> zero = FieldComplex.getZero(eta.getPartsField());
    if (thickness == 0) {
      FieldComplex<T> one = FieldComplex.getOne(eta.getPartsField());
      return new FieldSlabResponse<>(zero, zero, one, one);
    }
    FieldComplex<T> a = FresnelCoefficients.root(c, eta);
    FieldComplex<T> rTe = FresnelCoefficients.rTe(c, a);
    FieldComplex<T> rTm = FresnelCoefficients.rTm(c, eta, a);
    double kd = 2 * Math.PI * thickness / wavelength;
    double ar = a.getRealPart().getReal();
    double ai = a.getImaginaryPart().getReal();
    if (isHalfSpace(c, ar, ai, kd * ar, kd * ai)) {
      return new FieldSlabResponse<>(rTe, rTm, zero, zero);
    }
    FieldComplex<T> p = a.multiply(kd).multiplyMinusI().exp(); // e^{−jq}
    FieldComplex<T> e = p.multiply(p); // e^{−j2q}
    FieldComplex<T> oneMinusE = e.negate().add(1);
    FieldComplex<T> r2Te = rTe.multiply(rTe);
    FieldComplex<T> r2Tm = rTm.multiply(rTm);
    FieldComplex<T> denTe = r2Te.multiply(e).negate().add(1);
    FieldComplex<T> denTm = r2Tm.multiply(e).negate().add(1);
    return new FieldSlabResponse<>(
        rTe.multiply(oneMinusE).divide(denTe),
        rTm.multiply(oneMinusE).divide(denTm),
        r2Te.negate().add(1).multiply(p).divide(denTe),
        r2Tm.negate().add(1).multiply(p).divide(denTm));
  }

  /**
   * Convenience path on {@link Complex} values.
   *
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param eta complex relative permittivity η (imaginary part ≤ 0)
   * @param thickness slab thickness d [m], ≥ 0 (may be +∞)
   * @param wavelength free-space wavelength λ [m], positive
   * @return R_te, R_tm, T_te, T_tm
   */
  public static SlabResponse compute(
      double cosTheta, Complex eta, double thickness, double wavelength) {
    double[] out = new double[8];
    compute(cosTheta, eta.re(), eta.im(), thickness, wavelength, out, 0);
    return new SlabResponse(
        new Complex(out[0], out[1]),
        new Complex(out[2], out[3]),
        new Complex(out[4], out[5]),
        new Complex(out[6], out[7]));
  }

  /**
   * Convenience path for a material (its η at the frequency and its thickness).
   *
   * @param material the material
   * @param frequency frequency f [Hz], positive
   * @param cosTheta cosθ of the incidence angle from the normal, in [0, 1]
   * @param allowExtrapolation evaluate an ITU material outside its frequency ranges (see {@link
   *     RadioMaterial#evaluate(double, boolean)})
   * @return R_te, R_tm, T_te, T_tm
   * @throws RadioTwinException if the frequency is outside the material's ranges and extrapolation
   *     is off, or an argument is invalid
   */
  public static SlabResponse compute(
      RadioMaterial material, double frequency, double cosTheta, boolean allowExtrapolation) {
    ElectricalProperties props = material.evaluate(frequency, allowExtrapolation);
    return compute(
        cosTheta,
        props.complexRelativePermittivity(),
        material.thickness(),
        PhysicalConstants.wavelength(frequency));
  }

  /**
   * Whether the slab acts as a half-space: infinite (or overflowing) electrical thickness, or
   * grazing incidence on a material other than vacuum.
   */
  private static boolean isHalfSpace(
      double c, double ar, double ai, double phaseRe, double phaseIm) {
    if (!Double.isFinite(phaseRe) || !Double.isFinite(phaseIm)) {
      return true;
    }
    return c == 0 && !(ar == 0 && ai == 0);
  }

  private static void setTransparent(double[] out, int o) {
    for (int i = 0; i < 8; i++) {
      out[o + i] = 0;
    }
    out[o + 4] = 1;
    out[o + 6] = 1;
  }

  private static void checkGeometry(double thickness, double wavelength) {
    if (Double.isNaN(thickness) || thickness < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "slab thickness",
          "must be a non-negative number of metres, got " + thickness);
    }
    if (!(wavelength > 0) || !Double.isFinite(wavelength)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "wavelength",
          "must be a positive finite number of metres, got " + wavelength);
    }
  }
}
