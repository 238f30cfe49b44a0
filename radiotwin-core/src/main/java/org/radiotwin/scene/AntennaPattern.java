package org.radiotwin.scene;

import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Antenna element patterns, with Sionna RT's names. The field patterns themselves are evaluated by
 * the ray-tracing layer.
 */
public enum AntennaPattern {
  /** Isotropic: C_θ = 1. */
  ISO("iso"),
  /** Short dipole: C_θ = √1.5·|sin θ|. */
  DIPOLE("dipole"),
  /** Half-wave dipole: C_θ ∝ |cos(π/2·cos θ)/sin θ|, unit-gain normalised. */
  HW_DIPOLE("hw_dipole"),
  /** 3GPP TR 38.901 element (65° beamwidth, 30 dB limits, 8 dBi). */
  TR38901("tr38901");

  private final String sionnaName;

  AntennaPattern(String sionnaName) {
    this.sionnaName = sionnaName;
  }

  /**
   * Sionna's name of the pattern.
   *
   * @return e.g. {@code hw_dipole}
   */
  public String sionnaName() {
    return sionnaName;
  }

  /**
   * Looks a pattern up by Sionna's name.
   *
   * @param name pattern name (case-insensitive)
   * @return the pattern
   */
  public static AntennaPattern fromName(String name) {
    for (AntennaPattern p : values()) {
      if (p.sionnaName.equals(name.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "antenna pattern '" + name + "'",
        "expected iso, dipole, hw_dipole or tr38901");
  }
}
