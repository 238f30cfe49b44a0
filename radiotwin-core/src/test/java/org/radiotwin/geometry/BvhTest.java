package org.radiotwin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.math.Vec3;

class BvhTest {

  /** Icosphere of radius 1 subdivided {@code levels} times: a closed, watertight mesh. */
  static TriangleMesh icosphere(int levels) {
    double p = (1 + Math.sqrt(5)) / 2;
    double[][] v = {
      {-1, p, 0}, {1, p, 0}, {-1, -p, 0}, {1, -p, 0}, {0, -1, p}, {0, 1, p},
      {0, -1, -p}, {0, 1, -p}, {p, 0, -1}, {p, 0, 1}, {-p, 0, -1}, {-p, 0, 1}
    };
    int[][] f = {
      {0, 11, 5}, {0, 5, 1}, {0, 1, 7}, {0, 7, 10}, {0, 10, 11}, {1, 5, 9}, {5, 11, 4},
      {11, 10, 2}, {10, 7, 6}, {7, 1, 8}, {3, 9, 4}, {3, 4, 2}, {3, 2, 6}, {3, 6, 8},
      {3, 8, 9}, {4, 9, 5}, {2, 4, 11}, {6, 2, 10}, {8, 6, 7}, {9, 8, 1}
    };
    java.util.List<double[]> verts = new java.util.ArrayList<>();
    for (double[] x : v) {
      verts.add(unit(x));
    }
    java.util.List<int[]> faces = new java.util.ArrayList<>(java.util.List.of(f));
    for (int l = 0; l < levels; l++) {
      java.util.Map<Long, Integer> mid = new java.util.HashMap<>();
      java.util.List<int[]> next = new java.util.ArrayList<>();
      for (int[] t : faces) {
        int a = midpoint(verts, mid, t[0], t[1]);
        int b = midpoint(verts, mid, t[1], t[2]);
        int c = midpoint(verts, mid, t[2], t[0]);
        next.add(new int[] {t[0], a, c});
        next.add(new int[] {t[1], b, a});
        next.add(new int[] {t[2], c, b});
        next.add(new int[] {a, b, c});
      }
      faces = next;
    }
    double[] xyz = new double[3 * verts.size()];
    for (int i = 0; i < verts.size(); i++) {
      System.arraycopy(verts.get(i), 0, xyz, 3 * i, 3);
    }
    int[] idx = new int[3 * faces.size()];
    for (int i = 0; i < faces.size(); i++) {
      System.arraycopy(faces.get(i), 0, idx, 3 * i, 3);
    }
    return new TriangleMesh(xyz, idx);
  }

  private static double[] unit(double[] x) {
    double n = Math.sqrt(x[0] * x[0] + x[1] * x[1] + x[2] * x[2]);
    return new double[] {x[0] / n, x[1] / n, x[2] / n};
  }

