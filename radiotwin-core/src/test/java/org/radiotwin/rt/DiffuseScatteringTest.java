package org.radiotwin.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.ScatteringPattern;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Polarization;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

class DiffuseScatteringTest {

  static final double F = 3.5e9;
  static final double LAMBDA = PhysicalConstants.SPEED_OF_LIGHT / F;

  // A 1 m² metal plate in the plane x = 0 (normal +x), centred on the origin; transmitter and
  // receiver in the horizontal plane through its centre, at θ_i = 30° and θ_s = 20° on the other
  // side of the normal (10° off the specular direction).
  static final double RI = 10;
  static final double RS = 8;
  static final double THETA_I = Math.toRadians(30);
  static final double THETA_S = Math.toRadians(20);
  static final double[] TX = {RI * Math.cos(THETA_I), RI * Math.sin(THETA_I), 0};
  static final double[] RX = {RS * Math.cos(THETA_S), -RS * Math.sin(THETA_S), 0};
  static final int RAYS = 1_000_000;

  static SceneGeometry plate;
  static PathSet tile;

  static Scene plate(RadioMaterial m) {
    return Scene.of(
        List.of(
            new SceneObject(
                "plate",
                FieldEvaluatorTest.quad(
                    new double[] {0, -0.5, -0.5},
                    new double[] {0, 0.5, -0.5},
                    new double[] {0, 0.5, 0.5},
                    new double[] {0, -0.5, 0.5}),
                m)));
  }

  static RadioMaterial metal(double s, double xpd, ScatteringPattern p) {
    return RadioMaterial.itu("metal", ItuMaterialType.METAL)
        .withScattering(s, xpd)
        .withScatteringPattern(p);
  }

  @BeforeAll
  static void traceOnce() {
    // Only diffuse paths: no LoS, no specular reflection, no transmission.
    plate = SceneGeometry.of(plate(metal(1, 0, ScatteringPattern.LAMBERTIAN)));
    PathSolverConfig cfg =
        PathSolverConfig.defaults()
            .withMaxDepth(1)
            .withInteractions(false, false, false)
            .withSamples(RAYS, 7)
            .withDiffuse(true);
    tile = new PathSolver(cfg).solve(plate, TX, RX, ForkJoinPool.commonPool());
  }

  static FieldEvaluator evaluator(PlanarArray txArray, PlanarArray rxArray) {
    return new FieldEvaluator(
        tile,
        plate,
        txArray,
        new Orientation[] {Orientation.IDENTITY},
        rxArray,
        new Orientation[] {Orientation.IDENTITY});
  }

  static double power(PathCoefficients c) {
    double p = 0;
    for (int i = 0; i < c.paths().pathCount(); i++) {
      p += c.a(i, 0, 0).abs2();
    }
    return p;
  }

  @Test
  void diffusePathsEndOnThePlateAndCarryTheRaySolidAngle() {
    assertThat(tile.pathCount()).isGreaterThan(500);
    for (int p = 0; p < tile.pathCount(); p++) {
      assertThat(tile.depth(p)).isEqualTo(1);
      assertThat(tile.type(tile.firstInteraction(p))).isEqualTo(InteractionType.DIFFUSE);
      assertThat(tile.isDiffuse(p)).isTrue();
      assertThat(tile.diffuseSolidAngle(p)).isEqualTo(4 * Math.PI / RAYS);
      assertThat(Math.abs(tile.point(tile.firstInteraction(p), 0))).isLessThan(1e-9);
    }
    assertThat(InteractionType.DIFFUSE.label()).isEqualTo("diffuse");
  }

  @Test
  void farFieldTileMatchesTheClosedForm() {
    // Degli-Esposti 2007 eq. 8 for one tile of area dA = 1 m², perfect conductor (Γ = 1):
    // |a|² = (λ/4π)²·S²·cos θ_i·dA·f_s/(r_i·r_s)². The sum of the diffuse paths' powers is a
    // quadrature of the same integral over the plate; the plate is small against r_i and r_s, so
    // the two agree within the far-field error (second order in 0.5 m/8 m) and the ray sampling.
    double cosI = Math.cos(THETA_I);
    double cosS = Math.cos(THETA_S);
    double krKs = Math.cos(THETA_I - THETA_S); // specular direction at 30°, receiver at 20°
    double kiKs = -Math.cos(THETA_I + THETA_S);
    FieldEvaluator e = evaluator(PlanarArray.isotropic(), PlanarArray.isotropic());
    ScatteringPattern[] patterns = {
      ScatteringPattern.LAMBERTIAN,
      new ScatteringPattern.Directive(4),
      new ScatteringPattern.Backscattering(4, 2, 0.6)
    };
    for (ScatteringPattern pattern : patterns) {
      for (double s : new double[] {0.3, 0.7, 1}) {
        RadioMaterial m = metal(s, 0, pattern);
        double fs = pattern.value(cosI, cosS, krKs, kiKs);
        double expected =
            Math.pow(LAMBDA / (4 * Math.PI), 2) * s * s * cosI * 1.0 * fs / Math.pow(RI * RS, 2);
        double got = power(e.evaluate(F, new RadioMaterial[] {m}, false));
        assertThat(got / expected).as("%s S=%s", pattern, s).isCloseTo(1, within(0.015));
      }
    }
  }

