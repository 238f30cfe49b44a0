package org.radiotwin.math;

/** Physical constants in SI units, with the values Sionna RT uses so results are comparable. */
public final class PhysicalConstants {

  /** Speed of light in vacuum c [m/s] (exact, SI 2019). */
  public static final double SPEED_OF_LIGHT = 299_792_458.0;

  /** Vacuum permittivity ε0 [F/m] (CODATA 2018, as in SciPy and Sionna RT). */
  public static final double EPSILON_0 = 8.8541878128e-12;

  private PhysicalConstants() {}

  /**
   * Wavelength at a frequency.
   *
   * @param frequency frequency [Hz]
   * @return λ = c/f [m]
   */
  public static double wavelength(double frequency) {
    return SPEED_OF_LIGHT / frequency;
  }
}
