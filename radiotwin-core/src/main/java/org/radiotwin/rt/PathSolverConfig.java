package org.radiotwin.rt;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Settings of the {@link PathSolver}.
 *
 * @param maxDepth largest number of interactions of a path (Sionna's {@code max_depth}), ≥ 0
 * @param los whether to include line-of-sight paths
 * @param specularReflection whether paths may reflect specularly
 * @param transmission whether paths may go through slabs (not bent)
 * @param samplesPerSource rays shot from each transmitter by the SBR candidate search
 * @param seed seed of the random rotation of the ray lattice
 * @param method candidate search method
 * @param diffuse whether to add diffusely reflected paths: every hit of a shot ray on a material
 *     with a scattering coefficient S &gt; 0 is connected to the receivers it sees, as the last
 *     interaction of a path ({@link DiffuseScattering}; SBR method only)
 * @param diffraction whether to add first-order UTD diffraction paths (transmitter → edge →
 *     receiver, {@link DiffractionPathFinder}) when the maximum depth is at least 1; off by default
 *     as in Sionna RT
 */
public record PathSolverConfig(
    int maxDepth,
    boolean los,
    boolean specularReflection,
    boolean transmission,
    int samplesPerSource,
    long seed,
    Method method,
    boolean diffuse,
    boolean diffraction) {

  /** How candidate interaction sequences are found. */
  public enum Method {
    /**
     * Shooting and bouncing rays from a Fibonacci sphere around each transmitter; a sequence
     * becomes a candidate for a receiver when a ray passes within its tube radius of it.
     */
    SBR,
    /** Every sequence of triangles up to the maximum depth: exact but only for small scenes. */
    EXHAUSTIVE
  }

  /** Validates the settings. */
  public PathSolverConfig {
    if (maxDepth < 0 || maxDepth > 16) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "max depth", maxDepth + " is outside [0, 16]");
    }
    if (samplesPerSource < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "samples per source", "must be ≥ 1");
    }
    if (method == null) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "method", "must not be null");
    }
  }

  /**
   * Settings without diffuse scattering.
   *
   * @param maxDepth largest number of interactions of a path, ≥ 0
   * @param los whether to include line-of-sight paths
   * @param specularReflection whether paths may reflect specularly
   * @param transmission whether paths may go through slabs
   * @param samplesPerSource rays shot from each transmitter
   * @param seed seed of the random rotation of the ray lattice
   * @param method candidate search method
   */
  public PathSolverConfig(
      int maxDepth,
      boolean los,
      boolean specularReflection,
      boolean transmission,
      int samplesPerSource,
      long seed,
      Method method) {
    this(maxDepth, los, specularReflection, transmission, samplesPerSource, seed, method, false);
  }

  /**
   * Settings without diffraction.
   *
   * @param maxDepth largest number of interactions of a path, ≥ 0
   * @param los whether to include line-of-sight paths
   * @param specularReflection whether paths may reflect specularly
   * @param transmission whether paths may go through slabs
   * @param samplesPerSource rays shot from each transmitter
   * @param seed seed of the random rotation of the ray lattice
   * @param method candidate search method
   * @param diffuse whether to add diffusely reflected paths
   */
  public PathSolverConfig(
      int maxDepth,
      boolean los,
      boolean specularReflection,
      boolean transmission,
      int samplesPerSource,
      long seed,
      Method method,
      boolean diffuse) {
    this(
        maxDepth,
        los,
        specularReflection,
        transmission,
        samplesPerSource,
        seed,
        method,
        diffuse,
        false);
  }

  /**
   * Sionna RT's defaults: depth 3, LoS, specular reflection and transmission, 10⁶ rays, SBR.
   *
   * @return the default configuration
   */
  public static PathSolverConfig defaults() {
    return new PathSolverConfig(3, true, true, true, 1_000_000, 42, Method.SBR);
  }

  /**
   * The same settings with another depth.
   *
   * @param depth maximum depth
   * @return a copy
   */
  public PathSolverConfig withMaxDepth(int depth) {
    return new PathSolverConfig(
        depth,
        los,
        specularReflection,
        transmission,
        samplesPerSource,
        seed,
        method,
        diffuse,
        diffraction);
  }

  /**
   * The same settings with another method.
   *
   * @param m method
   * @return a copy
   */
  public PathSolverConfig withMethod(Method m) {
    return new PathSolverConfig(
        maxDepth,
        los,
        specularReflection,
        transmission,
        samplesPerSource,
        seed,
        m,
        diffuse,
        diffraction);
  }

  /**
   * The same settings with other interaction switches.
   *
   * @param withLos include LoS
   * @param withSpecular include specular reflection
   * @param withTransmission include transmission
   * @return a copy
   */
  public PathSolverConfig withInteractions(
      boolean withLos, boolean withSpecular, boolean withTransmission) {
    return new PathSolverConfig(
        maxDepth,
        withLos,
        withSpecular,
        withTransmission,
        samplesPerSource,
        seed,
        method,
        diffuse,
        diffraction);
  }

  /**
   * The same settings with another ray count and seed.
   *
   * @param samples rays per transmitter
   * @param newSeed seed
   * @return a copy
   */
  public PathSolverConfig withSamples(int samples, long newSeed) {
    return new PathSolverConfig(
        maxDepth,
        los,
        specularReflection,
        transmission,
        samples,
        newSeed,
        method,
        diffuse,
        diffraction);
  }

  /**
   * The same settings with diffuse scattering switched on or off.
   *
   * @param withDiffuse add diffusely reflected paths
   * @return a copy
   */
  public PathSolverConfig withDiffuse(boolean withDiffuse) {
    return new PathSolverConfig(
        maxDepth,
        los,
        specularReflection,
        transmission,
        samplesPerSource,
        seed,
        method,
        withDiffuse,
        diffraction);
  }

  /**
   * The same settings with diffraction switched on or off.
   *
   * @param withDiffraction include first-order UTD diffraction paths
   * @return a copy
   */
  public PathSolverConfig withDiffraction(boolean withDiffraction) {
    return new PathSolverConfig(
        maxDepth,
        los,
        specularReflection,
        transmission,
        samplesPerSource,
        seed,
        method,
        diffuse,
        withDiffraction);
  }
}
