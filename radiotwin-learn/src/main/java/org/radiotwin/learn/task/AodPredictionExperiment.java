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
import org.radiotwin.learn.model.SquaredError;
import org.radiotwin.learn.train.AdamConfig;
import org.radiotwin.learn.train.AdamTrainer;
import org.radiotwin.learn.train.LearningData;
import org.radiotwin.learn.train.PredictionPoweredTraining;
import org.radiotwin.learn.train.TrainedFoldPredictor;
import org.radiotwin.learn.train.TrainingMethod;

/**
 * Angle-of-departure prediction (seed 000 Fig. 6; METHODS.md §4): a regressor maps the UE position
 * to the departure direction of the strongest path at the base station, trained with few real
 * labels (reality's strongest path) and many synthetic ones (the twin's), with the twin's LoS flag
 * as context. The label is the unit vector k̂ = (sin θ cos φ, sin θ sin φ, cos θ), which encodes
 * azimuth φ and elevation without the 2π wrap of φ; the loss is ‖g − k̂‖², whose rectified terms
 * are capped at 4, the largest squared distance between unit vectors. The metric is the
 * beam-pointing error arccos(ĝᵀk̂) between the normalised prediction and reality's direction, per
 * test position, averaged per context.
 *
 * <p>Each run draws test positions and the real-labelled subset of the rest; runs × methods are
 * independent tasks seeded from (seed, run, method).
 */
public final class AodPredictionExperiment {

  /** Context index of LoS positions. */
  public static final int LOS = 0;

  /** Context index of NLoS positions. */
  public static final int NLOS = 1;

  private AodPredictionExperiment() {}

