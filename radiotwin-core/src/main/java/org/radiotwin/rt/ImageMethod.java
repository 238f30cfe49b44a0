package org.radiotwin.rt;

import org.radiotwin.geometry.RayQuery;

/**
 * Makes a candidate interaction sequence exact with the image method and checks it.
 *
 * <p>Images: s₀ = tx; for a specular reflection on the plane (n, d) of triangle k, s_k = s_{k−1} −
 * 2(n·s_{k−1} − d)n; a transmission keeps the image (rays are not bent). Back-tracing from the
 * receiver, interaction k is where the line from the current point to s_k crosses plane k; it must
 * lie strictly between them and inside triangle k. Then each interaction must see its two
 * neighbouring path points on the same side of its plane (reflection) or on opposite sides
 * (transmission), and every segment must be free of obstruction. Segment end points on surfaces are
 * moved off them along the normal ({@link RayOffset}) before the visibility test.
 *
 * <p>One instance per thread: it owns its work buffers.
 */
final class ImageMethod {

  /** Relative tolerance of the point-in-triangle test, so points on shared edges are kept. */
  private static final double EDGE_TOLERANCE = 1e-9;

  private final SceneGeometry geometry;
  private final RayQuery query = new RayQuery();
  private final double[] images;
  private final double[] seg = new double[6];
  private int[] currentCodes;

  /** Interaction points of the last accepted path, 3 per interaction. */
  final double[] points;

  /** Normals of the last accepted path, oriented towards the arriving wave. */
  final double[] normals;

  /** Unfolded length of the last accepted path [m]. */
  double length;

  ImageMethod(SceneGeometry geometry, int maxDepth) {
    this.geometry = geometry;
    this.images = new double[3 * (maxDepth + 1)];
    this.points = new double[3 * Math.max(1, maxDepth)];
    this.normals = new double[3 * Math.max(1, maxDepth)];
  }

  /**
   * Tries a sequence.
   *
   * @param tx transmitter position
   * @param rx receiver position
   * @param codes interactions, each (triangle &lt;&lt; 1) | (1 for transmission, 0 for reflection)
   * @param depth number of interactions used from {@code codes}
   * @return true when the path exists and is unobstructed; then points, normals and length hold it
   */
  boolean solve(double[] tx, double[] rx, int[] codes, int depth) {
    currentCodes = codes;
    images[0] = tx[0];
    images[1] = tx[1];
    images[2] = tx[2];
    for (int k = 0; k < depth; k++) {
      int tri = codes[k] >>> 1;
      int s = 3 * k;
      if ((codes[k] & 1) == 0) {
        double nx = geometry.normal(tri, 0);
        double ny = geometry.normal(tri, 1);
        double nz = geometry.normal(tri, 2);
        double dist =
            nx * (images[s] - geometry.vertex(tri, 0, 0))
                + ny * (images[s + 1] - geometry.vertex(tri, 0, 1))
                + nz * (images[s + 2] - geometry.vertex(tri, 0, 2));
        images[s + 3] = images[s] - 2 * dist * nx;
        images[s + 4] = images[s + 1] - 2 * dist * ny;
        images[s + 5] = images[s + 2] - 2 * dist * nz;
      } else {
        images[s + 3] = images[s];
        images[s + 4] = images[s + 1];
        images[s + 5] = images[s + 2];
      }
    }
    // Back-trace from the receiver.
    double qx = rx[0];
    double qy = rx[1];
    double qz = rx[2];
    for (int k = depth - 1; k >= 0; k--) {
      int tri = codes[k] >>> 1;
      double nx = geometry.normal(tri, 0);
      double ny = geometry.normal(tri, 1);
      double nz = geometry.normal(tri, 2);
      int s = 3 * (k + 1);
      double dx = images[s] - qx;
      double dy = images[s + 1] - qy;
      double dz = images[s + 2] - qz;
      double denom = nx * dx + ny * dy + nz * dz;
      if (denom == 0 || (nx == 0 && ny == 0 && nz == 0)) {
        return false;
      }
      double t =
          (nx * (geometry.vertex(tri, 0, 0) - qx)
                  + ny * (geometry.vertex(tri, 0, 1) - qy)
                  + nz * (geometry.vertex(tri, 0, 2) - qz))
              / denom;
      if (!(t > 0 && t < 1)) {
        return false;
      }
      qx += t * dx;
      qy += t * dy;
      qz += t * dz;
      if (!insideTriangle(tri, qx, qy, qz)) {
        return false;
      }
      points[3 * k] = qx;
      points[3 * k + 1] = qy;
      points[3 * k + 2] = qz;
    }
    // Side conditions and oriented normals.
    for (int k = 0; k < depth; k++) {
      int tri = codes[k] >>> 1;
      double nx = geometry.normal(tri, 0);
      double ny = geometry.normal(tri, 1);
      double nz = geometry.normal(tri, 2);
      double[] prev = k == 0 ? tx : points;
      int po = k == 0 ? 0 : 3 * (k - 1);
      double[] next = k == depth - 1 ? rx : points;
      int no = k == depth - 1 ? 0 : 3 * (k + 1);
      int p = 3 * k;
      double a =
          nx * (prev[po] - points[p])
              + ny * (prev[po + 1] - points[p + 1])
              + nz * (prev[po + 2] - points[p + 2]);
      double b =
          nx * (next[no] - points[p])
              + ny * (next[no + 1] - points[p + 1])
              + nz * (next[no + 2] - points[p + 2]);
      boolean transmission = (codes[k] & 1) == 1;
      if (a == 0 || b == 0 || (transmission ? a * b > 0 : a * b < 0)) {
        return false;
      }
      double sign = a > 0 ? 1 : -1;
      normals[p] = sign * nx;
      normals[p + 1] = sign * ny;
      normals[p + 2] = sign * nz;
    }
    // Visibility of every segment, and the unfolded length.
    double len = 0;
    for (int k = 0; k <= depth; k++) {
      if (k == 0) {
        seg[0] = tx[0];
        seg[1] = tx[1];
        seg[2] = tx[2];
      } else {
        loadOffset(k - 1, 0, +1);
      }
      if (k == depth) {
        seg[3] = rx[0];
        seg[4] = rx[1];
        seg[5] = rx[2];
      } else {
        loadOffset(k, 3, -1);
      }
      double dx = seg[3] - seg[0];
      double dy = seg[4] - seg[1];
      double dz = seg[5] - seg[2];
      if (geometry.bvh().occluded(seg[0], seg[1], seg[2], dx, dy, dz, 0, 1, query)) {
        return false;
      }
      double[] a = k == 0 ? tx : points;
      int ao = k == 0 ? 0 : 3 * (k - 1);
      double[] b = k == depth ? rx : points;
      int bo = k == depth ? 0 : 3 * k;
      double ex = b[bo] - a[ao];
      double ey = b[bo + 1] - a[ao + 1];
      double ez = b[bo + 2] - a[ao + 2];
      len += Math.sqrt(ex * ex + ey * ey + ez * ez);
    }
    length = len;
    return true;
  }

