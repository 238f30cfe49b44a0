package org.radiotwin.calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.radiotwin.calibration.loss.ProjectedMeasurements;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.ComplexArrays;
import org.radiotwin.math.Vec3;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.Scene;

/**
 * A measurement campaign seen by the twin: the twin's paths for every measured position pair,
 * traced once, and the measurements projected on those paths ({@link ProjectedMeasurements}). Each
 * calibration iteration then only re-evaluates the path coefficients (one field evaluation per
 * sub-band) and a loss whose cost does not depend on the number of subcarriers.
 *
 * <p>Within a sub-band of width {@code subband} (as in {@code CampaignSimulator}, 50 MHz by
 * default) path coefficients are held constant at their value at the sub-band centre; sub-bands on
 * a uniform grid hold round(subband/Δf) tones, the same partition the simulator uses. Positions are
 * traced in groups sharing a transmitter (or a receiver, when that gives fewer groups), so a
 * campaign with a fixed access point costs one path search.
 */
public final class TwinCampaign {

  /** Default sub-band width [Hz], that of {@code CampaignSimulator}. */
  public static final double DEFAULT_SUBBAND = 50e6;

  private final SceneGeometry geometry;
  private final FieldEvaluator[] evaluators;
  private final int[] group;
  private final int[] link;
  private final int[] bandStart;
  private final double[] bandCentre;
  private final int numRx;
  private final int numTx;
  private final ProjectedMeasurements data;
  private final double[] measuredPower;
  private final boolean allowExtrapolation;

  private TwinCampaign(
      SceneGeometry geometry,
      FieldEvaluator[] evaluators,
      int[] group,
      int[] link,
      MeasurementSet set,
      double subband,
      double snrDb,
      boolean allowExtrapolation) {
    this.geometry = geometry;
    this.evaluators = evaluators;
    this.group = group;
    this.link = link;
    this.allowExtrapolation = allowExtrapolation;
    this.numRx = set.rxAntennaCount();
    this.numTx = set.txAntennaCount();
    double[] f = set.frequencies();
    this.bandStart = partition(f, subband);
    int nb = bandStart.length - 1;
    this.bandCentre = new double[nb];
    int[] blockSize = new int[nb * numRx * numTx];
    for (int b = 0; b < nb; b++) {
      bandCentre[b] = 0.5 * (f[bandStart[b]] + f[bandStart[b + 1] - 1]);
      for (int a = 0; a < numRx * numTx; a++) {
        blockSize[a * nb + b] = bandStart[b + 1] - bandStart[b];
      }
    }
    int mCount = set.positionCount();
    int[] pathOffset = new int[mCount + 1];
    for (int m = 0; m < mCount; m++) {
      pathOffset[m + 1] = pathOffset[m] + pathSet(m).pathCount(link[m]);
    }
    int blocks = blockSize.length;
    int[] gramOffset = new int[mCount + 1];
    for (int m = 0; m < mCount; m++) {
      int p = pathOffset[m + 1] - pathOffset[m];
      gramOffset[m + 1] = gramOffset[m] + 2 * blocks * p * p;
    }
    double[] gram = new double[gramOffset[mCount]];
    double[] proj = new double[2 * pathOffset[mCount] * blocks];
    double[] energy = new double[mCount * blocks];
    double[] delays = new double[pathOffset[mCount]];
    double[] spread = new double[mCount * numRx * numTx];
    for (int m = 0; m < mCount; m++) {
      PathSet ps = pathSet(m);
      for (int l = 0; l < pathOffset[m + 1] - pathOffset[m]; l++) {
        delays[pathOffset[m] + l] = ps.delay(ps.firstPath(link[m]) + l);
      }
    }
    this.measuredPower = new double[mCount];
    double[][] bandFreqs = new double[nb][];
    for (int b = 0; b < nb; b++) {
      bandFreqs[b] = Arrays.copyOfRange(f, bandStart[b], bandStart[b + 1]);
    }
    IntStream.range(0, mCount)
        .parallel()
        .forEach(
            m -> project(set, m, bandFreqs, pathOffset, gramOffset, blocks, gram, proj, energy));
    double snr = Math.pow(10, snrDb / 10);
    for (int m = 0; m < mCount; m++) {
      for (int a = 0; a < numRx * numTx; a++) {
        spread[m * numRx * numTx + a] = delaySpread(set, m, a, snr);
      }
    }
    double[] response =
        numRx * numTx > 1 ? arrayResponse(pathOffset, 0.5 * (f[0] + f[f.length - 1])) : null;
    this.data =
        new ProjectedMeasurements(
            pathOffset,
            numRx * numTx,
            blockSize,
            gram,
            proj,
            energy,
            snr,
            delays,
            spread,
            response);
  }