  private static int midpoint(
      java.util.List<double[]> verts, java.util.Map<Long, Integer> cache, int i, int j) {
    long key = ((long) Math.min(i, j) << 32) | Math.max(i, j);
    return cache.computeIfAbsent(
        key,
        k -> {
          double[] a = verts.get(i);
          double[] b = verts.get(j);
          verts.add(unit(new double[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
          return verts.size() - 1;
        });
  }

  /** Möller–Trumbore brute force over every triangle, an independent reference. */
  static double bruteForce(TriangleMesh m, double[] o, double[] d) {
    double best = Double.POSITIVE_INFINITY;
    for (int t = 0; t < m.triangleCount(); t++) {
      Vec3 a = m.vertex(m.index(t, 0));
      Vec3 e1 = m.vertex(m.index(t, 1)).sub(a);
      Vec3 e2 = m.vertex(m.index(t, 2)).sub(a);
      Vec3 dir = new Vec3(d[0], d[1], d[2]);
      Vec3 pv = dir.cross(e2);
      double det = e1.dot(pv);
      if (Math.abs(det) < 1e-300) {
        continue;
      }
      Vec3 tv = new Vec3(o[0], o[1], o[2]).sub(a);
      double u = tv.dot(pv) / det;
      Vec3 qv = tv.cross(e1);
      double v = dir.dot(qv) / det;
      double tt = e2.dot(qv) / det;
      if (u >= 0 && v >= 0 && u + v <= 1 && tt > 0 && tt < best) {
        best = tt;
      }
    }
    return best;
  }

  @Test
  void raysFromInsideAClosedMeshAlwaysHit() {
    // Watertightness: a ray from inside a closed surface must hit it, even through shared edges
    // and vertices. Rays aimed exactly at vertices are the hardest case.
    TriangleMesh sphere = icosphere(3);
    Bvh bvh = Bvh.build(sphere);
    RayQuery q = new RayQuery();
    SplittableRandom rnd = new SplittableRandom(7);
    int misses = 0;
    for (int i = 0; i < sphere.vertexCount(); i++) {
      Vec3 target = sphere.vertex(i);
      if (!bvh.closestHit(0, 0, 0, target.x(), target.y(), target.z(), 0, 1e30, q)) {
        misses++;
      } else {
        assertThat(q.t).isCloseTo(1.0, within(1e-12));
      }
    }
    for (int i = 0; i < 20000; i++) {
      double[] o = {
        rnd.nextDouble(-0.5, 0.5), rnd.nextDouble(-0.5, 0.5), rnd.nextDouble(-0.5, 0.5)
      };
      double[] d = unit(new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
      if (!bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 0, Double.POSITIVE_INFINITY, q)) {
        misses++;
      }
    }
    assertThat(misses).isZero();
  }

  @Test
  void closestHitMatchesBruteForce() {
    // A soup of random triangles: the BVH must return the same closest distance as testing every
    // triangle (Möller–Trumbore), up to rounding.
    SplittableRandom rnd = new SplittableRandom(42);
    int nt = 600;
    double[] xyz = new double[9 * nt];
    int[] idx = new int[3 * nt];
    for (int t = 0; t < nt; t++) {
      double cx = rnd.nextDouble(-10, 10);
      double cy = rnd.nextDouble(-10, 10);
      double cz = rnd.nextDouble(-10, 10);
      for (int c = 0; c < 3; c++) {
        xyz[9 * t + 3 * c] = cx + rnd.nextDouble(-1.5, 1.5);
        xyz[9 * t + 3 * c + 1] = cy + rnd.nextDouble(-1.5, 1.5);
        xyz[9 * t + 3 * c + 2] = cz + rnd.nextDouble(-1.5, 1.5);
        idx[3 * t + c] = 3 * t + c;
      }
    }
    TriangleMesh soup = new TriangleMesh(xyz, idx);
    Bvh bvh = Bvh.build(soup);
    RayQuery q = new RayQuery();
    int hits = 0;
    for (int i = 0; i < 3000; i++) {
      double[] o = {rnd.nextDouble(-12, 12), rnd.nextDouble(-12, 12), rnd.nextDouble(-12, 12)};
      double[] d = unit(new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
      double ref = bruteForce(soup, o, d);
      boolean hit =
          bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 0, Double.POSITIVE_INFINITY, q);
      assertThat(hit).isEqualTo(ref < Double.POSITIVE_INFINITY);
      if (hit) {
        hits++;
        assertThat(q.t).isCloseTo(ref, within(1e-9));
        // The reported triangle and barycentrics reproduce the hit point.
        Vec3 a = soup.vertex(soup.index(q.triangle, 0));
        Vec3 b = soup.vertex(soup.index(q.triangle, 1));
        Vec3 c = soup.vertex(soup.index(q.triangle, 2));
        Vec3 p = a.scale(1 - q.u - q.v).add(b.scale(q.u)).add(c.scale(q.v));
        Vec3 r = new Vec3(o[0] + q.t * d[0], o[1] + q.t * d[1], o[2] + q.t * d[2]);
        assertThat(p.distance(r)).isLessThan(1e-9);
        // Any-hit agrees and so does a segment that stops just short of the hit.
        assertThat(
                bvh.occluded(o[0], o[1], o[2], d[0], d[1], d[2], 0, q.t * 1.0001, new RayQuery()))
            .isTrue();
        assertThat(
                bvh.occluded(o[0], o[1], o[2], d[0], d[1], d[2], 0, ref * 0.9999, new RayQuery()))
            .isFalse();
      }
    }
    assertThat(hits).isGreaterThan(300); // the test exercises hits, not only misses
  }

  @Test
  void parallelCastingIsIdenticalForAnyPoolSize() {
    TriangleMesh sphere = icosphere(2);
    Bvh bvh = Bvh.build(sphere);
    BoundingBox box = new BoundingBox(new Vec3(-2, -2, -2), new Vec3(2, 2, 2));
    double[] rays = BenchmarkRays.generate(box, 20000, 1);
    double[] t1 = new double[20000];
    int[] i1 = new int[20000];
    double[] t2 = new double[20000];
    int[] i2 = new int[20000];
    ForkJoinPool one = new ForkJoinPool(1);
    ForkJoinPool two = new ForkJoinPool(2);
    try {
      bvh.castClosest(rays, 20000, t1, i1, one);
      bvh.castClosest(rays, 20000, t2, i2, two);
    } finally {
      one.shutdown();
      two.shutdown();
    }
    assertThat(t2).containsExactly(t1);
    assertThat(i2).containsExactly(i1);
  }

  @Test
  void benchmarkRaysFollowTheRecipe() {
    // splitmix64 with seed 0 gives 0xE220A8397B1DCDAF first (reference value of Vigna's C code).
    long[] s = {0};
    assertThat(BenchmarkRays.splitMix64(s)).isEqualTo(0xE220A8397B1DCDAFL);
    BoundingBox box = new BoundingBox(new Vec3(-10, -20, 0), new Vec3(10, 20, 50));
    double[] r = BenchmarkRays.generate(box, 1000, 1);
    for (int i = 0; i < 1000; i++) {
      assertThat(r[6 * i]).isBetween(-10.0, 10.0);
      assertThat(r[6 * i + 2]).isBetween(0.0, 15.0);
      double n =
          Math.sqrt(
              r[6 * i + 3] * r[6 * i + 3]
                  + r[6 * i + 4] * r[6 * i + 4]
                  + r[6 * i + 5] * r[6 * i + 5]);
      assertThat(n).isCloseTo(1.0, within(1e-15));
    }
    assertThat(BenchmarkRays.generate(box, 1000, 1)).containsExactly(r);
  }

  @Test
  void emptyAndDegenerateInputs() {
    Bvh empty = Bvh.build(new double[0], new int[0]);
    assertThat(empty.closestHit(0, 0, 0, 1, 0, 0, 0, 1e9, new RayQuery())).isFalse();
    // Many copies of one triangle (coincident centroids) still build and hit.
    int copies = 50;
    double[] xyz = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    int[] idx = new int[3 * copies];
    for (int i = 0; i < copies; i++) {
      idx[3 * i] = 0;
      idx[3 * i + 1] = 1;
      idx[3 * i + 2] = 2;
    }
    Bvh stack = Bvh.build(xyz, idx);
    RayQuery q = new RayQuery();
    assertThat(stack.closestHit(0.2, 0.2, 1, 0, 0, -1, 0, 10, q)).isTrue();
    assertThat(q.t).isCloseTo(1.0, within(1e-15));
  }

  // ------------------------------------------------------------------ exact reference

  /**
   * The watertight test of Woop, Benthin and Wald (2013), JCGT 2(1), written out from the paper
   * with the same operation order as the BVH, for one triangle: {t, u, v} or null on a miss.
   */
  static double[] woop(
      double[] xyz, int[] idx, int tri, double[] o, double[] d, double lo, double hi) {
    double ax = Math.abs(d[0]);
    double ay = Math.abs(d[1]);
    double az = Math.abs(d[2]);
    int kz = ax > ay ? (ax > az ? 0 : 2) : (ay > az ? 1 : 2);
    int kx = (kz + 1) % 3;
    int ky = (kx + 1) % 3;
    if (d[kz] < 0) {
      int k = kx;
      kx = ky;
      ky = k;
    }
    double sx = d[kx] / d[kz];
    double sy = d[ky] / d[kz];
    double sz = 1.0 / d[kz];
    double[][] p = new double[3][3];
    for (int c = 0; c < 3; c++) {
      for (int k = 0; k < 3; k++) {
        p[c][k] = xyz[3 * idx[3 * tri + c] + k] - o[k];
      }
    }
    double[] px = new double[3];
    double[] py = new double[3];
    for (int c = 0; c < 3; c++) {
      px[c] = p[c][kx] - sx * p[c][kz];
      py[c] = p[c][ky] - sy * p[c][kz];
    }
    double u = px[2] * py[1] - py[2] * px[1];
    double v = px[0] * py[2] - py[0] * px[2];
    double w = px[1] * py[0] - py[1] * px[0];
    if ((u < 0 || v < 0 || w < 0) && (u > 0 || v > 0 || w > 0)) {
      return null;
    }
    double det = u + v + w;
    if (det == 0) {
      return null;
    }
    double t = u * (sz * p[0][kz]) + v * (sz * p[1][kz]) + w * (sz * p[2][kz]);
    if (det < 0) {
      det = -det;
      t = -t;
      v = -v;
      w = -w;
    }
    if (t <= lo * det || t >= hi * det) {
      return null;
    }
    double inv = 1.0 / det;
    return new double[] {t * inv, v * inv, w * inv};
  }

  /**
   * Brute force over every triangle with the BVH's documented rule: smallest t, ties to the lowest
   * index. Returns {t, triangle, u, v} or null.
   */
  static double[] reference(double[] xyz, int[] idx, double[] o, double[] d, double lo, double hi) {
    double[] best = null;
    for (int t = 0; t < idx.length / 3; t++) {
      double[] h = woop(xyz, idx, t, o, d, lo, hi);
      if (h != null && (best == null || h[0] < best[0])) {
        best = new double[] {h[0], t, h[1], h[2]};
      }
    }
    return best;
  }

  /** Asserts that the BVH's closest and any hit agree exactly (bit for bit) with brute force. */
  static void assertExact(
      Bvh bvh, double[] xyz, int[] idx, double[] o, double[] d, double lo, double hi, RayQuery q) {
    double[] ref = reference(xyz, idx, o, d, lo, hi);
    boolean hit = bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], lo, hi, q);
    assertThat(hit).isEqualTo(ref != null);
    assertThat(bvh.occluded(o[0], o[1], o[2], d[0], d[1], d[2], lo, hi, new RayQuery()))
        .isEqualTo(ref != null);
    if (hit) {
      assertThat(q.triangle).isEqualTo((int) ref[1]);
      assertThat(Double.doubleToLongBits(q.t)).isEqualTo(Double.doubleToLongBits(ref[0]));
      assertThat(Double.doubleToLongBits(q.u)).isEqualTo(Double.doubleToLongBits(ref[2]));
      assertThat(Double.doubleToLongBits(q.v)).isEqualTo(Double.doubleToLongBits(ref[3]));
    } else {
      assertThat(q.triangle).isEqualTo(-1);
    }
  }

  /** A soup of nt random triangles around (offset, offset, 0); float coordinates if asked. */
  static double[] soup(SplittableRandom rnd, int nt, double offset, boolean floats) {
    double[] xyz = new double[9 * nt];
    for (int t = 0; t < nt; t++) {
      double cx = offset + rnd.nextDouble(-10, 10);
      double cy = offset + rnd.nextDouble(-10, 10);
      double cz = rnd.nextDouble(-10, 10);
      double size = rnd.nextDouble() < 0.1 ? 8 : 1.5; // some large triangles overlap many boxes
      for (int c = 0; c < 3; c++) {
        xyz[9 * t + 3 * c] = cx + rnd.nextDouble(-size, size);
        xyz[9 * t + 3 * c + 1] = cy + rnd.nextDouble(-size, size);
        xyz[9 * t + 3 * c + 2] = cz + rnd.nextDouble(-size, size);
      }
    }
    if (floats) {
      for (int i = 0; i < xyz.length; i++) {
        xyz[i] = (float) xyz[i];
      }
    }
    return xyz;
  }

  static int[] identity(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  @Property(tries = 40)
  void closestHitIsExactlyTheBruteForceOne(
      @ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 3) int kind) {
    // kind 0: double coordinates near the origin; 1: float coordinates (the float triangle store);
    // 2: double coordinates around 10^6 m (UTM-like magnitudes, large origin); 3: float and
    // coordinate-aligned rays. The BVH must return bit for bit what the brute-force reference
    // returns: the box tests may only ever skip boxes that cannot hold the closest hit.
    SplittableRandom rnd = new SplittableRandom(seed);
    double offset = kind == 2 ? 1e6 : 0;
    int nt = 1 + rnd.nextInt(250);
    double[] xyz = soup(rnd, nt, offset, kind == 1 || kind == 3);
    int[] idx = identity(3 * nt);
    Bvh bvh = Bvh.build(xyz, idx);
    RayQuery q = new RayQuery();
    for (int i = 0; i < 150; i++) {
      double[] o = {
        offset + rnd.nextDouble(-14, 14), offset + rnd.nextDouble(-14, 14), rnd.nextDouble(-14, 14)
      };
      double[] d = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
      if (kind == 3) {
        // Axis-parallel directions, origins on vertex coordinates: zero direction components and
        // rays in box planes, where a careless slab test produces 0·∞.
        int axis = rnd.nextInt(3);
        d = new double[] {0, 0, 0};
        d[axis] = rnd.nextBoolean() ? 1 : -1;
        if (rnd.nextBoolean()) {
          d[(axis + 1) % 3] = rnd.nextBoolean() ? 0.5 : -0.25;
        }
        int v = rnd.nextInt(3 * nt);
        o[(axis + 1) % 3] = xyz[3 * v + (axis + 1) % 3];
        o[(axis + 2) % 3] = xyz[3 * v + (axis + 2) % 3];
      }
      double lo = rnd.nextInt(4) == 0 ? -rnd.nextDouble(0, 20) : 0;
      double hi = rnd.nextInt(4) == 0 ? rnd.nextDouble(0, 20) : Double.POSITIVE_INFINITY;
      assertExact(bvh, xyz, idx, o, d, lo, hi, q);
    }
  }

  @Test
  void raysFromInsideAClosedMeshFarFromTheOriginAlwaysHit() {
    // The watertight sphere test again with the sphere moved 3·10^4 m away: the float slab test
    // of the traversal then works with origins whose float rounding (≈ 2 mm) is far larger than
    // the gap between a vertex and the faces of its leaf boxes. Only the proven error margin of
    // the box tests keeps these rays, aimed exactly at vertices and edges, from skipping a box.
    TriangleMesh unit = icosphere(3);
    double[] xyz = unit.copyVertices();
    double[] c = {3.1e4, -2.3e4, 1.7e3};
    for (int i = 0; i < xyz.length; i++) {
      xyz[i] += c[i % 3];
    }
    int[] idx = unit.copyIndices();
    Bvh bvh = Bvh.build(xyz, idx);
    RayQuery q = new RayQuery();
    SplittableRandom rnd = new SplittableRandom(17);
    int misses = 0;
    double[] o = {c[0], c[1], c[2]};
    for (int tri = 0; tri < idx.length / 3; tri++) {
      // A vertex and the midpoint of an edge of each triangle: exactly on shared box faces.
      int i = idx[3 * tri];
      int j = idx[3 * tri + 1];
      for (double[] target :
          new double[][] {
            {xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]},
            {
              0.5 * (xyz[3 * i] + xyz[3 * j]),
              0.5 * (xyz[3 * i + 1] + xyz[3 * j + 1]),
              0.5 * (xyz[3 * i + 2] + xyz[3 * j + 2])
            }
          }) {
        double[] d = {target[0] - o[0], target[1] - o[1], target[2] - o[2]};
        if (!bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 0, 1e30, q)) {
          misses++;
        } else {
          assertThat(q.t).isCloseTo(1.0, within(1e-6)); // the target is on the surface
        }
      }
    }
    for (int i = 0; i < 20000; i++) {
      o =
          new double[] {
            c[0] + rnd.nextDouble(-0.5, 0.5),
            c[1] + rnd.nextDouble(-0.5, 0.5),
            c[2] + rnd.nextDouble(-0.5, 0.5)
          };
      double[] d = unit(new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
      if (!bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 0, Double.POSITIVE_INFINITY, q)) {
        misses++;
      }
    }
    assertThat(misses).isZero();
    // Rays from 10^8 m away aimed at vertices: now the origin's magnitude, not the scene's,
    // sets the float rounding of the box tests.
    for (int i = 0; i < 300; i++) {
      int v = rnd.nextInt(xyz.length / 3);
      double[] u = unit(new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
      double[] from = {
        xyz[3 * v] + 1e8 * u[0], xyz[3 * v + 1] + 1e8 * u[1], xyz[3 * v + 2] + 1e8 * u[2]
      };
      double[] d = {xyz[3 * v] - from[0], xyz[3 * v + 1] - from[1], xyz[3 * v + 2] - from[2]};
      assertExact(bvh, xyz, idx, from, d, 0, Double.POSITIVE_INFINITY, q);
    }
  }

