package org.radiotwin.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.complex.FieldComplex;
import org.hipparchus.util.Binary64;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.material.FresnelCoefficients.FieldFresnelResponse;
import org.radiotwin.material.FresnelCoefficients.FresnelResponse;
import org.radiotwin.math.Complex;
import org.radiotwin.math.Derivatives;

class FresnelCoefficientsTest {

  private static final double F = 3.5e9;

  @Test
  void normalIncidenceClosedForm() {
    // θ = 0: a = √η, r_te = (1 − √η)/(1 + √η), r_tm = (η − √η)/(η + √η) = (√η − 1)/(√η + 1).
    for (Complex eta :
        new Complex[] {
          new Complex(5.24, 0), new Complex(5.24, -0.632), new Complex(1.5, -40), new Complex(1, 0)
        }) {
      Complex n = eta.sqrt();
      Complex expected = n.sub(1).div(n.add(1));
      FresnelResponse r = FresnelCoefficients.compute(1, eta);
      assertClose(r.rTm(), expected, 1e-15);
      assertClose(r.rTe(), expected.negate(), 1e-15);
    }
  }

  @Test
  void brewsterAngleCancelsTm() {
    // tan θ_B = √η (real η): η − sin²θ = η²cos²θ, so a = η cosθ and r_tm = 0.
    for (double etaR : new double[] {1.5, 3.91, 5.24, 30}) {
      double thetaB = Math.atan(Math.sqrt(etaR));
      FresnelResponse r = FresnelCoefficients.compute(Math.cos(thetaB), new Complex(etaR, 0));
      assertThat(r.rTm().abs()).isLessThan(1e-14);
      assertThat(r.rTe().abs()).isGreaterThan(0.1);
    }
  }

  @Test
  void grazingIncidenceTendsToMinusOne() {
    Complex eta = RadioMaterial.complexRelativePermittivity(5.24, 0.123, F);
    FresnelResponse exact = FresnelCoefficients.compute(0, eta);
    assertThat(exact.rTe()).isEqualTo(new Complex(-1, 0));
    assertThat(exact.rTm()).isEqualTo(new Complex(-1, 0));
    // Continuity: at cosθ = 1e-7 both are within ~2·cosθ·|η|/|√η| of −1.
    FresnelResponse near = FresnelCoefficients.compute(1e-7, eta);
    assertClose(near.rTe(), new Complex(-1, 0), 1e-6);
    assertClose(near.rTm(), new Complex(-1, 0), 1e-5);
    // η = 1: no interface at all, even at grazing incidence.
    FresnelResponse vacuum = FresnelCoefficients.compute(0, Complex.ONE);
    assertThat(vacuum.rTe()).isEqualTo(Complex.ZERO);
    assertThat(vacuum.rTm()).isEqualTo(Complex.ZERO);
  }

  @Test
  void mpmathReferenceConcreteAt45Degrees() {
    // ITU concrete at 3.5 GHz: η = 5.24 − 0.632143035061149671j; θ = 45°.
    // Reference: mpmath at 30 digits with the class formulas.
    Complex eta = new Complex(5.24, -0.632143035061149670860963350842);
    FresnelResponse r = FresnelCoefficients.compute(Math.sqrt(0.5), eta);
    assertClose(r.rTe(), new Complex(-0.511723496533186475, 0.0244818431042812591), 1e-15);
    assertClose(r.rTm(), new Complex(0.261261576262367466, -0.0250558687097993722), 1e-15);
  }

  @Test
  void metalReflectsAlmostTotally() {
    // ITU metal at 3.5 GHz, η = 1 − 5.14e7j: 1 − |r| ≈ 2·Re(1/(√η·cosθ)) ≲ 4e-4 up to 60°.
    RadioMaterial metal = RadioMaterial.itu("itu_metal", ItuMaterialType.METAL);
    for (double thetaDeg : new double[] {0, 30, 60}) {
      FresnelResponse r =
          FresnelCoefficients.compute(metal, F, Math.cos(Math.toRadians(thetaDeg)), false);
      assertThat(r.rTe().abs()).isCloseTo(1, within(1e-3));
      assertThat(r.rTm().abs()).isCloseTo(1, within(1e-3));
      // A perfect conductor gives r_te = −1, r_tm = +1.
      assertThat(r.rTe().re()).isLessThan(-0.99);
      assertThat(r.rTm().re()).isGreaterThan(0.99);
    }
  }

  @Property(tries = 300)
  void losslessAndLossyMagnitudesAreBounded(
      @ForAll @DoubleRange(min = 0, max = 1) double cosTheta,
      @ForAll @DoubleRange(min = 0.05, max = 80) double etaR,
      @ForAll @DoubleRange(min = 0, max = 100) double loss) {
    // Passive medium: |r| ≤ 1 (= 1 for total reflection from a thinner medium, η_r < sin²θ).
    FresnelResponse lossless = FresnelCoefficients.compute(cosTheta, new Complex(etaR, 0));
    assertThat(lossless.rTe().abs()).isLessThanOrEqualTo(1 + 1e-12);
    assertThat(lossless.rTm().abs()).isLessThanOrEqualTo(1 + 1e-12);
    FresnelResponse lossy = FresnelCoefficients.compute(cosTheta, new Complex(etaR, -loss));
    assertThat(lossy.rTe().abs()).isLessThanOrEqualTo(1 + 1e-12);
    assertThat(lossy.rTm().abs()).isLessThanOrEqualTo(1 + 1e-12);
  }

