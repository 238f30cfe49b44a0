package org.radiotwin.learn.train;

/**
 * The fold predictor f^(k) of Cross-PPI: a labelling function fitted without real fold k. It may be
 * a model trained on the synthetic data plus the other real folds ({@link TrainedFoldPredictor}) or
 * the twin calibrated on the other folds and re-simulated at the query points (implemented outside
 * this module, which depends only on core).
 */
@FunctionalInterface
public interface FoldPredictor {

  /**
   * Labels f^(k)(x) at the query points.
   *
   * @param data the pool
   * @param realTraining indices of the real samples the predictor may use (every fold but k)
   * @param synthetic indices of the twin-labelled points
   * @param queries indices of the points to label
   * @param seed seed of any randomness in the fit
   * @return labels packed row-major, queries.length·labelDimension values
   */
  double[] predict(
      LearningData data, int[] realTraining, int[] synthetic, int[] queries, long seed);
}