  /**
   * The array response w_{ℓa} = e^{j(arg a_{ℓa} − arg a_{ℓr})}/√A of every path across the A
   * antenna pairs, from the twin's own coefficients at the reference frequency (the band centre)
   * with the twin's initial materials, r the pair where |a_ℓ| is largest (only relative phases
   * matter to the projections). The field evaluator forms arrays synthetically (one ray per path,
   * element phases (2π/λ)·k·r from the departure and arrival directions and the element offsets),
   * so with identical co-polarised elements this is the geometric steering vector of the path's
   * directions and does not depend on the materials. A path with zero coefficient everywhere gets
   * the uniform vector.
   */
  private double[] arrayResponse(int[] pathOffset, double fRef) {
    int pairs = numRx * numTx;
    double[] w = new double[2 * pathOffset[pathOffset.length - 1] * pairs];
    double norm = 1 / Math.sqrt(pairs);
    for (int gi = 0; gi < evaluators.length; gi++) {
      PathCoefficients pc =
          evaluators[gi].evaluate(fRef, geometry.materials(geometry.scene()), allowExtrapolation);
      for (int m = 0; m < group.length; m++) {
        if (group[m] != gi) {
          continue;
        }
        int first = pathSet(m).firstPath(link[m]);
        for (int l = 0; l < pathOffset[m + 1] - pathOffset[m]; l++) {
          int p = first + l;
          double best = 0;
          double refRe = 0;
          double refIm = 0;
          for (int r = 0; r < numRx; r++) {
            for (int t = 0; t < numTx; t++) {
              double mag = Math.hypot(pc.re(p, r, t), pc.im(p, r, t));
              if (mag > best) {
                best = mag;
                refRe = pc.re(p, r, t) / mag;
                refIm = pc.im(p, r, t) / mag;
              }
            }
          }
          for (int r = 0; r < numRx; r++) {
            for (int t = 0; t < numTx; t++) {
              int i = 2 * ((pathOffset[m] + l) * pairs + r * numTx + t);
              double re = pc.re(p, r, t);
              double im = pc.im(p, r, t);
              double mag = Math.hypot(re, im);
              if (best > 0 && mag > 0) {
                // a·conj(a_ref) / |a|, normalised.
                w[i] = norm * (re * refRe + im * refIm) / mag;
                w[i + 1] = norm * (im * refRe - re * refIm) / mag;
              } else {
                w[i] = norm;
              }
            }
          }
        }
      }
    }
    return w;
  }

  /** Steering vectors, Gram matrices, projections and energies of one measurement. */
  private void project(
      MeasurementSet set,
      int m,
      double[][] bandFreqs,
      int[] pathOffset,
      int[] gramOffset,
      int blocks,
      double[] gram,
      double[] proj,
      double[] energy) {
    PathSet ps = pathSet(m);
    int first = ps.firstPath(link[m]);
    int p = pathOffset[m + 1] - pathOffset[m];
    int nb = bandFreqs.length;
    int kTotal = set.frequencyCount();
    double[] y = new double[2 * kTotal];
    double[] out2 = new double[2];
    int maxBand = 0;
    for (double[] bf : bandFreqs) {
      maxBand = Math.max(maxBand, bf.length);
    }
    double[][] steer = new double[p][2 * maxBand];
    double power = 0;
    for (int a = 0; a < numRx * numTx; a++) {
      set.copyResponse(m, a, y, 0);
      for (int b = 0; b < nb; b++) {
        int c = a * nb + b;
        int k0 = bandStart[b];
        int kb = bandFreqs[b].length;
        for (int l = 0; l < p; l++) {
          Arrays.fill(steer[l], 0);
          ComplexArrays.accumulatePhasor(steer[l], bandFreqs[b], 1, 0, ps.delay(first + l));
          ComplexArrays.dotConj(steer[l], 0, y, 2 * k0, kb, out2);
          int i = 2 * ((pathOffset[m] + l) * blocks + c);
          proj[i] = out2[0];
          proj[i + 1] = out2[1];
        }
        for (int l = 0; l < p; l++) {
          for (int l2 = 0; l2 < p; l2++) {
            ComplexArrays.dotConj(steer[l], 0, steer[l2], 0, kb, out2);
            int gi = gramOffset[m] + 2 * ((c * p + l) * p + l2);
            gram[gi] = out2[0];
            gram[gi + 1] = out2[1];
          }
        }
        double e = 0;
        for (int k = 2 * k0; k < 2 * (k0 + kb); k++) {
          e += y[k] * y[k];
        }
        energy[m * blocks + c] = e;
        power += e;
      }
    }
    measuredPower[m] = power / (kTotal * numRx * numTx);
  }

