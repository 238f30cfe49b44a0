package org.radiotwin.geometry;

import org.radiotwin.math.Vec3;

/**
 * An axis-aligned bounding box.
 *
 * @param min lower corner [m]
 * @param max upper corner [m]
 */
public record BoundingBox(Vec3 min, Vec3 max) {

  /** The empty box: min = +∞, max = −∞, the neutral element of {@link #union}. */
  public static final BoundingBox EMPTY =
      new BoundingBox(
          new Vec3(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY),
          new Vec3(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));

  /**
   * Smallest box containing both.
   *
   * @param o other box
   * @return the union
   */
  public BoundingBox union(BoundingBox o) {
    return new BoundingBox(
        new Vec3(
            Math.min(min.x(), o.min.x()),
            Math.min(min.y(), o.min.y()),
            Math.min(min.z(), o.min.z())),
        new Vec3(
            Math.max(max.x(), o.max.x()),
            Math.max(max.y(), o.max.y()),
            Math.max(max.z(), o.max.z())));
  }

  /**
   * Whether the box contains nothing.
   *
   * @return true when some min exceeds its max
   */
  public boolean isEmpty() {
    return min.x() > max.x() || min.y() > max.y() || min.z() > max.z();
  }

  /**
   * Centre of the box.
   *
   * @return (min + max)/2
   */
  public Vec3 center() {
    return min.add(max).scale(0.5);
  }

  /**
   * Edge lengths.
   *
   * @return max − min
   */
  public Vec3 size() {
    return max.sub(min);
  }
}
