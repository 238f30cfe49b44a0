package org.radiotwin.rt;

/**
 * Moves a point that lies on a surface off it, along the surface normal, by an amount that scales
 * with the point's own floating-point precision: "A fast and robust method for avoiding
 * self-intersection", C. Wächter and N. Binder, Ray Tracing Gems (2019), ch. 6, adapted to
 * binary64. Far from the origin the offset is a fixed number of ulps of each coordinate (so it
 * adapts to scene scale); near the origin, where ulps become tiny, it is a small fixed distance.
 */
public final class RayOffset {

  /** Below this magnitude [m] a coordinate is offset by a fixed distance. */
  private static final double ORIGIN = 1.0 / 32.0;

  /** Fixed offset near the origin [m]. */
  private static final double FIXED_SCALE = 0x1.0p-36;

  /** Offset in units in the last place of the coordinate. */
  private static final double ULP_SCALE = 4096;

  private RayOffset() {}

  /**
   * Offsets one coordinate of a point.
   *
   * @param p coordinate [m]
   * @param n the normal's component along that axis, signed towards the side to move to
   * @return the moved coordinate
   */
  public static double offset(double p, double n) {
    if (Math.abs(p) < ORIGIN) {
      return p + FIXED_SCALE * n;
    }
    // Moving by a number of ulps is relative to |p|; the direction depends on the sign of p·n.
    return p + ULP_SCALE * Math.ulp(p) * n;
  }

  /**
   * Offsets a point along a normal, in place.
   *
   * @param p point (3 entries at {@code o}), overwritten
   * @param o offset of the point in {@code p}
   * @param nx normal x, oriented towards the side to move to
   * @param ny normal y
   * @param nz normal z
   */
  public static void offset(double[] p, int o, double nx, double ny, double nz) {
    p[o] = offset(p[o], nx);
    p[o + 1] = offset(p[o + 1], ny);
    p[o + 2] = offset(p[o + 2], nz);
  }
}
