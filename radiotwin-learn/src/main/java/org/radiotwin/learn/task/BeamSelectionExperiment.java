package org.radiotwin.learn.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.model.MultilayerPerceptron;
import org.radiotwin.learn.model.SoftmaxCrossEntropy;
import org.radiotwin.learn.train.AdamConfig;
import org.radiotwin.learn.train.AdamTrainer;
import org.radiotwin.learn.train.FoldPredictor;
import org.radiotwin.learn.train.LearningData;
import org.radiotwin.learn.train.PredictionPoweredTraining;
import org.radiotwin.learn.train.TrainedFoldPredictor;
import org.radiotwin.learn.train.TrainingMethod;

/**
 * Beam selection from the UE position (seed 000 Fig. 5b; METHODS.md §4): a classifier maps the
 * position to a beam of the base station's codebook; it is trained on real labels (the best beam in
 * reality) at a fraction of the training positions and on synthetic labels (the best beam in the
 * twin) at the others, by each {@link TrainingMethod}, and scored by the mean achievable rate
 *
 * <pre>
 *   R = log₂(1 + P_t|w_b̂ᴴh|²/(N₀B))   [bit/s/Hz]
 * </pre>
 *
 * <p>of its beam b̂ on reality's channel at held-out test positions.
 *
 * <p>Each run draws a test set and a random order of the training pool; for real fraction ρ the
 * first ⌈ρ·|pool|⌉ pool positions carry real labels (nested across fractions), and the rest carry
 * twin labels. Runs × fractions × methods are independent tasks on the given pool, each seeded from
 * (seed, run, fraction, method), so results do not depend on the thread count.
 */
public final class BeamSelectionExperiment {

  private BeamSelectionExperiment() {}

