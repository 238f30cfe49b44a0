package org.radiotwin.calibration.canyon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.SceneGeometry;

class CanyonStudyTest {

  @Test
  void scenarioHasExactlyTheTwoWallReflections() {
    SceneGeometry g =
        SceneGeometry.of(CanyonScenario.scene(true, CanyonScenario.initialMaterial()));
    PathSet ps =
        new PathSolver(CanyonScenario.pathSettings())
            .solve(
                g,
                CanyonScenario.transmitter(),
                CanyonScenario.receiverCentre(),
                java.util.concurrent.ForkJoinPool.commonPool());
    assertThat(ps.pathCount(0)).isEqualTo(2);
    // Unfolded lengths by the image method: √(23.9834² + (2·4.9965)²) and √(23.9834² +
    // (2·8.99377)²).
    double[] lengths = {ps.length(0), ps.length(1)};
    java.util.Arrays.sort(lengths);
    assertThat(lengths[0]).isCloseTo(Math.hypot(23.9834, 2 * 4.9965), within(1e-9));
    assertThat(lengths[1]).isCloseTo(Math.hypot(23.9834, 2 * 8.99377), within(1e-9));
  }

  @Test
  void subcarrierGridMatchesThePaper() {
    // 500 MHz at 30 kHz: ⌈16 666.7⌉ = 16 667 subcarriers centred on 6 GHz.
    double[] f = CanyonStudy.subcarriers(500e6, 30e3);
    assertThat(f).hasSize(16_667);
    assertThat(0.5 * (f[0] + f[f.length - 1])).isCloseTo(6e9, within(1e-3));
    assertThat(CanyonScenario.trueConductivity(6e9))
        .isCloseTo(0.0326 * Math.pow(6, 0.8095), within(1e-15));
  }

  /**
   * A small version of seed 000 Fig. 3 (2 draws of 25 positions, 150 iterations): PEAC is the most
   * accurate at every bandwidth, UPEC improves once the band resolves the two paths (their delays
   * differ by ≈ 13 ns, so from about 100 MHz), PEOC stays poor.
   */
  @Test
  void smallStudyOrdersTheMethodsAsInThePaper() {
    CanyonStudy.Settings paper = CanyonStudy.Settings.paper(7);
    CanyonStudy.Settings s =
        new CanyonStudy.Settings(
            new double[] {5e6, 2e7, 1e8},
            2,
            7,
            25,
            paper.subcarrierSpacing(),
            paper.snrDb(),
            150,
            paper.learningRate(),
            paper.subband());
    CanyonStudy.Result r = CanyonStudy.run(s, f -> {});
    double[] peac = r.methods().get("PEAC").mean();
    double[] upec = r.methods().get("UPEC").mean();
    double[] peoc = r.methods().get("PEOC").mean();
    for (int i = 0; i < 3; i++) {
      assertThat(peac[i]).isLessThan(upec[i]).isLessThan(0.05);
      assertThat(upec[i]).isLessThan(peoc[i]);
      assertThat(peoc[i]).isGreaterThan(0.5);
      assertThat(r.methods().get("PEAC").q25()[i])
          .isLessThanOrEqualTo(r.methods().get("PEAC").q75()[i]);
    }
    assertThat(upec[2]).isLessThan(0.5 * upec[0]);
    // Same seed, same numbers (runs are independent of the thread schedule).
    assertThat(CanyonStudy.run(s, f -> {}).methods().get("PEAC").mean()).containsExactly(peac);
  }
}
