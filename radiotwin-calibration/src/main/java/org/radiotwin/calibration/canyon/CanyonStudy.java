package org.radiotwin.calibration.canyon;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.radiotwin.calibration.CalibrationParameters;
import org.radiotwin.calibration.Calibrator;
import org.radiotwin.calibration.TwinCampaign;
import org.radiotwin.calibration.loss.CalibrationLoss;
import org.radiotwin.calibration.loss.PeacLoss;
import org.radiotwin.calibration.loss.PeocLoss;
import org.radiotwin.calibration.loss.UpecLoss;
import org.radiotwin.calibration.optim.Adam;
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
import org.radiotwin.rt.SceneGeometry;

/**
 * The canyon study of seed 000 Fig. 3: for each bandwidth and each of several random draws of the
 * measurement positions and noise, calibrates the twin's wall material with PEOC, UPEC and PEAC
 * from η_r = 3, σ = 0.1 S/m, and scores each calibrated twin by the relative power error
 *
 * <pre>e = mean_{m,k} |P_true(m, f_k) − P_cal(m, f_k)| / P_true(m, f_k),  P = Σ_ℓ |a_ℓ(f_k)|²</pre>
 *
 * at the measurement positions (path powers, so the twin's geometry error does not enter the
 * metric; only its materials do).
 *
 * <p>Measurements: subcarriers Δf apart centred on 6 GHz, y_m[k] = Σ_ℓ a_ℓ(f_b)e^{−j2πf_kτ_ℓ} + n
 * from reality's paths (coefficients per sub-band b, as in {@code CampaignSimulator}), n ~ CN(0,
 * mean|h|²/SNR). Each run (draw) and bandwidth is independent and seeded from (seed, run), so the
 * result does not depend on the number of threads.
 */
public final class CanyonStudy {

  /** The methods compared, in report order. */
  public static final List<String> METHODS = List.of("PEAC", "UPEC", "PEOC");

