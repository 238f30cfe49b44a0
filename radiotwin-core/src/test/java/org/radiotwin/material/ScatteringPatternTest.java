package org.radiotwin.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;

class ScatteringPatternTest {

  /**
   * ∫ f_s dΩ over the front hemisphere by the midpoint rule in (θ_s, φ_s), incident direction in
   * the xz plane at θ_i from the normal ẑ.
   */
  static double hemisphereIntegral(ScatteringPattern p, double thetaI) {
    double kx = Math.sin(thetaI);
    double kz = -Math.cos(thetaI);
    double rx = kx;
    double rz = -kz;
    int nt = 400;
    int np = 800;
    double sum = 0;
    for (int i = 0; i < nt; i++) {
      double t = (i + 0.5) * (Math.PI / 2) / nt;
      for (int j = 0; j < np; j++) {
        double ph = (j + 0.5) * 2 * Math.PI / np;
        double sx = Math.sin(t) * Math.cos(ph);
        double sy = Math.sin(t) * Math.sin(ph);
        double sz = Math.cos(t);
        double v = p.value(Math.cos(thetaI), sz, rx * sx + rz * sz, kx * sx + kz * sz);
        sum += v * Math.sin(t);
      }
    }
    return sum * (Math.PI / 2 / nt) * (2 * Math.PI / np);
  }

  @Property(tries = 12)
  void directiveAndBackscatteringPatternsAreNormalised(
      @ForAll @IntRange(min = 1, max = 12) int alphaR,
      @ForAll @IntRange(min = 1, max = 12) int alphaI,
      @ForAll @DoubleRange(min = 0, max = 1) double lambda,
      @ForAll @DoubleRange(min = 0, max = 1.5) double thetaI) {
    // Degli-Esposti 2007: every pattern integrates to 1 over the hemisphere, for any incidence.
    assertThat(hemisphereIntegral(new ScatteringPattern.Directive(alphaR), thetaI))
        .isCloseTo(1, within(2e-3));
    assertThat(
            hemisphereIntegral(
                new ScatteringPattern.Backscattering(alphaR, alphaI, lambda), thetaI))
        .isCloseTo(1, within(2e-3));
  }

  @Test
  void lambertianIsNormalisedAndDoesNotDependOnIncidence() {
    assertThat(hemisphereIntegral(ScatteringPattern.LAMBERTIAN, 0.3)).isCloseTo(1, within(1e-4));
    assertThat(ScatteringPattern.LAMBERTIAN.value(0.2, 0.5, 0, 0)).isEqualTo(0.5 / Math.PI);
  }

  @Test
  void normalisationClosedForms() {
    // α = 1: F = (I_0 + I_1)/2 = (2π + π·cos θ_i)/2 (Sionna RT's F_α, k = 0 and k = 1 terms).
    assertThat(ScatteringPattern.normalisation(1, 0.6))
        .isCloseTo((2 * Math.PI + Math.PI * 0.6) / 2, within(1e-12));
    // α = 2: F = (I_0 + 2I_1 + I_2)/4 with I_2 = 2π/3.
    assertThat(ScatteringPattern.normalisation(2, 0.6))
        .isCloseTo((2 * Math.PI + 2 * Math.PI * 0.6 + 2 * Math.PI / 3) / 4, within(1e-12));
  }

  @Test
  void directiveLobePointsAtTheSpecularDirection() {
    ScatteringPattern p = new ScatteringPattern.Directive(8);
    assertThat(p.value(0.8, 0.8, 1, 0)).isGreaterThan(p.value(0.8, 0.8, 0.5, 0));
    // Backscattering with Λ = 0 peaks back towards the source (k̂_iᵀk̂_s = −1).
    ScatteringPattern b = new ScatteringPattern.Backscattering(4, 4, 0);
    assertThat(b.value(0.8, 0.8, 0, -1)).isGreaterThan(b.value(0.8, 0.8, 1, 0.5));
    // Λ = 1 is the directive model.
    assertThat(new ScatteringPattern.Backscattering(8, 3, 1).value(0.7, 0.5, 0.9, 0.1))
        .isCloseTo(p.value(0.7, 0.5, 0.9, 0.1), within(1e-15));
  }

  @Test
  void parsesAndPrintsSpecifications() {
    assertThat(ScatteringPattern.parse("lambertian")).isEqualTo(ScatteringPattern.LAMBERTIAN);
    assertThat(ScatteringPattern.parse("directive:4"))
        .isEqualTo(new ScatteringPattern.Directive(4));
    ScatteringPattern b = ScatteringPattern.parse("Backscattering:5, 3, 0.25");
    assertThat(b).isEqualTo(new ScatteringPattern.Backscattering(5, 3, 0.25));
    assertThat(ScatteringPattern.parse(b.spec())).isEqualTo(b);
    for (String bad :
        new String[] {
          "",
          "diffuse",
          "directive",
          "directive:0",
          "directive:2.5",
          "backscattering:1,2",
          "backscattering:1,2,1.5",
          "lambertian:3"
        }) {
      assertThatThrownBy(() -> ScatteringPattern.parse(bad))
          .isInstanceOf(RadioTwinException.class)
          .hasMessageContaining("scattering pattern");
    }
  }

  @Test
  void materialsKeepTheirPattern() {
    RadioMaterial m =
        RadioMaterial.itu("wall", ItuMaterialType.CONCRETE)
            .withScatteringPattern(new ScatteringPattern.Directive(3))
            .withScattering(0.4, 0.2)
            .withThickness(0.3)
            .withName("w2");
    assertThat(m.scatteringPattern()).isEqualTo(new ScatteringPattern.Directive(3));
    assertThat(RadioMaterial.vacuum("v").scatteringPattern())
        .isEqualTo(ScatteringPattern.LAMBERTIAN);
  }
}
