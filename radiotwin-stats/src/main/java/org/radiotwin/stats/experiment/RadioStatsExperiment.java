package org.radiotwin.stats.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.radiotwin.channel.EmpiricalDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;
import org.radiotwin.stats.experiment.RadioStatsResult.CurvePoint;
import org.radiotwin.stats.experiment.RadioStatsResult.ErrorSummary;
import org.radiotwin.stats.experiment.RadioStatsResult.ModelChoice;
import org.radiotwin.stats.experiment.RadioStatsResult.PositionMap;
import org.radiotwin.stats.experiment.RadioStatsResult.RateSummary;
import org.radiotwin.stats.features.PowerQuantileFeatures;
import org.radiotwin.stats.gp.GpPrediction;
import org.radiotwin.stats.gp.KernelFamily;
import org.radiotwin.stats.rate.ConformalQuantileCalibration;
import org.radiotwin.stats.rate.OrderStatisticRate;
import org.radiotwin.stats.rate.OutageCapacity;
import org.radiotwin.stats.rate.PredictiveRate;

/**
 * Seed 004 end to end (Abouamer, Williams and Popovski, "Prediction of Wireless Channel Statistics
 * with Ray Tracing and Uncalibrated Digital Twin"): predict the ε-quantile of the fading power over
 * a site from M measured positions, and select URLLC rates from the prediction.
 *
 * <ol>
 *   <li>{@link #measure}: the twin (an uncalibrated scene) and the reality (another scene, with
 *       true materials and extra objects) are swept over a wide band at every position ({@link
 *       SiteSweep}); the target is ln q̂_ε of the reality's samples, the twin gives its own ln q̂_ε
 *       (benchmark 1) and K power quantiles per position ({@link PowerQuantileFeatures}).
 *   <li>{@link #analyse}: per run, a random split into M training and P − M evaluation positions;
 *       GPs on [position, twin quantiles] (proposed, seed 004 eq. 3) and on position only
 *       (benchmark 2), each with the K and kernel that maximise the log marginal likelihood of the
 *       training targets; absolute errors of ln q_ε in dB; rates by {@link PredictiveRate}
 *       (Gaussian δ-quantile) and by split conformal calibration ({@link
 *       ConformalQuantileCalibration}: the GP fitted on M − m positions, calibrated on m), plus
 *       Kallehauge's order-statistic rate from local pilot samples ({@link OrderStatisticRate}) and
 *       the twin's own capacity; normalised rate R̂/C_ε and violations R̂ > C_ε.
 * </ol>
 *
 * <p>The reality's path settings are a field of {@link Settings} of their own, so that richer
 * propagation (diffuse scattering, diffraction) can be switched on for the reality alone.
 */
public final class RadioStatsExperiment {

  /** Error methods (prediction of ln q_ε). */
  public static final List<String> ERROR_METHODS = List.of("proposed", "twinOnly", "positionOnly");

  /** Rate methods. */
  public static final List<String> RATE_METHODS =
      List.of(
          "proposed",
          "positionOnly",
          "proposedConformal",
          "positionOnlyConformal",
          "orderStatistic",
          "twinOnly");

  private static final double DB_PER_NEPER = 10 / Math.log(10);

