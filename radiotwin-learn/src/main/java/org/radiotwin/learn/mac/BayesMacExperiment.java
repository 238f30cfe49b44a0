package org.radiotwin.learn.mac;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.hipparchus.distribution.continuous.TDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Seed 000 §III, Fig. 4 (right): return on the real system of access policies trained on a
 * frequentist twin, on a Bayesian twin, and by model-free learning on the real system, against the
 * number of real slots available, with TDMA and the best slotted ALOHA as references.
 *
 * <p>For each run r (independent real data) and each data size n:
 *
 * <ol>
 *   <li>log n slots of the real system under random exploration (each device with a packet
 *       transmits with probability {@code explorationProbability}); the logs of one run are nested
 *       (size n uses the first n of the largest log), so curves are comparable across n;
 *   <li>update the {@link TwinPosterior} (Dirichlet prior concentration α);
 *   <li><b>frequentist</b>: train {@link IndependentQLearning} on the MAP model; <b>Bayesian</b>:
 *       train on a fresh posterior sample every M slots; <b>model-free</b>: train on the real
 *       system itself for n slots;
 *   <li>evaluate each greedy policy on the real system ({@code evaluationEpisodes} × {@code
 *       evaluationSlots} slots from empty buffers, the same random stream for every method of a
 *       run).
 * </ol>
 *
 * TDMA and ALOHA (the best p on a grid 0.05, 0.10, …, 1, chosen on the true system — an oracle
 * reference) do not use data and are evaluated once per run.
 *
 * <p>Every task derives its seeds from the master seed, the run and the data size ({@link Seeds}),
 * so the result does not depend on the number of threads; tasks run in the common ForkJoin pool.
 */
public final class BayesMacExperiment {

  /** Method keys of {@link Result#methods()}, in plotting order. */
  public static final List<String> METHODS =
      List.of("bayesian", "frequentist", "frequentistMl", "modelFree", "tdma", "aloha");

  /** The first methods of {@link #METHODS} depend on the data; the others do not. */
  private static final int LEARNED = 4;

  private static final long TAG_LOG = 1;
  private static final long TAG_TRAIN = 2;
  private static final long TAG_EVAL = 3;
  private static final long TAG_ALOHA = 4;
  private static final long TAG_POSTERIOR_PLOT = 5;

  private BayesMacExperiment() {}

