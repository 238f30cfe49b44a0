package org.radiotwin.channel;

import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.ComplexArrays;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;

/**
 * The frequency response of one link over a wide uniform band, H(f_k) = Σ_i a_i(f_k)·e^{jφ_i}·
 * e^{−j2πf_kτ_i}: paths are traced once, and their coefficients a_i (λ/4π factor, material values)
 * are re-evaluated at the centre of each sub-band and held constant within it. Optional per-path
 * phase offsets φ_i model geometry errors of a fraction of a wavelength.
 */
public final class WidebandSweep {

  private WidebandSweep() {}

  /**
   * Computes the sweep.
   *
   * @param evaluator field evaluator of traced paths
   * @param materials materials by index of the geometry
   * @param link the link
   * @param fStart first frequency [Hz]
   * @param df frequency step [Hz] (0 for a single frequency)
   * @param count number of frequencies
   * @param subband width within which coefficients are held constant [Hz]
   * @param pathPhases phase offset per path of the link [rad], or null for none
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @param out interleaved H(f_k), length ≥ 2·count (overwritten)
   */
  public static void response(
      FieldEvaluator evaluator,
      RadioMaterial[] materials,
      int link,
      double fStart,
      double df,
      int count,
      double subband,
      double[] pathPhases,
      boolean allowExtrapolation,
      double[] out) {
    PathSet ps = evaluator.paths();
    int first = ps.firstPath(link);
    int perBand = df > 0 ? Math.max(1, (int) Math.round(subband / df)) : count;
    double[] band = new double[2 * Math.min(perBand, count)];
    for (int k0 = 0; k0 < count; k0 += perBand) {
      int m = Math.min(perBand, count - k0);
      double centre = fStart + (k0 + 0.5 * (m - 1)) * df;
      PathCoefficients c = evaluator.evaluate(centre, materials, allowExtrapolation);
      java.util.Arrays.fill(band, 0, 2 * m, 0.0);
      for (int i = 0; i < ps.pathCount(link); i++) {
        int p = first + i;
        double tau = ps.delay(p);
        // Tap at the sub-band centre (with the path's phase offset), then e^{−j2π(f−fc)τ}.
        double ph = -2 * Math.PI * centre * tau + (pathPhases == null ? 0 : pathPhases[i]);
        double cr = Math.cos(ph);
        double ci = Math.sin(ph);
        double ar = c.re(p, 0, 0);
        double ai = c.im(p, 0, 0);
        ComplexArrays.accumulatePhasorUniform(
            band, fStart + k0 * df - centre, df, m, ar * cr - ai * ci, ar * ci + ai * cr, tau);
      }
      System.arraycopy(band, 0, out, 2 * k0, 2 * m);
    }
  }
}
