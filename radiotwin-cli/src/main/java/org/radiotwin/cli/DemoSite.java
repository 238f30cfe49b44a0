package org.radiotwin.cli;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.radiotwin.geometry.Bvh;
import org.radiotwin.geometry.RayQuery;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.ScenePerturbation;
import org.radiotwin.scene.io.SceneLoader;

/**
 * The bundled demo site: seed 004's street canyon. The twin is the canyon without cars with every
 * material made ITU brick (an uncalibrated twin, as in seed 004); the "reality" is the canyon with
 * cars, true materials and small geometry errors (every object moved by a few centimetres), traced
 * with the richer physics. A base station on a pole at one end of the main street serves user
 * positions on an outdoor grid at 1.5 m.
 *
 * @param twinName scene spec of the twin before its materials are replaced
 * @param realityName scene spec of the reality
 * @param twin the twin scene
 * @param reality the reality scene
 * @param bs base-station (receiver) position [m]
 * @param users packed user positions on the outdoor grid, x, y, z per user [m]
 * @param los whether the twin has line of sight from each user to the base station
 * @param covered whether both the twin and the reality find at least one path for each user
 * @param gridSpacing spacing of the user grid [m]
 * @param frequency carrier frequency [Hz]
 * @param bandwidth measured bandwidth [Hz]
 * @param subcarriers number of measured frequencies
 * @param twinPaths path search of the twin
 * @param realityPaths path search of the reality
 */
