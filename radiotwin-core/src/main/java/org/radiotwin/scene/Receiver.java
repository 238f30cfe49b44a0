package org.radiotwin.scene;

import java.util.Objects;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;

/**
 * A receiver.
 *
 * @param name unique name
 * @param position array centre [m]
 * @param orientation array orientation
 */
public record Receiver(String name, Vec3 position, Orientation orientation) implements RadioDevice {

  /** Validates the parts. */
  public Receiver {
    checkDevice("receiver", name, position);
    Objects.requireNonNull(orientation, "orientation");
  }

  /**
   * A receiver with default orientation.
   *
   * @param name name
   * @param position position [m]
   * @return the receiver
   */
  public static Receiver at(String name, Vec3 position) {
    return new Receiver(name, position, Orientation.IDENTITY);
  }

  static void checkDevice(String role, String name, Vec3 position) {
    if (name == null || name.isBlank()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, role + " name", "must not be empty");
    }
    if (position == null || !position.isFinite()) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "position of " + name, position);
    }
  }
}
