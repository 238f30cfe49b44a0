package org.radiotwin.geometry;

/**
 * Caller-owned scratch state and result of one BVH query: the traversal stack and the hit. One per
 * thread; reused across rays so casting allocates nothing.
 */
public final class RayQuery {

  /** Traversal stack of node indices (depth of an SAH BVH stays far below this). */
  final int[] stack = new int[128];

  /** Entry distances of the deferred nodes on the stack. */
  final double[] stackT = new double[128];

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
