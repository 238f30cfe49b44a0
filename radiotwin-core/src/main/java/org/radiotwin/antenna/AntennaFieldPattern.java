package org.radiotwin.antenna;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.scene.AntennaPattern;

/**
 * Field patterns of single antenna elements in the element's local frame (boresight +x), as Sionna
 * RT 1.x defines them.
 *
 * <p>Each pattern is first defined for vertical polarisation, where it is real and C_φ = 0:
 *
 * <ul>
 *   <li>{@link AntennaPattern#ISO iso}: C̃_θ = 1;
 *   <li>{@link AntennaPattern#DIPOLE dipole} (infinitesimal dipole, C. A. Balanis, <i>Antenna
 *       Theory</i>, 3rd ed., Wiley 2005, §4.2, field eq. 4-26a; directivity 3/2): C̃_θ = √1.5·|sin
 *       θ|;
 *   <li>{@link AntennaPattern#HW_DIPOLE hw_dipole} (half-wave dipole, Balanis §4.6, field eq. 4-84;
 *       directivity 4/Cin(2π) ≈ 1.643): C̃_θ = √1.643·|cos(π/2·cos θ)/sin θ|, with the limit 0 at θ
 *       = 0, π;
 *   <li>{@link AntennaPattern#TR38901 tr38901} (3GPP TR 38.901 v17.0.0, Table 7.3-1): with θ and φ
 *       in degrees, φ wrapped to [−180°, 180°), θ_3dB = φ_3dB = 65°, SLA_V = A_max = 30 dB and
 *       G_E,max = 8 dBi: A_V = −min(12((θ−90)/θ_3dB)², SLA_V), A_H = −min(12(φ/φ_3dB)², A_max), A =
 *       −min(−(A_V + A_H), A_max) and C̃_θ = √(10^((A + G_E,max)/10)).
 * </ul>
 *
 * <p>A linear polarisation with slant angle ζ (0 vertical, π/2 horizontal, ±π/4 cross) follows
 * polarisation model 2 of 3GPP TR 38.901 (eqs. 7.3-4 and 7.3-5), Sionna's default: C_θ = C̃_θ·cos
 * ζ, C_φ = C̃_θ·sin ζ. The directional gain |C_θ|² + |C_φ|² = C̃_θ² does not depend on ζ.
 *
 * <p>Note that the tr38901 pattern is not lossless: 3GPP fixes the peak at 8 dBi while the 65° beam
 * has a directivity of about 9.83 dBi, so (1/4π)∮C̃_θ² dΩ ≈ 0.657 (Sionna's {@code compute_gain}
 * reports the same 65.7 % efficiency). The other three patterns are normalised to unit radiated
 * power (iso and dipole exactly, hw_dipole to 1.643/1.6409 because Balanis rounds the directivity).
 *
 * <p>All methods are static, allocation-free and thread-safe.
 */
public final class AntennaFieldPattern {

  /** Directivity of the short dipole, 1.5 (1.761 dBi) (Balanis §4.2). */
  public static final double DIPOLE_GAIN = 1.5;

  /** Directivity of the half-wave dipole as Sionna uses it, 1.643 (2.156 dBi) (Balanis §4.6). */
  public static final double HW_DIPOLE_GAIN = 1.643;

  /** Maximum directional gain G_E,max of the 3GPP element [dBi] (TR 38.901 Table 7.3-1). */
  public static final double TR38901_MAX_GAIN_DB = 8.0;

  /** 3 dB beamwidth θ_3dB = φ_3dB of the 3GPP element [deg] (TR 38.901 Table 7.3-1). */
  public static final double TR38901_BEAMWIDTH_DEG = 65.0;

  /** Side-lobe level SLA_V and front-to-back ratio A_max of the 3GPP element [dB]. */
  public static final double TR38901_ATTENUATION_LIMIT_DB = 30.0;

  private static final double SQRT_DIPOLE_GAIN = Math.sqrt(DIPOLE_GAIN);
  private static final double SQRT_HW_DIPOLE_GAIN = Math.sqrt(HW_DIPOLE_GAIN);

  /** Number of doubles written by {@link #field}: (Re C_θ, Im C_θ, Re C_φ, Im C_φ). */
  public static final int FIELD_SIZE = 4;

  private AntennaFieldPattern() {}

  /**
   * Amplitude C̃_θ(θ, φ) of the vertically polarised pattern (real, ≥ 0; see the class comment).
   *
   * @param pattern element pattern
   * @param theta zenith angle θ in the element's frame [rad]
   * @param phi azimuth angle φ in the element's frame [rad], any real value (it is wrapped)
   * @return C̃_θ [√(linear gain)]; NaN if an angle is NaN
   */
  public static double verticalAmplitude(AntennaPattern pattern, double theta, double phi) {
    return switch (pattern) {
      case ISO -> 1.0;
      case DIPOLE -> SQRT_DIPOLE_GAIN * Math.abs(Math.sin(theta));
      case HW_DIPOLE -> SQRT_HW_DIPOLE_GAIN * halfWaveDipoleShape(theta);
      case TR38901 -> Math.sqrt(tr38901Gain(theta, phi));
    };
  }

