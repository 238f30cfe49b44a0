package org.radiotwin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

class FadingSamplerTest {

  static final PathSolverConfig EXACT =
      PathSolverConfig.defaults().withMaxDepth(1).withMethod(PathSolverConfig.Method.EXHAUSTIVE);

  static SceneGeometry metalGround() {
    TriangleMesh ground =
        new TriangleMesh(
            new double[] {-500, -500, 0, 500, -500, 0, 500, 500, 0, -500, 500, 0},
            new int[] {0, 1, 2, 0, 2, 3});
    return SceneGeometry.of(
        Scene.of(
            List.of(
                new SceneObject(
                    "ground", ground, RadioMaterial.itu("itu_metal", ItuMaterialType.METAL)))));
  }

  @Test
  void twoPathFrequencySweepSpansTheInterferenceEnvelope() {
    // |H(f)|² = |a1|² + |a2|² + 2|a1||a2|cos(2πfΔτ + φ): over many periods its extremes approach
    // (|a1| ± |a2|)² (with a1, a2 the coefficients at each frequency).
    SceneGeometry g = metalGround();
    double[] tx = {0, 0, 20};
    double[] rx = {20, 0, 10};
    PathSet ps = new PathSolver(EXACT).solve(g, tx, rx, ForkJoinPool.commonPool());
    FieldEvaluator fe = FieldEvaluator.forScene(ps, g);
    RadioMaterial[] m = g.materials(g.scene());
    double[] p = FadingSampler.frequencySamples(fe, m, 0, 3.4e9, 3.6e9, 2001, 50e6, false);
    PathCoefficients c = fe.evaluate(3.5e9, m, false);
    double a1 = c.a(0, 0, 0).abs();
    double a2 = c.a(1, 0, 0).abs();
    EmpiricalDistribution d = new EmpiricalDistribution(p);
    // ΔL = √1300 − √500 ≈ 13.7 m: a period of ≈ 22 MHz, 9 periods over 200 MHz. Across the band the
    // coefficients scale with λ (±3 %), so the peak lies within the (λ/λc)² range of (a1 + a2)².
    double peak = (a1 + a2) * (a1 + a2);
    assertThat(d.orderStatistic(p.length))
        .isBetween(peak * Math.pow(3.5 / 3.6, 2) * 0.99, peak * Math.pow(3.5 / 3.4, 2) * 1.01);
    assertThat(d.orderStatistic(1)).isLessThan(3 * (a1 - a2) * (a1 - a2));
    // The sample at 3.5 GHz (tone 1000) is the coherent sum of the two path taps, with the
    // coefficients of its 50 MHz sub-band (tones 1000–1499, centre 3.52495 GHz).
    PathCoefficients sub = fe.evaluate(3.52495e9, m, false);
    double tau1 = ps.delay(0);
    double tau2 = ps.delay(1);
    double re = 0;
    double im = 0;
    for (int i = 0; i < 2; i++) {
      double ph = -2 * Math.PI * 3.5e9 * (i == 0 ? tau1 : tau2);
      re += sub.re(i, 0, 0) * Math.cos(ph) - sub.im(i, 0, 0) * Math.sin(ph);
      im += sub.re(i, 0, 0) * Math.sin(ph) + sub.im(i, 0, 0) * Math.cos(ph);
    }
    assertThat(p[1000]).isCloseTo(re * re + im * im, within(1e-9 * (re * re + im * im)));
  }

  @Test
  void locationSamplesInFreeSpaceAreFlat() {
    // No scene: |H|² = (λ/4πd)² at every displacement; d varies by less than 0.1 % over the grid.
    SceneGeometry g = SceneGeometry.of(Scene.empty());
    double lambda = PhysicalConstants.SPEED_OF_LIGHT / 3.5e9;
    double[] p =
        FadingSampler.locationSamples(
            g,
            EXACT,
            new double[] {0, 0, 10},
            new double[] {200, 0, 1.5},
            5,
            5,
            lambda / 4,
            3.5e9,
            new RadioMaterial[0],
            false);
    assertThat(p).hasSize(25);
    double d = Math.sqrt(200 * 200 + 8.5 * 8.5);
    double expected = Math.pow(lambda / (4 * Math.PI * d), 2);
    for (double v : p) {
      assertThat(v).isCloseTo(expected, within(0.002 * expected));
    }
  }
}
