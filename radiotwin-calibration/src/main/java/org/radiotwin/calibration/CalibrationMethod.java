package org.radiotwin.calibration;

import java.util.Locale;
import org.radiotwin.calibration.loss.CalibrationLoss;
import org.radiotwin.calibration.loss.PeacLoss;
import org.radiotwin.calibration.loss.PeocLoss;
import org.radiotwin.calibration.loss.PowerLoss;
import org.radiotwin.calibration.loss.UpecLoss;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/** The calibration methods of seed 000 §II and METHODS.md §2. */
public enum CalibrationMethod {
  /** Band-averaged power, Hoydis et al. ({@link PowerLoss}). */
  POWER,
  /** Phase-error-oblivious coherent least squares ({@link PeocLoss}). */
  PEOC,
  /** Uniform phase errors, delay (with arrays, delay-angle) projections ({@link UpecLoss}). */
  UPEC,
  /** Phase-error-aware variational EM ({@link PeacLoss}). */
  PEAC;

  /**
   * A fresh loss (PEAC keeps EM state, so one per calibration).
   *
   * @return the loss
   */
  public CalibrationLoss newLoss() {
    return switch (this) {
      case POWER -> new PowerLoss();
      case PEOC -> new PeocLoss();
      case UPEC -> new UpecLoss();
      case PEAC -> new PeacLoss();
    };
  }

  /**
   * Parses a method name, case-insensitively.
   *
   * @param name power, peoc, upec or peac
   * @return the method
   * @throws RadioTwinException for another name
   */
  public static CalibrationMethod parse(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "calibration method '" + name + "'",
          "expected power, peoc, upec or peac");
    }
  }
}