  /**
   * Settings.
   *
   * @param realFractions fractions of the training pool with real labels, in (0, 1]
   * @param runs independent repetitions ≥ 1
   * @param seed seed
   * @param testFraction fraction of positions held out for testing, in (0, 1)
   * @param hidden hidden-layer widths of the MLP (empty: multinomial logistic regression)
   * @param adam optimiser settings
   * @param folds K of Cross-PPI
   * @param foldRealShare ρ of the Cross-PPI fold predictors ({@link TrainedFoldPredictor})
   * @param txPowerDbm P_t [dBm]
   * @param bandwidthHz B [Hz]
   * @param noiseFigureDb receiver noise figure [dB]; N₀ = −174 dBm/Hz + NF
   * @param methods methods to compare
   * @param geometricFeatures whether the inputs include the direction from the base station (see
   *     {@link TwinRealitySite#features})
   */
  public record Settings(
      double[] realFractions,
      int runs,
      long seed,
      double testFraction,
      int[] hidden,
      AdamConfig adam,
      int folds,
      double foldRealShare,
      double txPowerDbm,
      double bandwidthHz,
      double noiseFigureDb,
      List<TrainingMethod> methods,
      boolean geometricFeatures) {

    /** Validates the settings. */
    public Settings {
      for (double f : realFractions) {
        if (!(f > 0 && f <= 1)) {
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT, "real fraction " + f, "must be in (0, 1]");
        }
      }
      if (runs < 1 || !(testFraction > 0 && testFraction < 1) || methods.isEmpty()) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "beam selection settings",
            "need runs ≥ 1, a test fraction in (0, 1) and at least one method");
      }
      realFractions = realFractions.clone();
      hidden = hidden.clone();
      methods = List.copyOf(methods);
    }

    /**
     * Defaults: fractions 1, 2, 5, 10, 20 %, 5 runs, 30 % test positions, an MLP with one hidden
     * layer of 32 tanh units trained by 400 Adam steps on batches of 64 (α = 0.05, l2 = 10⁻⁵), K =
     * 5, ρ = ½, 30 dBm over 100 MHz with a 7 dB noise figure, methods ERM, P-ERM, PPI, PPI++,
     * Cross-PPI, position and direction features.
     *
     * @param seed seed
     * @return the settings
     */
    public static Settings defaults(long seed) {
      return new Settings(
          new double[] {0.01, 0.02, 0.05, 0.1, 0.2},
          5,
          seed,
          0.3,
          new int[] {32},
          AdamConfig.of(400, 64, 0.05, 1e-5),
          5,
          0.5,
          30,
          100e6,
          7,
          List.of(
              TrainingMethod.ERM,
              TrainingMethod.PSEUDO_ERM,
              TrainingMethod.PPI,
              TrainingMethod.PPI_PLUS_PLUS,
              TrainingMethod.CROSS_PPI),
          true);
    }

    /**
     * The signal-to-noise ratio per unit channel gain, P_t/(N₀B).
     *
     * @return linear factor [1/path-gain]
     */
    public double snrPerGain() {
      double noiseDbm = -174 + 10 * Math.log10(bandwidthHz) + noiseFigureDb;
      return Math.pow(10, (txPowerDbm - noiseDbm) / 10);
    }
  }

  /**
   * One method's curve.
   *
   * @param method method name ({@link TrainingMethod#label()})
   * @param meanRate mean achievable rate per real fraction [bit/s/Hz], averaged over runs
   * @param ci half-width of the 95 % interval of that mean
   * @param rateRatio mean rate divided by the mean rate of the optimal beam
   * @param meanLambda mean λ used per fraction (NaN for methods without λ)
   * @param runRates rate per fraction and run
   */
  public record MethodCurve(
      String method,
      double[] meanRate,
      double[] ci,
      double[] rateRatio,
      double[] meanLambda,
      double[][] runRates) {}

  /**
   * Results.
   *
   * @param realFractions fractions
   * @param curves one per method, in the settings' order
   * @param optimalRate mean rate of the best beam on reality's channel at the test positions
   * @param twinBeamRate mean rate of the twin's best beam (no learning)
   * @param positions usable positions
   * @param testPositions test positions per run
   * @param poolPositions training pool per run
   * @param beams codebook size
   * @param twinLabelAgreement fraction of usable positions where the twin's best beam is reality's
   */
  public record Result(
      double[] realFractions,
      List<MethodCurve> curves,
      double optimalRate,
      double twinBeamRate,
      int positions,
      int testPositions,
      int poolPositions,
      int beams,
      double twinLabelAgreement) {}

  /**
   * The learning data of a site: features (position, optionally the direction from the base
   * station; no LoS flag), one-hot real and twin best beams, context = twin LoS (0) / NLoS (1),
   * over the usable positions in order.
   *
   * @param site traced site
   * @param geometric whether to include the direction features
   * @return the data (point q is the site's position usable[q])
   */
  public static LearningData learningData(TwinRealitySite site, boolean geometric) {
    int[] u = site.usable();
    int beams = site.twin().beams();
    int d = TwinRealitySite.featureCount(geometric, false);
    double[] x = new double[d * u.length];
    double[] real = new double[beams * u.length];
    double[] twin = new double[beams * u.length];
    int[] ctx = new int[u.length];
    for (int q = 0; q < u.length; q++) {
      site.features(u[q], geometric, false, x, d * q);
      real[q * beams + site.reality().bestBeam(u[q])] = 1;
      twin[q * beams + site.twin().bestBeam(u[q])] = 1;
      ctx[q] = site.twin().los()[u[q]] ? 0 : 1;
    }
    return new LearningData(d, beams, x, real, twin, ctx, 2);
  }

  /**
   * Runs the experiment.
   *
   * @param site traced site
   * @param settings settings
   * @param pool pool for the independent trainings
   * @param progress receives the fraction done in [0, 1]
   * @return results
   */
  public static Result run(
      TwinRealitySite site, Settings settings, ForkJoinPool pool, DoubleConsumer progress) {
    return run(site, settings, null, pool, progress);
  }

  /**
   * Runs the experiment with a given Cross-PPI fold predictor, e.g. the twin calibrated on the
   * other folds' real labels and re-traced: point q of {@link #learningData} is the site's position
   * {@code usable()[q]}, and labels are one-hot best beams.
   *
   * @param site traced site
   * @param settings settings
   * @param foldPredictor f⁽ᵏ⁾, or null for a {@link TrainedFoldPredictor} with the experiment's
   *     model and ρ = {@link Settings#foldRealShare()}
   * @param pool pool for the independent trainings
   * @param progress receives the fraction done in [0, 1]
   * @return results
   */
  public static Result run(
      TwinRealitySite site,
      Settings settings,
      FoldPredictor foldPredictor,
      ForkJoinPool pool,
      DoubleConsumer progress) {
    LearningData data = learningData(site, settings.geometricFeatures());
    int[] u = site.usable();
    int beams = data.labelDimension();
    int count = u.length;
    int testCount = Math.max(1, (int) Math.round(settings.testFraction() * count));
    int poolCount = count - testCount;
    if (poolCount < 2) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "beam selection", "too few positions to train on");
    }
    double snr = settings.snrPerGain();
    int runs = settings.runs();
    int[][] tests = new int[runs][];
    int[][] orders = new int[runs][];
    double[] optimal = new double[runs];
    double[] twinRate = new double[runs];
    int[] all = IntStream.range(0, count).toArray();
    for (int r = 0; r < runs; r++) {
      int[] perm = ExperimentRuns.permutation(all, ExperimentRuns.seed(settings.seed(), r));
      tests[r] = Arrays.copyOf(perm, testCount);
      orders[r] = Arrays.copyOfRange(perm, testCount, count);
      double so = 0;
      double st = 0;
      for (int q : tests[r]) {
        so += rate(site, u[q], site.reality().bestBeam(u[q]), snr);
        st += rate(site, u[q], site.twin().bestBeam(u[q]), snr);
      }
      optimal[r] = so / testCount;
      twinRate[r] = st / testCount;
    }
    List<TrainingMethod> methods = settings.methods();
    int nf = settings.realFractions().length;
    int tasks = runs * nf * methods.size();
    double[] rates = new double[tasks];
    double[] lambdas = new double[tasks];
    AtomicInteger done = new AtomicInteger();
    int[] sizes = new int[settings.hidden().length + 2];
    sizes[0] = data.featureDimension();
    System.arraycopy(settings.hidden(), 0, sizes, 1, settings.hidden().length);
    sizes[sizes.length - 1] = beams;
    MultilayerPerceptron model = new MultilayerPerceptron(sizes);
    SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy(beams);
    AdamTrainer trainer = new AdamTrainer(settings.adam());
    FoldPredictor fp =
        foldPredictor != null
            ? foldPredictor
            : new TrainedFoldPredictor(model, loss, trainer, settings.foldRealShare());
    PredictionPoweredTraining training =
        new PredictionPoweredTraining(model, loss, trainer, settings.folds(), fp);
    pool.submit(
            () ->
                IntStream.range(0, tasks)
                    .parallel()
                    .forEach(
                        t -> {
                          int m = t % methods.size();
                          int f = (t / methods.size()) % nf;
                          int r = t / (methods.size() * nf);
                          int n = realCount(settings.realFractions()[f], poolCount);
                          int[] real = Arrays.copyOf(orders[r], n);
                          int[] synthetic = Arrays.copyOfRange(orders[r], n, poolCount);
                          PredictionPoweredTraining.Fit fit =
                              training.fit(
                                  methods.get(m),
                                  data,
                                  real,
                                  synthetic,
                                  ExperimentRuns.seed(settings.seed(), r, f, m, 1));
                          double[] labels =
                              PredictionPoweredTraining.predictLabels(
                                  model, loss, fit.parameters(), data, tests[r]);
                          double s = 0;
                          for (int k = 0; k < testCount; k++) {
                            int beam = oneHotIndex(labels, k * beams, beams);
                            s += rate(site, u[tests[r][k]], beam, snr);
                          }
                          rates[t] = s / testCount;
                          lambdas[t] =
                              fit.lambdas().length == 0
                                  ? Double.NaN
                                  : ExperimentRuns.mean(fit.lambdas());
                          progress.accept(done.incrementAndGet() / (double) tasks);
                        }))
        .join();
    double meanOptimal = ExperimentRuns.mean(optimal);
    List<MethodCurve> curves = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      double[] mean = new double[nf];
      double[] ci = new double[nf];
      double[] ratio = new double[nf];
      double[] lam = new double[nf];
      double[][] perRun = new double[nf][runs];
      for (int f = 0; f < nf; f++) {
        double[] l = new double[runs];
        for (int r = 0; r < runs; r++) {
          int t = (r * nf + f) * methods.size() + m;
          perRun[f][r] = rates[t];
          l[r] = lambdas[t];
        }
        mean[f] = ExperimentRuns.mean(perRun[f]);
        ci[f] = ExperimentRuns.ci95(perRun[f]);
        ratio[f] = mean[f] / meanOptimal;
        lam[f] = ExperimentRuns.mean(l);
      }
      curves.add(new MethodCurve(methods.get(m).label(), mean, ci, ratio, lam, perRun));
    }
    int agree = 0;
    for (int q : u) {
      agree += site.twin().bestBeam(q) == site.reality().bestBeam(q) ? 1 : 0;
    }
    return new Result(
        settings.realFractions(),
        curves,
        meanOptimal,
        ExperimentRuns.mean(twinRate),
        count,
        testCount,
        poolCount,
        beams,
        agree / (double) count);
  }

  /** Number of real samples for a fraction: ⌈ρ·pool⌉, at least 2 and at most the pool. */
  static int realCount(double fraction, int poolCount) {
    return Math.min(poolCount, Math.max(2, (int) Math.ceil(fraction * poolCount - 1e-9)));
  }

  private static int oneHotIndex(double[] labels, int offset, int beams) {
    for (int b = 0; b < beams; b++) {
      if (labels[offset + b] != 0) {
        return b;
      }
    }
    return 0;
  }

  private static double rate(TwinRealitySite site, int position, int beam, double snr) {
    return Math.log(1 + snr * site.reality().beamGain(position, beam)) / Math.log(2);
  }
}
