package org.radiotwin.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

class PathSolverTest {

  static final RadioMaterial METAL = RadioMaterial.itu("itu_metal", ItuMaterialType.METAL);

  /** Closed axis-aligned box [x0,x1]×[y0,y1]×[z0,z1] as 12 triangles. */
  static TriangleMesh box(double x0, double x1, double y0, double y1, double z0, double z1) {
    double[] v = {
      x0, y0, z0, x1, y0, z0, x1, y1, z0, x0, y1, z0, x0, y0, z1, x1, y0, z1, x1, y1, z1, x0, y1, z1
    };
    int[] f = {
      0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 2, 3, 7, 2, 7, 6, 1, 2, 6, 1, 6, 5, 0,
      4, 7, 0, 7, 3
    };
    return new TriangleMesh(v, f);
  }

  static SceneGeometry boxScene() {
    return SceneGeometry.of(
        Scene.of(List.of(new SceneObject("box", box(-5, 5, -5, 5, 0, 5), METAL))));
  }

  static int[] countByDepth(PathSet ps, int link, int maxDepth) {
    int[] c = new int[maxDepth + 1];
    for (int p = ps.firstPath(link); p < ps.firstPath(link) + ps.pathCount(link); p++) {
      c[ps.depth(p)]++;
    }
    return c;
  }

  @Test
  void closedBoxHasTheImageLatticeCount() {
    // In a rectangular room every image of order k is a lattice point with |i|+|j|+|l| = k, and
    // exactly one wall order reaches it: 4k² + 2 specular paths of order k (1, 6, 18, 38).
    SceneGeometry g = boxScene();
    double[] tx = {-1.3, 0.7, 1.4};
    double[] rx = {2.1, -1.9, 2.6};
    PathSolverConfig cfg =
        PathSolverConfig.defaults()
            .withMaxDepth(3)
            .withInteractions(true, true, false)
            .withMethod(PathSolverConfig.Method.EXHAUSTIVE);
    PathSet ex = new PathSolver(cfg).solve(g, tx, rx, ForkJoinPool.commonPool());
    assertThat(countByDepth(ex, 0, 3)).containsExactly(1, 6, 18, 38);
    PathSet sbr =
        new PathSolver(cfg.withMethod(PathSolverConfig.Method.SBR).withSamples(200_000, 3))
            .solve(g, tx, rx, ForkJoinPool.commonPool());
    assertThat(countByDepth(sbr, 0, 3)).containsExactly(1, 6, 18, 38);
    // Same geometric paths, in the same order.
    assertThat(sbr.pathCount()).isEqualTo(ex.pathCount());
    for (int p = 0; p < ex.pathCount(); p++) {
      assertThat(sbr.length(p)).isCloseTo(ex.length(p), within(1e-9));
    }
  }

  @Test
  void imageMethodLengthsAreExact() {
    // Single reflection on the floor z = 0: image of tx at z = −1.4, so L = |rx − tx'|.
    SceneGeometry g = boxScene();
    double[] tx = {-1.3, 0.7, 1.4};
    double[] rx = {2.1, -1.9, 2.6};
    PathSet ps =
        new PathSolver(
                PathSolverConfig.defaults()
                    .withMaxDepth(1)
                    .withInteractions(true, true, false)
                    .withMethod(PathSolverConfig.Method.EXHAUSTIVE))
            .solve(g, tx, rx, ForkJoinPool.commonPool());
    double floor = Math.sqrt(3.4 * 3.4 + 2.6 * 2.6 + 4.0 * 4.0);
    double los = Math.sqrt(3.4 * 3.4 + 2.6 * 2.6 + 1.2 * 1.2);
    assertThat(ps.length(0)).isCloseTo(los, within(1e-12));
    assertThat(ps.delay(0)).isCloseTo(los / PhysicalConstants.SPEED_OF_LIGHT, within(1e-20));
    boolean foundFloor = false;
    for (int p = 1; p < ps.pathCount(); p++) {
      int i = ps.firstInteraction(p);
      if (Math.abs(ps.point(i, 2)) < 1e-12) {
        foundFloor = true;
        assertThat(ps.length(p)).isCloseTo(floor, within(1e-12));
        assertThat(ps.normal(i, 2)).isEqualTo(1.0); // oriented towards the arriving wave
        assertThat(ps.type(i)).isEqualTo(InteractionType.SPECULAR);
        // Unfolded, the path is the straight line from tx to the image of rx (z = −2.6), and seen
        // from rx it comes from the image of tx (z = −1.4): both directions have z = −4/L.
        assertThat(ps.departure(p, 2)).isCloseTo(-4.0 / floor, within(1e-12));
        assertThat(ps.arrival(p, 2)).isCloseTo(-4.0 / floor, within(1e-12));
      }
    }
    assertThat(foundFloor).isTrue();
  }