  /**
   * RMS delay spread of a measured response on a uniform grid, from its frequency correlation
   * (pulse-pair estimator): with R₀ = Σ|y_k|² − Kσ² (noise removed, σ² from the SNR) and R_L = Σ
   * conj(y_k)y_{k+L}·K/(K − L), |R_L|/R₀ = |Σ_ℓ p_ℓe^{−j2πLΔfτ_ℓ}|/Σp_ℓ ≈ 1 − (2πLΔf)²σ_τ²/2 for
   * resolved paths, so σ_τ = √(2(1 − |R_L|/R₀))/(2πLΔf). The lag L doubles from 1 until the
   * decorrelation reaches 2 % (so that it dominates the O(1/K) leakage of unresolved cross terms
   * while 2πLΔfσ_τ stays ≈ 0.2, where the quadratic approximation is good to about 1 %), or L =
   * K/4. NaN on a non-uniform grid or with fewer than 8 tones.
   */
  private static double delaySpread(MeasurementSet set, int m, int a, double snr) {
    double[] y = new double[2 * set.frequencyCount()];
    set.copyResponse(m, a, y, 0);
    return rmsDelaySpread(set.frequencies(), y, snr);
  }

  /**
   * The pulse-pair RMS delay spread of one response (see {@link #delaySpread}).
   *
   * @param f frequencies [Hz]
   * @param y interleaved response H(f_k)
   * @param snr linear SNR (+∞ for noiseless)
   * @return σ_τ [s], NaN when the grid is not uniform or has fewer than 8 tones
   */
  static double rmsDelaySpread(double[] f, double[] y, double snr) {
    int k = f.length;
    if (k < 8) {
      return Double.NaN;
    }
    double df = (f[k - 1] - f[0]) / (k - 1);
    for (int i = 1; i < k; i++) {
      if (Math.abs(f[i] - f[i - 1] - df) > 1e-6 * df) {
        return Double.NaN;
      }
    }
    double r0 = 0;
    for (int i = 0; i < 2 * k; i++) {
      r0 += y[i] * y[i];
    }
    double signal = Double.isInfinite(snr) ? r0 : r0 * snr / (1 + snr);
    if (!(signal > 0)) {
      return Double.NaN;
    }
    double ratio = 1;
    int lag = 1;
    while (true) {
      double rr = 0;
      double ri = 0;
      for (int i = 0; i + lag < k; i++) {
        int j = i + lag;
        rr += y[2 * i] * y[2 * j] + y[2 * i + 1] * y[2 * j + 1];
        ri += y[2 * i] * y[2 * j + 1] - y[2 * i + 1] * y[2 * j];
      }
      ratio = Math.min(1, Math.hypot(rr, ri) * k / (k - lag) / signal);
      int next = Math.max(lag + 1, (int) Math.round(1.2 * lag));
      if (ratio < 0.95 || next > k / 4) {
        break;
      }
      lag = next;
    }
    return Math.sqrt(-2 * Math.log(Math.max(ratio, 1e-300))) / (2 * Math.PI * lag * df);
  }

