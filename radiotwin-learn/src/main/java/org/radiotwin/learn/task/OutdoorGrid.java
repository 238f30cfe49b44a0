package org.radiotwin.learn.task;

import java.util.Arrays;
import org.radiotwin.geometry.Bvh;
import org.radiotwin.geometry.RayQuery;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;

/**
 * User positions at the centres of a grid's cells that are open to the sky in every given scene: a
 * vertical ray from the position upwards hits nothing, which excludes points inside buildings,
 * under roofs and inside cars.
 *
 * @param grid the grid (its height is the UE height)
 * @param cells cell index (j·nx + i) of each kept position
 * @param positions kept positions, packed (x, y, z) [m]
 */
public record OutdoorGrid(RadioMapGrid grid, int[] cells, double[] positions) {

  /**
   * Keeps the open cells.
   *
   * @param grid candidate cells
   * @param scenes scenes a position must be open in
   * @return the positions
   */
  public static OutdoorGrid of(RadioMapGrid grid, Scene... scenes) {
    Bvh[] bvhs = new Bvh[scenes.length];
    for (int s = 0; s < scenes.length; s++) {
      bvhs[s] = SceneGeometry.of(scenes[s]).bvh();
    }
    double[] centres = grid.cellCentres();
    int n = centres.length / 3;
    int[] cells = new int[n];
    double[] pos = new double[3 * n];
    RayQuery q = new RayQuery();
    int kept = 0;
    for (int c = 0; c < n; c++) {
      boolean open = true;
      for (Bvh b : bvhs) {
        open &=
            !b.occluded(
                centres[3 * c],
                centres[3 * c + 1],
                centres[3 * c + 2],
                0,
                0,
                1,
                0,
                Double.POSITIVE_INFINITY,
                q);
      }
      if (open) {
        cells[kept] = c;
        System.arraycopy(centres, 3 * c, pos, 3 * kept, 3);
        kept++;
      }
    }
    return new OutdoorGrid(grid, Arrays.copyOf(cells, kept), Arrays.copyOf(pos, 3 * kept));
  }

  /**
   * Number of positions.
   *
   * @return P
   */
  public int size() {
    return cells.length;
  }

  /**
   * Spreads per-position values over the grid's cells.
   *
   * @param values one value per position
   * @return one value per cell, NaN where no position lies
   */
  public double[] toCells(double[] values) {
    double[] out = new double[grid.cellCount()];
    Arrays.fill(out, Double.NaN);
    for (int k = 0; k < cells.length; k++) {
      out[cells[k]] = values[k];
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutdoorGrid g
        && grid.equals(g.grid)
        && Arrays.equals(cells, g.cells)
        && Arrays.equals(positions, g.positions);
  }

  @Override
  public int hashCode() {
    return grid.hashCode() * 31 + Arrays.hashCode(cells);
  }

  @Override
  public String toString() {
    return "OutdoorGrid[" + cells.length + " of " + grid.cellCount() + " cells]";
  }
}
