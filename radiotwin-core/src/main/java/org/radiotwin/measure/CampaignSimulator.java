package org.radiotwin.measure;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import org.radiotwin.channel.WidebandSweep;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;

/**
 * Simulates a measurement campaign in a scene, as a vector network analyser would record it:
 * wideband sweeps H(f_k) = Σ_i a_i(f) e^{jφ_i} e^{−j2πf_kτ_i} + n_k on a uniform frequency grid,
 * with per-path phase errors φ_i ~ N(0, σ_φ²) (geometry errors of a fraction of a wavelength, the
 * same at every frequency of a sweep) and complex Gaussian noise n_k ~ CN(0, σ_n²), σ_n² =
 * mean_k|H|²/SNR per position. Paths are traced once; the coefficients a_i are re-evaluated per 50
 * MHz sub-band so that wide sweeps follow the materials' and λ's frequency dependence.
 *
 * <p>Deterministic: positions are simulated in order from one generator seeded with {@code seed}.
 */
public final class CampaignSimulator {

  /** Width of the sub-bands within which path coefficients are held constant [Hz]. */
  public static final double SUBBAND = 50e6;

  /**
   * Settings of a simulated campaign.
   *
   * @param fStart first frequency [Hz]
   * @param fStop last frequency [Hz]
   * @param count number of frequencies (≥ 1)
   * @param snrDb signal-to-noise ratio per position [dB] (+∞ for no noise)
   * @param phaseNoiseDeg standard deviation of the per-path phase error [deg] (0 for none)
   * @param seed generator seed
   * @param paths path search settings
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   */
  public record Settings(
      double fStart,
      double fStop,
      int count,
      double snrDb,
      double phaseNoiseDeg,
      long seed,
      PathSolverConfig paths,
      boolean allowExtrapolation) {

    /** Validates the settings. */
    public Settings {
      if (count < 1 || !(fStart > 0) || !(fStop >= fStart) || (count > 1 && !(fStop > fStart))) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "frequency grid",
            "need 0 < start ≤ stop and count ≥ 1 (start < stop when count > 1)");
      }
      if (Double.isNaN(snrDb) || !(phaseNoiseDeg >= 0) || !Double.isFinite(phaseNoiseDeg)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "noise settings",
            "SNR must be a number and the phase noise finite and ≥ 0");
      }
    }

    /**
     * The frequency grid.
     *
     * @return count frequencies [Hz]
     */
    public double[] frequencies() {
      double[] f = new double[count];
      for (int k = 0; k < count; k++) {
        f[k] = count == 1 ? fStart : fStart + (fStop - fStart) * k / (count - 1);
      }
      return f;
    }
  }

  private CampaignSimulator() {}

  /**
   * Simulates one sweep per (tx, rx) position pair.
   *
   * @param scene the scene to measure ("reality")
   * @param tx packed transmitter positions, one per measurement [m]
   * @param rx packed receiver positions, one per measurement [m]
   * @param settings grid, noise, seed, path settings
   * @param progress fraction done in [0, 1]
   * @return the measurement set (position ids 0…P−1)
   */
  public static MeasurementSet simulate(
      Scene scene, double[] tx, double[] rx, Settings settings, DoubleConsumer progress) {
    if (tx.length != rx.length || tx.length % 3 != 0 || tx.length == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "transmitter and receiver coordinates",
          tx.length,
          rx.length);
    }
    int n = tx.length / 3;
    SceneGeometry g = SceneGeometry.of(scene);
    RadioMaterial[] materials = g.materials(scene);
    double[] f = settings.frequencies();
    double df = f.length > 1 ? f[1] - f[0] : 0;
    MeasurementSet.Builder b = MeasurementSet.builder(f);
    SplittableRandom rnd = new SplittableRandom(settings.seed());
    PathSolver solver = new PathSolver(settings.paths());
    double[] h = new double[2 * f.length];
    for (int p = 0; p < n; p++) {
      double[] t = {tx[3 * p], tx[3 * p + 1], tx[3 * p + 2]};
      double[] r = {rx[3 * p], rx[3 * p + 1], rx[3 * p + 2]};
      PathSet ps = solver.solve(g, t, r, ForkJoinPool.commonPool());
      FieldEvaluator fe = FieldEvaluator.forScene(ps, g);
      double[] phase = new double[ps.pathCount()];
      for (int i = 0; i < phase.length; i++) {
        phase[i] = Math.toRadians(settings.phaseNoiseDeg()) * rnd.nextGaussian();
      }
      WidebandSweep.response(
          fe, materials, 0, f[0], df, f.length, SUBBAND, phase, settings.allowExtrapolation(), h);
      if (Double.isFinite(settings.snrDb())) {
        double mean = 0;
        for (int k = 0; k < f.length; k++) {
          mean += h[2 * k] * h[2 * k] + h[2 * k + 1] * h[2 * k + 1];
        }
        mean /= f.length;
        double sd = Math.sqrt(mean / Math.pow(10, settings.snrDb() / 10) / 2);
        for (int k = 0; k < 2 * f.length; k++) {
          h[k] += sd * rnd.nextGaussian();
        }
      }
      b.add(p, new Vec3(t[0], t[1], t[2]), new Vec3(r[0], r[1], r[2]), h);
      progress.accept((p + 1) / (double) n);
    }
    return b.build();
  }
}
