package org.radiotwin.stats.experiment;

/** How the feature count K and the kernel of a {@link QuantileMap} are chosen. */
public enum ModelSelection {
  /** Largest log marginal likelihood (type-II maximum likelihood evidence). */
  MARGINAL_LIKELIHOOD,
  /**
   * Largest leave-one-out log predictive probability (Rasmussen and Williams 2006, §5.4.2): rewards
   * calibrated predictive variances, which the rate selection relies on.
   */
  LEAVE_ONE_OUT
}
