package org.radiotwin.stats.gp;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Hyper-parameters of σ_f² · κ + σ_n² in scikit-learn's units: variances of the z-scored target,
 * length scales in input units.
 *
 * @param amplitudeVar σ_f² > 0
 * @param lengthScales ℓ (one, or one per input dimension), each > 0 [input units]
 * @param noiseVar σ_n² > 0
 */
public record Hyperparameters(double amplitudeVar, double[] lengthScales, double noiseVar) {

  /** Validates and copies. */
  public Hyperparameters {
    KernelChecks.positive("amplitudeVar", amplitudeVar);
    KernelChecks.positive("noiseVar", noiseVar);
    if (lengthScales == null || lengthScales.length == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "lengthScales", "need at least one");
    }
    lengthScales = lengthScales.clone();
    for (double l : lengthScales) {
      KernelChecks.positive("length scale", l);
    }
  }

  @Override
  public double[] lengthScales() {
    return lengthScales.clone();
  }
}
