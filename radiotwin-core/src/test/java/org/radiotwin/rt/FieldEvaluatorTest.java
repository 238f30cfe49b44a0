package org.radiotwin.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.channel.Channel;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.SlabCoefficients;
import org.radiotwin.math.Complex;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Polarization;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

class FieldEvaluatorTest {

  static final double F = 3.5e9;
  static final double LAMBDA = PhysicalConstants.SPEED_OF_LIGHT / F;
  static final PathSolverConfig EXACT =
      PathSolverConfig.defaults().withMethod(PathSolverConfig.Method.EXHAUSTIVE).withMaxDepth(1);

  static TriangleMesh quad(double[] a, double[] b, double[] c, double[] d) {
    return new TriangleMesh(
        new double[] {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2], d[0], d[1], d[2]},
        new int[] {0, 1, 2, 0, 2, 3});
  }

  static PathCoefficients trace(
      Scene scene,
      double[] tx,
      double[] rx,
      PlanarArray txArray,
      PlanarArray rxArray,
      PathSolverConfig cfg) {
    SceneGeometry g = SceneGeometry.of(scene);
    PathSet ps = new PathSolver(cfg).solve(g, tx, rx, ForkJoinPool.commonPool());
    return new FieldEvaluator(
            ps,
            g,
            txArray,
            new Orientation[] {Orientation.IDENTITY},
            rxArray,
            new Orientation[] {Orientation.IDENTITY})
        .evaluate(F);
  }

  @Test
  void freeSpace() {
    // |a| = λ/(4πd), τ = d/c; d = 10 m at 3.5 GHz gives −63.3291 dB (METHODS.md §1).
    PathCoefficients c =
        trace(
            Scene.empty(),
            new double[] {0, 0, 1},
            new double[] {10, 0, 1},
            PlanarArray.isotropic(),
            PlanarArray.isotropic(),
            EXACT);
    assertThat(c.paths().pathCount()).isEqualTo(1);
    Complex a = c.a(0, 0, 0);
    assertThat(a.re()).isCloseTo(LAMBDA / (4 * Math.PI * 10), within(1e-15));
    assertThat(a.im()).isCloseTo(0, within(1e-18));
    assertThat(20 * Math.log10(a.abs())).isCloseTo(-63.3291, within(5e-5));
    assertThat(c.paths().delay(0)).isCloseTo(10 / PhysicalConstants.SPEED_OF_LIGHT, within(1e-20));
    // The channel: path gain and a CFR that is flat in magnitude with the LoS phase.
    Channel ch = new Channel(c);
    assertThat(10 * Math.log10(ch.pathGain(0))).isCloseTo(-63.3291, within(5e-5));
    double[] h = new double[4];
    ch.cfr(0, 0, 0, new double[] {0, 1e6}, false, h);
    double phase0 = -2 * Math.PI * F * 10 / PhysicalConstants.SPEED_OF_LIGHT;
    assertThat(Math.atan2(h[1], h[0]))
        .isCloseTo(Math.IEEEremainder(phase0, 2 * Math.PI), within(1e-9));
    assertThat(Math.hypot(h[2], h[3])).isCloseTo(a.abs(), within(1e-15));
    assertThat(ch.rmsDelaySpread(0, 0, 0)).isEqualTo(0.0);
    double[] u = new double[4];
    ch.cfrUniform(0, 0, 0, 0, 1e6, 2, false, u);
    for (int k = 0; k < 4; k++) {
      assertThat(u[k]).isCloseTo(h[k], within(1e-15));
    }
  }

  static void twoRay(RadioMaterial ground) {
    // Ground z = 0; tx at height 10 m, rx at 2 m, 50 m apart. Reflected path: L = √(50² + 12²),
    // grazing angle ψ = atan(12/50), incidence from the normal θ = π/2 − ψ. In the s/p bases a
    // vertically polarised (θ̂) wave is the TM component and a = +R_tm·λ/(4πL); a horizontally
    // polarised (φ̂) one is TE and a = −R_te·λ/(4πL) (its LoS coefficient is −λ/(4πd) too).
    Scene scene =
        Scene.of(
            List.of(
                new SceneObject(
                    "ground",
                    quad(
                        new double[] {-500, -500, 0},
                        new double[] {500, -500, 0},
                        new double[] {500, 500, 0},
                        new double[] {-500, 500, 0}),
                    ground)));
    double[] tx = {0, 0, 10};
    double[] rx = {50, 0, 2};
    double l = Math.sqrt(50 * 50 + 12 * 12);
    double cos = 12 / l;
    SlabCoefficients.SlabResponse s = SlabCoefficients.compute(ground, F, cos, false);
    double scale = LAMBDA / (4 * Math.PI * l);
    PathSolverConfig cfg = EXACT.withInteractions(true, true, false);
    PathCoefficients v =
        trace(scene, tx, rx, PlanarArray.isotropic(), PlanarArray.isotropic(), cfg);
    assertThat(v.paths().pathCount()).isEqualTo(2);
    assertThat(v.paths().length(1)).isCloseTo(l, within(1e-12));
    assertThat(v.a(1, 0, 0).sub(s.rTm().mul(scale)).abs()).isLessThan(1e-12 * scale);
    PlanarArray h = PlanarArray.single(AntennaPattern.ISO, Polarization.H);
    PathCoefficients hh = trace(scene, tx, rx, h, h, cfg);
    assertThat(hh.a(1, 0, 0).sub(s.rTe().mul(-scale)).abs()).isLessThan(1e-12 * scale);
    assertThat(hh.a(0, 0, 0).re())
        .isCloseTo(-LAMBDA / (4 * Math.PI * Math.sqrt(2500 + 64)), within(1e-15));
    // No cross-polarisation in the plane of incidence.
    assertThat(trace(scene, tx, rx, PlanarArray.isotropic(), h, cfg).a(1, 0, 0).abs())
        .isLessThan(1e-18);
  }

  @Test
  void twoRayGroundReflection() {
    twoRay(RadioMaterial.itu("itu_medium_dry_ground", ItuMaterialType.MEDIUM_DRY_GROUND));
    twoRay(RadioMaterial.itu("itu_metal", ItuMaterialType.METAL));
  }

  @Test
  void brickSlabAtNormalIncidence() {
    // Wall x = 0. Transmission: a = T_te·λ/(4πd), the co-polarised wave keeps its sign.
    // Reflection back along the x axis: a = R_te·λ/(4πL) for V and for H (R_tm = −R_te there, and
    // the p basis vector turns round with the wave).
    RadioMaterial brick = RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK);
    Scene scene =
        Scene.of(
            List.of(
                new SceneObject(
                    "wall",
                    quad(
                        new double[] {0, -5, -5},
                        new double[] {0, 5, -5},
                        new double[] {0, 5, 5},
                        new double[] {0, -5, 5}),
                    brick)));
    SlabCoefficients.SlabResponse s = SlabCoefficients.compute(brick, F, 1.0, false);
    PlanarArray v = PlanarArray.isotropic();
    PlanarArray h = PlanarArray.single(AntennaPattern.ISO, Polarization.H);
    PathCoefficients t = trace(scene, new double[] {-5, 0, 0}, new double[] {5, 0, 0}, v, v, EXACT);
    assertThat(t.paths().pathCount()).isEqualTo(1);
    double st = LAMBDA / (4 * Math.PI * 10);
    assertThat(t.a(0, 0, 0).sub(s.tTe().mul(st)).abs()).isLessThan(1e-13 * st);
    PathSolverConfig reflOnly = EXACT.withInteractions(false, true, false);
    double sr = LAMBDA / (4 * Math.PI * 8);
    for (PlanarArray arr : new PlanarArray[] {v, h}) {
      PathCoefficients r =
          trace(scene, new double[] {-5, 0, 0}, new double[] {-3, 0, 0}, arr, arr, reflOnly);
      assertThat(r.paths().pathCount()).isEqualTo(1);
      assertThat(r.a(0, 0, 0).sub(s.rTe().mul(sr)).abs()).isLessThan(1e-13 * sr);
    }
  }

  @Test
  void directionalAntennasFollowFriis() {
    // |a|² = (λ/4πr)²·G_t·G_r: tr38901 at boresight (8 dBi) to a half-wave dipole broadside.
    PlanarArray tx = PlanarArray.single(AntennaPattern.TR38901, Polarization.V);
    PlanarArray rx = PlanarArray.single(AntennaPattern.HW_DIPOLE, Polarization.V);
    PathCoefficients c =
        trace(Scene.empty(), new double[] {0, 0, 0}, new double[] {100, 0, 0}, tx, rx, EXACT);
    double expectedDb = 20 * Math.log10(LAMBDA / (4 * Math.PI * 100)) + 8 + 10 * Math.log10(1.643);
    assertThat(20 * Math.log10(c.a(0, 0, 0).abs())).isCloseTo(expectedDb, within(1e-3));
  }

  @Test
  void syntheticArrayPhases() {
    // A 1×4 receive array along y, 0.5λ spacing, wave from +y direction (endfire): element
    // phases step by π, so coefficients alternate in sign; broadside (from +x) they are equal.
    PlanarArray ula = new PlanarArray(1, 4, 0.5, 0.5, AntennaPattern.ISO, Polarization.V);
    PathCoefficients broad =
        trace(
            Scene.empty(),
            new double[] {50, 0, 0},
            new double[] {0, 0, 0},
            PlanarArray.isotropic(),
            ula,
            EXACT);
    PathCoefficients end =
        trace(
            Scene.empty(),
            new double[] {0, 50, 0},
            new double[] {0, 0, 0},
            PlanarArray.isotropic(),
            ula,
            EXACT);
    assertThat(broad.rxAntennaCount()).isEqualTo(4);
    for (int r = 1; r < 4; r++) {
      assertThat(broad.a(0, r, 0).sub(broad.a(0, 0, 0)).abs()).isLessThan(1e-15);
      Complex ratio = end.a(0, r, 0).div(end.a(0, r - 1, 0));
      assertThat(ratio.re()).isCloseTo(-1, within(1e-9));
      assertThat(ratio.im()).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void derivativesMatchFiniteDifferences() {
    // Concrete floor and brick wall, depth 2, every path's ∂a/∂η_r and ∂a/∂σ of both materials.
    RadioMaterial concrete = RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE);
    RadioMaterial brick = RadioMaterial.custom("wall", 4.2, 0.05, 0.2);
    Scene scene =
        Scene.of(
            List.of(
                new SceneObject(
                    "floor",
                    quad(
                        new double[] {-50, -50, 0},
                        new double[] {50, -50, 0},
                        new double[] {50, 50, 0},
                        new double[] {-50, 50, 0}),
                    concrete),
                new SceneObject(
                    "wall",
                    quad(
                        new double[] {20, -50, 0},
                        new double[] {20, 50, 0},
                        new double[] {20, 50, 20},
                        new double[] {20, -50, 20}),
                    brick)));
    SceneGeometry g = SceneGeometry.of(scene);
    PathSet ps =
        new PathSolver(EXACT.withMaxDepth(2))
            .solve(g, new double[] {0, 0, 5}, new double[] {10, 3, 1.5}, ForkJoinPool.commonPool());
    FieldEvaluator fe =
        new FieldEvaluator(
            ps,
            g,
            PlanarArray.isotropic(),
            new Orientation[] {Orientation.IDENTITY},
            PlanarArray.isotropic(),
            new Orientation[] {Orientation.IDENTITY});
    RadioMaterial[] mats = g.materials(scene);
    PathCoefficients d = fe.evaluateWithDerivatives(F, mats, new int[] {0, 1}, false);
    PathCoefficients plain = fe.evaluate(F, mats, false);
    assertThat(ps.pathCount()).isGreaterThanOrEqualTo(4);
    assertThat(d.parameterCount()).isEqualTo(4);
    for (int p = 0; p < ps.pathCount(); p++) {
      assertThat(d.a(p, 0, 0).sub(plain.a(p, 0, 0)).abs()).isLessThan(1e-18);
    }
    double[] etaR = {5.24, 4.2};
    double[] sigma = {0.0462 * Math.pow(3.5, 0.7822), 0.05};
    for (int k = 0; k < 4; k++) {
      int m = k / 2;
      boolean isSigma = k % 2 == 1;
      double base = isSigma ? sigma[m] : etaR[m];
      double h = 1e-6 * base;
      RadioMaterial[] up = mats.clone();
      RadioMaterial[] dn = mats.clone();
      up[m] = custom(mats[m], isSigma ? etaR[m] : base + h, isSigma ? base + h : sigma[m]);
      dn[m] = custom(mats[m], isSigma ? etaR[m] : base - h, isSigma ? base - h : sigma[m]);
      PathCoefficients cu = fe.evaluate(F, up, false);
      PathCoefficients cd = fe.evaluate(F, dn, false);
      for (int p = 0; p < ps.pathCount(); p++) {
        Complex fd = cu.a(p, 0, 0).sub(cd.a(p, 0, 0)).div(2 * h);
        Complex an = d.derivative(k, p, 0, 0);
        assertThat(an.sub(fd).abs())
            .as("param %d path %d", k, p)
            .isLessThan(1e-6 * Math.max(fd.abs(), 1e-12) + 1e-14);
      }
    }
  }

  private static RadioMaterial custom(RadioMaterial like, double etaR, double sigma) {
    return RadioMaterial.custom(like.name(), etaR, sigma, like.thickness());
  }
}
