package org.radiotwin.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;

class RadioMaterialTest {

  @Test
  void allMaterialsAtTypicalFrequencies() {
    for (Object[] row : ItuMaterialTypeTest.TABLE) {
      ItuMaterialType type = ItuMaterialType.fromName((String) row[0]);
      double[] p = (double[]) row[1];
      RadioMaterial m = RadioMaterial.itu("itu_" + type.sionnaName(), type);
      for (double fGHz : new double[] {1, 3.5, 28, 300}) {
        double f = fGHz * 1e9;
        int range = -1;
        for (int i = 0; i < p.length; i += 6) {
          if (fGHz >= p[i + 4] && fGHz <= p[i + 5]) {
            range = i;
          }
        }
        if (range < 0) {
          assertThatThrownBy(() -> m.evaluate(f)).isInstanceOf(RadioTwinException.class);
          continue;
        }
        double etaR = p[range] * Math.pow(fGHz, p[range + 1]);
        double sigma = p[range + 2] * Math.pow(fGHz, p[range + 3]);
        ElectricalProperties e = m.evaluate(f);
        assertThat(e.frequency()).isEqualTo(f);
        assertThat(e.extrapolated()).isFalse();
        assertThat(e.relativePermittivity()).isCloseTo(etaR, within(1e-12 * etaR));
        assertThat(e.conductivity()).isCloseTo(sigma, within(1e-12 * sigma));
        // η = η_r − jσ/(ε0·2πf), ε0 = 8.8541878128e-12 F/m
        Complex eta = e.complexRelativePermittivity();
        assertThat(eta.re()).isEqualTo(e.relativePermittivity());
        double expectedIm = -sigma / (8.8541878128e-12 * 2 * Math.PI * f);
        assertThat(eta.im()).isCloseTo(expectedIm, within(1e-12 * Math.abs(expectedIm)));
      }
    }
  }

  @Test
  void concreteAt3point5GHzByHand() {
    // σ = 0.0462·3.5^0.7822 = 0.123086947027060 S/m; Im η = −σ/(ε0·2π·3.5e9) = −0.632143035061150
    // (mpmath, 25 digits).
    ElectricalProperties e =
        RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE).evaluate(3.5e9);
    assertThat(e.relativePermittivity()).isEqualTo(5.24);
    assertThat(e.conductivity()).isCloseTo(0.12308694702706032, within(1e-16));
    assertThat(e.complexRelativePermittivity().im()).isCloseTo(-0.63214303506114967, within(1e-15));
    // Metal: Im η = −1e7/(ε0·2π·3.5e9) = −51357438.812920984
    assertThat(
            RadioMaterial.itu("m", ItuMaterialType.METAL)
                .evaluate(3.5e9)
                .complexRelativePermittivity()
                .im())
        .isCloseTo(-51357438.812920984, within(1e-7));
  }

  @Test
  void outOfRangeNamesTheMaterialAndTheRange() {
    RadioMaterial concrete = RadioMaterial.itu("mat-itu_concrete", ItuMaterialType.CONCRETE);
    assertThatThrownBy(() -> concrete.evaluate(300e9))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("mat-itu_concrete")
        .hasMessageContaining("1.0–100.0 GHz")
        .satisfies(
            e -> {
              // The frequency problem is the FREQUENCY_OUT_OF_RANGE exception of the ITU type,
              // wrapped (today) in an INVALID_ARGUMENT naming the scene's material.
              Throwable t = e;
              boolean found = false;
              while (t != null) {
                found |=
                    t instanceof RadioTwinException r
                        && r.getSpecifier() == RadioTwinMessages.FREQUENCY_OUT_OF_RANGE;
                t = t.getCause();
              }
              assertThat(found).isTrue();
            });
    // Wood's bounds are inclusive: 0.001 GHz and 100 GHz evaluate without extrapolation.
    RadioMaterial wood = RadioMaterial.itu("wood", ItuMaterialType.WOOD);
    assertThat(wood.evaluate(1e6).extrapolated()).isFalse();
    assertThat(wood.evaluate(100e9).extrapolated()).isFalse();
    // mpmath: σ(0.001 GHz) = 0.0047·0.001^1.0718 = 2.8621860318983299e-6 S/m
    assertThat(wood.evaluate(1e6).conductivity()).isCloseTo(2.8621860318983299e-6, within(1e-20));
  }

  @Test
  void extrapolationUsesTheNearestRangeAndSaysSo() {
    RadioMaterial concrete = RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE);
    ElectricalProperties e = concrete.evaluate(300e9, true);
    assertThat(e.extrapolated()).isTrue();
    assertThat(e.conductivity()).isCloseTo(0.0462 * Math.pow(300, 0.7822), within(1e-12));
    RadioMaterial glass = RadioMaterial.itu("itu_glass", ItuMaterialType.GLASS);
    // 150 GHz is nearer 220 GHz than 100 GHz on a log scale: the upper range is used.
    assertThat(glass.evaluate(150e9, true).relativePermittivity()).isEqualTo(5.79);
    assertThat(glass.evaluate(300e9, true).extrapolated()).isFalse();
  }

  @Test
  void customAndVacuumMaterials() {
    RadioMaterial c = RadioMaterial.custom("my_wall", 4.5, 0.02, 0.25);
    assertThat(c.isItu()).isFalse();
    assertThat(c.typeLabel()).isEqualTo("custom");
    // Frequency-independent η_r and σ; any positive frequency is fine.
    for (double f : new double[] {1e6, 3.5e9, 1e12}) {
      ElectricalProperties e = c.evaluate(f);
      assertThat(e.relativePermittivity()).isEqualTo(4.5);
      assertThat(e.conductivity()).isEqualTo(0.02);
      assertThat(e.complexRelativePermittivity())
          .isEqualTo(RadioMaterial.complexRelativePermittivity(4.5, 0.02, f));
    }
    RadioMaterial v = RadioMaterial.vacuum("air");
    assertThat(v.evaluate(28e9).complexRelativePermittivity().re()).isEqualTo(1);
    assertThat(v.evaluate(28e9).complexRelativePermittivity().im()).isZero();
    assertThat(v.thickness()).isEqualTo(RadioMaterial.DEFAULT_THICKNESS);
    RadioMaterial itu = RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK);
    assertThat(itu.typeLabel()).isEqualTo("itu_brick");
    assertThat(itu.thickness()).isEqualTo(0.1);
    assertThat(itu.withName("b2").name()).isEqualTo("b2");
    assertThat(itu.withThickness(0.3).thickness()).isEqualTo(0.3);
    assertThat(itu.withScattering(0.4, 0.1).scatteringCoefficient()).isEqualTo(0.4);
  }

  @Test
  void invalidParametersAreRejected() {
    assertThatThrownBy(() -> RadioMaterial.custom(" ", 2, 0, 0.1))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(() -> RadioMaterial.custom("w", 2, 0, -0.1))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("thickness")
        .hasMessageContaining("'w'");
    assertThatThrownBy(() -> RadioMaterial.custom("w", 2, -1, 0.1))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("conductivity");
    assertThatThrownBy(() -> RadioMaterial.custom("w", Double.NaN, 0, 0.1))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.NOT_FINITE));
    assertThatThrownBy(() -> RadioMaterial.vacuum("a").withScattering(1.5, 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> RadioMaterial.vacuum("a").evaluate(0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("'a'");
  }
}
