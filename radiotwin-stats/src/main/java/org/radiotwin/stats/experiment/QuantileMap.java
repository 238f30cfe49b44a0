package org.radiotwin.stats.experiment;

import java.util.List;
import org.radiotwin.channel.EmpiricalDistribution;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.stats.features.PowerQuantileFeatures;
import org.radiotwin.stats.gp.GaussianProcessModel;
import org.radiotwin.stats.gp.GaussianProcessRegressor;
import org.radiotwin.stats.gp.GpPrediction;
import org.radiotwin.stats.gp.KernelFamily;

/**
 * A Gaussian-process map of ln q_ε over a site, fitted on measured positions: on the position [x,
 * y] only (seed 004's benchmark 2), or on [x, y, φ(F_DT,x)] with the twin's K power quantiles in dB
 * (seed 004 eq. 3, {@link PowerQuantileFeatures}). Every candidate K and kernel family is fitted
 * (hyper-parameters by maximum marginal likelihood, starting from the inputs' spreads) and the best
 * by {@link ModelSelection} is kept.
 */
public final class QuantileMap {

  private final GaussianProcessModel model;
  private final int featureCount;
  private final KernelFamily family;
  private final double score;
  private final double epsilon;

  private QuantileMap(
      GaussianProcessModel model, int featureCount, KernelFamily family, double score, double eps) {
    this.model = model;
    this.featureCount = featureCount;
    this.family = family;
    this.score = score;
    this.epsilon = eps;
  }

  /**
   * Fits the map.
   *
   * @param data site data (targets: {@link SiteData#truthLogQuantile()})
   * @param training indices of the measured positions
   * @param featureCounts candidate K; {0} for the position-only map
   * @param kernels candidate kernel families
   * @param selection how the candidates are compared
   * @param restarts optimiser restarts per fit
   * @param seed seed of the restarts
   * @param epsilon the quantile level ε (also the lowest feature level)
   * @return the best map
   */
  public static QuantileMap fit(
      SiteData data,
      int[] training,
      int[] featureCounts,
      List<KernelFamily> kernels,
      ModelSelection selection,
      int restarts,
      long seed,
      double epsilon) {
    if (featureCounts.length == 0 || kernels.isEmpty() || training.length < 2) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "quantile map",
          "need a feature count, a kernel and at least 2 training positions");
    }
    double[] y = new double[training.length];
    for (int i = 0; i < training.length; i++) {
      y[i] = data.truthLogQuantile()[training[i]];
    }
    QuantileMap best = null;
    for (int k : featureCounts) {
      double[][] x = inputs(data, training, k, epsilon);
      double[] scales = spreads(x);
      for (KernelFamily family : kernels) {
        GaussianProcessModel model =
            GaussianProcessRegressor.of(family.initial(scales))
                .withRestarts(restarts)
                .withSeed(seed)
                .fit(x, y);
        double score =
            selection == ModelSelection.MARGINAL_LIKELIHOOD
                ? model.logMarginalLikelihood()
                : model.leaveOneOutLogPredictive();
        if (best == null || score > best.score) {
          best = new QuantileMap(model, k, family, score, epsilon);
        }
      }
    }
    return best;
  }

  /**
   * Predicts ln q_ε.
   *
   * @param data site data (positions and twin samples)
   * @param positions indices of the positions
   * @return predictive mean and standard deviations of ln q_ε
   */
  public GpPrediction predict(SiteData data, int[] positions) {
    return model.predict(inputs(data, positions, featureCount, epsilon));
  }

  /**
   * The fitted process.
   *
   * @return the model
   */
  public GaussianProcessModel model() {
    return model;
  }

  /**
   * The chosen number of twin quantiles.
   *
   * @return K (0: position only)
   */
  public int featureCount() {
    return featureCount;
  }

  /**
   * The chosen kernel family.
   *
   * @return the family
   */
  public KernelFamily kernelFamily() {
    return family;
  }

  /**
   * The selection score of the chosen model.
   *
   * @return log marginal likelihood or leave-one-out log predictive probability
   */
  public double score() {
    return score;
  }

  /**
   * The GP inputs: [x, y] or [x, y, q_1…q_K] (twin quantiles in dB) per position.
   *
   * @param data site data
   * @param idx position indices
   * @param k K (0 for position only)
   * @param epsilon lowest feature level
   * @return one row per position
   */
  public static double[][] inputs(SiteData data, int[] idx, int k, double epsilon) {
    double[][] x = new double[idx.length][];
    for (int i = 0; i < idx.length; i++) {
      int p = idx[i];
      double[] row = new double[2 + k];
      row[0] = data.positions()[3 * p];
      row[1] = data.positions()[3 * p + 1];
      if (k > 0) {
        double[] q =
            PowerQuantileFeatures.quantilesDb(
                new EmpiricalDistribution(data.twinSortedDb()[p]), k, epsilon);
        System.arraycopy(q, 0, row, 2, k);
      }
      x[i] = row;
    }
    return x;
  }

  /** Population standard deviation of each input column (1 where constant). */
  private static double[] spreads(double[][] x) {
    int d = x[0].length;
    double[] s = new double[d];
    for (int j = 0; j < d; j++) {
      double m = 0;
      for (double[] r : x) {
        m += r[j];
      }
      m /= x.length;
      double v = 0;
      for (double[] r : x) {
        v += (r[j] - m) * (r[j] - m);
      }
      s[j] = v > 0 ? Math.sqrt(v / x.length) : 1;
    }
    return s;
  }
}