  /**
   * Directional gain G(θ, φ) = |C_θ|² + |C_φ|² = C̃_θ² of an element of any slant angle.
   *
   * @param pattern element pattern
   * @param theta zenith angle θ in the element's frame [rad]
   * @param phi azimuth angle φ in the element's frame [rad]
   * @return linear gain (1 = 0 dBi)
   */
  public static double gain(AntennaPattern pattern, double theta, double phi) {
    return switch (pattern) {
      case ISO -> 1.0;
      case DIPOLE -> {
        double s = Math.sin(theta);
        yield DIPOLE_GAIN * s * s;
      }
      case HW_DIPOLE -> {
        double f = halfWaveDipoleShape(theta);
        yield HW_DIPOLE_GAIN * f * f;
      }
      case TR38901 -> tr38901Gain(theta, phi);
    };
  }

  /**
   * Complex field pattern (C_θ, C_φ) = C̃_θ(θ, φ)·(cos ζ, sin ζ) of an element with slant angle ζ,
   * in the element's local spherical basis (θ̂, φ̂).
   *
   * @param pattern element pattern
   * @param slant slant angle ζ [rad] (see {@link org.radiotwin.scene.Polarization#slantAngle})
   * @param theta zenith angle θ in the element's frame [rad]
   * @param phi azimuth angle φ in the element's frame [rad]
   * @param out receives (Re C_θ, Im C_θ, Re C_φ, Im C_φ) in its first four entries
   */
  public static void field(
      AntennaPattern pattern, double slant, double theta, double phi, double[] out) {
    field(pattern, slant, theta, phi, out, 0);
  }

  /**
   * As {@link #field(AntennaPattern, double, double, double, double[])}, writing at an offset so
   * that the fields of many elements or paths can be packed in one array.
   *
   * @param pattern element pattern
   * @param slant slant angle ζ [rad]
   * @param theta zenith angle θ in the element's frame [rad]
   * @param phi azimuth angle φ in the element's frame [rad]
   * @param out receives (Re C_θ, Im C_θ, Re C_φ, Im C_φ) at {@code offset … offset + 3}
   * @param offset first index written
   */
  public static void field(
      AntennaPattern pattern, double slant, double theta, double phi, double[] out, int offset) {
    checkBuffer(out, offset, FIELD_SIZE, "field buffer");
    double c = verticalAmplitude(pattern, theta, phi);
    // Model 2 of TR 38.901 is a fixed rotation of the field vector by ζ about the radial
    // direction; all built-in patterns are real, so both imaginary parts are zero.
    out[offset] = c * Math.cos(slant);
    out[offset + 1] = 0.0;
    out[offset + 2] = c * Math.sin(slant);
    out[offset + 3] = 0.0;
  }

  /**
   * |cos(π/2·cos θ)/sin θ|, evaluated without the 0/0 at the poles.
   *
   * <p>cos(π/2·cos θ) = sin(π/2·(1 − |cos θ|)) and 1 − |cos θ| = sin²θ/(1 + |cos θ|), so the shape
   * is |sin(π/2·sin²θ/(1 + |cos θ|))/sin θ|, which tends to π/4·|sin θ| at the poles and is exactly
   * 0 there; the rewrite also avoids the cancellation in cos(π/2·cos θ) near θ = 0, π.
   */
  private static double halfWaveDipoleShape(double theta) {
    double s = Math.sin(theta);
    if (s == 0.0) {
      return 0.0;
    }
    double c = Math.abs(Math.cos(theta));
    return Math.abs(Math.sin(0.5 * Math.PI * s * s / (1.0 + c)) / s);
  }

  /** Linear gain 10^((A + G_E,max)/10) of the 3GPP element (TR 38.901 Table 7.3-1). */
  private static double tr38901Gain(double theta, double phi) {
    double thetaDeg = Math.toDegrees(theta);
    // Wrap φ to [−180°, 180°) as Sionna does; A_H is even in φ, so the side of the cut at ±180°
    // does not matter.
    double phiDeg = Math.toDegrees(phi);
    phiDeg -= 360.0 * Math.floor((phiDeg + 180.0) / 360.0);
    double v = (thetaDeg - 90.0) / TR38901_BEAMWIDTH_DEG;
    double h = phiDeg / TR38901_BEAMWIDTH_DEG;
    double av = -Math.min(12.0 * v * v, TR38901_ATTENUATION_LIMIT_DB);
    double ah = -Math.min(12.0 * h * h, TR38901_ATTENUATION_LIMIT_DB);
    double a = -Math.min(-(av + ah), TR38901_ATTENUATION_LIMIT_DB);
    return Math.pow(10.0, (a + TR38901_MAX_GAIN_DB) / 10.0);
  }

  static void checkBuffer(double[] buffer, int offset, int size, String what) {
    if (offset < 0 || buffer.length - offset < size) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          what,
          "needs " + size + " entries from index " + offset + ", has length " + buffer.length);
    }
  }
}
