package org.radiotwin.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.radiotwin.calibration.loss.CalibrationLoss;
import org.radiotwin.calibration.loss.ProjectedMeasurements;
import org.radiotwin.calibration.optim.Adam;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.RadioMaterial;

/**
 * Gradient-based material calibration (seed 000 §II-A; Hoydis et al., IEEE TMLCN 2024,
 * doi:10.1109/TMLCN.2024.3474639): paths are traced once ({@link TwinCampaign}); every iteration
 * re-evaluates the path coefficients with exact derivatives, lets the loss run its E-step if it has
 * one, and takes one Adam step on the selected parameters' unconstrained variables. By the chain
 * rule ∂L/∂θ = Σ Re(conj(∂L/∂a)·∂a/∂θ) over all coefficients, then ∂L/∂u = ∂L/∂θ·dθ/du.
 */
public final class Calibrator {

  /**
   * Stopping and optimiser settings.
   *
   * @param iterations most Adam steps (≥ 0)
   * @param tolerance stop when |ΔL| ≤ tolerance·|L| between iterations (0 never stops early)
   * @param adam optimiser settings
   * @param lossFloor stop before stepping once L ≤ lossFloor (the fit is exact to rounding; −∞
   *     never stops there)
   */
  public record Settings(int iterations, double tolerance, Adam.Settings adam, double lossFloor) {

    /**
     * Settings without a loss floor.
     *
     * @param iterations most Adam steps (≥ 0)
     * @param tolerance stop when |ΔL| ≤ tolerance·|L| between iterations (0 never stops early)
     * @param adam optimiser settings
     */
    public Settings(int iterations, double tolerance, Adam.Settings adam) {
      this(iterations, tolerance, adam, Double.NEGATIVE_INFINITY);
    }

    /** Validates the settings. */
    public Settings {
      if (iterations < 0 || !(tolerance >= 0) || Double.isNaN(lossFloor)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "calibration settings",
            "iterations must be ≥ 0 and the tolerance ≥ 0");
      }
    }
  }

  /** The twin's path coefficients and their derivatives for given materials. */
  @FunctionalInterface
  public interface Twin {

    /**
     * Evaluates the coefficients a and their derivatives.
     *
     * @param materials materials in the geometry's order
     * @param selected differentiated material indices
     * @param coef receives the coefficients ({@link ProjectedMeasurements} layout)
     * @param derivatives (2 or 3)·selected.length arrays of the same layout
     * @param withScattering differentiate with respect to the scattering coefficients too
     */
    void evaluate(
        RadioMaterial[] materials,
        int[] selected,
        double[] coef,
        double[][] derivatives,
        boolean withScattering);
  }

  private Calibrator() {}

  /**
   * Calibrates; the parameters end at the calibrated values.
   *
   * @param campaign the traced campaign
   * @param parameters parameters (their selected drivers are estimated, starting where they are)
   * @param loss the loss
   * @param settings stopping and optimiser settings
   * @param progress fraction of the iterations done
   * @return the result and history
   */
  public static CalibrationResult calibrate(
      TwinCampaign campaign,
      CalibrationParameters parameters,
      CalibrationLoss loss,
      Settings settings,
      DoubleConsumer progress) {
    return calibrate(campaign.data(), campaign::evaluate, parameters, loss, settings, progress);
  }

  /**
   * Calibrates a twin given as its coefficient evaluation; the parameters end at the calibrated
   * values.
   *
   * @param data the projected measurements the twin's coefficients are laid out for
   * @param twin evaluates the coefficients and their derivatives
   * @param parameters parameters (their selected drivers are estimated, starting where they are)
   * @param loss the loss
   * @param settings stopping and optimiser settings
   * @param progress fraction of the iterations done
   * @return the result and history
   */
  public static CalibrationResult calibrate(
      ProjectedMeasurements data,
      Twin twin,
      CalibrationParameters parameters,
      CalibrationLoss loss,
      Settings settings,
      DoubleConsumer progress) {
    int[] selected = parameters.selectedMaterialIndices();
    boolean withScattering = parameters.trainsScattering();
    int slots = parameters.slotsPerMaterial() * selected.length;
    double[] coef = new double[data.coefficientLength()];
    double[][] dcoef = new double[slots][data.coefficientLength()];
    double[] grad = new double[data.coefficientLength()];
    double[] slotGrad = new double[slots];
    double[] u = parameters.unconstrained();
    double[] initial = parameters.values();
    Adam adam = new Adam(settings.adam(), u.length);
    List<CalibrationStep> history = new ArrayList<>();
    boolean converged = false;
    double previous = Double.NaN;
    for (int it = 0; ; it++) {
      twin.evaluate(parameters.materials(), selected, coef, dcoef, withScattering);
      loss.beginIteration(data, coef);
      double value = loss.evaluate(data, coef, grad);
      if (!Double.isFinite(value)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, loss.name() + " loss", value);
      }
      history.add(new CalibrationStep(it, value, parameters.values()));
      if (value <= settings.lossFloor()) {
        converged = true;
        break;
      }
      if (it > 0
          && settings.tolerance() > 0
          && Math.abs(previous - value) <= settings.tolerance() * Math.abs(value)) {
        converged = it < settings.iterations();
        break;
      }
      if (it == settings.iterations()) {
        break;
      }
      previous = value;
      for (int j = 0; j < slots; j++) {
        double s = 0;
        double[] d = dcoef[j];
        for (int i = 0; i < grad.length; i++) {
          s += grad[i] * d[i];
        }
        slotGrad[j] = s;
      }
      adam.step(u, parameters.chainRule(slotGrad));
      parameters.setUnconstrained(u);
      progress.accept((it + 1) / (double) Math.max(1, settings.iterations()));
    }
    List<String> names = new ArrayList<>();
    for (ParameterDriver d : parameters.selectedDrivers()) {
      names.add(d.name());
    }
    return new CalibrationResult(
        loss.name(), names, initial, parameters.values(), history, converged);
  }
}
