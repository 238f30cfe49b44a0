package org.radiotwin.rt;

import java.util.stream.IntStream;
import org.radiotwin.geometry.RayQuery;

/**
 * Finds first-order diffraction paths source → edge → observer on the edges of a scene ({@link
 * WedgeEdges}).
 *
 * <p>The diffraction point Q on an edge O + tê obeys Keller's law of edge diffraction: the
 * diffracted rays lie on the cone of half-angle β₀ around the edge, (Q − S)·ê/|Q − S| = (P −
 * Q)·ê/|P − Q| (Keller, J. Opt. Soc. Am. 52(2), 1962, DOI 10.1364/JOSA.52.000116). Unfolding the
 * cone into a plane makes the path straight, so with the source and observer at edge parameters
 * t_S, t_P and distances ρ_S, ρ_P from the edge line, t_Q = t_S + (t_P − t_S)·ρ_S/(ρ_S + ρ_P). A
 * path exists when Q lies inside the edge, both the source and the observer are in the exterior of
 * the wedge (0 < φ', φ < nπ) and neither segment is blocked.
 *
 * <p>To keep the search cheap, {@link #litEdges} first keeps only the edges a source lights: the
 * source is in the exterior and at least one of a set of sample points along the edge (about one
 * per metre, at most {@value #MAX_SAMPLES}) is visible from it. An edge lit only between two
 * samples is missed.
 */
public final class DiffractionPathFinder {

  /** Most sample points per edge for the lit test. */
  static final int MAX_SAMPLES = 64;

  /** Sample spacing of the lit test [m]. */
  private static final double SAMPLE_SPACING = 1.0;

  /** Relative shortening of segments that end on the edge, against hitting its own faces. */
  private static final double END = 1e-6;

  /** Smallest angle of a source or observer from a face [rad]: grazing incidence is no path. */
  private static final double GRAZING = 1e-9;

  private final SceneGeometry geometry;
  private final WedgeEdges edges;

  /**
   * Creates a finder on the scene's edges ({@link SceneGeometry#wedges()}).
   *
   * @param geometry scene geometry
   */
  public DiffractionPathFinder(SceneGeometry geometry) {
    this.geometry = geometry;
    this.edges = geometry.wedges();
  }

  /**
   * The edges.
   *
   * @return the scene's edges
   */
  public WedgeEdges edges() {
    return edges;
  }

  /**
   * The edges lit by a source, in increasing order (computed in parallel, same result for any
   * thread count).
   *
   * @param sx source x [m]
   * @param sy source y [m]
   * @param sz source z [m]
   * @return edge indices
   */
  public int[] litEdges(double sx, double sy, double sz) {
    int n = edges.count();
    boolean[] lit = new boolean[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            e -> {
              if (exterior(e, sx, sy, sz)) {
                lit[e] = anySampleVisible(e, sx, sy, sz, new RayQuery());
              }
            });
    return IntStream.range(0, n).filter(e -> lit[e]).toArray();
  }

  /**
   * Whether a point is strictly in the exterior of an edge's wedge.
   *
   * @param e edge index
   * @param x point x [m]
   * @param y point y [m]
   * @param z point z [m]
   * @return true when GRAZING &lt; φ &lt; nπ − GRAZING
   */
  public boolean exterior(int e, double x, double y, double z) {
    double phi = edges.angle(e, x, y, z);
    return phi > GRAZING && phi < edges.wedgeIndex(e) * Math.PI - GRAZING;
  }

  private boolean anySampleVisible(int e, double sx, double sy, double sz, RayQuery q) {
    double len = edges.length(e);
    int m = (int) Math.min(MAX_SAMPLES, Math.max(2, Math.ceil(len / SAMPLE_SPACING)));
    for (int i = 0; i < m; i++) {
      double t = len * (i + 0.5) / m;
      double px = edges.origin(e, 0) + t * edges.direction(e, 0);
      double py = edges.origin(e, 1) + t * edges.direction(e, 1);
      double pz = edges.origin(e, 2) + t * edges.direction(e, 2);
      if (!geometry.bvh().occluded(sx, sy, sz, px - sx, py - sy, pz - sz, 0, 1 - END, q)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The edge parameter of the Keller diffraction point for a source and an observer.
   *
   * @param edges the edges
   * @param e edge index
   * @param s source position (3 entries at {@code so}) [m]
   * @param so offset of the source
   * @param p observer position (3 entries at {@code po}) [m]
   * @param po offset of the observer
   * @return t_Q [m] along the edge from its origin (may lie outside [0, ℓ]), or NaN when the source
   *     and observer both lie on the edge line
   */
  public static double kellerParameter(
      WedgeEdges edges, int e, double[] s, int so, double[] p, int po) {
    double ox = edges.origin(e, 0);
    double oy = edges.origin(e, 1);
    double oz = edges.origin(e, 2);
    double ex = edges.direction(e, 0);
    double ey = edges.direction(e, 1);
    double ez = edges.direction(e, 2);
    double ax = s[so] - ox;
    double ay = s[so + 1] - oy;
    double az = s[so + 2] - oz;
    double ta = ax * ex + ay * ey + az * ez;
    double rhoA = norm(ax - ta * ex, ay - ta * ey, az - ta * ez);
    double bx = p[po] - ox;
    double by = p[po + 1] - oy;
    double bz = p[po + 2] - oz;
    double tb = bx * ex + by * ey + bz * ez;
    double rhoB = norm(bx - tb * ex, by - tb * ey, bz - tb * ez);
    double sum = rhoA + rhoB;
    if (!(sum > 0)) {
      return Double.NaN;
    }
    return ta + (tb - ta) * rhoA / sum;
  }

  /**
   * Solves the diffraction path of one edge between a source and an observer.
   *
   * @param e edge index
   * @param s source position (3 entries) [m]
   * @param p observer position (3 entries) [m]
   * @param q caller-owned ray scratch
   * @param point receives the diffraction point Q (3 entries) [m]
   * @return true when the path exists and is not blocked
   */
  public boolean solve(int e, double[] s, double[] p, RayQuery q, double[] point) {
    if (!exterior(e, s[0], s[1], s[2]) || !exterior(e, p[0], p[1], p[2])) {
      return false;
    }
    double t = kellerParameter(edges, e, s, 0, p, 0);
    if (!(t > 0 && t < edges.length(e))) {
      return false;
    }
    for (int a = 0; a < 3; a++) {
      point[a] = edges.origin(e, a) + t * edges.direction(e, a);
    }
    double dx = point[0] - s[0];
    double dy = point[1] - s[1];
    double dz = point[2] - s[2];
    if (geometry.bvh().occluded(s[0], s[1], s[2], dx, dy, dz, 0, 1 - END, q)) {
      return false;
    }
    return !geometry
        .bvh()
        .occluded(
            point[0],
            point[1],
            point[2],
            p[0] - point[0],
            p[1] - point[1],
            p[2] - point[2],
            END,
            1,
            q);
  }

  private static double norm(double x, double y, double z) {
    return Math.sqrt(x * x + y * y + z * z);
  }
}
