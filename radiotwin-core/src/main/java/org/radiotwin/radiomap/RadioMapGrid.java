package org.radiotwin.radiomap;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.BoundingBox;

/**
 * A rectangular grid of square cells in a horizontal plane: centre, size, cell size, height and a
 * rotation about the vertical axis. Cell (i, j), i along the grid's x axis and j along its y axis,
 * has its centre at c + R(yaw)·((i + ½)s − w/2, (j + ½)s − h/2).
 *
 * @param centerX centre x [m]
 * @param centerY centre y [m]
 * @param width extent along the grid's x axis [m]
 * @param height extent along the grid's y axis [m]
 * @param cellSize edge of a cell [m]
 * @param z height of the plane [m]
 * @param yaw rotation of the grid about z [rad]
 */
public record RadioMapGrid(
    double centerX,
    double centerY,
    double width,
    double height,
    double cellSize,
    double z,
    double yaw) {

  /** Validates the grid. */
  public RadioMapGrid {
    for (double v : new double[] {centerX, centerY, z, yaw}) {
      if (!Double.isFinite(v)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "radio map grid parameter", v);
      }
    }
    if (!(width > 0) || !(height > 0) || !(cellSize > 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "radio map grid",
          "size and cell size must be positive");
    }
    if ((double) Math.ceil(width / cellSize) * Math.ceil(height / cellSize) > 50_000_000) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "radio map grid",
          "more than 50 million cells; use a larger cell size");
    }
  }

  /**
   * A grid covering a box's horizontal extent, axis-aligned.
   *
   * @param box area to cover
   * @param cellSize cell edge [m]
   * @param z plane height [m]
   * @return the grid
   */
  public static RadioMapGrid covering(BoundingBox box, double cellSize, double z) {
    return new RadioMapGrid(
        box.center().x(), box.center().y(), box.size().x(), box.size().y(), cellSize, z, 0);
  }

  /**
   * Cells along x.
   *
   * @return nx
   */
  public int nx() {
    return (int) Math.ceil(width / cellSize - 1e-9);
  }

  /**
   * Cells along y.
   *
   * @return ny
   */
  public int ny() {
    return (int) Math.ceil(height / cellSize - 1e-9);
  }

  /**
   * Number of cells.
   *
   * @return nx·ny
   */
  public int cellCount() {
    return nx() * ny();
  }

  /**
   * Area of a cell.
   *
   * @return s² [m²]
   */
  public double cellArea() {
    return cellSize * cellSize;
  }

  /**
   * Centre of a cell, x.
   *
   * @param i column
   * @param j row
   * @return x [m]
   */
  public double cellX(int i, int j) {
    double u = (i + 0.5) * cellSize - width / 2;
    double v = (j + 0.5) * cellSize - height / 2;
    return centerX + Math.cos(yaw) * u - Math.sin(yaw) * v;
  }

  /**
   * Centre of a cell, y.
   *
   * @param i column
   * @param j row
   * @return y [m]
   */
  public double cellY(int i, int j) {
    double u = (i + 0.5) * cellSize - width / 2;
    double v = (j + 0.5) * cellSize - height / 2;
    return centerY + Math.sin(yaw) * u + Math.cos(yaw) * v;
  }

  /**
   * The cell containing a point of the plane.
   *
   * @param x x [m]
   * @param y y [m]
   * @return cell index j·nx + i, or −1 outside the grid
   */
  public int cellAt(double x, double y) {
    double dx = x - centerX;
    double dy = y - centerY;
    double u = Math.cos(yaw) * dx + Math.sin(yaw) * dy + width / 2;
    double v = -Math.sin(yaw) * dx + Math.cos(yaw) * dy + height / 2;
    int i = (int) Math.floor(u / cellSize);
    int j = (int) Math.floor(v / cellSize);
    if (u < 0 || v < 0 || i >= nx() || j >= ny()) {
      return -1;
    }
    return j * nx() + i;
  }

  /**
   * Packed centres of every cell at the plane height, in cell order (j·nx + i).
   *
   * @return 3 doubles per cell [m]
   */
  public double[] cellCentres() {
    int nx = nx();
    int ny = ny();
    double[] p = new double[3 * nx * ny];
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        int c = j * nx + i;
        p[3 * c] = cellX(i, j);
        p[3 * c + 1] = cellY(i, j);
        p[3 * c + 2] = z;
      }
    }
    return p;
  }
}