record DemoSite(
    String twinName,
    String realityName,
    Scene twin,
    Scene reality,
    Vec3 bs,
    double[] users,
    boolean[] los,
    boolean[] covered,
    double gridSpacing,
    double frequency,
    double bandwidth,
    int subcarriers,
    PathSolverConfig twinPaths,
    PathSolverConfig realityPaths) {

  /** Height of user positions above ground [m]. */
  static final double USER_HEIGHT = 1.5;

  /** Standard deviation of the reality's horizontal object displacements [m]. */
  static final double GEOMETRY_ERROR = 0.03;

  /**
   * Builds the street-canyon site.
   *
   * @param seed seed of the reality's geometry errors
   * @param quick coarser user grid and fewer rays
   * @return the site
   */
  static DemoSite streetCanyon(long seed, boolean quick) {
    String twinName = "builtin:simple_street_canyon";
    String realityName = "builtin:simple_street_canyon_with_cars";
    Scene twin = ScenePerturbation.allMaterials(SceneLoader.load(twinName), ItuMaterialType.BRICK);
    Scene reality =
        roughSurfaces(
            ScenePerturbation.jitterPositions(SceneLoader.load(realityName), GEOMETRY_ERROR, seed));
    Vec3 bs = new Vec3(-78, 0, 10);
    double spacing = quick ? 9 : 5;
    SceneGeometry twinGeometry = SceneGeometry.of(twin);
    double[] users =
        outdoorGrid(SceneGeometry.of(reality).bvh(), -88, 88, -56, 56, spacing, USER_HEIGHT);
    boolean[] los = lineOfSight(twinGeometry.bvh(), bs, users);
    // The twin is what a planner would trace: specular paths and edge diffraction. The reality
    // adds diffuse scattering from rough walls; every ray hit there already connects to each
    // receiver it sees, so fewer rays suffice.
    PathSolverConfig twinPaths =
        PathSolverConfig.defaults()
            .withMaxDepth(3)
            .withSamples(quick ? 20_000 : 100_000, seed)
            .withDiffraction(true);
    PathSolverConfig realityPaths =
        twinPaths.withSamples(quick ? 10_000 : 30_000, seed + 1).withDiffuse(true);
    boolean[] covered = covered(twinGeometry, bs, users, twinPaths);
    boolean[] realityCovered = covered(SceneGeometry.of(reality), bs, users, realityPaths);
    for (int i = 0; i < covered.length; i++) {
      covered[i] &= realityCovered[i];
    }
    return new DemoSite(
        twinName,
        realityName,
        twin,
        reality,
        bs,
        users,
        los,
        covered,
        spacing,
        3.5e9,
        100e6,
        quick ? 51 : 201,
        twinPaths,
        realityPaths);
  }

  /** Number of user positions. */
  int userCount() {
    return users.length / 3;
  }

  /** User position i [m]. */
  Vec3 user(int i) {
    return new Vec3(users[3 * i], users[3 * i + 1], users[3 * i + 2]);
  }

  /** Packed positions of the selected users. */
  double[] users(int[] indices) {
    double[] out = new double[3 * indices.length];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(users, 3 * indices[k], out, 3 * k, 3);
    }
    return out;
  }

  /** The base-station position repeated n times, packed. */
  double[] bsRepeated(int n) {
    double[] out = new double[3 * n];
    for (int k = 0; k < n; k++) {
      out[3 * k] = bs.x();
      out[3 * k + 1] = bs.y();
      out[3 * k + 2] = bs.z();
    }
    return out;
  }

  /** First measured frequency [Hz]. */
  double fStart() {
    return frequency - bandwidth / 2;
  }

  /** Last measured frequency [Hz]. */
  double fStop() {
    return frequency + bandwidth / 2;
  }

  /**
   * Gives every material of the reality a scattering coefficient typical of its surface
   * (Degli-Esposti et al. 2007 measured S ≈ 0.2–0.5 on building walls): rough masonry 0.35, wood
   * 0.3, smooth glass and metal (the cars) 0.1; Lambertian lobes.
   */
  static Scene roughSurfaces(Scene scene) {
    return ScenePerturbation.roughen(
        scene,
        m ->
            m.ituType() == ItuMaterialType.GLASS || m.ituType() == ItuMaterialType.METAL
                ? 0.1
                : m.ituType() == ItuMaterialType.WOOD ? 0.3 : 0.35);
  }

  /**
   * Points of a regular grid at height z above the ground that are outdoors: a vertical ray from
   * far above first meets the ground (a surface lower than 0.5 m) rather than a roof or a car.
   */
  static double[] outdoorGrid(
      Bvh bvh, double x0, double x1, double y0, double y1, double spacing, double z) {
    RayQuery q = new RayQuery();
    double top = 1e4;
    double[] out = new double[0];
    int n = 0;
    for (double y = y0; y <= y1 + 1e-9; y += spacing) {
      for (double x = x0; x <= x1 + 1e-9; x += spacing) {
        boolean hit = bvh.closestHit(x, y, top, 0, 0, -1, 0, Double.POSITIVE_INFINITY, q);
        if (hit && top - q.t < 0.5) {
          if (3 * n + 3 > out.length) {
            out = Arrays.copyOf(out, Math.max(48, 2 * out.length));
          }
          out[3 * n] = x;
          out[3 * n + 1] = y;
          out[3 * n + 2] = z;
          n++;
        }
      }
    }
    return Arrays.copyOf(out, 3 * n);
  }

  /** Whether the path solver finds at least one path between the base station and each user. */
  static boolean[] covered(
      SceneGeometry geometry, Vec3 bs, double[] users, PathSolverConfig config) {
    PathSet ps =
        new PathSolver(config).solve(geometry, bs.toArray(), users, ForkJoinPool.commonPool());
    boolean[] c = new boolean[users.length / 3];
    for (int i = 0; i < c.length; i++) {
      c[i] = ps.pathCount(ps.link(i, 0)) > 0;
    }
    return c;
  }

  /** Indices of the users both scenes cover. */
  int[] coveredUsers() {
    int n = 0;
    for (boolean b : covered) {
      n += b ? 1 : 0;
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < covered.length; i++) {
      if (covered[i]) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** Whether the segment from each user to the base station is unobstructed. */
  static boolean[] lineOfSight(Bvh bvh, Vec3 bs, double[] users) {
    RayQuery q = new RayQuery();
    boolean[] los = new boolean[users.length / 3];
    for (int i = 0; i < los.length; i++) {
      double ux = users[3 * i];
      double uy = users[3 * i + 1];
      double uz = users[3 * i + 2];
      los[i] = !bvh.occluded(ux, uy, uz, bs.x() - ux, bs.y() - uy, bs.z() - uz, 1e-6, 1 - 1e-6, q);
    }
    return los;
  }
}