  @Test
  void coincidentTrianglesResolveToTheLowestIndex() {
    // The same triangle three times (indices 7, 120 and 299, in different leaves) among others:
    // every ray through it hits all three at exactly the same t, and the lowest index wins
    // whatever the traversal order.
    SplittableRandom rnd = new SplittableRandom(3);
    int nt = 300;
    double[] xyz = soup(rnd, nt, 0, true);
    int[] idx = identity(3 * nt);
    for (int copy : new int[] {120, 299}) {
      System.arraycopy(xyz, 9 * 7, xyz, 9 * copy, 9);
    }
    Bvh bvh = Bvh.build(xyz, idx);
    RayQuery q = new RayQuery();
    int checked = 0;
    for (int i = 0; i < 400; i++) {
      // Aim at a random interior point of triangle 7 from a random origin.
      double a = rnd.nextDouble();
      double b = rnd.nextDouble() * (1 - a);
      double[] target = new double[3];
      for (int k = 0; k < 3; k++) {
        target[k] = (1 - a - b) * xyz[9 * 7 + k] + a * xyz[9 * 7 + 3 + k] + b * xyz[9 * 7 + 6 + k];
      }
      double[] o = {rnd.nextDouble(-14, 14), rnd.nextDouble(-14, 14), rnd.nextDouble(-14, 14)};
      double[] d = {target[0] - o[0], target[1] - o[1], target[2] - o[2]};
      double[] ref = reference(xyz, idx, o, d, 0, Double.POSITIVE_INFINITY);
      assertExact(bvh, xyz, idx, o, d, 0, Double.POSITIVE_INFINITY, q);
      if (ref != null && (int) ref[1] == 7) {
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(50); // many rays see the coincident faces first
  }

  @Test
  void negativeLowerBoundFindsHitsBehindTheOrigin() {
    // From the centre of a unit icosphere (radius 1 at the vertices), along +x: hits at t ≈ +1
    // and t ≈ −1. With tMin = −10 (or −∞) the closest admissible hit is the one behind.
    TriangleMesh sphere = icosphere(2);
    Bvh bvh = Bvh.build(sphere);
    RayQuery q = new RayQuery();
    for (double lo : new double[] {-10, Double.NEGATIVE_INFINITY, -0.5}) {
      boolean hit = bvh.closestHit(0, 0, 0, 1, 0, 0, lo, Double.POSITIVE_INFINITY, q);
      assertThat(hit).isTrue();
      assertThat(q.t).isCloseTo(lo < -1 ? -1 : 1, within(0.02)); // faceted sphere: |t| ≤ 1
    }
    double[] xyz = sphere.copyVertices();
    int[] idx = sphere.copyIndices();
    SplittableRandom rnd = new SplittableRandom(11);
    for (int i = 0; i < 300; i++) {
      double[] o = {rnd.nextDouble(-3, 3), rnd.nextDouble(-3, 3), rnd.nextDouble(-3, 3)};
      double[] d = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
      assertExact(bvh, xyz, idx, o, d, -rnd.nextDouble(0, 8), 8, q);
    }
  }

  @Test
  void directionLengthOnlyScalesT() {
    // t is in units of the direction's length: scaling d by 10^±30 scales t by 10^∓30 and hits
    // the same triangle (the box tests must neither overflow nor underflow).
    TriangleMesh sphere = icosphere(3);
    Bvh bvh = Bvh.build(sphere);
    RayQuery q = new RayQuery();
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = 0; i < 200; i++) {
      double[] o = {
        rnd.nextDouble(-0.5, 0.5), rnd.nextDouble(-0.5, 0.5), rnd.nextDouble(-0.5, 0.5)
      };
      double[] d = unit(new double[] {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()});
      assertThat(bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 0, 1e300, q)).isTrue();
      int tri = q.triangle;
      double t = q.t;
      for (double scale : new double[] {1e-30, 1e30}) {
        assertThat(
                bvh.closestHit(
                    o[0], o[1], o[2], d[0] * scale, d[1] * scale, d[2] * scale, 0, 1e300, q))
            .isTrue();
        assertThat(q.triangle).isEqualTo(tri);
        assertThat(q.t * scale).isCloseTo(t, within(1e-12));
      }
    }
  }

