package org.radiotwin.radiomap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;
import org.radiotwin.scene.Transmitter;

class RadioMapSolverTest {

  static final double F = 3.5e9;

  static TriangleMesh quad(double[] a, double[] b, double[] c, double[] d) {
    return new TriangleMesh(
        new double[] {a[0], a[1], a[2], b[0], b[1], b[2], c[0], c[1], c[2], d[0], d[1], d[2]},
        new int[] {0, 1, 2, 0, 2, 3});
  }

  static Scene groundAndWall() {
    return Scene.of(
            List.of(
                new SceneObject(
                    "ground",
                    quad(
                        new double[] {-100, -100, 0},
                        new double[] {100, -100, 0},
                        new double[] {100, 100, 0},
                        new double[] {-100, 100, 0}),
                    RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE)),
                new SceneObject(
                    "wall",
                    quad(
                        new double[] {15, -30, 0},
                        new double[] {15, 30, 0},
                        new double[] {15, 30, 20},
                        new double[] {15, -30, 20}),
                    RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK))))
        .withTransmitter(Transmitter.at("tx", new Vec3(-5, 2, 10)));
  }

  static double nmseDb(RadioMap a, RadioMap ref, int tx) {
    double num = 0;
    double den = 0;
    for (int c = 0; c < ref.grid().cellCount(); c++) {
      double d = a.pathGain(tx, c) - ref.pathGain(tx, c);
      num += d * d;
      den += ref.pathGain(tx, c) * ref.pathGain(tx, c);
    }
    return 10 * Math.log10(num / den);
  }

  @Test
  void sbrAgreesWithExactPaths() {
    Scene scene = groundAndWall();
    RadioMapGrid grid = new RadioMapGrid(0, 0, 40, 40, 4, 1.5, 0);
    PathSolverConfig paths = PathSolverConfig.defaults().withMaxDepth(2).withSamples(400_000, 3);
    RadioMapSolver.Settings s = RadioMapSolver.Settings.defaults(F).withPaths(paths);
    RadioMap exact =
        RadioMapSolver.solve(scene, grid, s.withMethod(RadioMapSolver.Method.EXACT), f -> {});
    RadioMap sbr = RadioMapSolver.solve(scene, grid, s, f -> {});
    assertThat(nmseDb(sbr, exact, 0)).isLessThan(-20);
    // Cells behind the wall (x > 15) see the transmitter only through the wall: no LoS.
    int behind = grid.cellAt(18, 2);
    int front = grid.cellAt(-10, 2);
    assertThat(exact.los(0, behind)).isFalse();
    assertThat(sbr.los(0, behind)).isFalse();
    assertThat(exact.los(0, front)).isTrue();
    assertThat(sbr.los(0, front)).isTrue();
    assertThat(exact.pathGain(0, behind)).isLessThan(exact.pathGain(0, front));
    // Strongest path at a LoS cell is the LoS: departure towards the cell centre.
    double dx = grid.cellX(grid.cellAt(-10, 2) % grid.nx(), grid.cellAt(-10, 2) / grid.nx()) + 5;
    double dy = grid.cellY(grid.cellAt(-10, 2) % grid.nx(), grid.cellAt(-10, 2) / grid.nx()) - 2;
    double dz = 1.5 - 10;
    assertThat(exact.aodTheta(0, front))
        .isCloseTo(Math.acos(dz / Math.sqrt(dx * dx + dy * dy + dz * dz)), within(1e-9));
    // The strongest tube lies somewhere in the 4 m cell, which spans about 0.3 rad seen from tx.
    assertThat(sbr.aodTheta(0, front)).isCloseTo(exact.aodTheta(0, front), within(0.3));
    // Delay spreads agree roughly (SBR averages over the cell).
    assertThat(sbr.rmsDelaySpread(0, front))
        .isCloseTo(
            exact.rmsDelaySpread(0, front), within(0.25 * exact.rmsDelaySpread(0, front) + 1e-10));
  }

  @Test
  void freeSpaceMapIsFriisAndRssAndSinrFollow() {
    // No geometry: path gain (λ/4πd)² at every cell centre (exact method), RSS = P + PG, SINR of
    // a single transmitter = RSS − noise (kTB at 293 K over 1 MHz: −114.0 dBm).
    Scene scene =
        Scene.empty()
            .withTransmitter(
                new Transmitter(
                    "tx", new Vec3(0, 0, 20), org.radiotwin.scene.Orientation.IDENTITY, 30));
    RadioMapGrid grid = new RadioMapGrid(10, 0, 20, 20, 5, 0, 0.3);
    RadioMapSolver.Settings s =
        RadioMapSolver.Settings.defaults(F)
            .withMethod(RadioMapSolver.Method.EXACT)
            .withPaths(PathSolverConfig.defaults().withSamples(1000, 1));
    RadioMap m = RadioMapSolver.solve(scene, grid, s, f -> {});
    double lambda = PhysicalConstants.SPEED_OF_LIGHT / F;
    assertThat(10 * Math.log10(m.noisePower() * 1e3)).isCloseTo(-113.93, within(0.01));
    for (int j = 0; j < grid.ny(); j++) {
      for (int i = 0; i < grid.nx(); i++) {
        int c = j * grid.nx() + i;
        double d =
            Math.sqrt(
                grid.cellX(i, j) * grid.cellX(i, j) + grid.cellY(i, j) * grid.cellY(i, j) + 400);
        double pg = 20 * Math.log10(lambda / (4 * Math.PI * d));
        assertThat(m.pathGainDb(0, c)).isCloseTo(pg, within(1e-9));
        assertThat(m.rssDbm(0, c)).isCloseTo(30 + pg, within(1e-9));
        assertThat(m.sinrDb(c))
            .isCloseTo(30 + pg - 10 * Math.log10(m.noisePower() * 1e3), within(1e-9));
        assertThat(m.rmsDelaySpread(0, c)).isEqualTo(0.0);
      }
    }
    // The SBR estimate of the same map, averaged over cells, is within 0.3 dB.
    RadioMap sbr =
        RadioMapSolver.solve(
            scene,
            grid,
            s.withMethod(RadioMapSolver.Method.SBR)
                .withPaths(PathSolverConfig.defaults().withSamples(2_000_000, 1)),
            f -> {});
    assertThat(nmseDb(sbr, m, 0)).isLessThan(-20);
  }

  @Test
  void gridGeometry() {
    RadioMapGrid g = new RadioMapGrid(1, 2, 10, 4, 1, 1.5, Math.PI / 2);
    assertThat(g.nx()).isEqualTo(10);
    assertThat(g.ny()).isEqualTo(4);
    // Rotated by 90°: the grid's x axis points along world +y.
    assertThat(g.cellX(0, 0)).isCloseTo(1 + 1.5, within(1e-12));
    assertThat(g.cellY(0, 0)).isCloseTo(2 - 4.5, within(1e-12));
    for (int c = 0; c < g.cellCount(); c++) {
      assertThat(g.cellAt(g.cellX(c % 10, c / 10), g.cellY(c % 10, c / 10))).isEqualTo(c);
    }
    assertThat(g.cellAt(100, 100)).isEqualTo(-1);
  }

  @Test
  void diffuseTubesAgreeWithDiffusePaths() {
    // Only diffuse reflections off a rough wall (S = 0.6, Lambertian): the SBR map spawns one
    // randomly scattered tube per hit (a Monte Carlo estimate, noisy near grazing crossings, hence
    // many rays), the exact map connects every hit to every cell centre (a quadrature, which
    // converges with few rays); both estimate the same scattered power.
    Scene scene = groundAndWall();
    scene = scene.withMaterial(scene.materials().get("itu_brick").withScattering(0.6, 0));
    // Cells in front of the wall only (x < 12 m), so that no cell straddles it.
    RadioMapGrid grid = new RadioMapGrid(-12, 0, 24, 24, 6, 1.5, 0);
    PathSolverConfig paths =
        PathSolverConfig.defaults()
            .withMaxDepth(1)
            .withInteractions(false, false, false)
            .withSamples(1_000_000, 4)
            .withDiffuse(true);
    RadioMapSolver.Settings s = RadioMapSolver.Settings.defaults(F).withPaths(paths);
    RadioMap exact =
        RadioMapSolver.solve(
            scene,
            grid,
            s.withPaths(paths.withSamples(50_000, 4)).withMethod(RadioMapSolver.Method.EXACT),
            f -> {});
    RadioMap sbr = RadioMapSolver.solve(scene, grid, s, f -> {});
    double sumExact = 0;
    double sumSbr = 0;
    for (int c = 0; c < grid.cellCount(); c++) {
      sumExact += exact.pathGain(0, c);
      sumSbr += sbr.pathGain(0, c);
      assertThat(sbr.pathGain(0, c) / exact.pathGain(0, c)).isBetween(0.5, 2.0);
      assertThat(sbr.los(0, c)).isFalse();
    }
    assertThat(sumExact).isGreaterThan(0);
    assertThat(sumSbr / sumExact).isCloseTo(1, within(0.06));
    // Without diffuse scattering nothing reaches the map in this configuration.
    RadioMap none =
        RadioMapSolver.solve(
            scene, grid, s.withPaths(paths.withSamples(10_000, 4).withDiffuse(false)), f -> {});
    assertThat(none.pathGain(0, grid.cellAt(-10, 0))).isEqualTo(0.0);
  }
}