  /**
   * Experiment configuration.
   *
   * @param setting system structure
   * @param trueModel statistics of the real system
   * @param dataSlots data sizes n (real slots), ascending, non-negative
   * @param runs independent runs per data size ≥ 2
   * @param seed master seed
   * @param priorConcentration Dirichlet prior concentration α (0.01)
   * @param resampleEvery slots between posterior samples of the Bayesian twin, M (200)
   * @param explorationProbability transmit probability of the exploration policy (0.5)
   * @param learning Q-learning schedule on the twins
   * @param evaluationEpisodes evaluation episodes on the real system (3)
   * @param evaluationSlots slots per evaluation episode (8 000)
   */
  public record Config(
      MacSetting setting,
      MacModel trueModel,
      int[] dataSlots,
      int runs,
      long seed,
      double priorConcentration,
      int resampleEvery,
      double explorationProbability,
      IndependentQLearning.Settings learning,
      int evaluationEpisodes,
      int evaluationSlots) {

    /** Validates the configuration. */
    public Config {
      trueModel.validate(setting, "true model");
      dataSlots = dataSlots.clone();
      if (dataSlots.length == 0) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, "data slots", "at least one size is needed");
      }
      for (int i = 0; i < dataSlots.length; i++) {
        if (dataSlots[i] < 0 || (i > 0 && dataSlots[i] <= dataSlots[i - 1])) {
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT,
              "data slots",
              "must be non-negative and increasing, got " + Arrays.toString(dataSlots));
        }
      }
      if (runs < 2) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "runs",
            "at least 2 are needed for a confidence interval, got " + runs);
      }
      if (!(priorConcentration > 0) || !Double.isFinite(priorConcentration)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "prior concentration",
            "must be a positive number, got " + priorConcentration);
      }
      if (resampleEvery < 1) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "resample period",
            "must be at least 1 slot, got " + resampleEvery);
      }
      if (!(explorationProbability >= 0 && explorationProbability <= 1)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "exploration probability",
            "must be in [0, 1], got " + explorationProbability);
      }
      if (evaluationEpisodes < 1 || evaluationSlots < 1) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "evaluation",
            "needs at least one episode of one slot");
      }
    }

    /**
     * The configuration of seed 000 Fig. 4 / METHODS.md §5: data sizes 0, 2, 5, 10, 20; 100 runs; α
     * = 0.01; M = 200; exploration probability 0.5; Q-learning {@link
     * IndependentQLearning.Settings#defaults()}; 3 × 8 000 evaluation slots.
     *
     * @return the default configuration
     */
    public static Config defaults() {
      return new Config(
          MacSetting.paperDefaults(),
          MacModel.paperDefaults(),
          new int[] {0, 2, 5, 10, 20},
          100,
          42,
          0.01,
          200,
          0.5,
          IndependentQLearning.Settings.defaults(),
          3,
          8000);
    }

    /**
     * A reduced version for the demo and tests: data sizes 0, 5, 20, 50 (the last shows both twins
     * close to the best); 12 runs; 20 000 training slots; 2 × 4 000 evaluation slots.
     *
     * @return the reduced configuration
     */
    public static Config reduced() {
      Config d = defaults();
      return new Config(
          d.setting,
          d.trueModel,
          new int[] {0, 5, 20, 50},
          12,
          d.seed,
          d.priorConcentration,
          d.resampleEvery,
          d.explorationProbability,
          d.learning.withSlots(20_000),
          2,
          4000);
    }

    /**
     * A copy with other data sizes, run count and seed.
     *
     * @param newDataSlots data sizes
     * @param newRuns runs
     * @param newSeed master seed
     * @return the configuration
     */
    public Config with(int[] newDataSlots, int newRuns, long newSeed) {
      return new Config(
          setting,
          trueModel,
          newDataSlots,
          newRuns,
          newSeed,
          priorConcentration,
          resampleEvery,
          explorationProbability,
          learning,
          evaluationEpisodes,
          evaluationSlots);
    }

    /**
     * A copy with another system and training/evaluation budget.
     *
     * @param newSetting structure
     * @param newTrueModel true statistics
     * @param newPrior prior concentration
     * @param newResampleEvery M
     * @param newExploration exploration probability
     * @param newLearning Q-learning schedule
     * @param newEpisodes evaluation episodes
     * @param newSlots slots per evaluation episode
     * @return the configuration
     */
    public Config with(
        MacSetting newSetting,
        MacModel newTrueModel,
        double newPrior,
        int newResampleEvery,
        double newExploration,
        IndependentQLearning.Settings newLearning,
        int newEpisodes,
        int newSlots) {
      return new Config(
          newSetting,
          newTrueModel,
          dataSlots,
          runs,
          seed,
          newPrior,
          newResampleEvery,
          newExploration,
          newLearning,
          newEpisodes,
          newSlots);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Config c
          && setting.equals(c.setting)
          && trueModel.equals(c.trueModel)
          && Arrays.equals(dataSlots, c.dataSlots)
          && runs == c.runs
          && seed == c.seed
          && priorConcentration == c.priorConcentration
          && resampleEvery == c.resampleEvery
          && explorationProbability == c.explorationProbability
          && learning.equals(c.learning)
          && evaluationEpisodes == c.evaluationEpisodes
          && evaluationSlots == c.evaluationSlots;
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(dataSlots) * 31 + Long.hashCode(seed);
    }

    @Override
    public String toString() {
      return "Config[dataSlots=" + Arrays.toString(dataSlots) + ", runs=" + runs + "]";
    }
  }

  /**
   * One method's curve over the data sizes.
   *
   * @param meanReturn mean over runs of the mean reward per slot on the real system
   * @param ci half-width of the 95 % Student-t confidence interval of meanReturn over runs
   * @param throughput mean over runs of the delivered packets per slot
   * @param throughputCi half-width of the 95 % confidence interval of throughput
   * @param runReturns per data size, the mean reward per slot of every run
   */
  public record MethodCurve(
      double[] meanReturn,
      double[] ci,
      double[] throughput,
      double[] throughputCi,
      double[][] runReturns) {}

  /**
   * The twin's posterior after the first run's data, for the figure of seed 000 Fig. 4 (left).
   *
   * @param dataSlots real slots the posterior has seen
   * @param receptionCounts counts n_(k,d) per reception row k = 0..N
   * @param receptionMean posterior mean of each row
   * @param receptionMap MAP row (the frequentist twin)
   * @param sampledExpectedDelivered E[D | k], k = 0..N, for independent posterior samples
   * @param trueExpectedDelivered E[D | k] of the real system
   */
  public record PosteriorSnapshot(
      int dataSlots,
      double[][] receptionCounts,
      double[][] receptionMean,
      double[][] receptionMap,
      double[][] sampledExpectedDelivered,
      double[] trueExpectedDelivered) {}

  /**
   * The experiment's result.
   *
   * @param config the configuration
   * @param methods curves keyed by {@link #METHODS}
   * @param bayesMinusFrequentist per data size, mean over runs of the paired difference of the
   *     Bayesian and frequentist returns
   * @param bayesMinusFrequentistCi its 95 % confidence half-width
   * @param alohaProbability the ALOHA transmit probability used
   * @param tdmaAnalyticThroughput TDMA's analytic throughput (buffer 1), or NaN for larger buffers
   * @param posteriors posterior snapshots (smallest positive and largest data size, first run)
   */
  public record Result(
      Config config,
      Map<String, MethodCurve> methods,
      double[] bayesMinusFrequentist,
      double[] bayesMinusFrequentistCi,
      double alohaProbability,
      double tdmaAnalyticThroughput,
      List<PosteriorSnapshot> posteriors) {}

  /**
   * Runs the experiment.
   *
   * @param config configuration
   * @param progress receives the fraction done in [0, 1] (from several threads)
   * @return the result
   */
  public static Result run(Config config, DoubleConsumer progress) {
    int sizes = config.dataSlots.length;
    int runs = config.runs;
    int maxData = config.dataSlots[sizes - 1];
    double alohaP = bestAloha(config);
    int tasks = runs * sizes + runs;
    AtomicInteger done = new AtomicInteger();
    // [task][method] = {return, throughput}
    double[][][] out = new double[tasks][][];
    IntStream.range(0, tasks)
        .parallel()
        .forEach(
            task -> {
              int run = task % runs;
              if (task < runs * sizes) {
                out[task] = learnedMethods(config, run, task / runs, maxData);
              } else {
                out[task] = referenceMethods(config, run, alohaP);
              }
              progress.accept(done.incrementAndGet() / (double) tasks);
            });
    Map<String, MethodCurve> methods = new LinkedHashMap<>();
    for (int m = 0; m < METHODS.size(); m++) {
      double[][] ret = new double[sizes][runs];
      double[][] thr = new double[sizes][runs];
      for (int s = 0; s < sizes; s++) {
        for (int r = 0; r < runs; r++) {
          double[] v = m < LEARNED ? out[s * runs + r][m] : out[runs * sizes + r][m - LEARNED];
          ret[s][r] = v[0];
          thr[s][r] = v[1];
        }
      }
      methods.put(
          METHODS.get(m),
          new MethodCurve(means(ret), halfWidths(ret), means(thr), halfWidths(thr), ret));
    }
    double[][] diff = new double[sizes][runs];
    double[][] bayes = methods.get("bayesian").runReturns();
    double[][] freq = methods.get("frequentist").runReturns();
    for (int s = 0; s < sizes; s++) {
      for (int r = 0; r < runs; r++) {
        diff[s][r] = bayes[s][r] - freq[s][r];
      }
    }
    double tdmaAnalytic =
        config.setting.bufferCapacity() == 1
            ? MacPolicy.tdmaThroughput(config.setting, config.trueModel)
            : Double.NaN;
    return new Result(
        config,
        methods,
        means(diff),
        halfWidths(diff),
        alohaP,
        tdmaAnalytic,
        posteriorSnapshots(config, maxData));
  }

  /** Bayesian, frequentist (MAP, ML) and model-free returns and throughputs of one (run, size). */
  private static double[][] learnedMethods(Config config, int run, int sizeIndex, int maxData) {
    int n = config.dataSlots[sizeIndex];
    MacSetting setting = config.setting;
    int period = config.learning.period();
    MultipleAccessSystem real = new MultipleAccessSystem(setting, config.trueModel, period);
    ExplorationLog log =
        ExplorationLog.collect(
                real,
                maxData,
                config.explorationProbability,
                new SplittableRandom(Seeds.derive(config.seed, TAG_LOG, run)))
            .prefix(n);
    TwinPosterior posterior = TwinPosterior.fromLog(setting, config.priorConcentration, log);
    long trainSeed = Seeds.derive(config.seed, TAG_TRAIN, run, n);
    long evalSeed = Seeds.derive(config.seed, TAG_EVAL, run, n);
    MacModel map = posterior.maximumAPosteriori();
    TabularPolicy frequentist =
        IndependentQLearning.train(setting, rng -> map, 0, config.learning, trainSeed);
    MacModel ml = posterior.maximumLikelihood();
    TabularPolicy frequentistMl =
        IndependentQLearning.train(setting, rng -> ml, 0, config.learning, trainSeed);
    TabularPolicy bayesian =
        IndependentQLearning.train(
            setting, posterior::sample, config.resampleEvery, config.learning, trainSeed);
    MacModel truth = config.trueModel;
    TabularPolicy modelFree =
        IndependentQLearning.train(
            setting, rng -> truth, 0, config.learning.withSlots(n), trainSeed);
    return new double[][] {
      evaluate(bayesian, real, config, evalSeed),
      evaluate(frequentist, real, config, evalSeed),
      evaluate(frequentistMl, real, config, evalSeed),
      evaluate(modelFree, real, config, evalSeed)
    };
  }

  private static double[][] referenceMethods(Config config, int run, double alohaP) {
    MultipleAccessSystem real =
        new MultipleAccessSystem(config.setting, config.trueModel, config.learning.period());
    long evalSeed = Seeds.derive(config.seed, TAG_EVAL, run, -1);
    return new double[][] {
      evaluate(MacPolicy.tdma(), real, config, evalSeed),
      evaluate(MacPolicy.aloha(alohaP), real, config, evalSeed)
    };
  }

  private static double[] evaluate(
      MacPolicy policy, MultipleAccessSystem real, Config config, long seed) {
    PolicyEvaluation e =
        PolicyEvaluation.run(policy, real, config.evaluationEpisodes, config.evaluationSlots, seed);
    return new double[] {e.meanReward(), e.throughput()};
  }

  /** The ALOHA probability on the grid 0.05..1 with the best mean reward on the true system. */
  static double bestAloha(Config config) {
    MultipleAccessSystem real =
        new MultipleAccessSystem(config.setting, config.trueModel, config.learning.period());
    long seed = Seeds.derive(config.seed, TAG_ALOHA);
    double bestP = 1;
    double best = Double.NEGATIVE_INFINITY;
    for (int k = 1; k <= 20; k++) {
      double p = 0.05 * k;
      double v =
          PolicyEvaluation.run(
                  MacPolicy.aloha(p), real, config.evaluationEpisodes, config.evaluationSlots, seed)
              .meanReward();
      if (v > best) {
        best = v;
        bestP = p;
      }
    }
    return bestP;
  }

  private static List<PosteriorSnapshot> posteriorSnapshots(Config config, int maxData) {
    MultipleAccessSystem real =
        new MultipleAccessSystem(config.setting, config.trueModel, config.learning.period());
    ExplorationLog log =
        ExplorationLog.collect(
            real,
            maxData,
            config.explorationProbability,
            new SplittableRandom(Seeds.derive(config.seed, TAG_LOG, 0)));
    int small = maxData;
    for (int n : config.dataSlots) {
      if (n > 0) {
        small = n;
        break;
      }
    }
    int[] sizes = small == maxData ? new int[] {maxData} : new int[] {small, maxData};
    int devices = config.setting.devices();
    double[] truth = new double[devices + 1];
    for (int k = 0; k <= devices; k++) {
      truth[k] = config.trueModel.expectedDelivered(k);
    }
    List<PosteriorSnapshot> snaps = new java.util.ArrayList<>();
    for (int n : sizes) {
      TwinPosterior p =
          TwinPosterior.fromLog(config.setting, config.priorConcentration, log.prefix(n));
      double[][] counts = new double[devices + 1][];
      for (int k = 0; k <= devices; k++) {
        counts[k] = p.receptionRow(k).counts();
      }
      SplittableRandom rng = new SplittableRandom(Seeds.derive(config.seed, TAG_POSTERIOR_PLOT, n));
      int samples = 40;
      double[][] sampled = new double[samples][devices + 1];
      for (int s = 0; s < samples; s++) {
        MacModel m = p.sample(rng);
        for (int k = 0; k <= devices; k++) {
          sampled[s][k] = m.expectedDelivered(k);
        }
      }
      snaps.add(
          new PosteriorSnapshot(
              n, counts, p.mean().reception(), p.maximumAPosteriori().reception(), sampled, truth));
    }
    return List.copyOf(snaps);
  }

  private static double[] means(double[][] v) {
    double[] m = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      m[i] = Arrays.stream(v[i]).average().orElse(Double.NaN);
    }
    return m;
  }

  /** 95 % Student-t half-widths t_(0.975, R−1)·s/√R. */
  static double[] halfWidths(double[][] v) {
    double[] h = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int r = v[i].length;
      double mean = Arrays.stream(v[i]).average().orElse(Double.NaN);
      double ss = 0;
      for (double x : v[i]) {
        ss += (x - mean) * (x - mean);
      }
      double sd = Math.sqrt(ss / (r - 1));
      h[i] = new TDistribution(r - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(r);
    }
    return h;
  }
}