  /**
   * Study settings.
   *
   * @param bandwidths measurement bandwidths [Hz]
   * @param runs random draws per bandwidth (≥ 1)
   * @param seed base seed
   * @param measurements measurement positions per draw
   * @param subcarrierSpacing Δf [Hz]
   * @param snrDb SNR per position [dB]
   * @param iterations EM / Adam iterations per calibration
   * @param learningRate Adam step on the unconstrained variables
   * @param subband width within which path coefficients are constant [Hz]
   */
  public record Settings(
      double[] bandwidths,
      int runs,
      long seed,
      int measurements,
      double subcarrierSpacing,
      double snrDb,
      int iterations,
      double learningRate,
      double subband) {

    /** Validates and copies. */
    public Settings {
      bandwidths = bandwidths.clone();
      if (bandwidths.length == 0 || runs < 1 || measurements < 1 || iterations < 0) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "canyon study settings",
            "need bandwidths, runs ≥ 1, measurements ≥ 1, iterations ≥ 0");
      }
      for (double b : bandwidths) {
        if (!(b >= subcarrierSpacing) || !Double.isFinite(b)) {
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT,
              "bandwidth",
              b + " Hz must be finite and at least the subcarrier spacing " + subcarrierSpacing);
        }
      }
    }

    /**
     * The paper's setting: 1 MHz … 500 MHz, 10 runs, 50 measurements, 30 kHz, 20 dB, 300
     * iterations, learning rate 0.05, 50 MHz sub-bands.
     *
     * @param seed base seed
     * @return the settings
     */
    public static Settings paper(long seed) {
      return new Settings(
          new double[] {1e6, 2e6, 5e6, 10e6, 20e6, 50e6, 100e6, 200e6, 500e6},
          10,
          seed,
          50,
          30e3,
          20,
          300,
          0.05,
          TwinCampaign.DEFAULT_SUBBAND);
    }

    /**
     * The same settings with other bandwidths and run count.
     *
     * @param newBandwidths bandwidths [Hz]
     * @param newRuns runs
     * @return a copy
     */
    public Settings with(double[] newBandwidths, int newRuns) {
      return new Settings(
          newBandwidths,
          newRuns,
          seed,
          measurements,
          subcarrierSpacing,
          snrDb,
          iterations,
          learningRate,
          subband);
    }

    @Override
    public double[] bandwidths() {
      return bandwidths.clone();
    }
  }

  /**
   * Error statistics of one method over the runs, per bandwidth.
   *
   * @param mean mean error
   * @param q25 25 % quantile
   * @param q75 75 % quantile
   * @param runs errors [bandwidth][run]
   */
  public record MethodCurve(double[] mean, double[] q25, double[] q75, double[][] runs) {}

  /**
   * The study's result.
   *
   * @param bandwidthsHz bandwidths [Hz]
   * @param initialError the uncalibrated twin's error (mean over runs) per bandwidth
   * @param methods curves by method name, in {@link #METHODS} order
   */
  public record Result(
      double[] bandwidthsHz, double[] initialError, Map<String, MethodCurve> methods) {}

  private CanyonStudy() {}

  /**
   * Runs the study.
   *
   * @param settings the settings
   * @param progress fraction of the calibrations done (called from worker threads)
   * @return the result
   */
  public static Result run(Settings settings, DoubleConsumer progress) {
    double[] bw = settings.bandwidths();
    int runs = settings.runs();
    int nm = METHODS.size();
    double[][][] err = new double[nm][bw.length][runs];
    double[][] initial = new double[bw.length][runs];
    long[] runSeeds = new long[runs];
    SplittableRandom base = new SplittableRandom(settings.seed());
    for (int r = 0; r < runs; r++) {
      runSeeds[r] = base.nextLong();
    }
    Draw[] draws = new Draw[runs];
    IntStream.range(0, runs)
        .parallel()
        .forEach(r -> draws[r] = Draw.of(settings.measurements(), runSeeds[r]));
    AtomicInteger done = new AtomicInteger();
    int total = runs * bw.length;
    ForkJoinPool.commonPool()
        .submit(
            () ->
                IntStream.range(0, total)
                    .parallel()
                    .forEach(
                        task -> {
                          int r = task / bw.length;
                          int i = task % bw.length;
                          double[] e = new double[nm + 1];
                          runOne(
                              settings,
                              draws[r],
                              bw[i],
                              runSeeds[r] ^ (0x9E3779B97F4A7C15L * (i + 1)),
                              e);
                          initial[i][r] = e[nm];
                          for (int k = 0; k < nm; k++) {
                            err[k][i][r] = e[k];
                          }
                          progress.accept(done.incrementAndGet() / (double) total);
                        }))
        .join();
    Map<String, MethodCurve> curves = new LinkedHashMap<>();
    for (int k = 0; k < nm; k++) {
      double[] mean = new double[bw.length];
      double[] q25 = new double[bw.length];
      double[] q75 = new double[bw.length];
      for (int i = 0; i < bw.length; i++) {
        mean[i] = Arrays.stream(err[k][i]).average().orElse(Double.NaN);
        q25[i] = quantile(err[k][i], 0.25);
        q75[i] = quantile(err[k][i], 0.75);
      }
      curves.put(METHODS.get(k), new MethodCurve(mean, q25, q75, err[k]));
    }
    double[] init = new double[bw.length];
    for (int i = 0; i < bw.length; i++) {
      init[i] = Arrays.stream(initial[i]).average().orElse(Double.NaN);
    }
    return new Result(bw, init, curves);
  }

  /** Linear-interpolation quantile (type 7) of a small sample. */
  static double quantile(double[] values, double p) {
    double[] s = values.clone();
    Arrays.sort(s);
    double h = (s.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(s.length - 1, lo + 1);
    return s[lo] + (h - lo) * (s[hi] - s[lo]);
  }

  /** The positions of one run, with reality's and the twin's paths traced once. */
  record Draw(double[] rx, FieldEvaluator truth, SceneGeometry twinGeometry, PathSet twinPaths) {

    static Draw of(int count, long seed) {
      double[] rx = CanyonScenario.receivers(count, new SplittableRandom(seed));
      PathSolver solver = new PathSolver(CanyonScenario.pathSettings());
      SceneGeometry tg =
          SceneGeometry.of(
              CanyonScenario.scene(true, CanyonScenario.trueMaterial(CanyonScenario.CARRIER)));
      PathSet tp = solver.solve(tg, CanyonScenario.transmitter(), rx, ForkJoinPool.commonPool());
      SceneGeometry g =
          SceneGeometry.of(CanyonScenario.scene(false, CanyonScenario.initialMaterial()));
      PathSet twin = solver.solve(g, CanyonScenario.transmitter(), rx, ForkJoinPool.commonPool());
      return new Draw(rx, FieldEvaluator.forScene(tp, tg), g, twin);
    }
  }

  /**
   * One bandwidth of one run: simulates the measurements, calibrates with every method, and writes
   * the errors (then the uncalibrated error) into {@code out}.
   */
  static void runOne(Settings s, Draw draw, double bandwidth, long noiseSeed, double[] out) {
    MeasurementSet set = measure(s, draw, bandwidth, noiseSeed);
    TwinCampaign campaign = campaign(s, draw, set);
    double[] truePower = pathPowers(draw.truth(), null, set.frequencies(), s.subband());
    FieldEvaluator twin = FieldEvaluator.forScene(draw.twinPaths(), draw.twinGeometry());
    Calibrator.Settings cs =
        new Calibrator.Settings(s.iterations(), 0, Adam.Settings.of(s.learningRate()));
    List<Supplier<CalibrationLoss>> losses = List.of(PeacLoss::new, UpecLoss::new, PeocLoss::new);
    for (int k = 0; k < losses.size(); k++) {
      CalibrationParameters p = parameters(draw.twinGeometry());
      Calibrator.calibrate(campaign, p, losses.get(k).get(), cs, f -> {});
      RadioMaterial cal = p.materials()[0];
      out[k] = relativeError(truePower, pathPowers(twin, cal, set.frequencies(), s.subband()));
    }
    out[losses.size()] =
        relativeError(
            truePower,
            pathPowers(twin, CanyonScenario.initialMaterial(), set.frequencies(), s.subband()));
  }

  /**
   * The campaign of one draw at one bandwidth, traced and projected, as each calibration of the
   * study sees it (for benchmarks and programmatic use).
   *
   * @param s study settings (measurements, spacing, SNR, sub-band)
   * @param runSeed seed of the draw (positions and noise)
   * @param bandwidth measurement bandwidth [Hz]
   * @return the twin campaign
   */
  public static TwinCampaign campaign(Settings s, long runSeed, double bandwidth) {
    Draw draw = Draw.of(s.measurements(), runSeed);
    return campaign(s, draw, measure(s, draw, bandwidth, runSeed));
  }

  /** The draw's twin paths projected on the measurements (one geometry, link m for position m). */
  private static TwinCampaign campaign(Settings s, Draw draw, MeasurementSet set) {
    return TwinCampaign.of(
        draw.twinGeometry(),
        new PathSet[] {draw.twinPaths()},
        new int[set.positionCount()],
        IntStream.range(0, set.positionCount()).toArray(),
        set,
        s.subband(),
        s.snrDb(),
        false);
  }

  /**
   * The twin's parameters: the wall material, trainable, from η_r = 3, σ = 0.1 S/m.
   *
   * @param twin the twin geometry
   * @return fresh parameters
   */
  public static CalibrationParameters parameters(SceneGeometry twin) {
    return CalibrationParameters.of(
            twin, CanyonScenario.CARRIER, List.of(CanyonScenario.MATERIAL), false)
        .setInitial(
            CanyonScenario.MATERIAL,
            CanyonScenario.INITIAL_PERMITTIVITY,
            CanyonScenario.INITIAL_CONDUCTIVITY);
  }

  /**
   * The subcarrier grid of a bandwidth: ⌈B/Δf⌉ subcarriers Δf apart, centred on the carrier.
   *
   * @param bandwidth B [Hz]
   * @param spacing Δf [Hz]
   * @return frequencies [Hz]
   */
  public static double[] subcarriers(double bandwidth, double spacing) {
    int k = (int) Math.ceil(bandwidth / spacing - 1e-9);
    double[] f = new double[k];
    for (int i = 0; i < k; i++) {
      f[i] = CanyonScenario.CARRIER + (i - 0.5 * (k - 1)) * spacing;
    }
    return f;
  }

  /** Reality's measured responses at one bandwidth. */
  static MeasurementSet measure(Settings s, Draw draw, double bandwidth, long seed) {
    double[] f = subcarriers(bandwidth, s.subcarrierSpacing());
    int k = f.length;
    int per = Math.max(1, (int) Math.round(s.subband() / s.subcarrierSpacing()));
    PathSet ps = draw.truth().paths();
    int mCount = ps.receiverCount();
    double[] h = new double[2 * k * mCount];
    double[] band = new double[2 * Math.min(per, k)];
    for (int k0 = 0; k0 < k; k0 += per) {
      int n = Math.min(per, k - k0);
      double centre = 0.5 * (f[k0] + f[k0 + n - 1]);
      PathCoefficients c =
          draw.truth()
              .evaluate(centre, new RadioMaterial[] {CanyonScenario.trueMaterial(centre)}, false);
      for (int m = 0; m < mCount; m++) {
        int link = ps.link(m, 0);
        // accumulatePhasorUniform writes from index 0: sum the paths in a sub-band buffer.
        java.util.Arrays.fill(band, 0, 2 * n, 0);
        for (int p = ps.firstPath(link); p < ps.firstPath(link) + ps.pathCount(link); p++) {
          ComplexArrays.accumulatePhasorUniform(
              band, f[k0], s.subcarrierSpacing(), n, c.re(p, 0, 0), c.im(p, 0, 0), ps.delay(p));
        }
        System.arraycopy(band, 0, h, 2 * (m * k + k0), 2 * n);
      }
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    double snr = Math.pow(10, s.snrDb() / 10);
    MeasurementSet.Builder b = MeasurementSet.builder(f);
    Vec3 tx =
        new Vec3(
            CanyonScenario.transmitter()[0],
            CanyonScenario.transmitter()[1],
            CanyonScenario.transmitter()[2]);
    double[] y = new double[2 * k];
    for (int m = 0; m < mCount; m++) {
      System.arraycopy(h, 2 * m * k, y, 0, 2 * k);
      double mean = 0;
      for (int i = 0; i < 2 * k; i++) {
        mean += y[i] * y[i];
      }
      double sd = Math.sqrt(mean / k / snr / 2);
      for (int i = 0; i < 2 * k; i++) {
        y[i] += sd * rnd.nextGaussian();
      }
      b.add(m, tx, new Vec3(draw.rx()[3 * m], draw.rx()[3 * m + 1], draw.rx()[3 * m + 2]), y);
    }
    return b.build();
  }

  /**
   * Σ_ℓ |a_ℓ(f_k)|² per link and subcarrier, coefficients per sub-band; material null means
   * reality's frequency-dependent one.
   */
  static double[] pathPowers(
      FieldEvaluator fe, RadioMaterial material, double[] f, double subband) {
    PathSet ps = fe.paths();
    int k = f.length;
    double df = k > 1 ? f[1] - f[0] : 0;
    int per = df > 0 ? Math.max(1, (int) Math.round(subband / df)) : k;
    int mCount = ps.receiverCount();
    double[] out = new double[mCount * k];
    for (int k0 = 0; k0 < k; k0 += per) {
      int n = Math.min(per, k - k0);
      double centre = 0.5 * (f[k0] + f[k0 + n - 1]);
      RadioMaterial mat = material == null ? CanyonScenario.trueMaterial(centre) : material;
      PathCoefficients c = fe.evaluate(centre, new RadioMaterial[] {mat}, false);
      for (int m = 0; m < mCount; m++) {
        int link = ps.link(m, 0);
        double p2 = 0;
        for (int p = ps.firstPath(link); p < ps.firstPath(link) + ps.pathCount(link); p++) {
          p2 += c.re(p, 0, 0) * c.re(p, 0, 0) + c.im(p, 0, 0) * c.im(p, 0, 0);
        }
        Arrays.fill(out, m * k + k0, m * k + k0 + n, p2);
      }
    }
    return out;
  }

  private static double relativeError(double[] truth, double[] calibrated) {
    double s = 0;
    for (int i = 0; i < truth.length; i++) {
      s += Math.abs(truth[i] - calibrated[i]) / truth[i];
    }
    return s / truth.length;
  }
}