  @Test
  void totalReflectionFromAThinnerLosslessMedium() {
    // η = 0.25 < sin²(60°) = 0.75: evanescent, |r| = 1, and the root is −j·√0.5 whichever sign
    // the zero imaginary part has.
    double c = 0.5;
    FresnelResponse plus = FresnelCoefficients.compute(c, new Complex(0.25, 0.0));
    FresnelResponse minus = FresnelCoefficients.compute(c, new Complex(0.25, -0.0));
    assertThat(plus.rTe().abs()).isCloseTo(1, within(1e-15));
    assertThat(plus.rTm().abs()).isCloseTo(1, within(1e-15));
    assertThat(plus).isEqualTo(minus);
    // a = −j/√2: r_te = (0.5 + j/√2)/(0.5 − j/√2), by hand.
    Complex a = new Complex(0, -Math.sqrt(0.5));
    assertClose(plus.rTe(), a.negate().add(c).div(a.add(c)), 1e-15);
  }

  @Test
  void fastPathWritesFourValuesAtItsOffset() {
    double[] out = {7, 7, 7, 7, 7, 7};
    FresnelCoefficients.compute(0.8, 5.24, -0.632, out, 1);
    FresnelResponse r = FresnelCoefficients.compute(0.8, new Complex(5.24, -0.632));
    assertThat(out).containsExactly(7, r.rTe().re(), r.rTe().im(), r.rTm().re(), r.rTm().im(), 7);
  }

  @Test
  void genericPathOverBinary64MatchesDoublePath() {
    Complex eta = new Complex(5.24, -0.632143035061149671);
    FieldComplex<Binary64> etaF =
        new FieldComplex<>(new Binary64(eta.re()), new Binary64(eta.im()));
    for (double c : new double[] {0, 0.1, 0.5, 0.9, 1}) {
      FieldFresnelResponse<Binary64> g = FresnelCoefficients.compute(c, etaF);
      FresnelResponse d = FresnelCoefficients.compute(c, eta);
      assertClose(
          new Complex(g.rTe().getReal(), g.rTe().getImaginaryPart().getReal()), d.rTe(), 1e-15);
      assertClose(
          new Complex(g.rTm().getReal(), g.rTm().getImaginaryPart().getReal()), d.rTm(), 1e-15);
    }
  }

  @Test
  void gradientsWithRespectToPermittivityAndConductivity() {
    // Variables: x0 = η_r, x1 = σ [S/m]. Compared with central differences of the double path.
    double etaR = 5.24;
    double sigma = 0.123;
    double c = Math.cos(Math.toRadians(35));
    FieldComplex<Gradient> eta =
        FresnelCoefficients.complexRelativePermittivity(
            Derivatives.variable(etaR, 0, 2), Derivatives.variable(sigma, 1, 2), F);
    FieldFresnelResponse<Gradient> g = FresnelCoefficients.compute(c, eta);
    double he = 1e-6 * etaR;
    double hs = 1e-6 * sigma;
    Complex dTeDEta =
        fresnel(c, etaR + he, sigma).rTe().sub(fresnel(c, etaR - he, sigma).rTe()).div(2 * he);
    Complex dTmDSig =
        fresnel(c, etaR, sigma + hs).rTm().sub(fresnel(c, etaR, sigma - hs).rTm()).div(2 * hs);
    assertRelClose(Derivatives.partial(g.rTe(), 0), dTeDEta, 1e-6);
    assertRelClose(Derivatives.partial(g.rTm(), 1), dTmDSig, 1e-6);
    assertClose(Derivatives.value(g.rTe()), fresnel(c, etaR, sigma).rTe(), 1e-15);
  }

  @Test
  void materialConvenienceUsesTheMaterialsPermittivity() {
    RadioMaterial concrete = RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE);
    Complex eta = concrete.evaluate(F).complexRelativePermittivity();
    assertThat(FresnelCoefficients.compute(concrete, F, 0.7, false))
        .isEqualTo(FresnelCoefficients.compute(0.7, eta));
  }

  @Test
  void invalidInputIsRejected() {
    assertThatThrownBy(() -> FresnelCoefficients.compute(1.01, Complex.ONE))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("incidence angle");
    assertThatThrownBy(() -> FresnelCoefficients.compute(-0.2, Complex.ONE))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> FresnelCoefficients.compute(Double.NaN, Complex.ONE))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> FresnelCoefficients.compute(0.5, new Complex(5, 0.1)))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("≤ 0");
    assertThatThrownBy(() -> FresnelCoefficients.compute(0.5, new Complex(Double.NaN, 0)))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> FresnelCoefficients.compute(0.5, 2, 0, new double[4], 1))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("output buffer");
    assertThatThrownBy(
            () ->
                FresnelCoefficients.complexRelativePermittivity(
                    new Binary64(1), new Binary64(0), 0))
        .isInstanceOf(RadioTwinException.class);
    // Rounding just past 1 (a dot product of unit vectors) is tolerated and clamped.
    assertThat(FresnelCoefficients.compute(1 + 1e-12, new Complex(4, 0)))
        .isEqualTo(FresnelCoefficients.compute(1, new Complex(4, 0)));
  }

  private static FresnelResponse fresnel(double c, double etaR, double sigma) {
    return FresnelCoefficients.compute(
        c, RadioMaterial.complexRelativePermittivity(etaR, sigma, F));
  }

  static void assertClose(Complex actual, Complex expected, double tol) {
    assertThat(actual.sub(expected).abs())
        .as("%s vs %s", actual, expected)
        .isLessThanOrEqualTo(tol);
  }

  static void assertRelClose(Complex actual, Complex expected, double rel) {
    assertThat(actual.sub(expected).abs())
        .as("%s vs %s", actual, expected)
        .isLessThanOrEqualTo(rel * expected.abs());
  }
}