  @Test
  void crossPolarisationDiscrimination() {
    // The incidence plane is horizontal, so a vertically polarised wave is the s component:
    // K_x = 0.5 leaves half of the co-polarised power, K_x = 1 moves all of it to H.
    PlanarArray v = PlanarArray.isotropic();
    PlanarArray h = PlanarArray.single(AntennaPattern.ISO, Polarization.H);
    FieldEvaluator vv = evaluator(v, v);
    FieldEvaluator vh = evaluator(v, h);
    RadioMaterial[] k0 = {metal(1, 0, ScatteringPattern.LAMBERTIAN)};
    RadioMaterial[] k5 = {metal(1, 0.5, ScatteringPattern.LAMBERTIAN)};
    RadioMaterial[] k1 = {metal(1, 1, ScatteringPattern.LAMBERTIAN)};
    double co = power(vv.evaluate(F, k0, false));
    assertThat(power(vh.evaluate(F, k0, false)) / co).isLessThan(1e-3);
    assertThat(power(vv.evaluate(F, k5, false)) / co).isCloseTo(0.5, within(2e-3));
    assertThat(power(vh.evaluate(F, k5, false)) / co).isCloseTo(0.5, within(2e-3));
    assertThat(power(vv.evaluate(F, k1, false)) / co).isLessThan(1e-3);
    assertThat(power(vh.evaluate(F, k1, false)) / co).isCloseTo(1, within(2e-3));
  }

  @Test
  void derivativesMatchFiniteDifferences() {
    // Specular and diffuse paths off a rough custom slab; exact forward-mode derivatives against
    // central differences in η_r, σ and S (layout 3k, 3k + 1, 3k + 2).
    RadioMaterial rough =
        RadioMaterial.custom("rough", 4.5, 0.08, 0.2)
            .withScattering(0.4, 0.2)
            .withScatteringPattern(new ScatteringPattern.Directive(3));
    SceneGeometry g = SceneGeometry.of(plate(rough));
    PathSolverConfig cfg =
        PathSolverConfig.defaults()
            .withMaxDepth(1)
            .withInteractions(false, true, false)
            .withSamples(100_000, 3)
            .withDiffuse(true);
    double[] rx = {RS * Math.cos(THETA_I), -RS * Math.sin(THETA_I), 0.1};
    PathSet ps = new PathSolver(cfg).solve(g, TX, rx, ForkJoinPool.commonPool());
    assertThat(ps.isDiffuse(0)).isFalse();
    assertThat(ps.type(ps.firstInteraction(0))).isEqualTo(InteractionType.SPECULAR);
    assertThat(ps.pathCount()).isGreaterThan(10);
    assertThat(ps.isDiffuse(ps.pathCount() - 1)).isTrue();
    FieldEvaluator e = FieldEvaluator.forScene(ps, g);
    RadioMaterial[] m = {rough};
    PathCoefficients d = e.evaluateWithDerivatives(F, m, new int[] {0}, false, true);
    PathCoefficients d2 = e.evaluateWithDerivatives(F, m, new int[] {0}, false);
    assertThat(d.parameterCount()).isEqualTo(3);
    int[] paths = {0, 1, ps.pathCount() / 2, ps.pathCount() - 1};
    double[] steps = {1e-5, 1e-7, 1e-6};
    for (int k = 0; k < 3; k++) {
      RadioMaterial plus = shifted(rough, k, steps[k]);
      RadioMaterial minus = shifted(rough, k, -steps[k]);
      PathCoefficients cp = e.evaluate(F, new RadioMaterial[] {plus}, false);
      PathCoefficients cm = e.evaluate(F, new RadioMaterial[] {minus}, false);
      for (int p : paths) {
        double fdRe = (cp.a(p, 0, 0).re() - cm.a(p, 0, 0).re()) / (2 * steps[k]);
        double fdIm = (cp.a(p, 0, 0).im() - cm.a(p, 0, 0).im()) / (2 * steps[k]);
        double scale = Math.hypot(fdRe, fdIm) + d.a(p, 0, 0).abs() * 1e-6;
        assertThat(d.derivative(k, p, 0, 0).re())
            .as("param %d path %d", k, p)
            .isCloseTo(fdRe, within(1e-4 * scale));
        assertThat(d.derivative(k, p, 0, 0).im())
            .as("param %d path %d", k, p)
            .isCloseTo(fdIm, within(1e-4 * scale));
        if (k < 2) {
          assertThat(d2.derivative(k, p, 0, 0).re()).isEqualTo(d.derivative(k, p, 0, 0).re());
        }
      }
    }
    // Specular: a ∝ √(1 − S²); diffuse: a ∝ S.
    int last = ps.pathCount() - 1;
    assertThat(d.derivative(2, last, 0, 0).re())
        .isCloseTo(d.a(last, 0, 0).re() / 0.4, within(1e-12));
    assertThat(d.derivative(2, 0, 0, 0).re())
        .isCloseTo(d.a(0, 0, 0).re() * -0.4 / (1 - 0.16), within(1e-12));
  }