  @Test
  void transmissionGoesStraightThroughWalls() {
    // A single wall x = 0 between tx and rx: no LoS; one transmitted path of length |rx − tx|.
    TriangleMesh wall =
        new TriangleMesh(
            new double[] {0, -5, 0, 0, 5, 0, 0, 5, 5, 0, -5, 5}, new int[] {0, 1, 2, 0, 2, 3});
    SceneGeometry g =
        SceneGeometry.of(
            Scene.of(
                List.of(
                    new SceneObject(
                        "wall", wall, RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK)))));
    double[] tx = {-3, 0.5, 1.5};
    double[] rx = {4, -0.5, 2};
    for (PathSolverConfig.Method m : PathSolverConfig.Method.values()) {
      PathSet ps =
          new PathSolver(
                  PathSolverConfig.defaults().withMaxDepth(2).withMethod(m).withSamples(100_000, 1))
              .solve(g, tx, rx, ForkJoinPool.commonPool());
      assertThat(ps.pathCount()).as(m.name()).isEqualTo(1);
      assertThat(ps.depth(0)).isEqualTo(1);
      assertThat(ps.type(ps.firstInteraction(0))).isEqualTo(InteractionType.TRANSMISSION);
      assertThat(ps.length(0)).isCloseTo(Math.sqrt(49 + 1 + 0.25), within(1e-12));
    }
  }

  @Test
  void resultDoesNotDependOnThreadsOrReceiverBatching() {
    SceneGeometry g = boxScene();
    double[] tx = {-1.3, 0.7, 1.4};
    double[] rx = {2.1, -1.9, 2.6, 0.5, 0.5, 0.5, -4, 4, 4.5};
    PathSolver solver = new PathSolver(PathSolverConfig.defaults().withSamples(50_000, 9));
    ForkJoinPool one = new ForkJoinPool(1);
    ForkJoinPool two = new ForkJoinPool(2);
    try {
      PathSet a = solver.solve(g, tx, rx, one);
      PathSet b = solver.solve(g, tx, rx, two);
      assertThat(b).isEqualTo(a);
      // The second receiver alone gives the same paths as within the batch.
      PathSet c = solver.solve(g, tx, new double[] {0.5, 0.5, 0.5}, two);
      assertThat(c.pathCount()).isEqualTo(a.pathCount(1));
      for (int p = 0; p < c.pathCount(); p++) {
        assertThat(c.length(p)).isEqualTo(a.length(a.firstPath(1) + p));
      }
    } finally {
      one.shutdown();
      two.shutdown();
    }
  }

  @Test
  void receiverGridFindsWhatSingleReceiversFind() {
    // 60 receivers go through the receiver grid index; one receiver alone is scanned linearly.
    // Both must give the same paths for every receiver.
    SceneGeometry g = boxScene();
    double[] tx = {-1.3, 0.7, 1.4};
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
    int n = 60;
    double[] rx = new double[3 * n];
    for (int i = 0; i < n; i++) {
      rx[3 * i] = rnd.nextDouble(-4.5, 4.5);
      rx[3 * i + 1] = rnd.nextDouble(-4.5, 4.5);
      rx[3 * i + 2] = 1.5; // a horizontal grid, like a radio map
    }
    PathSolver solver =
        new PathSolver(
            PathSolverConfig.defaults()
                .withMaxDepth(2)
                .withInteractions(true, true, false)
                .withSamples(100_000, 2));
    PathSet all = solver.solve(g, tx, rx, ForkJoinPool.commonPool());
    for (int i = 0; i < n; i++) {
      PathSet one =
          solver.solve(
              g, tx, java.util.Arrays.copyOfRange(rx, 3 * i, 3 * i + 3), ForkJoinPool.commonPool());
      assertThat(all.pathCount(i)).as("receiver %d", i).isEqualTo(one.pathCount());
      // 1 LoS + 6 first-order + 18 second-order images in a shoebox.
      assertThat(one.pathCount()).isEqualTo(25);
      for (int p = 0; p < one.pathCount(); p++) {
        assertThat(all.length(all.firstPath(i) + p)).isEqualTo(one.length(p));
      }
    }
  }
}
