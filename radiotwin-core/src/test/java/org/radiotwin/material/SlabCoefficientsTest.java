package org.radiotwin.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.radiotwin.material.FresnelCoefficientsTest.assertClose;
import static org.radiotwin.material.FresnelCoefficientsTest.assertRelClose;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.complex.FieldComplex;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.FresnelCoefficients.FresnelResponse;
import org.radiotwin.material.SlabCoefficients.FieldSlabResponse;
import org.radiotwin.material.SlabCoefficients.SlabResponse;
import org.radiotwin.math.Complex;
import org.radiotwin.math.Derivatives;
import org.radiotwin.math.JonesMatrix;
import org.radiotwin.math.PhysicalConstants;

class SlabCoefficientsTest {

  private static final double F = 3.5e9;
  private static final double LAMBDA = PhysicalConstants.wavelength(F);

  @Test
  void mpmathReferenceValues() {
    // Reference: the ITU-R P.2040 eqs. (43)-(44) evaluated with mpmath at 30 digits.
    // ITU concrete, 3.5 GHz, θ = 45°, d = 0.1 m.
    SlabResponse s =
        SlabCoefficients.compute(
            Math.sqrt(0.5), new Complex(5.24, -0.632143035061149670860963350842), 0.1, LAMBDA);
    assertClose(s.rTe(), new Complex(-0.474286405817650679, -0.00280879941572439861), 1e-14);
    assertClose(s.rTm(), new Complex(0.238460106186205469, -0.00650508839626281593), 1e-14);
    assertClose(s.tTe(), new Complex(-0.251184680352687305, 0.0734092441829784566), 1e-14);
    assertClose(s.tTm(), new Complex(-0.310604672279424082, 0.0925483988953818362), 1e-14);
    // ITU glass, 28 GHz, θ = 30°, d = 1 cm.
    SlabResponse g =
        SlabCoefficients.compute(
            Math.cos(Math.PI / 6),
            new Complex(6.31, -0.200511524220827071118269129314),
            0.01,
            PhysicalConstants.wavelength(28e9));
    assertClose(g.rTe(), new Complex(-0.654422710436181472, 0.113556467139194240), 1e-14);
    assertClose(g.rTm(), new Complex(0.535756323116002057, -0.109849560424434214), 1e-14);
    assertClose(g.tTe(), new Complex(-0.121551853121365973, -0.529026764521465510), 1e-14);
    assertClose(g.tTm(), new Complex(-0.158389934564178213, -0.608868270000789031), 1e-14);
  }

  @Test
  void thickLossySlabIsAHalfSpace() {
    // Concrete at 3.5 GHz: Im a ≈ −0.145, so |e^{−jq}| ≈ e^{−(2π/λ)·d·0.145} ≈ e^{−106} at 10 m
    // (T carries one pass through the slab, R's correction two).
    Complex eta = RadioMaterial.complexRelativePermittivity(5.24, 0.123, F);
    for (double c : new double[] {1, 0.6, 0.1}) {
      FresnelResponse r = FresnelCoefficients.compute(c, eta);
      for (double d : new double[] {10, Double.POSITIVE_INFINITY}) {
        SlabResponse s = SlabCoefficients.compute(c, eta, d, LAMBDA);
        assertClose(s.rTe(), r.rTe(), 1e-15);
        assertClose(s.rTm(), r.rTm(), 1e-15);
        assertThat(s.tTe().abs()).isLessThan(1e-40);
        assertThat(s.tTm().abs()).isLessThan(1e-40);
      }
    }
  }

  @Test
  void zeroThicknessIsTransparentExactly() {
    for (double c : new double[] {0, 0.3, 1}) {
      SlabResponse s = SlabCoefficients.compute(c, new Complex(5.24, -0.632), 0, LAMBDA);
      assertThat(s.rTe()).isEqualTo(Complex.ZERO);
      assertThat(s.rTm()).isEqualTo(Complex.ZERO);
      assertThat(s.tTe()).isEqualTo(Complex.ONE);
      assertThat(s.tTm()).isEqualTo(Complex.ONE);
    }
    // And continuously so: at d = 1 µm (q ≈ 1e-4), |R| = O(q) and T = 1 − O(q).
    SlabResponse thin = SlabCoefficients.compute(0.8, new Complex(5.24, -0.632), 1e-6, LAMBDA);
    assertThat(thin.rTe().abs()).isLessThan(1e-3);
    assertClose(thin.tTe(), Complex.ONE, 1e-3);
  }