  @Test
  void aTooSmallTraversalStackIsReplacedOnce() {
    // A query grows the caller's scratch stack to what the tree's depth may need (three deferred
    // children per level), then reuses it: results are the same as with a roomy stack.
    SplittableRandom rnd = new SplittableRandom(2);
    int nt = 2000;
    double[] xyz = soup(rnd, nt, 0, false);
    int[] idx = identity(3 * nt);
    Bvh bvh = Bvh.build(xyz, idx);
    RayQuery small = new RayQuery();
    small.stack = new long[1];
    RayQuery roomy = new RayQuery();
    long[] grown = null;
    for (int i = 0; i < 300; i++) {
      double[] o = {rnd.nextDouble(-14, 14), rnd.nextDouble(-14, 14), rnd.nextDouble(-14, 14)};
      double[] d = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
      boolean a = bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 0, 1e9, small);
      boolean b = bvh.closestHit(o[0], o[1], o[2], d[0], d[1], d[2], 0, 1e9, roomy);
      assertThat(a).isEqualTo(b);
      assertThat(small.triangle).isEqualTo(roomy.triangle);
      assertThat(small.t).isEqualTo(roomy.t);
      if (grown == null) {
        grown = small.stack;
        assertThat(grown.length).isGreaterThan(4); // at least one node's four children
      }
      assertThat(small.stack).isSameAs(grown); // replaced once, then reused
    }
  }

  @Test
  void nonFiniteOrHugeCoordinatesAreRejected() {
    double[] xyz = {0, 0, 0, 1, 0, 0, 0, Double.NaN, 0};
    assertThatThrownBy(() -> Bvh.build(xyz, new int[] {0, 1, 2}))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("vertex 2");
    double[] far = {0, 0, 0, 1, 0, 0, 0, 0, 1e20};
    assertThatThrownBy(() -> Bvh.build(far, new int[] {0, 1, 2}))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("coordinate 2 of vertex 2");
    // An unreferenced vertex may be anything.
    double[] spare = {0, 0, 0, 1, 0, 0, 0, 1, 0, Double.POSITIVE_INFINITY, 0, 0};
    assertThat(Bvh.build(spare, new int[] {0, 1, 2}).triangleCount()).isEqualTo(1);
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Long> seeds() {
    return net.jqwik.api.Arbitraries.longs();
  }
}
