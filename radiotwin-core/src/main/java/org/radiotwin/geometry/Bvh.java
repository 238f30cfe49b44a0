package org.radiotwin.geometry;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A bounding-volume hierarchy over triangles, built with the binned surface-area heuristic (Wald
 * 2007, "On fast construction of SAH-based bounding volume hierarchies") and flattened into
 * primitive arrays in depth-first order (the left child follows its parent).
 *
 * <p>Queries use the watertight ray/triangle test of Woop, Benthin and Wald (2013), "Watertight
 * ray/triangle intersection", JCGT 2(1): a ray through a shared edge or vertex hits exactly one of
 * the triangles that share it, so no ray leaks between neighbours. Triangles are two-sided. The
 * triangle index reported is the global index of the input (scene file order).
 *
 * <p>Queries are allocation-free: the caller owns a {@link RayQuery} per thread. The structure is
 * immutable and safe to share between threads.
 */
public final class Bvh {

  /** Number of SAH bins per axis. */
  private static final int BINS = 16;

  /** Leaves hold at most this many triangles. */
  private static final int MAX_LEAF = 4;

  /** SAH cost of one node traversal relative to one triangle test. */
  private static final double TRAVERSAL_COST = 1.0;

  /** Node boxes: minx, miny, minz, maxx, maxy, maxz per node. */
  private final double[] boxes;

  /**
   * Per inner node, the boxes of its two children side by side (left then right, 6 floats each,
   * rounded outwards): one contiguous read decides which children a ray enters, which keeps the
   * traversal cache-friendly.
   */
  private final float[] childBoxes;

  /**
   * Per node: for a leaf (first triangle slot, count &gt; 0); for an inner node (index of the right
   * child, −(split axis + 1)).
   */
  private final int[] nodes;

  /** Triangle vertices in leaf order, 9 doubles per slot. */
  private final double[] tri;

  /** Global triangle index of each slot. */
  private final int[] triIndex;

  private final int nodeCount;

  private Bvh(double[] boxes, int[] nodes, int nodeCount, double[] tri, int[] triIndex) {
    this.boxes = boxes;
    this.nodes = nodes;
    this.childBoxes = new float[12 * nodeCount];
    for (int n = 0; n < nodeCount; n++) {
      if (nodes[2 * n + 1] <= 0) {
        packChildBox(boxes, 6 * (n + 1), childBoxes, 12 * n);
        packChildBox(boxes, 6 * nodes[2 * n], childBoxes, 12 * n + 6);
      }
    }
    this.nodeCount = nodeCount;
    this.tri = tri;
    this.triIndex = triIndex;
  }