  /**
   * Settings of the experiment.
   *
   * @param twin the uncalibrated twin
   * @param reality the scene that stands in for the measurements
   * @param twinPaths path settings of the twin
   * @param realityPaths path settings of the reality
   * @param accessPoint fixed access point (3 entries) [m]
   * @param positions packed user positions [m] (P ≥ train + 2)
   * @param frequencies uniform band [Hz]
   * @param epsilon outage probability ε in (0, 1)
   * @param delta confidence parameter δ in (0, 1)
   * @param train training positions per run M
   * @param calibration of those, held out for the conformal calibration m (1 ≤ m ≤ M − 3)
   * @param runs random splits ≥ 1
   * @param seed seed of the splits, the optimiser restarts and the pilot samples
   * @param featureCounts candidate K (twin quantiles per position), each ≥ 1
   * @param kernels candidate kernel families
   * @param restarts optimiser restarts per fit
   * @param snrDb ρ is set so that the median position's mean SNR is this [dB]
   * @param pilotSamples local samples per position for the order-statistic rate
   * @param deltaGrid δ values of the violation curve
   * @param selection how K and the kernel are chosen
   */
  public record Settings(
      Scene twin,
      Scene reality,
      PathSolverConfig twinPaths,
      PathSolverConfig realityPaths,
      double[] accessPoint,
      double[] positions,
      double[] frequencies,
      double epsilon,
      double delta,
      int train,
      int calibration,
      int runs,
      long seed,
      int[] featureCounts,
      List<KernelFamily> kernels,
      int restarts,
      double snrDb,
      int pilotSamples,
      double[] deltaGrid,
      ModelSelection selection) {

    /** Validates the settings. */
    public Settings {
      int p = positions.length / 3;
      check(
          accessPoint.length == 3 && positions.length % 3 == 0, "positions", "need x,y,z triples");
      check(epsilon > 0 && epsilon < 1, "epsilon", epsilon + " is outside (0, 1)");
      check(delta > 0 && delta < 1, "delta", delta + " is outside (0, 1)");
      check(train >= 4 && train <= p - 2, "train", "need 4 ≤ M ≤ P − 2 with P = " + p);
      check(
          calibration >= 1 && calibration <= train - 3,
          "calibration",
          "need 1 ≤ m ≤ M − 3 with M = " + train);
      check(runs >= 1, "runs", "need at least one");
      check(featureCounts.length > 0, "feature counts", "need at least one K");
      for (int k : featureCounts) {
        check(k >= 1, "feature count", k + " is less than 1");
      }
      check(!kernels.isEmpty(), "kernels", "need at least one");
      check(restarts >= 0, "restarts", "must be ≥ 0");
      check(Double.isFinite(snrDb), "SNR", "must be finite");
      check(pilotSamples >= 1, "pilot samples", "need at least one");
      check(selection != null, "model selection", "must be given");
      for (double d : deltaGrid) {
        check(d > 0 && d < 1, "delta grid", d + " is outside (0, 1)");
      }
      accessPoint = accessPoint.clone();
      positions = positions.clone();
      frequencies = frequencies.clone();
      featureCounts = featureCounts.clone();
      kernels = List.copyOf(kernels);
      deltaGrid = deltaGrid.clone();
    }

    /**
     * Number of positions.
     *
     * @return P
     */
    public int positionCount() {
      return positions.length / 3;
    }
  }

  private static void check(boolean ok, String what, String why) {
    if (!ok) {
      throw new RadioTwinException(RadioTwinMessages.INVALID_ARGUMENT, what, why);
    }
  }

  private RadioStatsExperiment() {}

