package org.radiotwin.stats.experiment;

import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
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
import org.radiotwin.scene.Scene;

/**
 * Wideband received power |H(f_k)|² between one fixed access point and many user positions, the
 * fading samples of seed 004 §IV ("frequency as a proxy for space"): 8 001 tones over 2–10 GHz in
 * the campaign.
 *
 * <p>The links are reciprocal (isotropic antennas, reciprocal media), so the access point is traced
 * as the single source and the user positions as targets: one shoot-and-bounce search instead of
 * one per position. H(f) = Σ_i a_i(f)·e^{−j2πfτ_i} with the path coefficients a_i re-evaluated at
 * the centre of each 50 MHz sub-band for all links at once (as {@link
 * org.radiotwin.channel.WidebandSweep} does per link), then |H|²·(f/f_c)² with f_c the band centre:
 * the factor removes the free-space λ² trend of isotropic antennas (14 dB over 2–10 GHz), which
 * would otherwise make the power distribution that of the band's top end rather than of the fading
 * (the convention of {@code radiotwin experiment fading-proxy}).
 */
public final class SiteSweep {

  /** Width of the sub-bands within which path coefficients are held constant [Hz]. */
  public static final double SUBBAND = 50e6;

  private SiteSweep() {}

  /**
   * The band as a uniform grid.
   *
   * @param fStart first frequency [Hz]
   * @param fStop last frequency [Hz]
   * @param count number of tones ≥ 2
   * @return f_k [Hz]
   */
  public static double[] frequencies(double fStart, double fStop, int count) {
    if (count < 2 || !(fStart > 0) || !(fStop > fStart)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "band",
          "need 0 < start < stop and at least 2 tones, got " + fStart + ":" + fStop + ":" + count);
    }
    double[] f = new double[count];
    for (int k = 0; k < count; k++) {
      f[k] = fStart + (fStop - fStart) * k / (count - 1);
    }
    return f;
  }

  /**
   * Traces a scene and computes the normalised wideband powers.
   *
   * @param scene the scene (devices ignored)
   * @param paths path search settings
   * @param accessPoint access-point position (3 entries) [m]
   * @param positions packed user positions [m]
   * @param frequencies uniform band f_k [Hz] (see {@link #frequencies})
   * @param progress fraction done in [0, 1]
   * @return |H_p(f_k)|²·(f_k/f_c)², [position][tone]
   */
  public static double[][] powers(
      Scene scene,
      PathSolverConfig paths,
      double[] accessPoint,
      double[] positions,
      double[] frequencies,
      DoubleConsumer progress) {
    SceneGeometry g = SceneGeometry.of(scene.withoutDevices());
    PathSet ps =
        new PathSolver(paths)
            .solve(
                g,
                accessPoint,
                positions,
                ForkJoinPool.commonPool(),
                f -> progress.accept(0.5 * f));
    FieldEvaluator fe = FieldEvaluator.forScene(ps, g);
    RadioMaterial[] materials = g.materials(g.scene());
    int count = frequencies.length;
    double f0 = frequencies[0];
    double df = frequencies[1] - frequencies[0];
    double fc = 0.5 * (frequencies[0] + frequencies[count - 1]);
    int links = ps.linkCount();
    double[][] h = new double[links][2 * count];
    int perBand = Math.max(1, (int) Math.round(SUBBAND / df));
    for (int k0 = 0; k0 < count; k0 += perBand) {
      int m = Math.min(perBand, count - k0);
      double centre = f0 + (k0 + 0.5 * (m - 1)) * df;
      PathCoefficients c = fe.evaluate(centre, materials, false);
      int start = k0;
      IntStream.range(0, links)
          .parallel()
          .forEach(
              link -> {
                double[] band = new double[2 * m];
                for (int p = ps.firstPath(link); p < ps.firstPath(link) + ps.pathCount(link); p++) {
                  double tau = ps.delay(p);
                  // Tap at the sub-band centre, then e^{−j2π(f−fc)τ} across the sub-band.
                  double ph = -2 * Math.PI * centre * tau;
                  double cr = Math.cos(ph);
                  double ci = Math.sin(ph);
                  double ar = c.re(p, 0, 0);
                  double ai = c.im(p, 0, 0);
                  ComplexArrays.accumulatePhasorUniform(
                      band,
                      f0 + start * df - centre,
                      df,
                      m,
                      ar * cr - ai * ci,
                      ar * ci + ai * cr,
                      tau);
                }
                System.arraycopy(band, 0, h[link], 2 * start, 2 * m);
              });
      progress.accept(0.5 + 0.5 * (k0 + m) / (double) count);
    }
    double[][] power = new double[links][count];
    for (int link = 0; link < links; link++) {
      ComplexArrays.abs2(h[link], 0, power[link], 0, count);
      for (int k = 0; k < count; k++) {
        double r = frequencies[k] / fc;
        power[link][k] *= r * r;
      }
    }
    return power;
  }
}
