package org.radiotwin.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.Complex;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

class ChannelTest {

  /** Two-ray channel over a metal ground: LoS plus one ground reflection. */
  static PathCoefficients twoRay() {
    TriangleMesh ground =
        new TriangleMesh(
            new double[] {-500, -500, 0, 500, -500, 0, 500, 500, 0, -500, 500, 0},
            new int[] {0, 1, 2, 0, 2, 3});
    Scene scene =
        Scene.of(
            List.of(
                new SceneObject(
                    "ground", ground, RadioMaterial.itu("itu_metal", ItuMaterialType.METAL))));
    SceneGeometry g = SceneGeometry.of(scene);
    PathSet ps =
        new PathSolver(
                PathSolverConfig.defaults()
                    .withMaxDepth(1)
                    .withMethod(PathSolverConfig.Method.EXHAUSTIVE))
            .solve(g, new double[] {0, 0, 20}, new double[] {100, 0, 2}, ForkJoinPool.commonPool());
    return new FieldEvaluator(
            ps,
            g,
            PlanarArray.isotropic(),
            new Orientation[] {Orientation.IDENTITY},
            PlanarArray.isotropic(),
            new Orientation[] {Orientation.IDENTITY})
        .evaluate(3.5e9);
  }

  @Test
  void delaySpreadOfTwoPathsHasAClosedForm() {
    // Two paths with powers p1, p2 and delays τ1, τ2: σ_τ = √(p1·p2)/(p1 + p2)·|τ2 − τ1|.
    PathCoefficients c = twoRay();
    PathSet ps = c.paths();
    assertThat(ps.pathCount()).isEqualTo(2);
    double p1 = c.a(0, 0, 0).abs2();
    double p2 = c.a(1, 0, 0).abs2();
    double expected = Math.sqrt(p1 * p2) / (p1 + p2) * Math.abs(ps.delay(1) - ps.delay(0));
    Channel ch = new Channel(c);
    assertThat(ch.rmsDelaySpread(0, 0, 0)).isCloseTo(expected, within(1e-12 * expected));
    assertThat(ch.pathGain(0)).isCloseTo(p1 + p2, within(1e-15 * (p1 + p2)));
    assertThat(ch.minDelay(0)).isEqualTo(ps.delay(0));
  }

  @Test
  void tapsAreSincInterpolatedAndCirCarriesTheCarrierPhase() {
    PathCoefficients c = twoRay();
    PathSet ps = c.paths();
    Channel ch = new Channel(c);
    double[] taps = new double[4];
    double[] delays = new double[2];
    ch.cir(0, 0, 0, taps, delays);
    Complex[] cir = new Complex[2];
    for (int i = 0; i < 2; i++) {
      cir[i] = c.a(i, 0, 0).mul(Complex.expj(-2 * Math.PI * 3.5e9 * ps.delay(i)));
      assertThat(taps[2 * i]).isCloseTo(cir[i].re(), within(1e-15));
      assertThat(delays[i]).isEqualTo(ps.delay(i));
    }
    double b = 100e6;
    double[] h = new double[2 * 27];
    ch.taps(0, 0, 0, b, -6, 20, true, h);
    for (int l = -6; l <= 20; l++) {
      Complex expect = Complex.ZERO;
      for (int i = 0; i < 2; i++) {
        double x = l - b * (ps.delay(i) - ps.delay(0));
        double sinc = x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        expect = expect.add(cir[i].mul(sinc));
      }
      int k = l + 6;
      assertThat(h[2 * k]).isCloseTo(expect.re(), within(1e-15));
      assertThat(h[2 * k + 1]).isCloseTo(expect.im(), within(1e-15));
    }
    // Σ_l sinc(l − x_i)·sinc(l − x_j) = sinc(x_i − x_j), so the tap energy is
    // |c0|² + |c1|² + 2·Re(c0·c1*)·sinc(BΔτ), up to the truncated sinc tails.
    double e = 0;
    for (int k = 0; k < 27; k++) {
      e += h[2 * k] * h[2 * k] + h[2 * k + 1] * h[2 * k + 1];
    }
    double expected =
        cir[0].abs2()
            + cir[1].abs2()
            + 2 * cir[0].mul(cir[1].conj()).re() * sincAt(b * (ps.delay(1) - ps.delay(0)));
    assertThat(e).isCloseTo(expected, within(0.02 * expected));
  }

  private static double sincAt(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }
}
