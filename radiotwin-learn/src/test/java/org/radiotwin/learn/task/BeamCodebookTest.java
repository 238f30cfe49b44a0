package org.radiotwin.learn.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.antenna.ArrayGeometry;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Polarization;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;

class BeamCodebookTest {

  @Test
  void aPlaneWaveFromACodebookDirectionSelectsThatBeamWithFullArrayGain() {
    double lambda = 0.01;
    BeamCodebook cb = new BeamCodebook(4, 6, 0.5, lambda);
    // beam (r, c) = (1, 4): cos θ = −1 + 3/4, sin φ = −1 + 9/6
    double cosT = -0.25;
    double sinP = 0.5;
    double sinT = Math.sqrt(1 - cosT * cosT);
    double cosP = Math.sqrt(1 - sinP * sinP);
    double[] h = new double[2 * cb.size()];
    ArrayGeometry.arrayResponse(cb.elementOffsets(), lambda, sinT * cosP, sinT * sinP, cosT, h);
    for (int k = 0; k < h.length; k++) {
      h[k] *= 0.3; // path amplitude 0.3
    }
    double[] g = new double[cb.size()];
    cb.gains(h, g);
    int best = 0;
    for (int b = 1; b < g.length; b++) {
      best = g[b] > g[best] ? b : best;
    }
    assertThat(best).isEqualTo(1 * 6 + 4);
    // |wᴴh|² = |Σ_k a_k* 0.3 a_k|²/N = N·0.09: the array gain N = 24 times the element power.
    assertThat(g[best]).isCloseTo(24 * 0.09, within(1e-12));
  }

  @Test
  void syntheticArrayChannelEqualsTheFieldEvaluatorsPerElementChannel() {
    // The survey builds h_k from the centre coefficient and the synthetic-array phase; the
    // FieldEvaluator with the same 2×3 isotropic array at the transmitter computes every element
    // directly. The beam gains must agree.
    double f = 28e9;
    Scene scene = SceneLoader.load("builtin:simple_street_canyon");
    double[] ue = {10, -3, 1.5, 30, 4, 1.5, -10, 20, 1.5};
    Vec3 bs = new Vec3(-45, 0, 12);
    PathSolverConfig cfg = PathSolverConfig.defaults().withMaxDepth(2).withSamples(20_000, 3);
    BeamCodebook cb = new BeamCodebook(2, 3, 0.5, PhysicalConstants.wavelength(f));
    SiteSurvey s = SiteSurvey.trace(scene, bs, ue, cb, f, cfg, ForkJoinPool.commonPool(), x -> {});

    Scene arr =
        scene
            .withoutDevices()
            .withArrays(
                new PlanarArray(2, 3, 0.5, 0.5, AntennaPattern.ISO, Polarization.V),
                PlanarArray.isotropic());
    SceneGeometry g = SceneGeometry.of(arr);
    PathSet paths = new PathSolver(cfg).solve(g, bs.toArray(), ue, ForkJoinPool.commonPool());
    PathCoefficients a = FieldEvaluator.forScene(paths, g).evaluate(f);
    double[] gains = new double[6];
    for (int rx = 0; rx < 3; rx++) {
      double[] h = new double[12];
      int link = paths.link(rx, 0);
      for (int p = paths.firstPath(link); p < paths.firstPath(link) + paths.pathCount(link); p++) {
        double ph = -2 * Math.PI * f * paths.delay(p);
        for (int k = 0; k < 6; k++) {
          double ar = a.re(p, 0, k);
          double ai = a.im(p, 0, k);
          h[2 * k] += ar * Math.cos(ph) - ai * Math.sin(ph);
          h[2 * k + 1] += ar * Math.sin(ph) + ai * Math.cos(ph);
        }
      }
      cb.gains(h, gains);
      assertThat(s.pathCounts()[rx]).isPositive();
      for (int b = 0; b < 6; b++) {
        assertThat(s.beamGain(rx, b)).isCloseTo(gains[b], within(1e-9 * gains[b] + 1e-30));
      }
    }
  }
}