  /**
   * Builds a BVH over a scene's triangles, numbered globally in object order.
   *
   * @param vertices packed vertex coordinates (x, y, z per vertex) [m]
   * @param indices packed vertex indices, three per triangle
   * @return the BVH
   */
  public static Bvh build(double[] vertices, int[] indices) {
    if (indices.length % 3 != 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "index array", "length is not a multiple of 3");
    }
    return new Builder(vertices, indices).build();
  }

  /**
   * Builds a BVH over one mesh.
   *
   * @param mesh triangles
   * @return the BVH
   */
  public static Bvh build(TriangleMesh mesh) {
    return build(mesh.copyVertices(), mesh.copyIndices());
  }

  /**
   * Number of nodes.
   *
   * @return node count
   */
  public int nodeCount() {
    return nodeCount;
  }

  /**
   * Number of triangles.
   *
   * @return triangle count
   */
  public int triangleCount() {
    return triIndex.length;
  }

  /**
   * Closest hit along a ray with t in (tMin, tMax).
   *
   * @param ox ray origin x [m]
   * @param oy ray origin y [m]
   * @param oz ray origin z [m]
   * @param dx direction x (need not be unit; t is in units of its length)
   * @param dy direction y
   * @param dz direction z
   * @param tMin exclusive lower bound of t (0 for a ray from its origin)
   * @param tMax exclusive upper bound of t ({@link Double#POSITIVE_INFINITY} for none)
   * @param q caller-owned scratch; on a hit holds t, triangle, u, v
   * @return true when a triangle was hit
   */
  public boolean closestHit(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double tMin,
      double tMax,
      RayQuery q) {
    return traverse(ox, oy, oz, dx, dy, dz, tMin, tMax, q, false);
  }

  /**
   * Whether anything blocks a ray with t in (tMin, tMax) (any-hit query, for visibility).
   *
   * @param ox ray origin x [m]
   * @param oy ray origin y [m]
   * @param oz ray origin z [m]
   * @param dx direction x
   * @param dy direction y
   * @param dz direction z
   * @param tMin exclusive lower bound of t
   * @param tMax exclusive upper bound of t (e.g. 1 for a segment from o to o + d)
   * @param q caller-owned scratch; on a hit holds one blocking triangle
   * @return true when the ray is blocked
   */
  public boolean occluded(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double tMin,
      double tMax,
      RayQuery q) {
    return traverse(ox, oy, oz, dx, dy, dz, tMin, tMax, q, true);
  }

  private boolean traverse(
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double tMin,
      double tMax,
      RayQuery q,
      boolean anyHit) {
    q.triangle = -1;
    if (nodeCount == 0) {
      return false;
    }
    // Watertight test set-up: permute axes so that z is the dominant direction component, then
    // shear so the ray becomes the +z axis.
    double adx = Math.abs(dx);
    double ady = Math.abs(dy);
    double adz = Math.abs(dz);
    int kz = adx > ady ? (adx > adz ? 0 : 2) : (ady > adz ? 1 : 2);
    int kx = kz == 2 ? 0 : kz + 1;
    int ky = kx == 2 ? 0 : kx + 1;
    double dkz = kz == 0 ? dx : kz == 1 ? dy : dz;
    if (dkz == 0) {
      return false; // zero direction
    }
    if (dkz < 0) {
      int tmp = kx;
      kx = ky;
      ky = tmp;
    }
    double dkx = kx == 0 ? dx : kx == 1 ? dy : dz;
    double dky = ky == 0 ? dx : ky == 1 ? dy : dz;
    double sx = dkx / dkz;
    double sy = dky / dkz;
    double sz = 1.0 / dkz;
    double okx = kx == 0 ? ox : kx == 1 ? oy : oz;
    double oky = ky == 0 ? ox : ky == 1 ? oy : oz;
    double okz = kz == 0 ? ox : kz == 1 ? oy : oz;

    double ix = 1.0 / dx;
    double iy = 1.0 / dy;
    double iz = 1.0 / dz;
    boolean negX = ix < 0;
    boolean negY = iy < 0;
    boolean negZ = iz < 0;

    double best = tMax;
    int bestSlot = -1;
    double bestU = 0;
    double bestV = 0;
    int[] stack = q.stack;
    double[] stackT = q.stackT;
    int sp = 0;
    final double[] b = boxes;
    final double[] tv = tri;
    int node = 0;
    if (boxEntry(b, 0, ox, oy, oz, ix, iy, iz, negX, negY, negZ, tMin, best)
        == Double.POSITIVE_INFINITY) {
      return false;
    }
    while (true) {
      int a = nodes[2 * node];
      int c = nodes[2 * node + 1];
      if (c > 0) {
        for (int s = a, end = a + c; s < end; s++) {
          int p = 9 * s;
          double ax = tv[p + kx] - okx;
          double ay = tv[p + ky] - oky;
          double az = tv[p + kz] - okz;
          double bx = tv[p + 3 + kx] - okx;
          double by = tv[p + 3 + ky] - oky;
          double bz = tv[p + 3 + kz] - okz;
          double cx = tv[p + 6 + kx] - okx;
          double cy = tv[p + 6 + ky] - oky;
          double cz = tv[p + 6 + kz] - okz;
          double axs = ax - sx * az;
          double ays = ay - sy * az;
          double bxs = bx - sx * bz;
          double bys = by - sy * bz;
          double cxs = cx - sx * cz;
          double cys = cy - sy * cz;
          double uu = cxs * bys - cys * bxs;
          double vv = axs * cys - ays * cxs;
          double ww = bxs * ays - bys * axs;
          if ((uu < 0 || vv < 0 || ww < 0) && (uu > 0 || vv > 0 || ww > 0)) {
            continue;
          }
          double det = uu + vv + ww;
          if (det == 0) {
            continue;
          }
          double tt = uu * (sz * az) + vv * (sz * bz) + ww * (sz * cz);
          if (det < 0) {
            det = -det;
            tt = -tt;
            vv = -vv;
            ww = -ww;
          }
          if (tt <= tMin * det || tt >= best * det) {
            continue;
          }
          double inv = 1.0 / det;
          best = tt * inv;
          bestSlot = s;
          bestU = vv * inv; // weight of the second vertex
          bestV = ww * inv; // weight of the third vertex
          if (anyHit) {
            q.t = best;
            q.triangle = triIndex[s];
            q.u = bestU;
            q.v = bestV;
            return true;
          }
        }
      } else {
        // Inner node: test both children here, descend into the nearer, defer the farther.
        int left = node + 1;
        final float[] cb = childBoxes;
        int o = 12 * node;
        double tl = boxEntry(cb, o, ox, oy, oz, ix, iy, iz, negX, negY, negZ, tMin, best);
        double tr = boxEntry(cb, o + 6, ox, oy, oz, ix, iy, iz, negX, negY, negZ, tMin, best);
        if (tl != Double.POSITIVE_INFINITY) {
          if (tr != Double.POSITIVE_INFINITY) {
            if (tl <= tr) {
              stack[sp] = a;
              stackT[sp++] = tr;
              node = left;
            } else {
              stack[sp] = left;
              stackT[sp++] = tl;
              node = a;
            }
          } else {
            node = left;
          }
          continue;
        }
        if (tr != Double.POSITIVE_INFINITY) {
          node = a;
          continue;
        }
      }
      // Pop the next deferred node that may still hold a closer hit.
      do {
        if (sp == 0) {
          node = -1;
          break;
        }
        node = stack[--sp];
      } while (stackT[sp] >= best);
      if (node < 0) {
        break;
      }
    }
    if (bestSlot < 0) {
      return false;
    }
    q.t = best;
    q.triangle = triIndex[bestSlot];
    q.u = bestU;
    q.v = bestV;
    return true;
  }

  private static void packChildBox(double[] src, int s, float[] dst, int d) {
    for (int k = 0; k < 3; k++) {
      float lo = (float) src[s + k];
      float hi = (float) src[s + 3 + k];
      dst[d + k] = lo > src[s + k] ? Math.nextDown(lo) : lo;
      dst[d + 3 + k] = hi < src[s + 3 + k] ? Math.nextUp(hi) : hi;
    }
  }

  /** {@link #boxEntry} on a float box. */
  private static double boxEntry(
      float[] b,
      int o,
      double ox,
      double oy,
      double oz,
      double ix,
      double iy,
      double iz,
      boolean negX,
      boolean negY,
      boolean negZ,
      double tMin,
      double tMax) {
    double t0 = tMin;
    double t1 = tMax;
    double lo = ((negX ? b[o + 3] : b[o]) - ox) * ix;
    double hi = ((negX ? b[o] : b[o + 3]) - ox) * ix;
    if (lo > t0) {
      t0 = lo;
    }
    if (hi < t1) {
      t1 = hi;
    }
    lo = ((negY ? b[o + 4] : b[o + 1]) - oy) * iy;
    hi = ((negY ? b[o + 1] : b[o + 4]) - oy) * iy;
    if (lo > t0) {
      t0 = lo;
    }
    if (hi < t1) {
      t1 = hi;
    }
    lo = ((negZ ? b[o + 5] : b[o + 2]) - oz) * iz;
    hi = ((negZ ? b[o + 2] : b[o + 5]) - oz) * iz;
    if (lo > t0) {
      t0 = lo;
    }
    if (hi < t1) {
      t1 = hi;
    }
    return t0 <= t1 ? t0 : Double.POSITIVE_INFINITY;
  }

  /**
   * Entry distance of a ray into a node box, or +∞ when it misses the box within (tMin, tMax). NaN
   * from 0·∞ (origin on a slab plane, direction parallel to it) fails the comparisons and so leaves
   * the interval unchanged, which is the conservative answer; boxes are padded by a few ulps at
   * build time so rounding never culls a box that a triangle touches.
   */
  private static double boxEntry(
      double[] b,
      int o,
      double ox,
      double oy,
      double oz,
      double ix,
      double iy,
      double iz,
      boolean negX,
      boolean negY,
      boolean negZ,
      double tMin,
      double tMax) {
    double t0 = tMin;
    double t1 = tMax;
    double lo = ((negX ? b[o + 3] : b[o]) - ox) * ix;
    double hi = ((negX ? b[o] : b[o + 3]) - ox) * ix;
    if (lo > t0) {
      t0 = lo;
    }
    if (hi < t1) {
      t1 = hi;
    }
    lo = ((negY ? b[o + 4] : b[o + 1]) - oy) * iy;
    hi = ((negY ? b[o + 1] : b[o + 4]) - oy) * iy;
    if (lo > t0) {
      t0 = lo;
    }
    if (hi < t1) {
      t1 = hi;
    }
    lo = ((negZ ? b[o + 5] : b[o + 2]) - oz) * iz;
    hi = ((negZ ? b[o + 2] : b[o + 5]) - oz) * iz;
    if (lo > t0) {
      t0 = lo;
    }
    if (hi < t1) {
      t1 = hi;
    }
    return t0 <= t1 ? t0 : Double.POSITIVE_INFINITY;
  }

  /**
   * Casts many rays (closest hit, t in (0, ∞)) in parallel on a fork-join pool. Each ray's result
   * depends on that ray alone, so the output is identical for any pool size.
   *
   * @param rays packed rays, 6 doubles each (origin, direction)
   * @param count number of rays
   * @param tOut per-ray hit distance, NaN on a miss
   * @param triOut per-ray global triangle index, −1 on a miss
   * @param pool the pool to run on (e.g. {@link ForkJoinPool#commonPool()})
   */
  public void castClosest(
      double[] rays, int count, double[] tOut, int[] triOut, ForkJoinPool pool) {
    final int chunk = 4096;
    int chunks = (count + chunk - 1) / chunk;
    Runnable work =
        () ->
            IntStream.range(0, chunks)
                .parallel()
                .forEach(
                    c -> {
                      RayQuery q = new RayQuery();
                      int end = Math.min(count, (c + 1) * chunk);
                      for (int i = c * chunk; i < end; i++) {
                        int r = 6 * i;
                        if (closestHit(
                            rays[r],
                            rays[r + 1],
                            rays[r + 2],
                            rays[r + 3],
                            rays[r + 4],
                            rays[r + 5],
                            0,
                            Double.POSITIVE_INFINITY,
                            q)) {
                          tOut[i] = q.t;
                          triOut[i] = q.triangle;
                        } else {
                          tOut[i] = Double.NaN;
                          triOut[i] = -1;
                        }
                      }
                    });
    if (pool == ForkJoinPool.commonPool()) {
      work.run();
    } else {
      pool.submit(work).join();
    }
  }

  // ------------------------------------------------------------------ construction

  /** Binned-SAH top-down builder working on centroid and box arrays. */
  private static final class Builder {
    private final double[] verts;
    private final int[] idx;
    private final int n;
    private final double[] cent;
    private final double[] tbox;
    private final int[] order;
    private double[] boxes;
    private int[] nodes;
    private int nodeCount;

    private final double[] binBox = new double[6 * BINS];
    private final int[] binCount = new int[BINS];
    private final double[] rightArea = new double[BINS];
    private final int[] rightCount = new int[BINS];

    Builder(double[] verts, int[] idx) {
      this.verts = verts;
      this.idx = idx;
      this.n = idx.length / 3;
      this.cent = new double[3 * n];
      this.tbox = new double[6 * n];
      this.order = new int[n];
      for (int t = 0; t < n; t++) {
        order[t] = t;
        for (int k = 0; k < 3; k++) {
          double lo = Double.POSITIVE_INFINITY;
          double hi = Double.NEGATIVE_INFINITY;
          for (int c = 0; c < 3; c++) {
            int vi = idx[3 * t + c];
            if (vi < 0 || 3 * vi + 2 >= verts.length) {
              throw new RadioTwinException(
                  RadioTwinMessages.INVALID_ARGUMENT,
                  "vertex index of triangle " + t,
                  vi + " is out of range");
            }
            double x = verts[3 * vi + k];
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
          }
          tbox[6 * t + k] = lo;
          tbox[6 * t + 3 + k] = hi;
          cent[3 * t + k] = 0.5 * (lo + hi);
        }
      }
      int cap = Math.max(1, 2 * n);
      boxes = new double[6 * cap];
      nodes = new int[2 * cap];
    }

    Bvh build() {
      if (n > 0) {
        buildNode(0, n);
      }
      double[] tri = new double[9 * n];
      int[] triIndex = new int[n];
      for (int s = 0; s < n; s++) {
        int t = order[s];
        triIndex[s] = t;
        for (int c = 0; c < 3; c++) {
          int vi = idx[3 * t + c];
          tri[9 * s + 3 * c] = verts[3 * vi];
          tri[9 * s + 3 * c + 1] = verts[3 * vi + 1];
          tri[9 * s + 3 * c + 2] = verts[3 * vi + 2];
        }
      }
      return new Bvh(
          Arrays.copyOf(boxes, 6 * nodeCount),
          Arrays.copyOf(nodes, 2 * nodeCount),
          nodeCount,
          tri,
          triIndex);
    }

    private int buildNode(int start, int end) {
      int node = nodeCount++;
      int o = 6 * node;
      double[] cb = {
        Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY
      };
      for (int k = 0; k < 3; k++) {
        boxes[o + k] = Double.POSITIVE_INFINITY;
        boxes[o + 3 + k] = Double.NEGATIVE_INFINITY;
      }
      for (int i = start; i < end; i++) {
        int t = order[i];
        for (int k = 0; k < 3; k++) {
          boxes[o + k] = Math.min(boxes[o + k], tbox[6 * t + k]);
          boxes[o + 3 + k] = Math.max(boxes[o + 3 + k], tbox[6 * t + 3 + k]);
          cb[k] = Math.min(cb[k], cent[3 * t + k]);
          cb[3 + k] = Math.max(cb[3 + k], cent[3 * t + k]);
        }
      }
      // Pad by a few ulps so rounding in the slab test never culls a box that a triangle touches.
      for (int k = 0; k < 3; k++) {
        boxes[o + k] -= 4 * Math.ulp(boxes[o + k]);
        boxes[o + 3 + k] += 4 * Math.ulp(boxes[o + 3 + k]);
      }
      int count = end - start;
      if (count <= MAX_LEAF) {
        makeLeaf(node, start, count);
        return node;
      }
      int bestAxis = -1;
      int bestSplit = -1;
      double bestCost = Double.POSITIVE_INFINITY;
      for (int axis = 0; axis < 3; axis++) {
        double lo = cb[axis];
        double ext = cb[3 + axis] - lo;
        if (!(ext > 0)) {
          continue;
        }
        double scale = BINS / ext;
        Arrays.fill(binCount, 0);
        for (int bi = 0; bi < BINS; bi++) {
          emptyBox(binBox, 6 * bi);
        }
        for (int i = start; i < end; i++) {
          int t = order[i];
          int bi = Math.min(BINS - 1, (int) ((cent[3 * t + axis] - lo) * scale));
          binCount[bi]++;
          grow(binBox, 6 * bi, tbox, 6 * t);
        }
        // Sweep from the right to get the area and count right of every split plane.
        double[] acc = new double[6];
        emptyBox(acc, 0);
        int cnt = 0;
        for (int bi = BINS - 1; bi > 0; bi--) {
          grow(acc, 0, binBox, 6 * bi);
          cnt += binCount[bi];
          rightArea[bi] = area(acc);
          rightCount[bi] = cnt;
        }
        emptyBox(acc, 0);
        cnt = 0;
        for (int bi = 0; bi < BINS - 1; bi++) {
          grow(acc, 0, binBox, 6 * bi);
          cnt += binCount[bi];
          int rc = rightCount[bi + 1];
          if (cnt == 0 || rc == 0) {
            continue;
          }
          double cost = cnt * area(acc) + rc * rightArea[bi + 1];
          if (cost < bestCost) {
            bestCost = cost;
            bestAxis = axis;
            bestSplit = bi;
          }
        }
      }
      double parentArea = area(boxes, o);
      double leafCost = count;
      int mid;
      if (bestAxis < 0) {
        // All centroids coincide: split the list in half (or stop if small enough).
        mid = start + count / 2;
        bestAxis = 0;
      } else {
        double splitCost = TRAVERSAL_COST + bestCost / Math.max(parentArea, Double.MIN_NORMAL);
        if (splitCost >= leafCost && count <= 2 * MAX_LEAF) {
          makeLeaf(node, start, count);
          return node;
        }
        double lo = cb[bestAxis];
        double scale = BINS / (cb[3 + bestAxis] - lo);
        int i = start;
        int j = end - 1;
        while (i <= j) {
          int t = order[i];
          int bi = Math.min(BINS - 1, (int) ((cent[3 * t + bestAxis] - lo) * scale));
          if (bi <= bestSplit) {
            i++;
          } else {
            order[i] = order[j];
            order[j] = t;
            j--;
          }
        }
        mid = i;
        if (mid == start || mid == end) {
          mid = start + count / 2;
        }
      }
      buildNode(start, mid);
      int right = buildNode(mid, end);
      nodes[2 * node] = right;
      nodes[2 * node + 1] = -(bestAxis + 1);
      return node;
    }

    private void makeLeaf(int node, int start, int count) {
      nodes[2 * node] = start;
      nodes[2 * node + 1] = count;
    }

    private static void emptyBox(double[] b, int o) {
      b[o] = b[o + 1] = b[o + 2] = Double.POSITIVE_INFINITY;
      b[o + 3] = b[o + 4] = b[o + 5] = Double.NEGATIVE_INFINITY;
    }

    private static void grow(double[] dst, int d, double[] src, int s) {
      for (int k = 0; k < 3; k++) {
        dst[d + k] = Math.min(dst[d + k], src[s + k]);
        dst[d + 3 + k] = Math.max(dst[d + 3 + k], src[s + 3 + k]);
      }
    }

    private static double area(double[] b) {
      return area(b, 0);
    }

    private static double area(double[] b, int o) {
      double ex = b[o + 3] - b[o];
      double ey = b[o + 4] - b[o + 1];
      double ez = b[o + 5] - b[o + 2];
      if (!(ex >= 0) || !(ey >= 0) || !(ez >= 0)) {
        return 0;
      }
      return 2 * (ex * ey + ey * ez + ez * ex);
    }
  }
}
