package org.radiotwin.scene;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;

/**
 * A transmitter.
 *
 * @param name unique name
 * @param position array centre [m]
 * @param orientation array orientation
 * @param powerDbm transmit power [dBm] (used by radio maps for RSS and SINR)
 */
public record Transmitter(String name, Vec3 position, Orientation orientation, double powerDbm)
    implements RadioDevice {

  /** Default transmit power, as in Sionna RT [dBm]. */
  public static final double DEFAULT_POWER_DBM = 44;

  /** Validates the parts. */
  public Transmitter {
    Receiver.checkDevice("transmitter", name, position);
    if (!Double.isFinite(powerDbm)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "power of " + name, powerDbm);
    }
  }

  /**
   * A transmitter with default orientation and power.
   *
   * @param name name
   * @param position position [m]
   * @return the transmitter
   */
  public static Transmitter at(String name, Vec3 position) {
    return new Transmitter(name, position, Orientation.IDENTITY, DEFAULT_POWER_DBM);
  }
}
