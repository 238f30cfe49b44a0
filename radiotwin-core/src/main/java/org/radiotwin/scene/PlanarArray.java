package org.radiotwin.scene;

import java.util.Objects;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A uniform planar antenna array in the local y–z plane (boresight +x), as Sionna RT's {@code
 * PlanarArray}: {@code rows} along z, {@code cols} along y, spacings in wavelengths, centred on the
 * device position.
 *
 * @param rows number of rows (along z), ≥ 1
 * @param cols number of columns (along y), ≥ 1
 * @param verticalSpacing row spacing [wavelengths], &gt; 0
 * @param horizontalSpacing column spacing [wavelengths], &gt; 0
 * @param pattern element pattern
 * @param polarization polarisation (dual ones double the element count)
 */
public record PlanarArray(
    int rows,
    int cols,
    double verticalSpacing,
    double horizontalSpacing,
    AntennaPattern pattern,
    Polarization polarization) {

  /** Validates the layout. */
  public PlanarArray {
    if (rows < 1 || cols < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "array size", rows + "×" + cols + " must be ≥ 1×1");
    }
    if (!(verticalSpacing > 0) || !(horizontalSpacing > 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "array spacing", "must be positive");
    }
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(polarization, "polarization");
  }

  /**
   * A single isotropic, vertically polarised antenna.
   *
   * @return the 1×1 iso V array
   */
  public static PlanarArray isotropic() {
    return single(AntennaPattern.ISO, Polarization.V);
  }

  /**
   * A single element.
   *
   * @param pattern pattern
   * @param polarization polarisation
   * @return a 1×1 array with half-wavelength spacing
   */
  public static PlanarArray single(AntennaPattern pattern, Polarization polarization) {
    return new PlanarArray(1, 1, 0.5, 0.5, pattern, polarization);
  }

  /**
   * Number of antenna elements, polarisations included.
   *
   * @return rows·cols·(1 or 2)
   */
  public int elementCount() {
    return rows * cols * polarization.elementsPerPosition();
  }

  /**
   * Element positions in the array's local frame, in Sionna's order (row-major over positions, then
   * polarisation).
   *
   * @param wavelength wavelength [m]
   * @return packed (x, y, z) per element [m]; x is always 0
   */
  public double[] elementPositions(double wavelength) {
    int p = polarization.elementsPerPosition();
    double[] out = new double[3 * elementCount()];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double y = (c - (cols - 1) / 2.0) * horizontalSpacing * wavelength;
        double z = -(r - (rows - 1) / 2.0) * verticalSpacing * wavelength;
        for (int q = 0; q < p; q++) {
          out[3 * k + 1] = y;
          out[3 * k + 2] = z;
          k++;
        }
      }
    }
    return out;
  }
}
