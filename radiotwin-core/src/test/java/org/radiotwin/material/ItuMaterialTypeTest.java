package org.radiotwin.material;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

class ItuMaterialTypeTest {

  /**
   * ITU-R P.2040-3 Table 3, transcribed independently of the enum (from METHODS.md §1): name, then
   * per range a, b, c, d, min GHz, max GHz.
   */
  static final Object[][] TABLE = {
    {"concrete", new double[] {5.24, 0, 0.0462, 0.7822, 1, 100}},
    {"brick", new double[] {3.91, 0, 0.0238, 0.16, 1, 40}},
    {"plasterboard", new double[] {2.73, 0, 0.0085, 0.9395, 1, 100}},
    {"wood", new double[] {1.99, 0, 0.0047, 1.0718, 0.001, 100}},
    {"glass", new double[] {6.31, 0, 0.0036, 1.3394, 0.1, 100, 5.79, 0, 0.0004, 1.658, 220, 450}},
    {
      "ceiling_board",
      new double[] {1.48, 0, 0.0011, 1.0750, 1, 100, 1.52, 0, 0.0029, 1.029, 220, 450}
    },
    {"chipboard", new double[] {2.58, 0, 0.0217, 0.78, 1, 100}},
    {"plywood", new double[] {2.71, 0, 0.33, 0, 1, 40}},
    {"marble", new double[] {7.074, 0, 0.0055, 0.9262, 1, 60}},
    {"floorboard", new double[] {3.66, 0, 0.0044, 1.3515, 50, 100}},
    {"metal", new double[] {1, 0, 1e7, 0, 1, 100}},
    {"very_dry_ground", new double[] {3, 0, 0.00015, 2.52, 1, 10}},
    {"medium_dry_ground", new double[] {15, -0.1, 0.035, 1.63, 1, 10}},
    {"wet_ground", new double[] {30, -0.4, 0.15, 1.30, 1, 10}},
  };

  @Test
  void enumHoldsTheTable() {
    assertThat(ItuMaterialType.values()).hasSize(14);
    for (Object[] row : TABLE) {
      ItuMaterialType type = ItuMaterialType.fromName((String) row[0]);
      double[] p = (double[]) row[1];
      List<ItuFrequencyRange> ranges = type.ranges();
      assertThat(ranges).hasSize(p.length / 6);
      for (int i = 0; i < ranges.size(); i++) {
        ItuFrequencyRange r = ranges.get(i);
        assertThat(new double[] {r.a(), r.b(), r.c(), r.d(), r.minGHz(), r.maxGHz()})
            .as(type.sionnaName())
            .containsExactly(Arrays.copyOfRange(p, 6 * i, 6 * i + 6));
      }
    }
  }

  @Test
  void everyMaterialAtTypicalFrequencies() {
    for (Object[] row : TABLE) {
      ItuMaterialType type = ItuMaterialType.fromName((String) row[0]);
      double[] p = (double[]) row[1];
      for (double fGHz : new double[] {1, 3.5, 28, 300}) {
        double[] expected = null;
        for (int i = 0; i < p.length; i += 6) {
          if (fGHz >= p[i + 4] && fGHz <= p[i + 5]) {
            expected =
                new double[] {p[i] * Math.pow(fGHz, p[i + 1]), p[i + 2] * Math.pow(fGHz, p[i + 3])};
          }
        }
        if (expected == null) {
          assertThatThrownBy(() -> type.rangeFor(fGHz * 1e9, false))
              .as("%s at %s GHz", type, fGHz)
              .isInstanceOf(RadioTwinException.class)
              .hasMessageContaining("'itu_" + type.sionnaName() + "'")
              .satisfies(
                  e ->
                      assertThat(((RadioTwinException) e).getSpecifier())
                          .isEqualTo(RadioTwinMessages.FREQUENCY_OUT_OF_RANGE));
        } else {
          ItuFrequencyRange r = type.rangeFor(fGHz * 1e9, false);
          assertThat(r.relativePermittivity(fGHz))
              .as("η_r of %s at %s GHz", type, fGHz)
              .isCloseTo(expected[0], within(1e-12 * expected[0]));
          assertThat(r.conductivity(fGHz))
              .as("σ of %s at %s GHz", type, fGHz)
              .isCloseTo(expected[1], within(1e-12 * expected[1]));
        }
      }
    }
  }

