package org.radiotwin.geometry;

/**
 * The reproducible ray set of RadioTwin's ray-casting benchmark, so that throughput and hits can be
 * compared with other ray tracers (e.g. Intel Embree) on the same scene and the same rays.
 *
 * <p>Generator: splitmix64 (Steele, Lea and Flood 2014) seeded with {@code seed}; uniform doubles
 * as {@code (next() >>> 11)·2⁻⁵³}. Ray i: origin uniform in the scene bounding box restricted to
 * its lower 30 % in z (x, y, z drawn in this order), direction uniform on the sphere by Marsaglia's
 * (1972) method: draw a, b ∈ [−1, 1) until s = a² + b² &lt; 1, then d = (2a√(1−s), 2b√(1−s), 1 −
 * 2s). All arithmetic is plain IEEE-754 binary64, so every platform gets the same bits.
 */
public final class BenchmarkRays {

  private BenchmarkRays() {}

  /**
   * Generates the ray set.
   *
   * @param bounds scene bounding box over every vertex [m]
   * @param count number of rays N
   * @param seed generator seed
   * @return packed rays, 6 doubles each: origin (x, y, z), unit direction (x, y, z)
   */
  public static double[] generate(BoundingBox bounds, int count, long seed) {
    double lox = bounds.min().x();
    double loy = bounds.min().y();
    double loz = bounds.min().z();
    double ex = bounds.max().x() - lox;
    double ey = bounds.max().y() - loy;
    double ez = 0.3 * (bounds.max().z() - loz);
    double[] rays = new double[6 * count];
    long[] state = {seed};
    for (int i = 0; i < count; i++) {
      double ox = lox + uniform(state) * ex;
      double oy = loy + uniform(state) * ey;
      double oz = loz + uniform(state) * ez;
      double a;
      double b;
      double s;
      do {
        a = 2.0 * uniform(state) - 1.0;
        b = 2.0 * uniform(state) - 1.0;
        s = a * a + b * b;
      } while (s >= 1.0);
      double q = 2.0 * Math.sqrt(1.0 - s);
      int r = 6 * i;
      rays[r] = ox;
      rays[r + 1] = oy;
      rays[r + 2] = oz;
      rays[r + 3] = a * q;
      rays[r + 4] = b * q;
      rays[r + 5] = 1.0 - 2.0 * s;
    }
    return rays;
  }

  /**
   * One step of splitmix64.
   *
   * @param state one-element state, advanced in place
   * @return the next 64 random bits
   */
  static long splitMix64(long[] state) {
    long z = state[0] += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static double uniform(long[] state) {
    return (splitMix64(state) >>> 11) * 0x1.0p-53;
  }
}
