package org.radiotwin.rt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.RayQuery;

/**
 * The diffracting edges of a scene, extracted from its triangle meshes for first-order UTD wedge
 * diffraction ({@link UtdCoefficients}).
 *
 * <p>Vertices are welded by position (to 1 µm) across all objects, so meshes with duplicated
 * vertices per face still share their edges. An edge is kept when:
 *
 * <ul>
 *   <li>it is shared by exactly two triangles whose normals differ by more than a threshold angle
 *       (a <em>wedge</em>): face 0 and face n are its two triangles; when the normals of the mesh
 *       say the edge is convex (each face lies behind the other's plane) the exterior angle is 2π −
 *       α with α the interior angle between the faces; a concave edge (a re-entrant corner of a
 *       closed, outward-oriented mesh) cannot be lit on both faces at once and is dropped; when the
 *       two normals disagree in orientation (a mesh without consistent winding) the wedge is taken
 *       to be the one with the smaller interior angle;
 *   <li>it belongs to exactly one triangle (a <em>free edge</em>, a half-plane of exterior angle
 *       2π): face 0 and face n are both sides of that triangle.
 * </ul>
 *
 * Edges shared by three or more triangles (non-manifold) are dropped, and so are <em>buried</em>
 * edges, which another surface touches along their exterior: a short probe through the edge's
 * midpoint along the exterior bisector (for a free edge: the continuation of its face beyond the
 * edge) that meets another triangle at the edge. This removes the bottom edges of buildings
 * standing on the ground (free edges of walls without a floor, or wedges whose exterior the ground
 * fills), which are concave corners of the scene and do not diffract.
 *
 * <p>Per edge, in the edge-fixed frame of Kouyoumjian and Pathak (Proc. IEEE 62(11), 1974, DOI
 * 10.1109/PROC.1974.9651): the start point O and unit direction ê (so the edge is O + tê, 0 ≤ t ≤
 * ℓ), the unit tangent t̂₀ of face 0 (in face 0, perpendicular to ê, pointing from the edge into
 * the face), the unit normal n̂₀ of face 0 towards the exterior, with ê = t̂₀ × n̂₀ so that the
 * angle φ around the edge, measured from face 0 through the exterior, is atan2(p·n̂₀, p·t̂₀) for a
 * point at offset p from the edge; face n lies at φ = nπ, with the wedge index n = exterior angle /
 * π in (1, 2].
 */
public final class WedgeEdges {

  /** Default smallest angle between the two face normals of a kept wedge [rad] (10°). */
  public static final double DEFAULT_MIN_ANGLE = Math.toRadians(10);

  /** Half-length of the burial probe [m] (at most a tenth of the edge). */
  private static final double PROBE = 0.01;

  /** Positions closer than this are one vertex [m]. */
  private static final double WELD = 1e-6;

  private final double[] origin;
  private final double[] direction;
  private final double[] length;
  private final double[] tangent0;
  private final double[] normal0;
  private final double[] normalN;
  private final double[] wedgeIndex;
  private final int[] face0;
  private final int[] faceN;

  private WedgeEdges(List<double[]> rows, List<int[]> faces) {
    int n = rows.size();
    origin = new double[3 * n];
    direction = new double[3 * n];
    length = new double[n];
    tangent0 = new double[3 * n];
    normal0 = new double[3 * n];
    normalN = new double[3 * n];
    wedgeIndex = new double[n];
    face0 = new int[n];
    faceN = new int[n];
    for (int i = 0; i < n; i++) {
      double[] r = rows.get(i);
      System.arraycopy(r, 0, origin, 3 * i, 3);
      System.arraycopy(r, 3, direction, 3 * i, 3);
      length[i] = r[6];
      System.arraycopy(r, 7, tangent0, 3 * i, 3);
      System.arraycopy(r, 10, normal0, 3 * i, 3);
      System.arraycopy(r, 13, normalN, 3 * i, 3);
      wedgeIndex[i] = r[16];
      face0[i] = faces.get(i)[0];
      faceN[i] = faces.get(i)[1];
    }
  }

  /**
   * Extracts the edges of a scene with the default threshold.
   *
   * @param g scene geometry
   * @return the edges
   */
  public static WedgeEdges of(SceneGeometry g) {
    return of(g, DEFAULT_MIN_ANGLE);
  }