  /**
   * Loads interaction point k, moved off its surface towards the side of the segment, into seg. The
   * outgoing segment of a transmission leaves on the side opposite the arriving wave; of a
   * reflection, on the same side. The incoming segment always arrives on the normal's side.
   */
  private void loadOffset(int k, int o, int role) {
    int p = 3 * k;
    seg[o] = points[p];
    seg[o + 1] = points[p + 1];
    seg[o + 2] = points[p + 2];
    double s = 1;
    if (role > 0 && isTransmission(k)) {
      s = -1;
    }
    RayOffset.offset(seg, o, s * normals[p], s * normals[p + 1], s * normals[p + 2]);
  }

  private boolean isTransmission(int k) {
    return (currentCodes[k] & 1) == 1;
  }

  private boolean insideTriangle(int tri, double px, double py, double pz) {
    double ax = geometry.vertex(tri, 0, 0);
    double ay = geometry.vertex(tri, 0, 1);
    double az = geometry.vertex(tri, 0, 2);
    double e1x = geometry.vertex(tri, 1, 0) - ax;
    double e1y = geometry.vertex(tri, 1, 1) - ay;
    double e1z = geometry.vertex(tri, 1, 2) - az;
    double e2x = geometry.vertex(tri, 2, 0) - ax;
    double e2y = geometry.vertex(tri, 2, 1) - ay;
    double e2z = geometry.vertex(tri, 2, 2) - az;
    double wx = px - ax;
    double wy = py - ay;
    double wz = pz - az;
    double d11 = e1x * e1x + e1y * e1y + e1z * e1z;
    double d12 = e1x * e2x + e1y * e2y + e1z * e2z;
    double d22 = e2x * e2x + e2y * e2y + e2z * e2z;
    double w1 = wx * e1x + wy * e1y + wz * e1z;
    double w2 = wx * e2x + wy * e2y + wz * e2z;
    double den = d11 * d22 - d12 * d12;
    if (!(den > 0)) {
      return false;
    }
    double u = (d22 * w1 - d12 * w2) / den;
    double v = (d11 * w2 - d12 * w1) / den;
    return u >= -EDGE_TOLERANCE && v >= -EDGE_TOLERANCE && u + v <= 1 + EDGE_TOLERANCE;
  }
}
