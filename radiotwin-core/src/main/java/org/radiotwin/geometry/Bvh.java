package org.radiotwin.geometry;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A 4-wide bounding-volume hierarchy (BVH4) over triangles for closest-hit and any-hit ray queries.
 *
 * <p><b>Construction.</b> A binary BVH is built top-down with the binned surface-area heuristic
 * (Wald 2007, "On fast construction of SAH-based bounding volume hierarchies", IEEE Symposium on
 * Interactive Ray Tracing, doi:10.1109/RT.2007.4342588; 32 bins per axis, leaves of at most 4
 * triangles, or up to twice that where the SAH prefers a leaf). It is then collapsed into a 4-wide
 * BVH as proposed by Wald, Benthin and Boulos (2008), "Getting rid of packets: efficient SIMD
 * single-ray traversal using multi-branching BVHs", IEEE Symposium on Interactive Ray Tracing,
 * doi:10.1109/RT.2008.4634620, and Dammertz, Hanika and Keller (2008), "Shallow bounding volume
 * hierarchies for fast SIMD ray tracing of incoherent rays", Computer Graphics Forum 27(4),
 * doi:10.1111/j.1467-8659.2008.01261.x: starting from the two children of a binary node, the inner
 * child with the largest surface area is repeatedly replaced by its own two children until there
 * are four. The tree is half as deep as the binary one and one node fetch brings in the boxes of
 * four children, so a ray needs far fewer dependent memory accesses.
 *
 * <p><b>Node layout.</b> All nodes live in one {@code float[]}, 28 floats (112 bytes, under two
 * cache lines) per node, in depth-first order, the root at offset 0:
 *
 * <pre>
 *   [ 0.. 3] min x of children 0..3     [ 4.. 7] max x of children 0..3
 *   [ 8..11] min y                      [12..15] max y
 *   [16..19] min z                      [20..23] max z
 *   [24..27] child references (int bit patterns, {@link Float#intBitsToFloat})
 * </pre>
 *
 * The boxes are stored as structure of arrays so that each plane of the four children is read at a
 * constant offset. A child reference {@code r ≥ 0} is the offset of an inner node in the array; a
 * leaf is {@code r = LEAF_FLAG | (first triangle slot << 3) | (count − 1)} (no reference is a NaN
 * pattern, so the float array carries them unchanged). Unused child slots have all six planes at
 * +∞, which no ray enters. The boxes are the binary builder's double boxes padded by 2^−20 of the
 * scene's largest coordinate magnitude and rounded outwards to float, so every triangle lies inside
 * all boxes on its path with a margin far above any rounding error.
 *
 * <p><b>Triangles</b> are stored in leaf order, so that a leaf's triangles are contiguous, as 10
 * values per slot: the three vertices, then the global triangle index. When every vertex coordinate
 * is exactly a float (scenes read from PLY files) they are floats (40 bytes a triangle, the index
 * as int bits), otherwise doubles; converting a float back to double is exact, so both give the
 * same results.
 *
 * <p><b>Traversal.</b> At an inner node the four child boxes are slab-tested (Kay and Kajiya 1986,
 * "Ray tracing complex scenes", SIGGRAPH '86, doi:10.1145/15886.15916) in float arithmetic with a
 * proven bound on the rounding error, in the spirit of Ize (2013), "Robust BVH ray traversal", JCGT
 * 2(2):12–27: each plane distance is {@code fma(b, 1/d, −o/d)}, the near planes' constant lowered
 * and the far planes' raised by that bound, so the float test enters every box that the exact test
 * enters (see {@link #childKey}). Each child gets a 64-bit key, entry distance in the high half and
 * reference in the low half; the four keys are sorted by a branch-free network and pushed, and the
 * nearest is visited next. Deferred nodes whose entry distance exceeds the closest hit so far are
 * skipped when popped. The slab comparisons use the int bit patterns of the floats, which the JIT
 * compiles to conditional moves: incoherent rays make every branch of a box test a coin toss.
 *
 * <p><b>Triangle test.</b> The watertight ray/triangle test of Woop, Benthin and Wald (2013),
 * "Watertight ray/triangle intersection", JCGT 2(1):65–82, in double precision: a ray through a
 * shared edge or vertex hits at least one of the triangles that share it, so no ray leaks between
 * neighbours. Triangles are two-sided. The closest hit is the one with the smallest computed t;
 * exact ties (coincident faces) go to the lowest global triangle index, so the result depends on
 * neither the tree's shape nor the traversal order. The triangle index reported is the global index
 * of the input (scene file order).
 *
 * <p>Queries are allocation-free: the caller owns a {@link RayQuery} per thread. The structure is
 * immutable and safe to share between threads.
 */
public final class Bvh {

  /** Number of SAH bins per axis (32 gave 5 to 20 % fewer node visits than 16). */
  private static final int BINS = 32;

  /** Leaves hold at most this many triangles (twice as many where the SAH prefers a leaf). */
  private static final int MAX_LEAF = 4;

  /** SAH cost of one node traversal relative to one triangle test. */
  private static final double TRAVERSAL_COST = 1.0;

  /** Children per node. */
  private static final int WIDTH = 4;

  /** Floats per node: 6 × 4 box planes and 4 child references. */
  static final int NODE_SIZE = 28;

  /**
   * Absolute padding of the node boxes relative to the largest coordinate magnitude of the scene.
   * Every triangle then lies inside each box on its path with this margin, so a ray that hits it
   * enters each of those boxes at least 2^−20·M/|d| before the hit, far more than the rounding
   * error of the hit distance: culling on entry distance never drops a hit, exact ties included.
   */
  private static final double PAD = 0x1p-20;

  /**
   * Bound on the rounding error of a float plane distance fma(b, i, c), c = −o·i, relative to (M +
   * |o|)·|i| where M bounds the box coordinates: the float roundings of i, of c and of the fma each
   * contribute at most 2^−24 of it, so 2^−21 leaves ample room.
   */
  private static final double ERR = 0x1p-21;

  /**
   * Largest supported coordinate magnitude, 2^64 m (1.8·10^19 m): it keeps every float box plane
   * and slab distance of the traversal finite.
   */
  private static final double MAX_COORDINATE = 0x1p64;

  /** Values per triangle slot: 9 vertex coordinates and the global index. */
  static final int TRI_SIZE = 10;

  /** Offset of the child references within a node. */
  private static final int REFS = 24;

  /** A leaf reference is {@code LEAF_FLAG | (first slot << 3) | (count − 1)}. */
  private static final int LEAF_FLAG = Integer.MIN_VALUE;

  /** Clears {@link #LEAF_FLAG}. */
  private static final int LEAF_MASK = Integer.MAX_VALUE;

  /** Low half of a traversal key: the child reference. */
  private static final long REF_BITS = 0xFFFFFFFFL;

  /** The BVH4 nodes (layout in the class comment). */
  private final float[] nodes;

  /** Reference of the root (an inner node at offset 0, or a leaf when there are few triangles). */
  private final int root;

  /** Root box: min x, y, z, max x, y, z. */
  private final double[] bounds;

  /** Bound on the magnitude of every finite coordinate of the float node boxes [m]. */
  private final double reach;

  /** Number of BVH4 nodes. */
  private final int nodeCount;

  /** Stack entries a traversal may need: three deferred children per level, plus slack. */
  private final int stackSize;

  /**
   * Triangles in leaf order when every vertex coordinate is exactly a float (as for scenes read
   * from PLY files): 10 floats per slot, the three vertices then the global triangle index as int
   * bits; null otherwise.
   */
  private final float[] triF;

  /** Triangles in leaf order as doubles, same layout (index as a double), when triF is null. */
  private final double[] triD;

  /** Number of triangles. */
  private final int triangleCount;

  private Bvh(
      float[] nodes,
      int root,
      double[] bounds,
      int nodeCount,
      int depth,
      float[] triF,
      double[] triD,
      int triangleCount) {
    this.nodes = nodes;
    this.bounds = bounds;
    double m = 0;
    for (double b : bounds) {
      m = Math.max(m, Math.abs(b));
    }
    this.reach = m * (1 + 0x1p-10);
    this.root = root;
    this.nodeCount = nodeCount;
    this.stackSize = (WIDTH - 1) * depth + 2 * WIDTH;
    this.triF = triF;
    this.triD = triD;
    this.triangleCount = triangleCount;
  }

  /**
   * Builds a BVH over a scene's triangles, numbered globally in object order.
   *
   * @param vertices packed vertex coordinates (x, y, z per vertex) [m]; those of referenced
   *     vertices must be finite and at most 2^64 m (1.8·10^19 m) in magnitude
   * @param indices packed vertex indices, three per triangle
   * @return the BVH
   * @throws RadioTwinException when the index array's length is not a multiple of 3, an index is
   *     out of range or a referenced coordinate is not finite or too large
   */
  public static Bvh build(double[] vertices, int[] indices) {
    if (indices.length % 3 != 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "index array", "length is not a multiple of 3");
    }
    if (indices.length / 3 > Integer.MAX_VALUE / TRI_SIZE) {
      // The triangle store is one array of 10 values per triangle.
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "triangle count",
          indices.length / 3 + " exceeds " + Integer.MAX_VALUE / TRI_SIZE);
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
   * Number of nodes (4-wide inner nodes; leaves are stored in their parents' child references).
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
    return triangleCount;
  }

  /**
   * Closest hit along a ray with t in (tMin, tMax). Among hits at exactly the same computed t the
   * triangle with the lowest global index is reported. The arguments must be finite, except that
   * tMin may be −∞ and tMax +∞; a zero direction hits nothing.
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
   * Whether anything blocks a ray with t in (tMin, tMax) (any-hit query, for visibility). The
   * traversal stops at the first hit found, so the triangle reported is one of the blockers, not
   * necessarily the closest. The arguments must be finite, except that tMin may be −∞ and tMax +∞.
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
    if (triangleCount == 0) {
      return false;
    }
    // Watertight test set-up (Woop et al. 2013): permute axes so that z is the dominant direction
    // component, then shear so the ray becomes the +z axis. The axis selections index a scratch
    // copy of the ray and use int arithmetic rather than nested conditionals: these choices
    // differ from ray to ray and would be mispredicted.
    double[] r = q.ray;
    r[0] = dx;
    r[1] = dy;
    r[2] = dz;
    r[3] = ox;
    r[4] = oy;
    r[5] = oz;
    double adx = Math.abs(dx);
    double ady = Math.abs(dy);
    double adz = Math.abs(dz);
    // kz = adx > ady ? (adx > adz ? 0 : 2) : (ady > adz ? 1 : 2)
    int xy = adx > ady ? 1 : 0;
    int kz = 2 - 2 * (xy & (adx > adz ? 1 : 0)) - ((xy ^ 1) & (ady > adz ? 1 : 0));
    int kx = (kz + 1) & ((kz - 2) >> 31);
    int ky = (kx + 1) & ((kx - 2) >> 31);
    double dkz = r[kz];
    if (dkz == 0) {
      return false; // zero direction
    }
    // A negative dominant component swaps kx and ky to preserve the winding.
    int swap = (kx ^ ky) & (int) (Double.doubleToRawLongBits(dkz) >> 63);
    kx ^= swap;
    ky ^= swap;
    double sx = r[kx] / dkz;
    double sy = r[ky] / dkz;
    double sz = 1.0 / dkz;
    double okx = r[3 + kx];
    double oky = r[3 + ky];
    double okz = r[3 + kz];

    // Slab test set-up (see childKey). Box distances are measured in units of 1/s, s the largest
    // direction component, i.e. within a factor √3 of metres whatever the direction's length, so
    // that they fit a float. With tMin < 0 the box tests start from a shifted origin (at tMin, or
    // behind all geometry) so that their lower bound is +0.
    double s = Math.abs(dkz);
    double shift = tMin >= 0 ? 0 : Math.max(tMin, behindAll(ox, oy, oz, dx, dy, dz));
    float ix = scaledInverse(s, dx);
    float iy = scaledInverse(s, dy);
    float iz = scaledInverse(s, dz);
    // Plane distance (b − o)·i = fma(b, i, c) with c = −o·i, computed in float. e bounds its
    // rounding error (see ERR); the near plane's constant is lowered by it and the far plane's
    // raised (the min planes are the near ones for a positive component), so the float test
    // enters every box that the exact test enters.
    double px = ox + shift * dx;
    double py = oy + shift * dy;
    double pz = oz + shift * dz;
    double ex = Math.copySign(ERR * (reach + Math.abs(px)) * Math.abs(ix), ix);
    double ey = Math.copySign(ERR * (reach + Math.abs(py)) * Math.abs(iy), iy);
    double ez = Math.copySign(ERR * (reach + Math.abs(pz)) * Math.abs(iz), iz);
    float cx0 = slabConstant(-px * ix - ex);
    float cx1 = slabConstant(-px * ix + ex);
    float cy0 = slabConstant(-py * iy - ey);
    float cy1 = slabConstant(-py * iy + ey);
    float cz0 = slabConstant(-pz * iz - ez);
    float cz1 = slabConstant(-pz * iz + ez);
    double low = (shift == 0 ? tMin : 0) * s;
    int lowBits = Float.floatToRawIntBits(roundDown(low - Math.abs(low) * 0x1p-40) + 0.0f);

    double best = tMax;
    int bound = boundBits(best, shift, s);
    long cull = ((long) bound << 32) | REF_BITS;
    int bestTri = Integer.MAX_VALUE;
    double bestU = 0;
    double bestV = 0;
    if (q.stack.length < stackSize) {
      q.stack = new long[stackSize];
    }
    final long[] stack = q.stack;
    final float[] nd = nodes;
    final float[] tf = triF;
    final double[] td = triD;
    int sp = 0;
    int ref = root;
    traversal:
    while (true) {
      if (ref >= 0) {
        // Inner node: key the four children (entry distance and reference, or negative when the
        // ray misses the child), sort the keys in descending order with a branch-free network,
        // push them all and keep the hits: the nearest ends on top and is visited next.
        long k0 = childKey(nd, ref, ix, iy, iz, cx0, cx1, cy0, cy1, cz0, cz1, lowBits, bound);
        long k1 = childKey(nd, ref + 1, ix, iy, iz, cx0, cx1, cy0, cy1, cz0, cz1, lowBits, bound);
        long k2 = childKey(nd, ref + 2, ix, iy, iz, cx0, cx1, cy0, cy1, cz0, cz1, lowBits, bound);
        long k3 = childKey(nd, ref + 3, ix, iy, iz, cx0, cx1, cy0, cy1, cz0, cz1, lowBits, bound);
        // Keys lie in [−2^32, 2^63 − 2^55), so differences cannot overflow; a compare-exchange is
        // d = min(a − b, 0), a −= d, b += d, with no branch.
        long d = k0 - k1;
        d &= d >> 63;
        k0 -= d;
        k1 += d;
        d = k2 - k3;
        d &= d >> 63;
        k2 -= d;
        k3 += d;
        d = k0 - k2;
        d &= d >> 63;
        k0 -= d;
        k2 += d;
        d = k1 - k3;
        d &= d >> 63;
        k1 -= d;
        k3 += d;
        d = k1 - k2;
        d &= d >> 63;
        k1 -= d;
        k2 += d;
        stack[sp] = k0;
        stack[sp + 1] = k1;
        stack[sp + 2] = k2;
        stack[sp + 3] = k3;
        int entered = 4 + (int) ((k0 >> 63) + (k1 >> 63) + (k2 >> 63) + (k3 >> 63));
        if (entered > 0) {
          sp += entered - 1;
          ref = (int) stack[sp];
          continue;
        }
      } else {
        int leaf = ref & LEAF_MASK;
        for (int slot = leaf >>> 3, end = slot + (leaf & 7) + 1; slot < end; slot++) {
          int p = TRI_SIZE * slot;
          double ax;
          double ay;
          double az;
          double bx;
          double by;
          double bz;
          double cx;
          double cy;
          double cz;
          if (tf != null) {
            ax = tf[p + kx] - okx;
            ay = tf[p + ky] - oky;
            az = tf[p + kz] - okz;
            bx = tf[p + 3 + kx] - okx;
            by = tf[p + 3 + ky] - oky;
            bz = tf[p + 3 + kz] - okz;
            cx = tf[p + 6 + kx] - okx;
            cy = tf[p + 6 + ky] - oky;
            cz = tf[p + 6 + kz] - okz;
          } else {
            ax = td[p + kx] - okx;
            ay = td[p + ky] - oky;
            az = td[p + kz] - okz;
            bx = td[p + 3 + kx] - okx;
            by = td[p + 3 + ky] - oky;
            bz = td[p + 3 + kz] - okz;
            cx = td[p + 6 + kx] - okx;
            cy = td[p + 6 + ky] - oky;
            cz = td[p + 6 + kz] - okz;
          }
          double axs = ax - sx * az;
          double ays = ay - sy * az;
          double bxs = bx - sx * bz;
          double bys = by - sy * bz;
          double cxs = cx - sx * cz;
          double cys = cy - sy * cz;
          double uu = cxs * bys - cys * bxs;
          double vv = axs * cys - ays * cxs;
          double ww = bxs * ays - bys * axs;
          // Outside unless the three edge functions agree in sign (zeros agree with both).
          if (Math.min(uu, Math.min(vv, ww)) < 0 && Math.max(uu, Math.max(vv, ww)) > 0) {
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
          if (tt <= tMin * det || tt >= tMax * det) {
            continue;
          }
          double inv = 1.0 / det;
          double t = tt * inv;
          if (t > best) {
            continue;
          }
          int g = tf != null ? Float.floatToRawIntBits(tf[p + 9]) : (int) td[p + 9];
          if (t >= best && g >= bestTri) {
            continue; // an exact tie (t ≤ best here): keep the lower index, whatever the order
          }
          best = t;
          bound = boundBits(best, shift, s);
          cull = ((long) bound << 32) | REF_BITS;
          bestTri = g;
          bestU = vv * inv; // weight of the second vertex
          bestV = ww * inv; // weight of the third vertex
          if (anyHit) {
            break traversal;
          }
        }
      }
      // Pop the next deferred node that may still hold a hit at least as close (a tie may still
      // win on the triangle index, hence a bound that lets equal distances through).
      while (true) {
        if (sp == 0) {
          break traversal;
        }
        long key = stack[--sp];
        if (key <= cull) {
          ref = (int) key;
          break;
        }
      }
    }
    if (bestTri == Integer.MAX_VALUE) {
      return false;
    }
    q.t = best;
    q.triangle = bestTri;
    q.u = bestU;
    q.v = bestV;
    return true;
  }

  /**
   * s/d as a float, clamped to ±2^64 so that slab distances are never NaN (0·∞) and stay far from
   * float overflow. Clamping scales the slab interval of an almost axis-parallel direction towards
   * 0, which keeps an entry conservative; an exit shrinks too, but a ray that hits a triangle in
   * the box is at least the box padding ({@link #PAD}) inside the far plane, so its exit stays
   * above 2^44 times the scene's extent.
   */
  private static float scaledInverse(double s, double d) {
    double i = s / d;
    return (float) (Math.abs(i) <= 0x1p64 ? i : Math.copySign(0x1p64, i));
  }

  /**
   * A slab constant as a float, clamped to ±2^127 so that it is finite: fma(+∞, i, c) for an unused
   * child slot is then ±∞, never NaN. Only origins astronomically far from the scene reach the
   * clamp.
   */
  private static float slabConstant(double c) {
    return (float) Math.max(-0x1p127, Math.min(0x1p127, c));
  }

  /** The largest float not above x (x ≥ 0). */
  private static float roundDown(double x) {
    float f = (float) x;
    return f > x ? Math.nextDown(f) : f;
  }

  /**
   * Float bits of an upper bound on the scaled box entry distance that may still lead to a hit no
   * farther than {@code best}: shifted when the box tests start from a shifted origin, widened by a
   * relative 2^−40 and rounded up so that rounding never culls a box holding an exact tie, and at
   * most the largest float so that an entry at +∞ never passes.
   */
  private static int boundBits(double best, double shift, double s) {
    double b = (best - shift) * s;
    b += Math.abs(b) * 0x1p-40;
    float f = (float) Math.min(b, Float.MAX_VALUE);
    if (f < b && f < Float.MAX_VALUE) {
      f = Math.nextUp(f);
    }
    return Float.floatToRawIntBits(f);
  }

  /**
   * A finite t below which the ray meets nothing: minus twice the distance from the origin to the
   * farthest corner of the root box, in units of the direction's length, minus 1.
   */
  private double behindAll(double ox, double oy, double oz, double dx, double dy, double dz) {
    double ex = Math.max(Math.abs(bounds[0] - ox), Math.abs(bounds[3] - ox));
    double ey = Math.max(Math.abs(bounds[1] - oy), Math.abs(bounds[4] - oy));
    double ez = Math.max(Math.abs(bounds[2] - oz), Math.abs(bounds[5] - oz));
    double r = Math.sqrt(ex * ex + ey * ey + ez * ez);
    return -2 * r / Math.sqrt(dx * dx + dy * dy + dz * dz) - 1;
  }

  /**
   * Slab test of child {@code o} (0 to 3 past a node's offset) of a node (Kay and Kajiya 1986):
   * returns a key with the entry distance's float bits in the high 32 bits and the child reference
   * in the low 32 bits when the ray enters the box with an entry distance in [low, bound], or a
   * negative key when it does not.
   *
   * <p>The plane distances {@code fma(b, i, c)} are float; the constants {@code c0} (min planes)
   * and {@code c1} (max planes) carry the rounding-error margin, so each computed near distance is
   * at most the exact one and each far distance at least the exact one. They are compared as the
   * int bit patterns of the floats, which the JIT compiles to conditional moves ({@link
   * Math#max(int, int)} is an intrinsic) rather than to unpredictable branches or NaN-aware
   * floating-point min/max sequences. For non-negative floats the int order is the numeric order,
   * and every negative float is below +0. With {@code low ≥ +0} the maximum of the near distances
   * is therefore exact when non-negative (a negative one never wins), and the minimum of the far
   * distances is exact when all are non-negative and negative as soon as one is, in which case the
   * box lies behind the ray and is correctly missed. Unused child slots have all planes at +∞: a
   * positive direction component puts their entry at +∞, above any bound (at most the largest
   * float), and a negative one puts their exit at −∞.
   */
  private static long childKey(
      float[] nd,
      int o,
      float ix,
      float iy,
      float iz,
      float cx0,
      float cx1,
      float cy0,
      float cy1,
      float cz0,
      float cz1,
      int low,
      int bound) {
    int ax = Float.floatToRawIntBits(Math.fma(nd[o], ix, cx0));
    int bx = Float.floatToRawIntBits(Math.fma(nd[o + 4], ix, cx1));
    int ay = Float.floatToRawIntBits(Math.fma(nd[o + 8], iy, cy0));
    int by = Float.floatToRawIntBits(Math.fma(nd[o + 12], iy, cy1));
    int az = Float.floatToRawIntBits(Math.fma(nd[o + 16], iz, cz0));
    int bz = Float.floatToRawIntBits(Math.fma(nd[o + 20], iz, cz1));
    int t0 =
        Math.max(Math.max(low, Math.min(ax, bx)), Math.max(Math.min(ay, by), Math.min(az, bz)));
    int t1 =
        Math.min(Math.min(bound, Math.max(ax, bx)), Math.min(Math.max(ay, by), Math.max(az, bz)));
    // t0 is in [0, +∞ bits]; clamping t1 at −1 keeps t1 − t0 from overflowing.
    int miss = (Math.max(t1, -1) - t0) >> 31;
    return ((long) (t0 | miss) << 32) | (Float.floatToRawIntBits(nd[o + REFS]) & REF_BITS);
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

  /**
   * Binned-SAH top-down builder of the binary BVH that the 4-wide one is collapsed from (Wald
   * 2007), working on centroid and box arrays. Nodes are numbered depth-first, the left child right
   * after its parent; per node {@code nodes[2n]} is the right child (inner) or the first triangle
   * slot (leaf) and {@code nodes[2n + 1]} is −(split axis + 1) (inner) or the triangle count
   * (leaf).
   */
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
            if (!Double.isFinite(x)) {
              throw new RadioTwinException(
                  RadioTwinMessages.NOT_FINITE, "coordinate " + k + " of vertex " + vi, x);
            }
            if (Math.abs(x) > MAX_COORDINATE) {
              throw new RadioTwinException(
                  RadioTwinMessages.INVALID_ARGUMENT,
                  "coordinate " + k + " of vertex " + vi,
                  x + " m exceeds the supported magnitude of " + MAX_COORDINATE + " m");
            }
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
      boolean exact = true;
      for (int t = 0; t < n && exact; t++) {
        for (int c = 0; c < 3; c++) {
          int vi = idx[3 * t + c];
          for (int k = 0; k < 3; k++) {
            double x = verts[3 * vi + k];
            exact &= (double) (float) x == x && Math.abs(x) <= Float.MAX_VALUE;
          }
        }
      }
      float[] triF = exact ? new float[TRI_SIZE * n] : null;
      double[] triD = exact ? null : new double[TRI_SIZE * n];
      for (int s = 0; s < n; s++) {
        int t = order[s];
        for (int c = 0; c < 3; c++) {
          int vi = idx[3 * t + c];
          for (int k = 0; k < 3; k++) {
            if (exact) {
              triF[TRI_SIZE * s + 3 * c + k] = (float) verts[3 * vi + k];
            } else {
              triD[TRI_SIZE * s + 3 * c + k] = verts[3 * vi + k];
            }
          }
        }
        if (exact) {
          triF[TRI_SIZE * s + 9] = Float.intBitsToFloat(t);
        } else {
          triD[TRI_SIZE * s + 9] = t;
        }
      }
      if (n == 0) {
        return new Bvh(new float[0], 0, new double[6], 0, 0, triF, triD, 0);
      }
      return new Collapser(boxes, nodes, nodeCount).build(triF, triD, n);
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
      // Pad by a few ulps; the float node boxes get an absolute margin on top (see PAD).
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

  /**
   * Collapses the binary BVH into the 4-wide layout: each 4-wide node takes the two children of a
   * binary node and keeps opening its largest-area inner child until it has four (Wald, Benthin and
   * Boulos 2008; Dammertz et al. 2008).
   */
  private static final class Collapser {
    private final double[] boxes;
    private final int[] bin;

    /** Absolute padding of the float boxes [m]. */
    private final double pad;

    private float[] out;
    private int count;
    private int maxDepth;

    Collapser(double[] boxes, int[] bin, int binCount) {
      this.boxes = boxes;
      this.bin = bin;
      this.out = new float[NODE_SIZE * Math.max(1, binCount / 2)];
      double m = 0;
      for (int k = 0; k < 6; k++) {
        m = Math.max(m, Math.abs(boxes[k]));
      }
      this.pad = m * PAD;
    }

    Bvh build(float[] triF, double[] triD, int n) {
      int root;
      if (isLeaf(0)) {
        root = leafRef(0);
      } else {
        root = emit(0, 1);
      }
      return new Bvh(
          Arrays.copyOf(out, NODE_SIZE * count),
          root,
          Arrays.copyOf(boxes, 6),
          count,
          maxDepth,
          triF,
          triD,
          n);
    }

    private boolean isLeaf(int b) {
      return bin[2 * b + 1] > 0;
    }

    private int leafRef(int b) {
      return LEAF_FLAG | (bin[2 * b] << 3) | (bin[2 * b + 1] - 1);
    }

    /** Emits the 4-wide node for binary inner node {@code b}; returns its offset. */
    private int emit(int b, int depth) {
      maxDepth = Math.max(maxDepth, depth);
      int[] kids = new int[WIDTH];
      int k = 2;
      kids[0] = b + 1;
      kids[1] = bin[2 * b];
      while (k < WIDTH) {
        int pick = -1;
        double pickArea = -1;
        for (int i = 0; i < k; i++) {
          if (!isLeaf(kids[i])) {
            double a = area(boxes, 6 * kids[i]);
            if (a > pickArea) {
              pickArea = a;
              pick = i;
            }
          }
        }
        if (pick < 0) {
          break;
        }
        int opened = kids[pick];
        // Keep the children in spatial (left-to-right) order: replace in place, shift the rest.
        System.arraycopy(kids, pick + 1, kids, pick + 2, k - pick - 1);
        kids[pick] = opened + 1;
        kids[pick + 1] = bin[2 * opened];
        k++;
      }
      if (count * NODE_SIZE + NODE_SIZE > out.length) {
        out = Arrays.copyOf(out, 2 * out.length + NODE_SIZE);
      }
      int o = NODE_SIZE * count++;
      for (int c = 0; c < WIDTH; c++) {
        if (c < k) {
          int s = 6 * kids[c];
          for (int axis = 0; axis < 3; axis++) {
            double dlo = boxes[s + axis] - pad;
            double dhi = boxes[s + 3 + axis] + pad;
            float lo = (float) dlo;
            float hi = (float) dhi;
            out[o + 8 * axis + c] = lo > dlo ? Math.nextDown(lo) : lo;
            out[o + 8 * axis + 4 + c] = hi < dhi ? Math.nextUp(hi) : hi;
          }
        } else {
          for (int axis = 0; axis < 3; axis++) {
            out[o + 8 * axis + c] = Float.POSITIVE_INFINITY;
            out[o + 8 * axis + 4 + c] = Float.POSITIVE_INFINITY;
          }
          out[o + REFS + c] = 0;
        }
      }
      for (int c = 0; c < k; c++) {
        int ref = isLeaf(kids[c]) ? leafRef(kids[c]) : emit(kids[c], depth + 1);
        out[o + REFS + c] = Float.intBitsToFloat(ref);
      }
      return o;
    }

    private static double area(double[] b, int o) {
      return Builder.area(b, o);
    }
  }
}
