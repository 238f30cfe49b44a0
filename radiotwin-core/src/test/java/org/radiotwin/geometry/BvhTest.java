package org.radiotwin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
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
}
