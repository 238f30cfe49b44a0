package org.radiotwin.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.channel.Channel;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.BuiltinScenes;

class DiffractionCampaignTest {

  /**
   * A simulated campaign ("reality") includes diffraction through its path settings: a receiver in
   * the shadow of builtin:simple_wedge measures nothing without diffraction and, with it, the CFR
   * of the diffracted paths.
   */
  @Test
  void campaignInTheShadowOfTheWedgeMeasuresTheDiffractedField() {
    Scene s = BuiltinScenes.load("simple_wedge");
    // Transmitter at 60° from face x = 0, receiver at 250°: past the incidence shadow boundary.
    double[] tx = {-8.660254, -5, 1};
    double[] rx = {7.517541, 2.736161, 0.5};
    PathSolverConfig paths =
        PathSolverConfig.defaults().withMaxDepth(1).withSamples(20_000, 1).withDiffraction(true);
    CampaignSimulator.Settings st =
        new CampaignSimulator.Settings(
            3.49e9, 3.51e9, 21, Double.POSITIVE_INFINITY, 0, 1, paths, false);
    MeasurementSet with = CampaignSimulator.simulate(s, tx, rx, st, f -> {});
    MeasurementSet without =
        CampaignSimulator.simulate(
            s,
            tx,
            rx,
            new CampaignSimulator.Settings(
                3.49e9,
                3.51e9,
                21,
                Double.POSITIVE_INFINITY,
                0,
                1,
                paths.withDiffraction(false),
                false),
            f -> {});
    assertThat(without.meanPower(0)).isZero();
    SceneGeometry g = SceneGeometry.of(s);
    PathSet ps = new PathSolver(paths).solve(g, tx, rx, ForkJoinPool.commonPool());
    double[] h = new double[42];
    new Channel(FieldEvaluator.forScene(ps, g).evaluate(3.5e9))
        .cfrUniform(0, 0, 0, -1e7, 1e6, 21, false, h);
    assertThat(with.meanPower(0)).isPositive();
    for (int k = 0; k < 21; k++) {
      assertThat(with.re(0, k)).isCloseTo(h[2 * k], within(1e-12 * Math.abs(h[2 * k]) + 1e-18));
      assertThat(with.im(0, k))
          .isCloseTo(h[2 * k + 1], within(1e-12 * Math.abs(h[2 * k + 1]) + 1e-18));
    }
  }
}
