package org.radiotwin.learn.mac;

/**
 * Derivation of independent seeds from a master seed and integer keys, so that every parallel task
 * owns its own random stream and results do not depend on the thread count or task order.
 *
 * <p>Each key is folded in with the SplitMix64 finaliser (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014), the same mixing {@link java.util.SplittableRandom}
 * uses.
 */
public final class Seeds {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private Seeds() {}

  /**
   * A seed for the task identified by {@code keys}.
   *
   * @param master master seed
   * @param keys task identifiers (e.g. stream tag, run index, data size)
   * @return a well-mixed seed, different for different key sequences
   */
  public static long derive(long master, long... keys) {
    long h = mix(master + GOLDEN_GAMMA);
    for (long k : keys) {
      h = mix(h ^ mix(k + GOLDEN_GAMMA));
    }
    return h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
