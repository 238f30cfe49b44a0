package org.radiotwin.stats.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.channel.FadingSampler;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;

class SiteSweepTest {

  /**
   * Tracing the access point as the source gives the same |H(f)|² as the per-link sweep of core's
   * FadingSampler with the user transmitting (reciprocity), times (f/f_c)².
   */
  @Test
  void reciprocalAndNormalised() {
    Scene scene = SceneLoader.load("builtin:floor_wall");
    PathSolverConfig cfg =
        PathSolverConfig.defaults().withMaxDepth(2).withMethod(PathSolverConfig.Method.EXHAUSTIVE);
    double[] ap = {1, 2, 3};
    double[] users = {6, -1, 1.5, -4, 3, 2};
    double[] f = SiteSweep.frequencies(3e9, 4e9, 201);
    double[][] p = SiteSweep.powers(scene, cfg, ap, users, f, x -> {});
    SceneGeometry g = SceneGeometry.of(scene.withoutDevices());
    for (int u = 0; u < 2; u++) {
      double[] tx = {users[3 * u], users[3 * u + 1], users[3 * u + 2]};
      PathSet ps = new PathSolver(cfg).solve(g, tx, ap, ForkJoinPool.commonPool());
      double[] ref =
          FadingSampler.frequencySamples(
              FieldEvaluator.forScene(ps, g),
              g.materials(g.scene()),
              0,
              3e9,
              4e9,
              201,
              50e6,
              false);
      for (int k = 0; k < f.length; k++) {
        double r = f[k] / 3.5e9;
        assertThat(p[u][k]).isCloseTo(ref[k] * r * r, within(1e-9 * ref[k] + 1e-300));
      }
    }
  }
}
