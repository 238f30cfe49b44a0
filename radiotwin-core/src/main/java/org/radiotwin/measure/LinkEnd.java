package org.radiotwin.measure;

/**
 * One end of a radio link. Imports use it to say which end a list of positions describes (the
 * moving end of a campaign), the other end being fixed.
 */
public enum LinkEnd {
  /** The transmitter (in the Aalborg campaign the user equipment, moved between positions). */
  TX,
  /** The receiver (in the Aalborg campaign the fixed base station). */
  RX;

  /**
   * The other end of the link.
   *
   * @return RX for TX and TX for RX
   */
  public LinkEnd other() {
    return this == TX ? RX : TX;
  }
}
