package org.radiotwin.stats.experiment;

import java.util.List;
import java.util.Map;

/**
 * Outcome of {@link RadioStatsExperiment}, pooled over runs (random train/evaluation splits).
 *
 * @param positions P
 * @param train M training positions per run
 * @param calibration m of the M held out for the conformal calibration
 * @param runs number of random splits
 * @param epsilon outage probability ε
 * @param delta confidence parameter δ
 * @param snrDb SNR scale: ρ gives this mean SNR at the median position [dB]
 * @param rho the SNR scale ρ [1/power unit]
 * @param errors prediction error of ln q_ε per method ("proposed", "twinOnly", "positionOnly")
 * @param rates rate selection per method ("proposed", "positionOnly", "proposedConformal",
 *     "positionOnlyConformal", "orderStatistic", "twinOnly")
 * @param violationCurve violation rate and mean normalised rate of each rate method versus δ
 * @param proposedChoices model chosen by marginal likelihood per run (geometry-informed GP)
 * @param positionChoices model chosen per run (position-only GP)
 * @param map the first run, position by position (for maps)
 */
public record RadioStatsResult(
    int positions,
    int train,
    int calibration,
    int runs,
    double epsilon,
    double delta,
    double snrDb,
    double rho,
    Map<String, ErrorSummary> errors,
    Map<String, RateSummary> rates,
    List<CurvePoint> violationCurve,
    List<ModelChoice> proposedChoices,
    List<ModelChoice> positionChoices,
    PositionMap map) {

  /**
   * Absolute errors |predicted − true| of ln q_ε in dB, pooled over runs.
   *
   * @param medianAbsErrorDb the median [dB]
   * @param sortedAbsErrorDb every error, ascending (for the CDF) [dB]
   */
  public record ErrorSummary(double medianAbsErrorDb, double[] sortedAbsErrorDb) {}

  /**
   * A rate method's performance, pooled over runs and evaluation positions.
   *
   * @param meanNormalizedRate mean of R̂/C_ε
   * @param violationRate fraction of positions with R̂ > C_ε
   * @param maxRunViolationRate the largest per-run violation fraction
   * @param sortedNormalizedRates every R̂/C_ε, ascending (for the CDF)
   */
  public record RateSummary(
      double meanNormalizedRate,
      double violationRate,
      double maxRunViolationRate,
      double[] sortedNormalizedRates) {}

  /**
   * One δ of the violation curve.
   *
   * @param delta δ
   * @param violationRate per rate method
   * @param meanNormalizedRate per rate method
   */
  public record CurvePoint(
      double delta, Map<String, Double> violationRate, Map<String, Double> meanNormalizedRate) {}

  /**
   * The model chosen in one run.
   *
   * @param run run index
   * @param featureCount K (0 for position only)
   * @param kernel kernel family name
   * @param logMarginalLikelihood its value (z-scored targets)
   * @param leaveOneOutLogPredictive its leave-one-out log predictive probability (z-scored)
   * @param hyperparameters fitted kernel
   */
  public record ModelChoice(
      int run,
      int featureCount,
      String kernel,
      double logMarginalLikelihood,
      double leaveOneOutLogPredictive,
      String hyperparameters) {}

  /**
   * The first run position by position.
   *
   * @param positions packed positions [m]
   * @param training whether each position was a training position
   * @param truthDb measured q̂_ε [dB]
   * @param predictedDb predicted q_ε per error method [dB] (NaN at training positions for the GPs)
   * @param normalizedRate R̂/C_ε per rate method (NaN at training positions)
   */
  public record PositionMap(
      double[] positions,
      boolean[] training,
      double[] truthDb,
      Map<String, double[]> predictedDb,
      Map<String, double[]> normalizedRate) {}
}
