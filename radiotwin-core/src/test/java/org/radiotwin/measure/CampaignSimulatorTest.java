package org.radiotwin.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.channel.Channel;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.BuiltinScenes;

class CampaignSimulatorTest {

  static final PathSolverConfig PATHS =
      PathSolverConfig.defaults().withMaxDepth(2).withSamples(100_000, 5);

  static final double[] TX = {
    -30, 2, 1.5, 10, -5, 1.5, 40, 4, 1.5, -60, -3, 1.5, 15, 12, 1.5, -10, -12, 1.5
  };

  static double[] fixedRx(int n) {
    double[] rx = new double[3 * n];
    for (int i = 0; i < n; i++) {
      rx[3 * i + 2] = 15;
    }
    return rx;
  }

  @Test
  void noiseFreeSweepIsTheChannelFrequencyResponse() {
    // One sub-band (20 MHz < 50 MHz): the sweep equals the CFR of the traced paths evaluated at
    // the band centre.
    Scene s = BuiltinScenes.load("simple_street_canyon");
    CampaignSimulator.Settings st =
        new CampaignSimulator.Settings(
            3.49e9, 3.51e9, 21, Double.POSITIVE_INFINITY, 0, 1, PATHS, false);
    MeasurementSet m =
        CampaignSimulator.simulate(
            s, new double[] {10, -5, 1.5}, new double[] {0, 0, 15}, st, f -> {});
    SceneGeometry g = SceneGeometry.of(s);
    PathSet ps =
        new PathSolver(PATHS)
            .solve(
                g, new double[] {10, -5, 1.5}, new double[] {0, 0, 15}, ForkJoinPool.commonPool());
    double[] h = new double[42];
    new Channel(FieldEvaluator.forScene(ps, g).evaluate(3.5e9))
        .cfrUniform(0, 0, 0, -1e7, 1e6, 21, false, h);
    for (int k = 0; k < 21; k++) {
      assertThat(m.re(0, k)).isCloseTo(h[2 * k], within(1e-12 * Math.abs(h[2 * k]) + 1e-18));
      assertThat(m.im(0, k))
          .isCloseTo(h[2 * k + 1], within(1e-12 * Math.abs(h[2 * k + 1]) + 1e-18));
    }
  }

  @Test
  void realityWithDiffuseScattering() {
    // A rough canyon (S = 0.6 everywhere) measured with diffuse paths: the sweep is the CFR of
    // all paths, diffuse ones included.
    Scene s = BuiltinScenes.load("simple_street_canyon");
    for (RadioMaterial mat : List.copyOf(s.materials().values())) {
      s = s.withMaterial(mat.withScattering(0.6, 0.1));
    }
    PathSolverConfig diffuse =
        PathSolverConfig.defaults().withMaxDepth(1).withSamples(20_000, 1).withDiffuse(true);
    double[] tx = {10, -5, 1.5};
    double[] rx = {0, 0, 15};
    MeasurementSet m =
        CampaignSimulator.simulate(
            s,
            tx,
            rx,
            new CampaignSimulator.Settings(
                3.49e9, 3.51e9, 21, Double.POSITIVE_INFINITY, 0, 1, diffuse, false),
            f -> {});
    SceneGeometry g = SceneGeometry.of(s);
    PathSet ps = new PathSolver(diffuse).solve(g, tx, rx, ForkJoinPool.commonPool());
    int diffusePaths = 0;
    for (int p = 0; p < ps.pathCount(); p++) {
      diffusePaths += ps.isDiffuse(p) ? 1 : 0;
    }
    assertThat(diffusePaths).isGreaterThan(100);
    double[] h = new double[42];
    new Channel(FieldEvaluator.forScene(ps, g).evaluate(3.5e9))
        .cfrUniform(0, 0, 0, -1e7, 1e6, 21, false, h);
    for (int k = 0; k < 21; k++) {
      assertThat(m.re(0, k)).isCloseTo(h[2 * k], within(1e-9 * Math.abs(h[2 * k]) + 1e-15));
      assertThat(m.im(0, k)).isCloseTo(h[2 * k + 1], within(1e-9 * Math.abs(h[2 * k + 1]) + 1e-15));
    }
  }

  @Test
  void snrAndDeterminism() {
    Scene s = BuiltinScenes.load("simple_street_canyon");
    CampaignSimulator.Settings clean =
        new CampaignSimulator.Settings(
            3.4e9, 3.6e9, 401, Double.POSITIVE_INFINITY, 0, 1, PATHS, false);
    CampaignSimulator.Settings noisy =
        new CampaignSimulator.Settings(3.4e9, 3.6e9, 401, 20, 0, 1, PATHS, false);
    MeasurementSet a = CampaignSimulator.simulate(s, TX, fixedRx(6), clean, f -> {});
    MeasurementSet b = CampaignSimulator.simulate(s, TX, fixedRx(6), noisy, f -> {});
    assertThat(CampaignSimulator.simulate(s, TX, fixedRx(6), noisy, f -> {})).isEqualTo(b);
    // Noise power / signal power = 10^(−20/10) = 0.01 per position, within sampling error
    // (401 complex samples: relative std ≈ 5 %).
    for (int p = 0; p < 6; p++) {
      double err = 0;
      for (int k = 0; k < 401; k++) {
        double dr = b.re(p, k) - a.re(p, k);
        double di = b.im(p, k) - a.im(p, k);
        err += dr * dr + di * di;
      }
      assertThat(err / 401 / a.meanPower(p)).isCloseTo(0.01, within(0.002));
    }
  }

  @Test
  void realityWithCarsDiffersFromTheAllBrickTwin() {
    // Reality: the street canyon with cars, true materials, per-path phase errors and 25 dB SNR.
    // Twin: the same street without cars, every material itu_brick (seed 004). The twin's gap
    // must clearly exceed the gap of the reality against itself measured again (noise floor).
    Scene reality = BuiltinScenes.load("simple_street_canyon_with_cars");
    Scene twin = BuiltinScenes.load("simple_street_canyon");
    for (RadioMaterial m : List.copyOf(twin.materials().values())) {
      twin = twin.withMaterial(RadioMaterial.itu(m.name(), ItuMaterialType.BRICK, m.thickness()));
    }
    CampaignSimulator.Settings measured =
        new CampaignSimulator.Settings(3.3e9, 3.7e9, 801, 25, 10, 3, PATHS, false);
    CampaignSimulator.Settings again =
        new CampaignSimulator.Settings(3.3e9, 3.7e9, 801, 25, 10, 4, PATHS, false);
    CampaignSimulator.Settings clean =
        new CampaignSimulator.Settings(
            3.3e9, 3.7e9, 801, Double.POSITIVE_INFINITY, 0, 1, PATHS, false);
    MeasurementSet real = CampaignSimulator.simulate(reality, TX, fixedRx(6), measured, f -> {});
    MeasurementSet real2 = CampaignSimulator.simulate(reality, TX, fixedRx(6), again, f -> {});
    MeasurementSet sim = CampaignSimulator.simulate(twin, TX, fixedRx(6), clean, f -> {});
    SimToRealGap floor = SimToRealGap.between(real, real2, 0.01);
    SimToRealGap gap = SimToRealGap.between(real, sim, 0.01);
    assertThat(gap.meanAbsPowerGapDb()).isGreaterThan(2 * floor.meanAbsPowerGapDb());
    assertThat(gap.meanAbsQuantileGapDb()).isGreaterThan(2 * floor.meanAbsQuantileGapDb());
    assertThat(gap.meanAbsQuantileGapDb()).isGreaterThan(1.0);
  }
}
