package org.radiotwin.geometry;

/**
 * Caller-owned scratch state and result of one BVH query: the traversal stack and the hit. One per
 * thread; reused across rays so casting allocates nothing.
 */
public final class RayQuery {

  /**
   * Traversal stack of deferred children, as keys (entry distance bits in the high half, child
   * reference in the low half). A {@link Bvh} deep enough to need more replaces it with a larger
   * one on its first query, after which queries allocate nothing.
   */
  long[] stack = new long[64];

  /** Scratch copy of the ray (direction then origin), indexed by axis in the ray set-up. */
  final double[] ray = new double[6];

  /** Distance to the hit along the ray direction (in units of the direction's length). */
  public double t;

  /** Global index of the hit triangle, −1 when nothing was hit. */
  public int triangle = -1;

  /** Barycentric coordinate of the hit w.r.t. the second vertex. */
  public double u;

  /** Barycentric coordinate of the hit w.r.t. the third vertex. */
  public double v;

  /** Creates an empty query. */
  public RayQuery() {
    // Scratch object: fields are written by Bvh queries.
  }
}