  /**
   * Extracts the edges of a scene.
   *
   * @param g scene geometry
   * @param minAngle smallest angle between the face normals of a kept wedge [rad], in [0, π)
   * @return the edges, in the order of their first triangle, then corner
   */
  public static WedgeEdges of(SceneGeometry g, double minAngle) {
    if (!(minAngle >= 0 && minAngle < Math.PI)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "edge angle threshold", minAngle + " rad");
    }
    int nt = g.triangleCount();
    int[] vid = new int[3 * nt];
    Map<Long, Integer> cells = new HashMap<>();
    List<double[]> welded = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      for (int c = 0; c < 3; c++) {
        double x = g.vertex(t, c, 0);
        double y = g.vertex(t, c, 1);
        double z = g.vertex(t, c, 2);
        vid[3 * t + c] = weld(x, y, z, cells, welded);
      }
    }
    // Edge key (min vertex, max vertex) → triangles using it, in triangle order.
    Map<Long, int[]> edgeFaces = new HashMap<>();
    List<Long> order = new ArrayList<>();
    for (int t = 0; t < nt; t++) {
      if (degenerate(g, t)) {
        continue;
      }
      for (int c = 0; c < 3; c++) {
        int a = vid[3 * t + c];
        int b = vid[3 * t + (c + 1) % 3];
        if (a == b) {
          continue;
        }
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        int[] f = edgeFaces.get(key);
        if (f == null) {
          edgeFaces.put(key, new int[] {t});
          order.add(key);
        } else {
          int[] g2 = Arrays.copyOf(f, f.length + 1);
          g2[f.length] = t;
          edgeFaces.put(key, g2);
        }
      }
    }
    double cosMin = Math.cos(minAngle);
    List<double[]> rows = new ArrayList<>();
    List<int[]> faces = new ArrayList<>();
    RayQuery q = new RayQuery();
    for (long key : order) {
      int[] f = edgeFaces.get(key);
      double[] a = welded.get((int) (key >>> 32));
      double[] b = welded.get((int) (key & 0xFFFFFFFFL));
      int f0 = f[0];
      int fn = f.length == 2 ? f[1] : -1;
      if (f.length > 2) {
        continue;
      }
      double[] row = frame(g, a, b, f0, fn, cosMin);
      if (row != null && !buried(g, row, f0, fn < 0 ? f0 : fn, q)) {
        rows.add(row);
        faces.add(new int[] {f0, fn < 0 ? f0 : fn});
      }
    }
    return new WedgeEdges(rows, faces);
  }

  private static int weld(
      double x, double y, double z, Map<Long, Integer> cells, List<double[]> w) {
    long kx = Math.round(x / WELD);
    long ky = Math.round(y / WELD);
    long kz = Math.round(z / WELD);
    long key = kx * 73_856_093L ^ ky * 19_349_663L ^ kz * 83_492_791L;
    // Open addressing on the hash key: verify the position, probe on collisions.
    while (true) {
      Integer id = cells.get(key);
      if (id == null) {
        cells.put(key, w.size());
        w.add(new double[] {x, y, z});
        return w.size() - 1;
      }
      double[] p = w.get(id);
      if (Math.round(p[0] / WELD) == kx
          && Math.round(p[1] / WELD) == ky
          && Math.round(p[2] / WELD) == kz) {
        return id;
      }
      key = key * 6_364_136_223_846_793_005L + 1_442_695_040_888_963_407L;
    }
  }

  private static boolean degenerate(SceneGeometry g, int t) {
    double nx = g.normal(t, 0);
    double ny = g.normal(t, 1);
    double nz = g.normal(t, 2);
    return !(nx * nx + ny * ny + nz * nz > 0.5);
  }

  /**
   * The edge-fixed frame of edge a–b between triangles f0 and fn (fn = −1 for a free edge), or null
   * when the edge is flat or concave.
   */
  private static double[] frame(
      SceneGeometry g, double[] a, double[] b, int f0, int fn, double cosMin) {
    double ex = b[0] - a[0];
    double ey = b[1] - a[1];
    double ez = b[2] - a[2];
    double len = Math.sqrt(ex * ex + ey * ey + ez * ez);
    ex /= len;
    ey /= len;
    ez /= len;
    double[] t0 = inwardTangent(g, f0, a, ex, ey, ez);
    double[] n0 = {g.normal(f0, 0), g.normal(f0, 1), g.normal(f0, 2)};
    double[] nn;
    double wedge;
    if (fn < 0) {
      nn = new double[] {-n0[0], -n0[1], -n0[2]};
      wedge = 2;
    } else {
      double[] t1 = inwardTangent(g, fn, a, ex, ey, ez);
      nn = new double[] {g.normal(fn, 0), g.normal(fn, 1), g.normal(fn, 2)};
      if (dot(n0, nn) > cosMin) {
        return null; // (nearly) flat: no wedge
      }
      double s0 = dot(n0, t1);
      double s1 = dot(nn, t0);
      if (s0 > 0 && s1 > 0) {
        return null; // concave edge of an outward-oriented mesh
      }
      if (!(s0 < 0 && s1 < 0)) {
        // Inconsistent winding: take the wedge of the smaller interior angle, normals away from
        // the other face.
        if (s0 > 0) {
          negate(n0);
        }
        if (s1 > 0) {
          negate(nn);
        }
      }
      double interior = Math.acos(Math.max(-1, Math.min(1, dot(t0, t1))));
      wedge = (2 * Math.PI - interior) / Math.PI;
    }
    // Orient the edge so that ê = t̂₀ × n̂₀ (φ grows from face 0 towards the exterior).
    double cx = t0[1] * n0[2] - t0[2] * n0[1];
    double cy = t0[2] * n0[0] - t0[0] * n0[2];
    double cz = t0[0] * n0[1] - t0[1] * n0[0];
    double[] o = a;
    if (cx * ex + cy * ey + cz * ez < 0) {
      ex = -ex;
      ey = -ey;
      ez = -ez;
      o = b;
    }
    return new double[] {
      o[0], o[1], o[2], ex, ey, ez, len, t0[0], t0[1], t0[2], n0[0], n0[1], n0[2], nn[0], nn[1],
      nn[2], wedge
    };
  }

  /**
   * Whether another triangle than the edge's faces crosses the probe along the exterior bisector u
   * past the edge's midpoint M (from M − δu to M + δu, shifted by δ/10 sideways), within a fifth of
   * the probe length of the edge.
   */
  private static boolean buried(SceneGeometry g, double[] row, int f0, int fn, RayQuery q) {
    double len = row[6];
    double delta = Math.min(PROBE, 0.1 * len);
    double mx = row[0] + 0.5 * len * row[3];
    double my = row[1] + 0.5 * len * row[4];
    double mz = row[2] + 0.5 * len * row[5];
    // Exterior bisector: at angle nπ/2 from face 0, i.e. cos(nπ/2)·t̂₀ + sin(nπ/2)·n̂₀.
    double half = row[16] * Math.PI / 2;
    double ux = Math.cos(half) * row[7] + Math.sin(half) * row[10];
    double uy = Math.cos(half) * row[8] + Math.sin(half) * row[11];
    double uz = Math.cos(half) * row[9] + Math.sin(half) * row[12];
    // Shifted sideways by δ/10 along v = ê × u, so the probe misses the edge line itself: a
    // surface through the edge is then met at a different t than the edge's own faces.
    double vx = row[4] * uz - row[5] * uy;
    double vy = row[5] * ux - row[3] * uz;
    double vz = row[3] * uy - row[4] * ux;
    double ox = mx - delta * ux + 0.1 * delta * vx;
    double oy = my - delta * uy + 0.1 * delta * vy;
    double oz = mz - delta * uz + 0.1 * delta * vz;
    double tMin = 0;
    for (int guard = 0; guard < 8; guard++) {
      if (!g.bvh()
          .closestHit(ox, oy, oz, 2 * delta * ux, 2 * delta * uy, 2 * delta * uz, tMin, 0.7, q)) {
        return false;
      }
      if (q.triangle != f0 && q.triangle != fn && q.t > 0.3) {
        return true;
      }
      tMin = q.t;
    }
    return false;
  }

  /** Unit vector in triangle t, perpendicular to the edge through a with direction e, inwards. */
  private static double[] inwardTangent(
      SceneGeometry g, int t, double[] a, double ex, double ey, double ez) {
    // The centroid is inside the triangle: its offset from the edge line points inwards.
    double px = 0;
    double py = 0;
    double pz = 0;
    for (int c = 0; c < 3; c++) {
      px += g.vertex(t, c, 0) / 3;
      py += g.vertex(t, c, 1) / 3;
      pz += g.vertex(t, c, 2) / 3;
    }
    px -= a[0];
    py -= a[1];
    pz -= a[2];
    double along = px * ex + py * ey + pz * ez;
    px -= along * ex;
    py -= along * ey;
    pz -= along * ez;
    // Remove any out-of-plane part (triangle normal) before normalising.
    double nx = g.normal(t, 0);
    double ny = g.normal(t, 1);
    double nz = g.normal(t, 2);
    double out = px * nx + py * ny + pz * nz;
    px -= out * nx;
    py -= out * ny;
    pz -= out * nz;
    double n = Math.sqrt(px * px + py * py + pz * pz);
    return new double[] {px / n, py / n, pz / n};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static void negate(double[] a) {
    a[0] = -a[0];
    a[1] = -a[1];
    a[2] = -a[2];
  }

  /**
   * Number of edges.
   *
   * @return E
   */
  public int count() {
    return length.length;
  }

  /**
   * Coordinate of an edge's start point O.
   *
   * @param edge edge index
   * @param axis 0, 1, 2
   * @return the coordinate [m]
   */
  public double origin(int edge, int axis) {
    return origin[3 * edge + axis];
  }

  /**
   * Component of an edge's unit direction ê = t̂₀ × n̂₀.
   *
   * @param edge edge index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double direction(int edge, int axis) {
    return direction[3 * edge + axis];
  }

  /**
   * Length of an edge.
   *
   * @param edge edge index
   * @return ℓ [m]
   */
  public double length(int edge) {
    return length[edge];
  }

  /**
   * Component of the unit tangent of face 0 (in the face, perpendicular to the edge, pointing into
   * the face).
   *
   * @param edge edge index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double tangent0(int edge, int axis) {
    return tangent0[3 * edge + axis];
  }

  /**
   * Component of the unit normal of face 0, towards the exterior of the wedge.
   *
   * @param edge edge index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double normal0(int edge, int axis) {
    return normal0[3 * edge + axis];
  }

  /**
   * Component of the unit normal of face n, towards the exterior of the wedge.
   *
   * @param edge edge index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double normalN(int edge, int axis) {
    return normalN[3 * edge + axis];
  }

  /**
   * Wedge index n: the exterior angle is nπ (2 for a half-plane).
   *
   * @param edge edge index
   * @return n in (1, 2]
   */
  public double wedgeIndex(int edge) {
    return wedgeIndex[edge];
  }

  /**
   * Global triangle of face 0.
   *
   * @param edge edge index
   * @return triangle index
   */
  public int face0(int edge) {
    return face0[edge];
  }

  /**
   * Global triangle of face n (the same as face 0 for a free edge).
   *
   * @param edge edge index
   * @return triangle index
   */
  public int faceN(int edge) {
    return faceN[edge];
  }

  /**
   * Whether an edge is free (belongs to a single triangle, a half-plane).
   *
   * @param edge edge index
   * @return true for a free edge
   */
  public boolean isFree(int edge) {
    return face0[edge] == faceN[edge];
  }

  /**
   * Angle of a point around an edge, from face 0 through the exterior.
   *
   * @param edge edge index
   * @param x point x [m]
   * @param y point y [m]
   * @param z point z [m]
   * @return φ in [0, 2π); the point is in the exterior when φ ≤ nπ
   */
  public double angle(int edge, double x, double y, double z) {
    int o = 3 * edge;
    double px = x - origin[o];
    double py = y - origin[o + 1];
    double pz = z - origin[o + 2];
    double u = px * tangent0[o] + py * tangent0[o + 1] + pz * tangent0[o + 2];
    double v = px * normal0[o] + py * normal0[o + 1] + pz * normal0[o + 2];
    double phi = Math.atan2(v, u);
    return phi < 0 ? phi + 2 * Math.PI : phi;
  }
}