  private static RadioMaterial shifted(RadioMaterial m, int k, double h) {
    return switch (k) {
      case 0 ->
          RadioMaterial.custom(
                  m.name(),
                  m.customRelativePermittivity() + h,
                  m.customConductivity(),
                  m.thickness())
              .withScattering(m.scatteringCoefficient(), m.xpdCoefficient())
              .withScatteringPattern(m.scatteringPattern());
      case 1 ->
          RadioMaterial.custom(
                  m.name(),
                  m.customRelativePermittivity(),
                  m.customConductivity() + h,
                  m.thickness())
              .withScattering(m.scatteringCoefficient(), m.xpdCoefficient())
              .withScatteringPattern(m.scatteringPattern());
      default -> m.withScattering(m.scatteringCoefficient() + h, m.xpdCoefficient());
    };
  }

  static Scene roughCanyon() {
    Scene s = org.radiotwin.scene.io.SceneLoader.load("builtin:simple_street_canyon");
    for (RadioMaterial m : List.copyOf(s.materials().values())) {
      s = s.withMaterial(m.withScattering(0.5, 0.1));
    }
    return s;
  }

  static double diffusePower(SceneGeometry g, double[] tx, double[] rx, int rays) {
    PathSolverConfig cfg =
        PathSolverConfig.defaults().withMaxDepth(2).withSamples(rays, 11).withDiffuse(true);
    PathSet ps = new PathSolver(cfg).solve(g, tx, rx, ForkJoinPool.commonPool());
    PathCoefficients c = FieldEvaluator.forScene(ps, g).evaluate(F);
    double p = 0;
    for (int i = 0; i < ps.pathCount(); i++) {
      if (ps.isDiffuse(i)) {
        p += c.a(i, 0, 0).abs2();
      }
    }
    return p;
  }

  @Test
  void diffusePowerConvergesWithTheRayCount() {
    // Each ray stands for 4π/N, so the diffuse power is a quadrature of the scattered power and
    // settles as N doubles (street canyon, depth 2, S = 0.5 everywhere). The receiver is away from
    // the surfaces: near one, the 1/r_s² integrand needs many more rays.
    SceneGeometry g = SceneGeometry.of(roughCanyon());
    double[] tx = {-30, 0, 15};
    double[] rx = {20, 0, 10};
    double p1 = diffusePower(g, tx, rx, 25_000);
    double p2 = diffusePower(g, tx, rx, 50_000);
    assertThat(p1).isGreaterThan(0);
    assertThat(Math.abs(p2 / p1 - 1)).isLessThan(0.01);
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() throws Exception {
    SceneGeometry g = SceneGeometry.of(roughCanyon());
    PathSolverConfig cfg =
        PathSolverConfig.defaults().withMaxDepth(2).withSamples(20_000, 5).withDiffuse(true);
    double[] tx = {-30, 0, 15};
    double[] rx = {40, 5, 1.5, 10, -3, 1.5};
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      PathSet a = new PathSolver(cfg).solve(g, tx, rx, one);
      PathSet b = new PathSolver(cfg).solve(g, tx, rx, ForkJoinPool.commonPool());
      assertThat(a).isEqualTo(b);
    } finally {
      one.shutdown();
    }
  }
}
