package org.radiotwin.antenna;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;

/**
 * Geometry of planar antenna arrays in the global frame and the element phases of Sionna RT's
 * synthetic arrays.
 *
 * <p>A synthetic array is traced once, from its centre; element k, at global offset d_k from the
 * centre, then sees the same path with the extra phase (METHODS.md §1; Sionna's {@code
 * synthetic_array=True})
 *
 * <pre>
 *   phase_k = (2π/λ)·k̂ᵀd_k,   array response a_k = exp(+j·phase_k),
 * </pre>
 *
 * <p>where k̂ is the unit direction that leaves the array along the path: the direction of
 * departure for a transmitter, and for a receiver the direction of arrival pointing from the
 * receiver towards where the wave comes from. Either way element k is k̂ᵀd_k closer to the far end
 * of the path than the centre, so its path is shorter by k̂ᵀd_k and, with the propagation factor
 * exp(−j2πL/λ), its coefficient gains exp(+j·phase_k). A path's coefficient for the pair (transmit
 * element k, receive element l) is the centre coefficient times exp(j(phase_k^tx + phase_l^rx)).
 *
 * <p>Element order is {@link PlanarArray#elementPositions}'s (Sionna's): row-major over positions,
 * then polarisation, so the two elements of a dual-polarised position share an offset.
 */
public final class ArrayGeometry {

  private ArrayGeometry() {}

  /**
   * Global offsets d_k = R·p_k of the elements from the array centre, with p_k the local positions
   * of {@link PlanarArray#elementPositions} and R the orientation's rotation. Allocates the result:
   * call it once per device, not per path.
   *
   * @param array the array
   * @param orientation orientation of the device
   * @param wavelength wavelength [m], finite and &gt; 0
   * @return packed (x, y, z) per element [m], 3·{@link PlanarArray#elementCount()} entries
   */
  public static double[] globalElementOffsets(
      PlanarArray array, Orientation orientation, double wavelength) {
    return globalElementOffsets(array, orientation.rotationMatrix(), wavelength);
  }

  /**
   * As {@link #globalElementOffsets(PlanarArray, Orientation, double)} with a precomputed rotation.
   *
   * @param array the array
   * @param rotation R, 9 entries row-major (local to global)
   * @param wavelength wavelength [m], finite and &gt; 0
   * @return packed (x, y, z) per element [m]
   */
  public static double[] globalElementOffsets(
      PlanarArray array, double[] rotation, double wavelength) {
    if (!(wavelength > 0) || !Double.isFinite(wavelength)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "wavelength " + wavelength + " m",
          "must be finite and positive");
    }
    AntennaFieldPattern.checkBuffer(rotation, 0, AntennaFrames.ROTATION_SIZE, "rotation matrix");
    double[] p = array.elementPositions(wavelength);
    double[] r = rotation;
    for (int i = 0; i < p.length; i += 3) {
      double x = p[i];
      double y = p[i + 1];
      double z = p[i + 2];
      p[i] = r[0] * x + r[1] * y + r[2] * z;
      p[i + 1] = r[3] * x + r[4] * y + r[5] * z;
      p[i + 2] = r[6] * x + r[7] * y + r[8] * z;
    }
    return p;
  }

  /**
   * Synthetic-array phase of one element, (2π/λ)·k̂ᵀd_k.
   *
   * @param offsets packed global element offsets [m] (from {@link #globalElementOffsets})
   * @param element element index k
   * @param wavelength wavelength [m]
   * @param kx unit direction leaving the array (see the class comment), x
   * @param ky unit direction leaving the array, y
   * @param kz unit direction leaving the array, z
   * @return phase_k [rad], not wrapped
   */
  public static double syntheticPhase(
      double[] offsets, int element, double wavelength, double kx, double ky, double kz) {
    AntennaFieldPattern.checkBuffer(offsets, 3 * element, 3, "element offsets");
    int i = 3 * element;
    return 2.0
        * Math.PI
        / wavelength
        * (kx * offsets[i] + ky * offsets[i + 1] + kz * offsets[i + 2]);
  }

  /**
   * Synthetic-array phases of all elements, phase_k = (2π/λ)·k̂ᵀd_k.
   *
   * @param offsets packed global element offsets [m], 3·n entries
   * @param wavelength wavelength [m]
   * @param kx unit direction leaving the array (see the class comment), x
   * @param ky unit direction leaving the array, y
   * @param kz unit direction leaving the array, z
   * @param phases receives phase_k [rad] at index k, n entries at least
   */
  public static void syntheticPhases(
      double[] offsets, double wavelength, double kx, double ky, double kz, double[] phases) {
    int n = elementCount(offsets);
    AntennaFieldPattern.checkBuffer(phases, 0, n, "phase buffer");
    double k0 = 2.0 * Math.PI / wavelength;
    for (int e = 0, i = 0; e < n; e++, i += 3) {
      phases[e] = k0 * (kx * offsets[i] + ky * offsets[i + 1] + kz * offsets[i + 2]);
    }
  }

  /**
   * Array response a_k = exp(j·phase_k) of all elements to a plane wave along k̂.
   *
   * @param offsets packed global element offsets [m], 3·n entries
   * @param wavelength wavelength [m]
   * @param kx unit direction leaving the array (see the class comment), x
   * @param ky unit direction leaving the array, y
   * @param kz unit direction leaving the array, z
   * @param response receives (Re a_k, Im a_k) at indices 2k, 2k + 1; 2·n entries at least
   */
  public static void arrayResponse(
      double[] offsets, double wavelength, double kx, double ky, double kz, double[] response) {
    int n = elementCount(offsets);
    AntennaFieldPattern.checkBuffer(response, 0, 2 * n, "array response buffer");
    double k0 = 2.0 * Math.PI / wavelength;
    for (int e = 0, i = 0; e < n; e++, i += 3) {
      double phase = k0 * (kx * offsets[i] + ky * offsets[i + 1] + kz * offsets[i + 2]);
      response[2 * e] = Math.cos(phase);
      response[2 * e + 1] = Math.sin(phase);
    }
  }

  private static int elementCount(double[] offsets) {
    if (offsets.length % 3 != 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "element offsets",
          "length " + offsets.length + " is not a multiple of 3");
    }
    return offsets.length / 3;
  }
}