  /**
   * Lossless slab: no absorption, so |R|² + |T|² = 1 for both polarisations at every angle,
   * permittivity and thickness.
   */
  @Property(tries = 300)
  void losslessSlabConservesEnergy(
      @ForAll @DoubleRange(min = 0, max = 1) double cosTheta,
      @ForAll @DoubleRange(min = 1, max = 40) double etaR,
      @ForAll @DoubleRange(min = 0, max = 1) double thickness) {
    SlabResponse s = SlabCoefficients.compute(cosTheta, new Complex(etaR, -0.0), thickness, LAMBDA);
    assertThat(s.rTe().abs2() + s.tTe().abs2())
        .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(s.rTm().abs2() + s.tTm().abs2())
        .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Property(tries = 200)
  void lossySlabAbsorbsAndStaysFinite(
      @ForAll @DoubleRange(min = 0, max = 1) double cosTheta,
      @ForAll @DoubleRange(min = 1, max = 40) double etaR,
      @ForAll @DoubleRange(min = -4, max = 7) double log10Sigma,
      @ForAll @DoubleRange(min = 0, max = 1) double thickness) {
    // Up to σ = 10⁷ S/m (ITU metal): no overflow, |R|² + |T|² ≤ 1.
    Complex eta = RadioMaterial.complexRelativePermittivity(etaR, Math.pow(10, log10Sigma), F);
    SlabResponse s = SlabCoefficients.compute(cosTheta, eta, thickness, LAMBDA);
    for (Complex v : new Complex[] {s.rTe(), s.rTm(), s.tTe(), s.tTm()}) {
      assertThat(v.isFinite()).isTrue();
    }
    assertThat(s.rTe().abs2() + s.tTe().abs2()).isLessThanOrEqualTo(1 + 1e-12);
    assertThat(s.rTm().abs2() + s.tTm().abs2()).isLessThanOrEqualTo(1 + 1e-12);
  }

  /**
   * At normal incidence the two polarisations see the same interface up to the sign convention:
   * r_tm = −r_te, so R_tm = −R_te and T_tm = T_te (T depends on r′² only).
   */
  @Property(tries = 100)
  void normalIncidenceSymmetry(
      @ForAll @DoubleRange(min = 1, max = 40) double etaR,
      @ForAll @DoubleRange(min = 0, max = 5) double loss,
      @ForAll @DoubleRange(min = 0, max = 0.5) double thickness) {
    SlabResponse s = SlabCoefficients.compute(1, new Complex(etaR, -loss), thickness, LAMBDA);
    assertClose(s.rTm(), s.rTe().negate(), 1e-14);
    assertClose(s.tTm(), s.tTe(), 1e-14);
  }

  @Test
  void halfWaveAndQuarterWaveSlabs() {
    // Normal incidence, real η = n²: a = n, q = k0·d·n.
    // Half wave, q = π (d = λ/(2n)): e^{−j2q} = 1, so R = r′·0/(1 − r′²) = 0 and
    // T = (1 − r′²)·e^{−jπ}/(1 − r′²) = −1.
    // Quarter wave, q = π/2 (d = λ/(4n)): e^{−j2q} = −1, e^{−jq} = −j, r′ = (1 − n)/(1 + n):
    // R_te = 2r′/(1 + r′²) = (1 − n²)/(1 + n²), T = −j(1 − r′²)/(1 + r′²) = −j·2n/(1 + n²).
    for (double etaR : new double[] {2.25, 4, 5.24, 30}) {
      double n = Math.sqrt(etaR);
      Complex eta = new Complex(etaR, 0);
      SlabResponse half = SlabCoefficients.compute(1, eta, LAMBDA / (2 * n), LAMBDA);
      assertClose(half.rTe(), Complex.ZERO, 1e-14);
      assertClose(half.rTm(), Complex.ZERO, 1e-14);
      assertClose(half.tTe(), new Complex(-1, 0), 1e-14);
      assertClose(half.tTm(), new Complex(-1, 0), 1e-14);
      SlabResponse quarter = SlabCoefficients.compute(1, eta, LAMBDA / (4 * n), LAMBDA);
      Complex rq = new Complex((1 - etaR) / (1 + etaR), 0);
      Complex tq = new Complex(0, -2 * n / (1 + etaR));
      assertClose(quarter.rTe(), rq, 1e-14);
      assertClose(quarter.rTm(), rq.negate(), 1e-14);
      assertClose(quarter.tTe(), tq, 1e-14);
      assertClose(quarter.tTm(), tq, 1e-14);
    }
  }

  @Test
  void metalSlabReflectsWithoutOverflow() {
    RadioMaterial metal = RadioMaterial.itu("itu_metal", ItuMaterialType.METAL);
    Complex eta = metal.evaluate(F).complexRelativePermittivity();
    for (double c : new double[] {1, 0.5, 0.05}) {
      SlabResponse s = SlabCoefficients.compute(metal, F, c, false);
      FresnelResponse r = FresnelCoefficients.compute(c, eta);
      // e^{−j2q} underflows to 0 at 0.1 m: R = r′ and T = 0 exactly.
      assertThat(s.rTe()).isEqualTo(r.rTe());
      assertThat(s.rTm()).isEqualTo(r.rTm());
      assertThat(s.tTe().abs()).isZero();
      assertThat(s.tTm().abs()).isZero();
    }
    assertThat(SlabCoefficients.compute(metal, F, 1, false).rTe().abs())
        .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-3));
    // A 1 nm metal film: finite, partially transparent.
    SlabResponse film = SlabCoefficients.compute(1, eta, 1e-9, LAMBDA);
    assertThat(film.tTe().isFinite()).isTrue();
    assertThat(film.tTe().abs()).isBetween(0.01, 1.0);
  }

  @Test
  void grazingIncidence() {
    SlabResponse s = SlabCoefficients.compute(0, new Complex(5.24, -0.632), 0.1, LAMBDA);
    assertThat(s.rTe()).isEqualTo(new Complex(-1, 0));
    assertThat(s.rTm()).isEqualTo(new Complex(-1, 0));
    assertThat(s.tTe().abs()).isZero();
    // A lossless slab of vacuum is invisible even at grazing incidence.
    SlabResponse v = SlabCoefficients.compute(0, Complex.ONE, 0.1, LAMBDA);
    assertThat(v.rTe().abs()).isZero();
    assertThat(v.tTe()).isEqualTo(Complex.ONE);
    assertThat(v.tTm()).isEqualTo(Complex.ONE);
  }

  @Test
  void fastPathWritesEightValuesAtItsOffset() {
    double[] out = new double[11];
    Arrays.fill(out, 9);
    SlabCoefficients.compute(0.6, 5.24, -0.632, 0.1, LAMBDA, out, 2);
    SlabResponse s = SlabCoefficients.compute(0.6, new Complex(5.24, -0.632), 0.1, LAMBDA);
    assertThat(out)
        .containsExactly(
            9,
            9,
            s.rTe().re(),
            s.rTe().im(),
            s.rTm().re(),
            s.rTm().im(),
            s.tTe().re(),
            s.tTe().im(),
            s.tTm().re(),
            s.tTm().im(),
            9);
    assertThat(s.reflectionMatrix()).isEqualTo(JonesMatrix.diag(s.rTe(), s.rTm()));
    assertThat(s.transmissionMatrix()).isEqualTo(JonesMatrix.diag(s.tTe(), s.tTm()));
  }

  @Test
  void gradientPathMatchesDoublePathAndFiniteDifferences() {
    // Variables x0 = η_r, x1 = σ. Several materials/angles/thicknesses (incl. a lossless one).
    double[][] cases = {
      {5.24, 0.123, 0.7, 0.1},
      {6.31, 0.2, 0.95, 0.01},
      {3.91, 0.0272, 0.2, 0.25},
      {2.0, 1e-4, 0.5, 0.05},
      {15, 0.27, 1.0, 0.3}
    };
    for (double[] k : cases) {
      double etaR = k[0];
      double sigma = k[1];
      double c = k[2];
      double d = k[3];
      FieldComplex<Gradient> eta =
          FresnelCoefficients.complexRelativePermittivity(
              Derivatives.variable(etaR, 0, 2), Derivatives.variable(sigma, 1, 2), F);
      FieldSlabResponse<Gradient> g = SlabCoefficients.compute(c, eta, d, LAMBDA);
      SlabResponse v = slab(etaR, sigma, c, d);
      Complex[] gv = values(g);
      Complex[] dv = {v.rTe(), v.rTm(), v.tTe(), v.tTm()};
      double he = 1e-6 * etaR;
      double hs = 1e-6 * sigma;
      Complex[] pe = values(slab(etaR + he, sigma, c, d));
      Complex[] me = values(slab(etaR - he, sigma, c, d));
      Complex[] ps = values(slab(etaR, sigma + hs, c, d));
      Complex[] ms = values(slab(etaR, sigma - hs, c, d));
      List<FieldComplex<Gradient>> gc = fields(g);
      for (int i = 0; i < 4; i++) {
        assertRelClose(gv[i], dv[i], 1e-12);
        Complex fdEta = pe[i].sub(me[i]).div(2 * he);
        Complex fdSigma = ps[i].sub(ms[i]).div(2 * hs);
        assertRelClose(Derivatives.partial(gc.get(i), 0), fdEta, 1e-6);
        assertRelClose(Derivatives.partial(gc.get(i), 1), fdSigma, 1e-6);
      }
    }
  }

  @Test
  void gradientPathSpecialCases() {
    FieldComplex<Gradient> eta =
        FresnelCoefficients.complexRelativePermittivity(
            Derivatives.variable(5.24, 0, 2), Derivatives.variable(0.123, 1, 2), F);
    FieldSlabResponse<Gradient> zero = SlabCoefficients.compute(0.5, eta, 0, LAMBDA);
    assertThat(Derivatives.value(zero.rTe())).isEqualTo(Complex.ZERO);
    assertThat(Derivatives.value(zero.tTm())).isEqualTo(Complex.ONE);
    assertThat(Derivatives.partial(zero.tTm(), 0)).isEqualTo(Complex.ZERO);
    FieldSlabResponse<Gradient> inf =
        SlabCoefficients.compute(0.5, eta, Double.POSITIVE_INFINITY, LAMBDA);
    FresnelCoefficients.FieldFresnelResponse<Gradient> r = FresnelCoefficients.compute(0.5, eta);
    assertThat(Derivatives.value(inf.rTe())).isEqualTo(Derivatives.value(r.rTe()));
    assertThat(Derivatives.partial(inf.rTm(), 1)).isEqualTo(Derivatives.partial(r.rTm(), 1));
    assertThat(Derivatives.value(inf.tTe())).isEqualTo(Complex.ZERO);
    // Metal: underflow gives zeros, not NaN, in the derivatives too.
    FieldComplex<Gradient> metal =
        FresnelCoefficients.complexRelativePermittivity(
            Derivatives.variable(1, 0, 2), Derivatives.variable(1e7, 1, 2), F);
    FieldSlabResponse<Gradient> m = SlabCoefficients.compute(0.9, metal, 0.1, LAMBDA);
    for (FieldComplex<Gradient> z : fields(m)) {
      assertThat(Derivatives.value(z).isFinite()).isTrue();
      assertThat(Derivatives.partial(z, 0).isFinite()).isTrue();
      assertThat(Derivatives.partial(z, 1).isFinite()).isTrue();
    }
  }

  @Test
  void materialConvenienceAndFrequencyRange() {
    RadioMaterial concrete = RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE, 0.2);
    SlabResponse viaMaterial = SlabCoefficients.compute(concrete, F, 0.7, false);
    SlabResponse direct =
        SlabCoefficients.compute(
            0.7, concrete.evaluate(F).complexRelativePermittivity(), 0.2, LAMBDA);
    assertThat(viaMaterial).isEqualTo(direct);
    // Concrete is defined for 1–100 GHz: 300 GHz fails unless extrapolation is allowed.
    assertThatThrownBy(() -> SlabCoefficients.compute(concrete, 300e9, 0.7, false))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("itu_concrete");
    assertThat(SlabCoefficients.compute(concrete, 300e9, 0.7, true).rTe().isFinite()).isTrue();
  }

  @Test
  void invalidInputIsRejected() {
    Complex eta = new Complex(5, -1);
    assertThatThrownBy(() -> SlabCoefficients.compute(0.5, eta, -0.1, LAMBDA))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("thickness");
    assertThatThrownBy(() -> SlabCoefficients.compute(0.5, eta, Double.NaN, LAMBDA))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> SlabCoefficients.compute(0.5, eta, 0.1, 0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("wavelength");
    assertThatThrownBy(() -> SlabCoefficients.compute(1.5, eta, 0.1, LAMBDA))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.INVALID_ARGUMENT));
    assertThatThrownBy(() -> SlabCoefficients.compute(0.5, 5, -1, 0.1, LAMBDA, new double[8], 1))
        .isInstanceOf(RadioTwinException.class);
  }

  private static SlabResponse slab(double etaR, double sigma, double c, double d) {
    return SlabCoefficients.compute(
        c, RadioMaterial.complexRelativePermittivity(etaR, sigma, F), d, LAMBDA);
  }

  private static Complex[] values(SlabResponse s) {
    return new Complex[] {s.rTe(), s.rTm(), s.tTe(), s.tTm()};
  }

  private static Complex[] values(FieldSlabResponse<Gradient> s) {
    Complex[] out = new Complex[4];
    List<FieldComplex<Gradient>> f = fields(s);
    for (int i = 0; i < 4; i++) {
      out[i] = Derivatives.value(f.get(i));
    }
    return out;
  }

  private static List<FieldComplex<Gradient>> fields(FieldSlabResponse<Gradient> s) {
    return List.of(s.rTe(), s.rTm(), s.tTe(), s.tTm());
  }
}