  /**
   * Settings.
   *
   * @param realFraction fraction of the training pool with real labels, in (0, 1]
   * @param runs repetitions ≥ 1
   * @param seed seed
   * @param testFraction fraction of positions held out, in (0, 1)
   * @param hidden hidden-layer widths of the MLP
   * @param adam optimiser settings
   * @param methods methods to compare
   * @param geometricFeatures whether the inputs include the direction from the base station
   * @param losFeature whether the inputs include the twin's LoS flag
   */
  public record Settings(
      double realFraction,
      int runs,
      long seed,
      double testFraction,
      int[] hidden,
      AdamConfig adam,
      List<TrainingMethod> methods,
      boolean geometricFeatures,
      boolean losFeature) {

    /** Validates the settings. */
    public Settings {
      if (!(realFraction > 0 && realFraction <= 1)
          || runs < 1
          || !(testFraction > 0 && testFraction < 1)
          || methods.isEmpty()) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "AoD settings",
            "need a real fraction in (0, 1], runs ≥ 1, a test fraction in (0, 1), a method");
      }
      hidden = hidden.clone();
      methods = List.copyOf(methods);
    }

    /**
     * Defaults: 10 % real labels, 5 runs, 30 % test positions, MLP with one hidden layer of 32 tanh
     * units, 400 Adam steps on batches of 64 (α = 0.05, l2 = 10⁻⁵), ERM, PPI and CPPI, position,
     * direction and LoS features.
     *
     * @param seed seed
     * @return the settings
     */
    public static Settings defaults(long seed) {
      return new Settings(
          0.1,
          5,
          seed,
          0.3,
          new int[] {32},
          AdamConfig.of(400, 64, 0.05, 1e-5),
          List.of(TrainingMethod.ERM, TrainingMethod.PPI, TrainingMethod.CONTEXT_PPI),
          true,
          true);
    }
  }

  /**
   * One method's errors.
   *
   * @param method method name
   * @param meanErrorDeg mean pointing error per context {LoS, NLoS, all} [deg], averaged over runs
   * @param ciDeg half-widths of the 95 % intervals of those means
   * @param positionErrorDeg mean error per usable position over the runs where it was a test
   *     position [deg] (NaN if never)
   * @param meanLambda mean λ per context over runs (NaN for methods without λ; PPI's single λ is
   *     reported for both)
   */
  public record MethodErrors(
      String method,
      double[] meanErrorDeg,
      double[] ciDeg,
      double[] positionErrorDeg,
      double[] meanLambda) {}

  /**
   * Results.
   *
   * @param methods one per method, in the settings' order
   * @param site the traced site (positions, grid)
   * @param context context per usable position ({@link #LOS} or {@link #NLOS})
   * @param realAzimuthDeg azimuth of reality's strongest path per usable position [deg]
   * @param twinAzimuthDeg azimuth of the twin's strongest path per usable position [deg]
   * @param twinErrorDeg angle between the twin's and reality's directions per usable position
   * @param twinMeanErrorDeg mean of that angle per context {LoS, NLoS, all} [deg]
   * @param testPositions test positions per run
   * @param realSamples real labels per run
   */
  public record Result(
      List<MethodErrors> methods,
      TwinRealitySite site,
      int[] context,
      double[] realAzimuthDeg,
      double[] twinAzimuthDeg,
      double[] twinErrorDeg,
      double[] twinMeanErrorDeg,
      int testPositions,
      int realSamples) {}

  /**
   * The learning data of a site: features, unit departure directions of reality and twin, context =
   * twin LoS (0) / NLoS (1), over the usable positions in order.
   *
   * @param site site
   * @param geometric include the direction features
   * @param withLos include the LoS feature
   * @return the data
   */
  public static LearningData learningData(
      TwinRealitySite site, boolean geometric, boolean withLos) {
    int[] u = site.usable();
    int d = TwinRealitySite.featureCount(geometric, withLos);
    double[] x = new double[d * u.length];
    double[] real = new double[3 * u.length];
    double[] twin = new double[3 * u.length];
    int[] ctx = new int[u.length];
    for (int q = 0; q < u.length; q++) {
      site.features(u[q], geometric, withLos, x, d * q);
      System.arraycopy(site.reality().departure(), 3 * u[q], real, 3 * q, 3);
      System.arraycopy(site.twin().departure(), 3 * u[q], twin, 3 * q, 3);
      ctx[q] = site.twin().los()[u[q]] ? LOS : NLOS;
    }
    return new LearningData(d, 3, x, real, twin, ctx, 2);
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
    LearningData data = learningData(site, settings.geometricFeatures(), settings.losFeature());
    int count = data.size();
    int testCount = Math.max(1, (int) Math.round(settings.testFraction() * count));
    int poolCount = count - testCount;
    int n = BeamSelectionExperiment.realCount(settings.realFraction(), poolCount);
    int runs = settings.runs();
    int[][] tests = new int[runs][];
    int[][] reals = new int[runs][];
    int[][] synths = new int[runs][];
    int[] all = IntStream.range(0, count).toArray();
    for (int r = 0; r < runs; r++) {
      int[] perm = ExperimentRuns.permutation(all, ExperimentRuns.seed(settings.seed(), r));
      tests[r] = Arrays.copyOf(perm, testCount);
      reals[r] = Arrays.copyOfRange(perm, testCount, testCount + n);
      synths[r] = Arrays.copyOfRange(perm, testCount + n, count);
    }
    int[] sizes = new int[settings.hidden().length + 2];
    sizes[0] = data.featureDimension();
    System.arraycopy(settings.hidden(), 0, sizes, 1, settings.hidden().length);
    sizes[sizes.length - 1] = 3;
    MultilayerPerceptron model = new MultilayerPerceptron(sizes);
    SquaredError loss = new SquaredError(3, 4);
    AdamTrainer trainer = new AdamTrainer(settings.adam());
    PredictionPoweredTraining training =
        new PredictionPoweredTraining(
            model, loss, trainer, 5, new TrainedFoldPredictor(model, loss, trainer, 0.5));
    List<TrainingMethod> methods = settings.methods();
    int tasks = runs * methods.size();
    double[][] errors = new double[tasks][];
    double[][] lambdas = new double[tasks][];
    AtomicInteger done = new AtomicInteger();
    pool.submit(
            () ->
                IntStream.range(0, tasks)
                    .parallel()
                    .forEach(
                        t -> {
                          int m = t % methods.size();
                          int r = t / methods.size();
                          PredictionPoweredTraining.Fit fit =
                              training.fit(
                                  methods.get(m),
                                  data,
                                  reals[r],
                                  synths[r],
                                  ExperimentRuns.seed(settings.seed(), r, m, 2));
                          double[] out =
                              PredictionPoweredTraining.predictLabels(
                                  model, loss, fit.parameters(), data, tests[r]);
                          double[] e = new double[testCount];
                          for (int k = 0; k < testCount; k++) {
                            e[k] = angleDeg(out, 3 * k, data.realLabels(), 3 * tests[r][k]);
                          }
                          errors[t] = e;
                          double[] l = fit.lambdas();
                          lambdas[t] =
                              l.length == 2
                                  ? l
                                  : l.length == 1
                                      ? new double[] {l[0], l[0]}
                                      : new double[] {Double.NaN, Double.NaN};
                          progress.accept(done.incrementAndGet() / (double) tasks);
                        }))
        .join();
    List<MethodErrors> results = new ArrayList<>();
    for (int m = 0; m < methods.size(); m++) {
      double[][] perRun = new double[3][runs];
      double[] sum = new double[count];
      int[] hits = new int[count];
      double[] lam = new double[2];
      for (int r = 0; r < runs; r++) {
        int t = r * methods.size() + m;
        double[] s = new double[3];
        int[] c = new int[3];
        for (int k = 0; k < testCount; k++) {
          int q = tests[r][k];
          double e = errors[t][k];
          s[data.context()[q]] += e;
          c[data.context()[q]]++;
          s[2] += e;
          c[2]++;
          sum[q] += e;
          hits[q]++;
        }
        for (int k = 0; k < 3; k++) {
          perRun[k][r] = c[k] == 0 ? Double.NaN : s[k] / c[k];
        }
        lam[0] += lambdas[t][0] / runs;
        lam[1] += lambdas[t][1] / runs;
      }
      double[] mean = new double[3];
      double[] ci = new double[3];
      for (int k = 0; k < 3; k++) {
        double[] v = Arrays.stream(perRun[k]).filter(Double::isFinite).toArray();
        mean[k] = v.length == 0 ? Double.NaN : ExperimentRuns.mean(v);
        ci[k] = v.length == 0 ? Double.NaN : ExperimentRuns.ci95(v);
      }
      double[] pos = new double[count];
      for (int q = 0; q < count; q++) {
        pos[q] = hits[q] == 0 ? Double.NaN : sum[q] / hits[q];
      }
      results.add(new MethodErrors(methods.get(m).label(), mean, ci, pos, lam));
    }
    double[] realAz = new double[count];
    double[] twinAz = new double[count];
    double[] twinErr = new double[count];
    double[] ts = new double[3];
    int[] tc = new int[3];
    for (int q = 0; q < count; q++) {
      realAz[q] = azimuthDeg(data.realLabels(), 3 * q);
      twinAz[q] = azimuthDeg(data.twinLabels(), 3 * q);
      twinErr[q] = angleDeg(data.twinLabels(), 3 * q, data.realLabels(), 3 * q);
      ts[data.context()[q]] += twinErr[q];
      tc[data.context()[q]]++;
      ts[2] += twinErr[q];
      tc[2]++;
    }
    double[] twinMean = new double[3];
    for (int k = 0; k < 3; k++) {
      twinMean[k] = tc[k] == 0 ? Double.NaN : ts[k] / tc[k];
    }
    return new Result(
        results, site, data.context().clone(), realAz, twinAz, twinErr, twinMean, testCount, n);
  }

  /**
   * Angle between a (not necessarily unit) predicted vector and a unit vector.
   *
   * @param a predicted vector array
   * @param ia its offset
   * @param b unit vector array
   * @param ib its offset
   * @return angle [deg] in [0, 180]; 90 for a zero prediction
   */
  static double angleDeg(double[] a, int ia, double[] b, int ib) {
    double na = Math.sqrt(a[ia] * a[ia] + a[ia + 1] * a[ia + 1] + a[ia + 2] * a[ia + 2]);
    if (na == 0) {
      return 90;
    }
    double dot = (a[ia] * b[ib] + a[ia + 1] * b[ib + 1] + a[ia + 2] * b[ib + 2]) / na;
    return Math.toDegrees(Math.acos(Math.max(-1, Math.min(1, dot))));
  }

  private static double azimuthDeg(double[] v, int i) {
    return Math.toDegrees(Math.atan2(v[i + 1], v[i]));
  }
}
