package org.radiotwin.learn.ppi;

/** How the PPI++ power-tuning parameter λ is chosen when it is tuned (ppi_py's lam_optim_mode). */
public enum LambdaMode {
  /** One λ minimising the total variance (trace of the covariance), or that of one coordinate. */
  OVERALL,
  /** One λ per coordinate, each minimising the variance of its coordinate (mean only). */
  ELEMENT
}
