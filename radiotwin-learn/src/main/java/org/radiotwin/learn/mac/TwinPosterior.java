package org.radiotwin.learn.mac;

import java.util.SplittableRandom;

/**
 * The twin's posterior over {@link MacModel}s: an independent {@link DirichletCategorical} for
 * every row k ≥ 1 of the reception matrix (categories D = 0..k) and for every cluster's arrival pmf
 * (categories = arrival patterns), all with the same symmetric prior concentration (0.01 in seed
 * 000 §III). Row 0 is known (nothing sent, nothing delivered). A logged slot with k packets sent
 * and D delivered adds one count to cell (k, D) and one to each cluster's observed pattern.
 *
 * <p>Point estimates ({@link #mean()}, {@link #maximumLikelihood()}, {@link #maximumAPosteriori()})
 * apply the corresponding estimate row by row; {@link #sample} draws every row independently from
 * its Dirichlet posterior.
 */
public final class TwinPosterior {

  private final MacSetting setting;
  private final DirichletCategorical[] reception;
  private final DirichletCategorical[] arrivals;

  /**
   * The prior.
   *
   * @param setting system structure
   * @param concentration symmetric Dirichlet prior concentration α &gt; 0
   */
  public TwinPosterior(MacSetting setting, double concentration) {
    this.setting = setting;
    int n = setting.devices();
    this.reception = new DirichletCategorical[n + 1];
    for (int k = 0; k <= n; k++) {
      reception[k] = new DirichletCategorical(k + 1, concentration);
    }
    this.arrivals = new DirichletCategorical[setting.clusters().length];
    for (int c = 0; c < arrivals.length; c++) {
      arrivals[c] = new DirichletCategorical(setting.patterns(c), concentration);
    }
  }

  /**
   * The posterior after a log.
   *
   * @param setting system structure
   * @param concentration prior concentration α
   * @param log real slots
   * @return the posterior
   */
  public static TwinPosterior fromLog(
      MacSetting setting, double concentration, ExplorationLog log) {
    TwinPosterior p = new TwinPosterior(setting, concentration);
    for (ExplorationLog.Slot s : log.slots()) {
      p.update(s);
    }
    return p;
  }

  /**
   * Bayesian update with one real slot.
   *
   * @param slot the logged slot
   */
  public void update(ExplorationLog.Slot slot) {
    if (slot.sent() > 0) {
      reception[slot.sent()].observe(slot.delivered());
    }
    for (int c = 0; c < arrivals.length; c++) {
      arrivals[c].observe(slot.arrivalPatterns()[c]);
    }
  }

  /**
   * The posterior of reception row k.
   *
   * @param k packets sent
   * @return its Dirichlet–categorical model
   */
  public DirichletCategorical receptionRow(int k) {
    return reception[k];
  }

  /**
   * The posterior of a cluster's arrival pmf.
   *
   * @param cluster cluster index
   * @return its Dirichlet–categorical model
   */
  public DirichletCategorical arrivalPmf(int cluster) {
    return arrivals[cluster];
  }

  /**
   * Posterior-mean model (the posterior predictive).
   *
   * @return the model of posterior means
   */
  public MacModel mean() {
    return build(Estimate.MEAN);
  }

  /**
   * Maximum-likelihood model (a frequentist twin).
   *
   * @return the ML model
   */
  public MacModel maximumLikelihood() {
    return build(Estimate.ML);
  }

  /**
   * Maximum-a-posteriori model (the frequentist twin of seed 000 Fig. 4).
   *
   * @return the MAP model
   */
  public MacModel maximumAPosteriori() {
    return build(Estimate.MAP);
  }

  /**
   * Draws a model from the posterior (the Bayesian twin).
   *
   * @param rng random generator
   * @return a sampled model
   */
  public MacModel sample(SplittableRandom rng) {
    double[][] r = new double[reception.length][];
    r[0] = new double[] {1};
    for (int k = 1; k < r.length; k++) {
      r[k] = new double[k + 1];
      reception[k].sample(rng, r[k]);
    }
    double[][] a = new double[arrivals.length][];
    for (int c = 0; c < a.length; c++) {
      a[c] = new double[arrivals[c].categories()];
      arrivals[c].sample(rng, a[c]);
    }
    return new MacModel(r, a);
  }

  /**
   * The system structure.
   *
   * @return setting
   */
  public MacSetting setting() {
    return setting;
  }

  private enum Estimate {
    MEAN,
    ML,
    MAP
  }

  private MacModel build(Estimate e) {
    double[][] r = new double[reception.length][];
    r[0] = new double[] {1};
    for (int k = 1; k < r.length; k++) {
      r[k] = estimate(reception[k], e);
    }
    double[][] a = new double[arrivals.length][];
    for (int c = 0; c < a.length; c++) {
      a[c] = estimate(arrivals[c], e);
    }
    return new MacModel(r, a);
  }

  private static double[] estimate(DirichletCategorical d, Estimate e) {
    return switch (e) {
      case MEAN -> d.posteriorMean();
      case ML -> d.maximumLikelihood();
      case MAP -> d.maximumAPosteriori();
    };
  }
}
