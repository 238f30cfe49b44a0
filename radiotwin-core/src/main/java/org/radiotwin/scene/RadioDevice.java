package org.radiotwin.scene;

import org.radiotwin.math.Vec3;

/**
 * A transmitter or a receiver: a named position with an orientation. The antenna array is the
 * scene's array for its role.
 */
public sealed interface RadioDevice permits Transmitter, Receiver {

  /**
   * Device name.
   *
   * @return unique name within its role
   */
  String name();

  /**
   * Position of the array centre.
   *
   * @return position [m]
   */
  Vec3 position();

  /**
   * Orientation of the array.
   *
   * @return orientation
   */
  Orientation orientation();
}
