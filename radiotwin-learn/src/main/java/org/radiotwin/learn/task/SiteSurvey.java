package org.radiotwin.learn.task;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.radiotwin.antenna.ArrayGeometry;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Scene;

/**
 * The channels of one scene between a base station and a set of user positions, traced once: per
 * position the beamforming gain of every codebook beam, whether a line-of-sight path exists, and
 * the departure direction and gain of the strongest path.
 *
 * <p>The array is a synthetic one (Sionna's {@code synthetic_array=True}, {@link ArrayGeometry}):
 * paths are traced and their coefficients c_p = a_p·exp(−j2πfτ_p) evaluated for isotropic,
 * vertically polarised antennas at the array centre and the UE, and element k of the base-station
 * array sees h_k = Σ_p c_p exp(j(2π/λ)k̂_pᵀd_k), k̂_p the unit departure direction.
 *
 * @param positions UE positions, packed (x, y, z) [m]
 * @param beams number of codebook beams B (0 when no codebook was given)
 * @param beamGains |w_bᴴh|² per position and beam, packed row-major [linear, path-gain units]
 * @param los whether each position has a line-of-sight path
 * @param departure unit departure direction of the strongest path per position, packed (x, y, z);
 *     NaN without paths
 * @param strongestGain |c_p|² of the strongest path per position (0 without paths)
 * @param pathCounts number of paths per position
 */
public record SiteSurvey(
    double[] positions,
    int beams,
    double[] beamGains,
    boolean[] los,
    double[] departure,
    double[] strongestGain,
    int[] pathCounts) {

  /**
   * Number of positions.
   *
   * @return P
   */
  public int size() {
    return los.length;
  }

  /**
   * Traces a scene.
   *
   * @param scene scene (its devices are ignored)
   * @param basePosition base-station array centre [m]
   * @param positions UE positions, packed (x, y, z) [m]
   * @param codebook beam codebook, or null for no beam gains
   * @param frequency carrier frequency [Hz]
   * @param solver path solver settings
   * @param pool pool to trace on; the result is identical for any pool
   * @param progress receives the fraction done in [0, 1]
   * @return the survey
   */
  public static SiteSurvey trace(
      Scene scene,
      Vec3 basePosition,
      double[] positions,
      BeamCodebook codebook,
      double frequency,
      PathSolverConfig solver,
      ForkJoinPool pool,
      DoubleConsumer progress) {
    Scene bare =
        scene.withoutDevices().withArrays(PlanarArray.isotropic(), PlanarArray.isotropic());
    SceneGeometry g = SceneGeometry.of(bare);
    PathSet paths =
        new PathSolver(solver)
            .solve(g, basePosition.toArray(), positions, pool, f -> progress.accept(0.9 * f));
    PathCoefficients a = FieldEvaluator.forScene(paths, g).evaluate(frequency);
    int count = positions.length / 3;
    int beams = codebook == null ? 0 : codebook.size();
    double[] gains = new double[count * beams];
    boolean[] los = new boolean[count];
    double[] departure = new double[3 * count];
    double[] strongest = new double[count];
    int[] pathCounts = new int[count];
    double lambda = PhysicalConstants.wavelength(frequency);
    double[] offsets = codebook == null ? null : codebook.elementOffsets();
    pool.submit(
            () ->
                IntStream.range(0, count)
                    .parallel()
                    .forEach(
                        rx -> {
                          double[] h = new double[2 * beams];
                          double[] g1 = new double[beams];
                          double[] phases = new double[beams];
                          int link = paths.link(rx, 0);
                          int p0 = paths.firstPath(link);
                          int np = paths.pathCount(link);
                          pathCounts[rx] = np;
                          int best = -1;
                          double bestGain = 0;
                          for (int p = p0; p < p0 + np; p++) {
                            double ar = a.re(p, 0, 0);
                            double ai = a.im(p, 0, 0);
                            double ph = -2 * Math.PI * frequency * paths.delay(p);
                            double cr = ar * Math.cos(ph) - ai * Math.sin(ph);
                            double ci = ar * Math.sin(ph) + ai * Math.cos(ph);
                            double pg = cr * cr + ci * ci;
                            if (pg > bestGain) {
                              bestGain = pg;
                              best = p;
                            }
                            los[rx] |= paths.isLos(p);
                            if (beams > 0) {
                              ArrayGeometry.syntheticPhases(
                                  offsets,
                                  lambda,
                                  paths.departure(p, 0),
                                  paths.departure(p, 1),
                                  paths.departure(p, 2),
                                  phases);
                              for (int k = 0; k < beams; k++) {
                                double c = Math.cos(phases[k]);
                                double s = Math.sin(phases[k]);
                                h[2 * k] += cr * c - ci * s;
                                h[2 * k + 1] += cr * s + ci * c;
                              }
                            }
                          }
                          strongest[rx] = bestGain;
                          for (int axis = 0; axis < 3; axis++) {
                            departure[3 * rx + axis] =
                                best < 0 ? Double.NaN : paths.departure(best, axis);
                          }
                          if (beams > 0) {
                            codebook.gains(h, g1);
                            System.arraycopy(g1, 0, gains, rx * beams, beams);
                          }
                        }))
        .join();
    progress.accept(1);
    return new SiteSurvey(positions.clone(), beams, gains, los, departure, strongest, pathCounts);
  }

  /**
   * The best beam at a position, argmax_b |w_bᴴh|² (the first on ties).
   *
   * @param position position index
   * @return beam index, 0 when every gain is 0
   */
  public int bestBeam(int position) {
    int b0 = position * beams;
    int best = 0;
    for (int b = 1; b < beams; b++) {
      if (beamGains[b0 + b] > beamGains[b0 + best]) {
        best = b;
      }
    }
    return best;
  }

  /**
   * Gain of one beam at a position.
   *
   * @param position position index
   * @param beam beam index
   * @return |w_bᴴh|²
   */
  public double beamGain(int position, int beam) {
    return beamGains[position * beams + beam];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SiteSurvey s
        && beams == s.beams
        && Arrays.equals(positions, s.positions)
        && Arrays.equals(beamGains, s.beamGains)
        && Arrays.equals(los, s.los)
        && Arrays.equals(departure, s.departure)
        && Arrays.equals(strongestGain, s.strongestGain)
        && Arrays.equals(pathCounts, s.pathCounts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(beamGains) * 31 + Arrays.hashCode(departure);
  }

  @Override
  public String toString() {
    return "SiteSurvey[" + size() + " positions, " + beams + " beams]";
  }
}