  /**
   * The uncalibrated twin of seed 004 §II-B: the same geometry with every object made of ITU brick.
   *
   * @param scene the scene
   * @return every object's material replaced by {@code itu_brick}
   */
  public static Scene allBrick(Scene scene) {
    RadioMaterial brick = RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK);
    List<SceneObject> objects = new ArrayList<>();
    for (SceneObject o : scene.objects()) {
      objects.add(o.withMaterial(brick));
    }
    return Scene.of(objects);
  }

  /**
   * Runs both stages.
   *
   * @param s settings
   * @param progress fraction done in [0, 1]
   * @return the result
   */
  public static RadioStatsResult run(Settings s, DoubleConsumer progress) {
    SiteData data = measure(s, f -> progress.accept(0.8 * f));
    RadioStatsResult r = analyse(s, data, f -> progress.accept(0.8 + 0.2 * f));
    progress.accept(1);
    return r;
  }

  /**
   * Sweeps the twin and the reality at every position.
   *
   * @param s settings
   * @param progress fraction done in [0, 1]
   * @return the site data
   */
  public static SiteData measure(Settings s, DoubleConsumer progress) {
    int p = s.positionCount();
    double[][] twin =
        SiteSweep.powers(
            s.twin(),
            s.twinPaths(),
            s.accessPoint(),
            s.positions(),
            s.frequencies(),
            f -> progress.accept(0.5 * f));
    double[][] real =
        SiteSweep.powers(
            s.reality(),
            s.realityPaths(),
            s.accessPoint(),
            s.positions(),
            s.frequencies(),
            f -> progress.accept(0.5 + 0.5 * f));
    double[][] twinDb = new double[p][];
    double[] twinQ = new double[p];
    double[] truthQ = new double[p];
    double[][] pilots = new double[p][];
    double[] mean = new double[p];
    SplittableRandom rnd = new SplittableRandom(s.seed() ^ 0x9E3779B97F4A7C15L);
    for (int i = 0; i < p; i++) {
      EmpiricalDistribution t = new EmpiricalDistribution(toDb(twin[i], "twin", i));
      twinDb[i] = t.sortedSamples();
      twinQ[i] = t.quantile(s.epsilon()) / DB_PER_NEPER;
      EmpiricalDistribution r = new EmpiricalDistribution(toDb(real[i], "reality", i));
      truthQ[i] = r.quantile(s.epsilon()) / DB_PER_NEPER;
      double[] pilot = new double[s.pilotSamples()];
      for (int k = 0; k < pilot.length; k++) {
        pilot[k] = real[i][rnd.nextInt(real[i].length)];
      }
      Arrays.sort(pilot);
      pilots[i] = pilot;
      double m = 0;
      for (double v : real[i]) {
        m += v;
      }
      mean[i] = m / real[i].length;
    }
    return new SiteData(
        s.positions(), s.accessPoint(), s.frequencies(), twinDb, twinQ, truthQ, pilots, mean);
  }

  private static double[] toDb(double[] power, String scene, int position) {
    double[] d = new double[power.length];
    for (int k = 0; k < power.length; k++) {
      if (!(power[k] > 0)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            scene + " channel at position " + position,
            "no path reaches the access point (zero received power); move the position or"
                + " increase the path depth");
      }
      d[k] = 10 * Math.log10(power[k]);
    }
    return d;
  }

  /** Predictions of one model family at the evaluation positions of a run. */
  private record Predictions(double[] mean, double[] std, double[] sortedScores) {}

  /** Everything one run contributes. */
  private record Run(
      int[] evaluation,
      Predictions proposed,
      Predictions position,
      Predictions proposedConformal,
      Predictions positionConformal,
      ModelChoice proposedChoice,
      ModelChoice positionChoice) {}

  /**
   * Fits, predicts and selects rates over the runs.
   *
   * @param s settings
   * @param data site data from {@link #measure}
   * @param progress fraction done in [0, 1]
   * @return the result
   */
  public static RadioStatsResult analyse(Settings s, SiteData data, DoubleConsumer progress) {
    int p = data.size();
    double[] sortedMean = data.meanPower().clone();
    Arrays.sort(sortedMean);
    double rho = Math.pow(10, s.snrDb() / 10) / sortedMean[p / 2];
    List<Run> runs = new ArrayList<>();
    for (int run = 0; run < s.runs(); run++) {
      runs.add(oneRun(s, data, run));
      progress.accept((run + 1.0) / s.runs());
    }
    Map<String, ErrorSummary> errors = new LinkedHashMap<>();
    for (String method : ERROR_METHODS) {
      List<Double> e = new ArrayList<>();
      for (Run r : runs) {
        double[] mu = meanOf(method, r, data);
        for (int j = 0; j < r.evaluation().length; j++) {
          e.add(DB_PER_NEPER * Math.abs(mu[j] - data.truthLogQuantile()[r.evaluation()[j]]));
        }
      }
      double[] sorted = e.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      errors.put(method, new ErrorSummary(median(sorted), sorted));
    }
    Map<String, RateSummary> rates = new LinkedHashMap<>();
    for (String method : RATE_METHODS) {
      rates.put(method, rateSummary(method, runs, data, s, rho, s.delta()));
    }
    List<CurvePoint> curve = new ArrayList<>();
    for (double d : s.deltaGrid()) {
      Map<String, Double> v = new LinkedHashMap<>();
      Map<String, Double> m = new LinkedHashMap<>();
      for (String method : RATE_METHODS) {
        RateSummary r = rateSummary(method, runs, data, s, rho, d);
        v.put(method, r.violationRate());
        m.put(method, r.meanNormalizedRate());
      }
      curve.add(new CurvePoint(d, v, m));
    }
    return new RadioStatsResult(
        p,
        s.train(),
        s.calibration(),
        s.runs(),
        s.epsilon(),
        s.delta(),
        s.snrDb(),
        rho,
        errors,
        rates,
        curve,
        runs.stream().map(Run::proposedChoice).toList(),
        runs.stream().map(Run::positionChoice).toList(),
        positionMap(runs.get(0), data, s, rho));
  }

  private static Run oneRun(Settings s, SiteData data, int run) {
    int p = data.size();
    SplittableRandom rnd = new SplittableRandom(s.seed() + 0x632BE59BD9B4E019L * (run + 1));
    int[] perm = new int[p];
    for (int i = 0; i < p; i++) {
      perm[i] = i;
    }
    for (int i = p - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    int m = s.train();
    int[] train = Arrays.copyOfRange(perm, 0, m);
    int[] eval = Arrays.copyOfRange(perm, m, p);
    int[] fit = Arrays.copyOfRange(train, 0, m - s.calibration());
    int[] cal = Arrays.copyOfRange(train, m - s.calibration(), m);
    long fitSeed = rnd.nextLong();
    QuantileMap prop = select(s, data, train, true, fitSeed);
    QuantileMap pos = select(s, data, train, false, fitSeed);
    QuantileMap propC = select(s, data, fit, true, fitSeed);
    QuantileMap posC = select(s, data, fit, false, fitSeed);
    return new Run(
        eval,
        predict(prop, data, eval, null),
        predict(pos, data, eval, null),
        predict(propC, data, eval, cal),
        predict(posC, data, eval, cal),
        choice(prop, run),
        choice(pos, run));
  }

  private static ModelChoice choice(QuantileMap map, int run) {
    return new ModelChoice(
        run,
        map.featureCount(),
        map.kernelFamily().cliName(),
        map.model().logMarginalLikelihood(),
        map.model().leaveOneOutLogPredictive(),
        map.model().kernel().toString());
  }

  private static QuantileMap select(
      Settings s, SiteData data, int[] idx, boolean withFeatures, long seed) {
    return QuantileMap.fit(
        data,
        idx,
        withFeatures ? s.featureCounts() : new int[] {0},
        s.kernels(),
        s.selection(),
        s.restarts(),
        seed,
        s.epsilon());
  }

  private static Predictions predict(QuantileMap map, SiteData data, int[] eval, int[] cal) {
    GpPrediction e = map.predict(data, eval);
    double[] scores = null;
    if (cal != null) {
      GpPrediction c = map.predict(data, cal);
      double[] truth = new double[cal.length];
      for (int i = 0; i < cal.length; i++) {
        truth[i] = data.truthLogQuantile()[cal[i]];
      }
      scores = ConformalQuantileCalibration.sortedScores(c.mean(), c.std(), truth);
    }
    return new Predictions(e.mean(), e.std(), scores);
  }

  private static double[] meanOf(String method, Run r, SiteData data) {
    return switch (method) {
      case "proposed" -> r.proposed().mean();
      case "positionOnly" -> r.position().mean();
      case "twinOnly" -> {
        double[] t = new double[r.evaluation().length];
        for (int j = 0; j < t.length; j++) {
          t[j] = data.twinLogQuantile()[r.evaluation()[j]];
        }
        yield t;
      }
      default -> throw new IllegalArgumentException(method);
    };
  }

  /** Selected rates of one method at one run's evaluation positions. */
  private static double[] rates(
      String method, Run r, SiteData data, Settings s, double rho, double delta) {
    int[] eval = r.evaluation();
    double[] out = new double[eval.length];
    double z = PredictiveRate.gaussianMultiplier(delta);
    for (int j = 0; j < eval.length; j++) {
      int p = eval[j];
      out[j] =
          switch (method) {
            case "proposed" ->
                PredictiveRate.rate(rho, r.proposed().mean()[j], r.proposed().std()[j], z);
            case "positionOnly" ->
                PredictiveRate.rate(rho, r.position().mean()[j], r.position().std()[j], z);
            case "proposedConformal" -> conformalRate(r.proposedConformal(), j, rho, delta);
            case "positionOnlyConformal" -> conformalRate(r.positionConformal(), j, rho, delta);
            case "orderStatistic" ->
                OrderStatisticRate.rate(rho, data.pilotSortedPowers()[p], s.epsilon(), delta);
            case "twinOnly" -> OutageCapacity.capacityFromLog(rho, data.twinLogQuantile()[p]);
            default -> throw new IllegalArgumentException(method);
          };
    }
    return out;
  }

  private static double conformalRate(Predictions c, int j, double rho, double delta) {
    double multiplier = ConformalQuantileCalibration.multiplier(c.sortedScores(), delta);
    return PredictiveRate.rate(rho, c.mean()[j], c.std()[j], multiplier);
  }

  private static RateSummary rateSummary(
      String method, List<Run> runs, SiteData data, Settings s, double rho, double delta) {
    List<Double> normalised = new ArrayList<>();
    int violations = 0;
    double maxRun = 0;
    for (Run r : runs) {
      double[] rate = rates(method, r, data, s, rho, delta);
      int v = 0;
      for (int j = 0; j < rate.length; j++) {
        double c = OutageCapacity.capacityFromLog(rho, data.truthLogQuantile()[r.evaluation()[j]]);
        normalised.add(rate[j] / c);
        if (rate[j] > c) {
          v++;
        }
      }
      violations += v;
      maxRun = Math.max(maxRun, v / (double) rate.length);
    }
    double[] sorted = normalised.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
    return new RateSummary(mean, violations / (double) sorted.length, maxRun, sorted);
  }

  private static PositionMap positionMap(Run r, SiteData data, Settings s, double rho) {
    int p = data.size();
    boolean[] training = new boolean[p];
    Arrays.fill(training, true);
    for (int e : r.evaluation()) {
      training[e] = false;
    }
    double[] truth = new double[p];
    for (int i = 0; i < p; i++) {
      truth[i] = DB_PER_NEPER * data.truthLogQuantile()[i];
    }
    Map<String, double[]> predicted = new LinkedHashMap<>();
    for (String method : ERROR_METHODS) {
      double[] v = new double[p];
      Arrays.fill(v, Double.NaN);
      if (method.equals("twinOnly")) {
        for (int i = 0; i < p; i++) {
          v[i] = DB_PER_NEPER * data.twinLogQuantile()[i];
        }
      } else {
        double[] mu = meanOf(method, r, data);
        for (int j = 0; j < mu.length; j++) {
          v[r.evaluation()[j]] = DB_PER_NEPER * mu[j];
        }
      }
      predicted.put(method, v);
    }
    Map<String, double[]> normalised = new LinkedHashMap<>();
    for (String method : RATE_METHODS) {
      double[] v = new double[p];
      Arrays.fill(v, Double.NaN);
      double[] rate = rates(method, r, data, s, rho, s.delta());
      for (int j = 0; j < rate.length; j++) {
        int e = r.evaluation()[j];
        v[e] = rate[j] / OutageCapacity.capacityFromLog(rho, data.truthLogQuantile()[e]);
      }
      normalised.put(method, v);
    }
    return new PositionMap(data.positions(), training, truth, predicted, normalised);
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }
}
