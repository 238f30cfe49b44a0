package org.radiotwin.learn.task;

import org.radiotwin.antenna.ArrayGeometry;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Polarization;

/**
 * A uniform planar array at the base station (local y–z plane, boresight +x, as {@link
 * PlanarArray}) and its codebook of steering vectors on a grid uniform in cos θ and sin φ (seed 000
 * Fig. 5b; METHODS.md §4):
 *
 * <pre>
 *   cos θ_r = −1 + (2r + 1)/N_z,  r &lt; N_z;   sin φ_c = −1 + (2c + 1)/N_y,  c &lt; N_y;
 *   k̂ = (sin θ cos φ, sin θ sin φ, cos θ),   w_{r,c} = a(k̂)/√N,   a_k(k̂) = exp(j(2π/λ)k̂ᵀd_k),
 * </pre>
 *
 * <p>with d_k the element offsets, so that beam b has gain |w_bᴴh|² on the channel vector h (h_k =
 * Σ_p c_p exp(j(2π/λ)k̂_pᵀd_k), the synthetic-array channel of {@link ArrayGeometry}). Beam index b
 * = r·N_y + c.
 */
public final class BeamCodebook {

  private final int rows;
  private final int cols;
  private final double wavelength;
  private final double[] offsets;
  private final double[] weights;

  /**
   * A codebook.
   *
   * @param rows N_z, elements along z ≥ 1
   * @param cols N_y, elements along y ≥ 1
   * @param spacing element spacing in both directions [wavelengths], &gt; 0
   * @param wavelength λ [m], &gt; 0
   */
  public BeamCodebook(int rows, int cols, double spacing, double wavelength) {
    if (rows * cols < 2) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "beam codebook array", "needs at least 2 elements");
    }
    this.rows = rows;
    this.cols = cols;
    this.wavelength = wavelength;
    PlanarArray array =
        new PlanarArray(rows, cols, spacing, spacing, AntennaPattern.ISO, Polarization.V);
    this.offsets = ArrayGeometry.globalElementOffsets(array, Orientation.IDENTITY, wavelength);
    int n = rows * cols;
    this.weights = new double[2 * n * n];
    double norm = 1 / Math.sqrt(n);
    double[] resp = new double[2 * n];
    for (int r = 0; r < rows; r++) {
      double cosTheta = -1 + (2.0 * r + 1) / rows;
      double sinTheta = Math.sqrt(1 - cosTheta * cosTheta);
      for (int c = 0; c < cols; c++) {
        double sinPhi = -1 + (2.0 * c + 1) / cols;
        double cosPhi = Math.sqrt(1 - sinPhi * sinPhi);
        ArrayGeometry.arrayResponse(
            offsets, wavelength, sinTheta * cosPhi, sinTheta * sinPhi, cosTheta, resp);
        int b = r * cols + c;
        for (int k = 0; k < 2 * n; k++) {
          weights[2 * n * b + k] = norm * resp[k];
        }
      }
    }
  }

  /**
   * Number of elements N = N_z·N_y, also the number of beams.
   *
   * @return N
   */
  public int size() {
    return rows * cols;
  }

  /**
   * N_z.
   *
   * @return rows
   */
  public int rows() {
    return rows;
  }

  /**
   * N_y.
   *
   * @return columns
   */
  public int cols() {
    return cols;
  }

  /**
   * Wavelength the codebook was built for.
   *
   * @return λ [m]
   */
  public double wavelength() {
    return wavelength;
  }

  /**
   * Element offsets from the array centre.
   *
   * @return packed (x, y, z) per element [m] (a copy)
   */
  public double[] elementOffsets() {
    return offsets.clone();
  }

  /**
   * Beamforming gains |w_bᴴh|² of every beam.
   *
   * @param h channel vector, (Re, Im) of each element interleaved, 2N values
   * @param gains receives N values
   */
  public void gains(double[] h, double[] gains) {
    int n = size();
    for (int b = 0; b < n; b++) {
      int w0 = 2 * n * b;
      double re = 0;
      double im = 0;
      for (int k = 0; k < n; k++) {
        double wr = weights[w0 + 2 * k];
        double wi = weights[w0 + 2 * k + 1];
        double hr = h[2 * k];
        double hi = h[2 * k + 1];
        // conj(w)·h
        re += wr * hr + wi * hi;
        im += wr * hi - wi * hr;
      }
      gains[b] = re * re + im * im;
    }
  }
}