  @Test
  void handComputedSpotValues() {
    // mpmath, 25 digits: concrete 3.5 GHz σ = 0.0462·3.5^0.7822; medium dry ground
    // η_r = 15·3.5^−0.1, σ = 0.035·3.5^1.63; glass at 300 GHz (second range) σ = 0.0004·300^1.658;
    // ceiling board at 300 GHz σ = 0.0029·300^1.029; brick at 28 GHz σ = 0.0238·28^0.16.
    assertThat(ItuMaterialType.CONCRETE.rangeFor(3.5e9, false).conductivity(3.5))
        .isCloseTo(0.12308694702706032, within(1e-16));
    ItuFrequencyRange mdg = ItuMaterialType.MEDIUM_DRY_GROUND.rangeFor(3.5e9, false);
    assertThat(mdg.relativePermittivity(3.5)).isCloseTo(13.233796577287012, within(1e-14));
    assertThat(mdg.conductivity(3.5)).isCloseTo(0.2697111846885339, within(1e-15));
    assertThat(ItuMaterialType.GLASS.rangeFor(300e9, false).conductivity(300))
        .isCloseTo(5.1183152497767283, within(1e-14));
    assertThat(ItuMaterialType.CEILING_BOARD.rangeFor(300e9, false).relativePermittivity(300))
        .isEqualTo(1.52);
    assertThat(ItuMaterialType.CEILING_BOARD.rangeFor(300e9, false).conductivity(300))
        .isCloseTo(1.026492472656569, within(1e-14));
    assertThat(ItuMaterialType.BRICK.rangeFor(28e9, false).conductivity(28))
        .isCloseTo(0.040562269112463889, within(1e-16));
  }

  @Test
  void boundsAreInclusive() {
    // Wood: 0.001–100 GHz.
    assertThat(ItuMaterialType.WOOD.rangeFor(1e6, false).minGHz()).isEqualTo(0.001);
    assertThat(ItuMaterialType.WOOD.rangeFor(100e9, false).maxGHz()).isEqualTo(100);
    assertThatThrownBy(() -> ItuMaterialType.WOOD.rangeFor(100.001e9, false))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> ItuMaterialType.WOOD.rangeFor(0.999e6, false))
        .isInstanceOf(RadioTwinException.class);
    // Glass: both ends of the second range.
    assertThat(ItuMaterialType.GLASS.rangeFor(220e9, false).a()).isEqualTo(5.79);
    assertThat(ItuMaterialType.GLASS.rangeFor(450e9, false).a()).isEqualTo(5.79);
    assertThat(ItuMaterialType.GLASS.rangeFor(100e9, false).a()).isEqualTo(6.31);
  }

  @Test
  void extrapolationPicksTheNearestRangeOnALogScale() {
    // Glass between its ranges: at 140 GHz ln(140/100) = 0.34 < ln(220/140) = 0.45 → first range;
    // at 150 GHz ln(150/100) = 0.41 > ln(220/150) = 0.38 → second range.
    assertThatThrownBy(() -> ItuMaterialType.GLASS.rangeFor(140e9, false))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("0.1–100.0 GHz");
    assertThat(ItuMaterialType.GLASS.rangeFor(140e9, true).a()).isEqualTo(6.31);
    assertThat(ItuMaterialType.GLASS.rangeFor(150e9, true).a()).isEqualTo(5.79);
    assertThat(ItuMaterialType.CONCRETE.rangeFor(0.5e9, true).minGHz()).isEqualTo(1);
    assertThat(ItuMaterialType.CONCRETE.rangeFor(0.5e9, true).logDistance(0.5))
        .isCloseTo(Math.log(2), within(1e-15));
  }

  @Test
  void invalidFrequencies() {
    for (double f : new double[] {0, -1e9, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> ItuMaterialType.CONCRETE.rangeFor(f, true))
          .isInstanceOf(RadioTwinException.class)
          .hasMessageContaining("frequency");
    }
  }

  @Test
  void namesInSionnaForms() {
    assertThat(ItuMaterialType.fromName("concrete")).isEqualTo(ItuMaterialType.CONCRETE);
    assertThat(ItuMaterialType.fromName("itu_concrete")).isEqualTo(ItuMaterialType.CONCRETE);
    assertThat(ItuMaterialType.fromName("mat-itu_concrete")).isEqualTo(ItuMaterialType.CONCRETE);
    assertThat(ItuMaterialType.fromName("ITU_Ceiling_Board"))
        .isEqualTo(ItuMaterialType.CEILING_BOARD);
    assertThat(ItuMaterialType.find("unobtainium")).isNull();
    assertThat(ItuMaterialType.find(null)).isNull();
    assertThatThrownBy(() -> ItuMaterialType.fromName("itu_unobtainium"))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("itu_unobtainium")
        .hasMessageContaining("wet_ground")
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.UNKNOWN_MATERIAL));
  }
}
