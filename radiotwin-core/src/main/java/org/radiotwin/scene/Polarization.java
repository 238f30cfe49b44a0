package org.radiotwin.scene;

import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/** Antenna polarisation, as in Sionna RT. Dual polarisations put two elements at every position. */
public enum Polarization {
  /** Vertical (slant 0°). */
  V(new double[] {0}),
  /** Horizontal (slant 90°). */
  H(new double[] {Math.PI / 2}),
  /** Dual, vertical and horizontal. */
  VH(new double[] {0, Math.PI / 2}),
  /** Dual, cross (±45°). */
  CROSS(new double[] {-Math.PI / 4, Math.PI / 4});

  private final double[] slantAngles;

  Polarization(double[] slantAngles) {
    this.slantAngles = slantAngles;
  }

  /**
   * Elements per position.
   *
   * @return 1 or 2
   */
  public int elementsPerPosition() {
    return slantAngles.length;
  }

  /**
   * Slant angle ζ of one polarisation (rotation of the V pattern about the boresight).
   *
   * @param k 0 or 1
   * @return ζ_k [rad]
   */
  public double slantAngle(int k) {
    return slantAngles[k];
  }

  /**
   * Parses V, H, VH (or dual) and cross.
   *
   * @param name name, case-insensitive
   * @return the polarisation
   */
  public static Polarization fromName(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "V" -> V;
      case "H" -> H;
      case "VH", "DUAL" -> VH;
      case "CROSS" -> CROSS;
      default ->
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT,
              "polarization '" + name + "'",
              "expected V, H, VH or cross");
    };
  }
}
