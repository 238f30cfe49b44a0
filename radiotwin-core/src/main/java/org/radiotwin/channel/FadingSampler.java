package org.radiotwin.channel;

import java.util.concurrent.ForkJoinPool;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.ComplexArrays;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;

/**
 * Fading samples of a link, the two ways seed 004 (§III-A) compares: the received power |H(f)|²
 * over many frequencies of a wide band ("frequency as a proxy for space"), and |H|² at one
 * frequency over a grid of small displacements of the receiver. Paths are traced once; over a wide
 * band the coefficients (λ/4π factor, material values) are re-evaluated per sub-band.
 */
public final class FadingSampler {

  private FadingSampler() {}

  /**
   * Received power at {@code count} equally spaced frequencies from fStart to fStop.
   *
   * @param evaluator field evaluator of traced paths
   * @param materials materials by index of the geometry
   * @param link the link
   * @param fStart first frequency [Hz]
   * @param fStop last frequency [Hz]
   * @param count number of frequencies (≥ 2)
   * @param subband width of the sub-bands within which coefficients are held constant [Hz]
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @return |H(f_k)|², k = 0…count−1
   */
  public static double[] frequencySamples(
      FieldEvaluator evaluator,
      RadioMaterial[] materials,
      int link,
      double fStart,
      double fStop,
      int count,
      double subband,
      boolean allowExtrapolation) {
    if (count < 2 || !(fStop > fStart) || !(fStart > 0) || !(subband > 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "frequency sweep",
          "need 0 < fStart < fStop, count ≥ 2 and a positive sub-band");
    }
    double df = (fStop - fStart) / (count - 1);
    double[] h = new double[2 * count];
    WidebandSweep.response(
        evaluator, materials, link, fStart, df, count, subband, null, allowExtrapolation, h);
    double[] power = new double[count];
    ComplexArrays.abs2(h, 0, power, 0, count);
    return power;
  }

  /**
   * Received power at one frequency over a horizontal nx × ny grid of receiver displacements
   * centred on a position (spacing in metres), one transmitter.
   *
   * @param geometry scene geometry
   * @param config path search settings
   * @param tx transmitter position (3 entries) [m]
   * @param rx centre of the displacement grid (3 entries) [m]
   * @param nx displacements along x
   * @param ny displacements along y
   * @param spacing grid spacing [m]
   * @param frequency frequency [Hz]
   * @param materials materials by index of the geometry
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @return |H|² per displacement, x fastest
   */
  public static double[] locationSamples(
      SceneGeometry geometry,
      PathSolverConfig config,
      double[] tx,
      double[] rx,
      int nx,
      int ny,
      double spacing,
      double frequency,
      RadioMaterial[] materials,
      boolean allowExtrapolation) {
    double[] positions = new double[3 * nx * ny];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int k = j * nx + i;
        positions[3 * k] = rx[0] + (i - (nx - 1) / 2.0) * spacing;
        positions[3 * k + 1] = rx[1] + (j - (ny - 1) / 2.0) * spacing;
        positions[3 * k + 2] = rx[2];
      }
    }
    PathSet paths =
        new PathSolver(config).solve(geometry, tx, positions, ForkJoinPool.commonPool());
    PathCoefficients c =
        FieldEvaluator.forScene(paths, geometry).evaluate(frequency, materials, allowExtrapolation);
    Channel ch = new Channel(c);
    double[] h = new double[2];
    double[] power = new double[nx * ny];
    for (int k = 0; k < nx * ny; k++) {
      ch.cfrUniform(paths.link(k, 0), 0, 0, 0, 0, 1, false, h);
      power[k] = h[0] * h[0] + h[1] * h[1];
    }
    return power;
  }
}