  /** Index of the first tone of every sub-band, and the end. */
  private static int[] partition(double[] f, double subband) {
    if (!(subband > 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "sub-band width", subband + " must be > 0 Hz");
    }
    List<Integer> starts = new ArrayList<>();
    int k = f.length;
    double df = f.length > 1 ? (f[f.length - 1] - f[0]) / (f.length - 1) : 0;
    boolean uniform = true;
    for (int i = 1; i < k && uniform; i++) {
      uniform = Math.abs(f[i] - f[i - 1] - df) <= 1e-6 * df;
    }
    if (uniform && df > 0) {
      int per = Math.max(1, (int) Math.round(subband / df));
      for (int s = 0; s < k; s += per) {
        starts.add(s);
      }
    } else {
      int s = 0;
      while (s < k) {
        starts.add(s);
        int e = s + 1;
        while (e < k && f[e] - f[s] < subband) {
          e++;
        }
        s = e;
      }
    }
    starts.add(k);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Traces the twin for every position of a measurement set.
   *
   * @param twin the twin scene
   * @param set the measurements (its antenna counts must match the twin's arrays)
   * @param config path search settings
   * @param subband sub-band width [Hz] within which coefficients are constant
   * @param snrDb the measurements' SNR [dB] (PEAC's noise level; +∞ when noiseless)
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @param progress fraction of the tracing done
   * @return the campaign
   */
  public static TwinCampaign trace(
      Scene twin,
      MeasurementSet set,
      PathSolverConfig config,
      double subband,
      double snrDb,
      boolean allowExtrapolation,
      DoubleConsumer progress) {
    if (set.rxAntennaCount() != twin.rxArray().elementCount()
        || set.txAntennaCount() != twin.txArray().elementCount()) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "antenna pairs of the measurements and the twin's arrays",
          twin.rxArray().elementCount() * twin.txArray().elementCount(),
          set.antennaPairCount());
    }
    SceneGeometry g = SceneGeometry.of(twin);
    int mCount = set.positionCount();
    Map<Vec3, List<Integer>> byTx = new LinkedHashMap<>();
    Map<Vec3, List<Integer>> byRx = new LinkedHashMap<>();
    for (int m = 0; m < mCount; m++) {
      byTx.computeIfAbsent(set.txPosition(m), v -> new ArrayList<>()).add(m);
      byRx.computeIfAbsent(set.rxPosition(m), v -> new ArrayList<>()).add(m);
    }
    boolean groupByTx = byTx.size() <= byRx.size();
    Map<Vec3, List<Integer>> groups = groupByTx ? byTx : byRx;
    FieldEvaluator[] ev = new FieldEvaluator[groups.size()];
    int[] group = new int[mCount];
    int[] link = new int[mCount];
    PathSolver solver = new PathSolver(config);
    int gi = 0;
    for (Map.Entry<Vec3, List<Integer>> e : groups.entrySet()) {
      List<Integer> members = e.getValue();
      double[] shared = e.getKey().toArray();
      double[] others = new double[3 * members.size()];
      for (int j = 0; j < members.size(); j++) {
        Vec3 o = groupByTx ? set.rxPosition(members.get(j)) : set.txPosition(members.get(j));
        others[3 * j] = o.x();
        others[3 * j + 1] = o.y();
        others[3 * j + 2] = o.z();
        group[members.get(j)] = gi;
        // Links are numbered rx·numTx + tx: with one shared end the link is the other's index.
        link[members.get(j)] = j;
      }
      PathSet ps =
          groupByTx
              ? solver.solve(g, shared, others, ForkJoinPool.commonPool())
              : solver.solve(g, others, shared, ForkJoinPool.commonPool());
      ev[gi] = evaluator(ps, g, twin);
      gi++;
      progress.accept(gi / (double) groups.size());
    }
    return new TwinCampaign(g, ev, group, link, set, subband, snrDb, allowExtrapolation);
  }

  /**
   * A campaign from paths already traced: measurement m uses link {@code link[m]} of {@code
   * paths[group[m]]}.
   *
   * @param geometry the twin geometry the paths were traced in
   * @param paths traced path sets
   * @param group path set of each measurement
   * @param link link of each measurement in its path set
   * @param set the measurements
   * @param subband sub-band width [Hz]
   * @param snrDb the measurements' SNR [dB]
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @return the campaign
   */
  public static TwinCampaign of(
      SceneGeometry geometry,
      PathSet[] paths,
      int[] group,
      int[] link,
      MeasurementSet set,
      double subband,
      double snrDb,
      boolean allowExtrapolation) {
    if (group.length != set.positionCount() || link.length != set.positionCount()) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "links of the measurements",
          set.positionCount(),
          group.length);
    }
    FieldEvaluator[] ev = new FieldEvaluator[paths.length];
    for (int i = 0; i < paths.length; i++) {
      ev[i] = evaluator(paths[i], geometry, geometry.scene());
    }
    return new TwinCampaign(
        geometry, ev, group.clone(), link.clone(), set, subband, snrDb, allowExtrapolation);
  }

  private static FieldEvaluator evaluator(PathSet ps, SceneGeometry g, Scene twin) {
    Orientation[] tx = new Orientation[ps.transmitterCount()];
    Orientation[] rx = new Orientation[ps.receiverCount()];
    Arrays.fill(tx, Orientation.IDENTITY);
    Arrays.fill(rx, Orientation.IDENTITY);
    return new FieldEvaluator(ps, g, twin.txArray(), tx, twin.rxArray(), rx);
  }

  private PathSet pathSet(int m) {
    return evaluators[group[m]].paths();
  }

  /**
   * The twin geometry.
   *
   * @return the geometry
   */
  public SceneGeometry geometry() {
    return geometry;
  }

  /**
   * The projected measurements the losses work on.
   *
   * @return the data
   */
  public ProjectedMeasurements data() {
    return data;
  }

  /**
   * Whether ITU materials may be evaluated outside their ranges.
   *
   * @return the flag
   */
  public boolean allowExtrapolation() {
    return allowExtrapolation;
  }

  /**
   * Sub-band centre frequencies [Hz].
   *
   * @return a copy
   */
  public double[] subbandCentres() {
    return bandCentre.clone();
  }

  /**
   * Band-averaged measured power gain mean_{k,pair}|y|² of each measurement.
   *
   * @return a copy
   */
  public double[] measuredPowers() {
    return measuredPower.clone();
  }

  /**
   * Evaluates the twin's path coefficients a_{mℓc} and, when {@code derivatives} is not null, their
   * derivatives with respect to (η_r, σ) of the selected materials (field evaluator layout: 2k, 2k
   * + 1).
   *
   * @param materials materials in the geometry's order
   * @param selected differentiated material indices
   * @param coef receives the coefficients ({@link ProjectedMeasurements} layout)
   * @param derivatives null, or 2·selected.length arrays of the same layout
   */
  public void evaluate(
      RadioMaterial[] materials, int[] selected, double[] coef, double[][] derivatives) {
    evaluate(materials, selected, coef, derivatives, false);
  }

  /**
   * Evaluates the twin's path coefficients a_{mℓc} and, when {@code derivatives} is not null, their
   * derivatives with respect to (η_r, σ) of the selected materials (field evaluator layout: 2k, 2k
   * + 1) or, with {@code withScattering}, to (η_r, σ, S) (layout 3k, 3k + 1, 3k + 2).
   *
   * @param materials materials in the geometry's order
   * @param selected differentiated material indices
   * @param coef receives the coefficients ({@link ProjectedMeasurements} layout)
   * @param derivatives null, or (2 or 3)·selected.length arrays of the same layout
   * @param withScattering differentiate with respect to the scattering coefficients too
   */
  public void evaluate(
      RadioMaterial[] materials,
      int[] selected,
      double[] coef,
      double[][] derivatives,
      boolean withScattering) {
    int nb = bandCentre.length;
    int blocks = data.blockCount();
    for (int b = 0; b < nb; b++) {
      for (int gi = 0; gi < evaluators.length; gi++) {
        PathCoefficients pc =
            derivatives == null
                ? evaluators[gi].evaluate(bandCentre[b], materials, allowExtrapolation)
                : evaluators[gi].evaluateWithDerivatives(
                    bandCentre[b], materials, selected, allowExtrapolation, withScattering);
        PathSet ps = evaluators[gi].paths();
        for (int m = 0; m < group.length; m++) {
          if (group[m] != gi) {
            continue;
          }
          int first = ps.firstPath(link[m]);
          for (int l = 0; l < data.pathCount(m); l++) {
            for (int r = 0; r < numRx; r++) {
              for (int t = 0; t < numTx; t++) {
                int c = (r * numTx + t) * nb + b;
                int i = 2 * ((data.pathOffset(m) + l) * blocks + c);
                coef[i] = pc.re(first + l, r, t);
                coef[i + 1] = pc.im(first + l, r, t);
                if (derivatives != null) {
                  for (int j = 0; j < derivatives.length; j++) {
                    var d = pc.derivative(j, first + l, r, t);
                    derivatives[j][i] = d.re();
                    derivatives[j][i + 1] = d.im();
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /**
   * The twin's band-averaged power gain mean_{k,pair}|Σ_ℓ h_ℓ|² of each measurement (coherent sum
   * with the twin's phases).
   *
   * @param coef coefficients from {@link #evaluate}
   * @return one power per measurement
   */
  public double[] predictedPowers(double[] coef) {
    int maxPaths = data.maxPathCount();
    double[] w = new double[2 * maxPaths];
    double[] v = new double[2 * maxPaths];
    double[] out = new double[data.measurementCount()];
    int samples = data.samplesPerMeasurement();
    for (int m = 0; m < out.length; m++) {
      double s = 0;
      for (int c = 0; c < data.blockCount(); c++) {
        s += data.quadraticForm(m, c, coef, null, w, v);
      }
      out[m] = s / samples;
    }
    return out;
  }
}
