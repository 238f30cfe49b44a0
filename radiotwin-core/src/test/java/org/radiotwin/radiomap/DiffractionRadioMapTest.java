package org.radiotwin.radiomap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;

class DiffractionRadioMapTest {

  /**
   * Behind the wall of {@link RadioMapSolverTest#groundAndWall()} (LoS and diffraction only), the
   * fast map's diffracted power at each cell is that of the exact paths to the cell centre: the
   * cone rays find the cells (the wall's top and side edges), the coefficients are the same UTD
   * ones. Cells the cone rays miss or wrongly keep are few (here none: all cells within 0.01 dB).
   */
  @Test
  void fastMapDiffractionMatchesExactPathsBehindTheWall() {
    Scene scene = RadioMapSolverTest.groundAndWall();
    RadioMapGrid grid = new RadioMapGrid(27.5, 0, 25, 60, 1, 1.5, 0);
    PathSolverConfig paths =
        PathSolverConfig.defaults()
            .withMaxDepth(1)
            .withInteractions(true, false, false)
            .withSamples(20_000, 3)
            .withDiffraction(true);
    RadioMapSolver.Settings s =
        RadioMapSolver.Settings.defaults(RadioMapSolverTest.F).withPaths(paths);
    RadioMap exact =
        RadioMapSolver.solve(scene, grid, s.withMethod(RadioMapSolver.Method.EXACT), f -> {});
    RadioMap fast = RadioMapSolver.solve(scene, grid, s, f -> {});
    RadioMap without =
        RadioMapSolver.solve(scene, grid, s.withPaths(paths.withDiffraction(false)), f -> {});
    int behind = 0;
    int missed = 0;
    int agree = 0;
    double num = 0;
    double den = 0;
    for (int c = 0; c < grid.cellCount(); c++) {
      double x = grid.cellX(c % grid.nx(), c / grid.nx());
      double y = grid.cellY(c % grid.nx(), c / grid.nx());
      if (x < 16 || Math.abs(y) > 29) {
        continue;
      }
      behind++;
      // No LoS behind the wall: only diffraction reaches these cells.
      assertThat(without.pathGain(0, c)).isZero();
      assertThat(exact.pathGain(0, c)).isPositive();
      if (fast.pathGain(0, c) == 0) {
        missed++;
      } else if (Math.abs(fast.pathGainDb(0, c) - exact.pathGainDb(0, c)) < 0.01) {
        agree++;
      }
      double d = fast.pathGain(0, c) - exact.pathGain(0, c);
      num += d * d;
      den += exact.pathGain(0, c) * exact.pathGain(0, c);
    }
    assertThat(behind).isGreaterThan(1000);
    assertThat(missed).isLessThan(behind / 50);
    assertThat(agree).isGreaterThan(behind * 49 / 50);
    assertThat(10 * Math.log10(num / den)).isLessThan(-30);
    // Deterministic.
    RadioMap again = RadioMapSolver.solve(scene, grid, s, f -> {});
    for (int c = 0; c < grid.cellCount(); c++) {
      assertThat(again.pathGain(0, c)).isEqualTo(fast.pathGain(0, c));
    }
    assertThat(fast.aodTheta(0, grid.cellAt(30, 0)))
        .isCloseTo(exact.aodTheta(0, grid.cellAt(30, 0)), within(1e-9));
  }
}
