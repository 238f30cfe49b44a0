package org.radiotwin.calibration.loss;

/**
 * A calibration loss as a function of the twin's path coefficients a_{mℓc} (see {@link
 * ProjectedMeasurements} for the layout). The gradient is returned as g = ∂L/∂Re a + j·∂L/∂Im a per
 * coefficient, so that for any parameter θ, ∂L/∂θ = Re(conj(g)·∂a/∂θ) summed over the coefficients.
 */
public interface CalibrationLoss {

  /**
   * Name of the method (for reports).
   *
   * @return the name
   */
  String name();

  /**
   * Called once per iteration before {@link #evaluate}, with the current coefficients: where a
   * method has latent variables (PEAC's phase posteriors), this is its E-step.
   *
   * @param data the projected measurements
   * @param coef current coefficients
   */
  default void beginIteration(ProjectedMeasurements data, double[] coef) {}

  /**
   * The loss and its gradient.
   *
   * @param data the projected measurements
   * @param coef coefficients
   * @param gradient receives g (same layout as {@code coef}); may be null when not needed
   * @return the loss
   */
  double evaluate(ProjectedMeasurements data, double[] coef, double[] gradient);
}
