package org.radiotwin.learn.task;

import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.BoundingBox;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.math.Vec3;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;

/**
 * A twin scene and a reality scene traced from the same base station to the same outdoor UE grid:
 * the twin's channels give the synthetic labels, reality's the real ones. Positions where either
 * scene has no path are left out of {@link #usable()}.
 *
 * @param grid UE positions
 * @param twin twin channels
 * @param reality reality channels
 * @param usable indices of the positions with paths in both scenes
 * @param settings how the site was traced
 */
public record TwinRealitySite(
    OutdoorGrid grid, SiteSurvey twin, SiteSurvey reality, int[] usable, Settings settings) {

  /**
   * Site settings.
   *
   * @param basePosition base-station array centre [m]
   * @param frequency carrier frequency [Hz]
   * @param cellSize UE grid spacing [m]
   * @param ueHeight UE height [m]
   * @param margin distance kept from the edge of the twin's horizontal extent [m]
   * @param arrayRows N_z of the base-station UPA (half-wavelength spacing)
   * @param arrayCols N_y of the base-station UPA
   * @param solver path solver settings
   */
  public record Settings(
      Vec3 basePosition,
      double frequency,
      double cellSize,
      double ueHeight,
      double margin,
      int arrayRows,
      int arrayCols,
      PathSolverConfig solver) {

    /** Validates the settings. */
    public Settings {
      if (!(frequency > 0) || !(cellSize > 0) || !(margin >= 0) || !Double.isFinite(ueHeight)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "site settings",
            "frequency and cell size must be positive, margin ≥ 0, UE height finite");
      }
    }

    /**
     * Defaults for the street canyon: base station in the main street at (−45, 0, 12) m with a 10 ×
     * 16 UPA facing +x, 28 GHz, 4 m grid at 1.5 m, depth-3 paths from 10⁶ rays without transmission
     * through walls.
     *
     * @return the settings
     */
    public static Settings defaults() {
      return new Settings(
          new Vec3(-45, 0, 12),
          28e9,
          4,
          1.5,
          2,
          10,
          16,
          PathSolverConfig.defaults()
              .withInteractions(true, true, false)
              .withMaxDepth(3)
              .withSamples(1_000_000, 42));
    }

    /**
     * The same settings with another grid spacing.
     *
     * @param size cell size [m]
     * @return a copy
     */
    public Settings withCellSize(double size) {
      return new Settings(
          basePosition, frequency, size, ueHeight, margin, arrayRows, arrayCols, solver);
    }

    /**
     * The same settings with another array.
     *
     * @param rows N_z
     * @param cols N_y
     * @return a copy
     */
    public Settings withArray(int rows, int cols) {
      return new Settings(basePosition, frequency, cellSize, ueHeight, margin, rows, cols, solver);
    }

    /**
     * The same settings with another path solver.
     *
     * @param config solver settings
     * @return a copy
     */
    public Settings withSolver(PathSolverConfig config) {
      return new Settings(
          basePosition, frequency, cellSize, ueHeight, margin, arrayRows, arrayCols, config);
    }
  }

  /**
   * Traces both scenes.
   *
   * @param twinScene twin
   * @param realityScene reality
   * @param settings settings
   * @param pool pool; the result is identical for any pool
   * @param progress receives the fraction done in [0, 1]
   * @return the site
   */
  public static TwinRealitySite survey(
      Scene twinScene,
      Scene realityScene,
      Settings settings,
      ForkJoinPool pool,
      DoubleConsumer progress) {
    BoundingBox b = twinScene.bounds();
    double w = b.size().x() - 2 * settings.margin();
    double h = b.size().y() - 2 * settings.margin();
    if (!(w > settings.cellSize()) || !(h > settings.cellSize())) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "UE grid",
          "the twin's extent less the margin holds no cell of " + settings.cellSize() + " m");
    }
    RadioMapGrid rg =
        new RadioMapGrid(
            b.center().x(), b.center().y(), w, h, settings.cellSize(), settings.ueHeight(), 0);
    OutdoorGrid grid = OutdoorGrid.of(rg, twinScene, realityScene);
    BeamCodebook codebook =
        new BeamCodebook(
            settings.arrayRows(),
            settings.arrayCols(),
            0.5,
            PhysicalConstants.wavelength(settings.frequency()));
    SiteSurvey twin =
        SiteSurvey.trace(
            twinScene,
            settings.basePosition(),
            grid.positions(),
            codebook,
            settings.frequency(),
            settings.solver(),
            pool,
            f -> progress.accept(0.5 * f));
    SiteSurvey reality =
        SiteSurvey.trace(
            realityScene,
            settings.basePosition(),
            grid.positions(),
            codebook,
            settings.frequency(),
            settings.solver(),
            pool,
            f -> progress.accept(0.5 + 0.5 * f));
    int[] usable =
        java.util.stream.IntStream.range(0, grid.size())
            .filter(i -> twin.pathCounts()[i] > 0 && reality.pathCounts()[i] > 0)
            .toArray();
    if (usable.length < 10) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "UE grid",
          "only " + usable.length + " positions have paths in both scenes; need at least 10");
    }
    return new TwinRealitySite(grid, twin, reality, usable, settings);
  }

  /**
   * Number of input features {@link #features} writes.
   *
   * @param geometric whether the direction features are included
   * @param withLos whether the LoS feature is included
   * @return 2, 3, 4 or 5
   */
  public static int featureCount(boolean geometric, boolean withLos) {
    return 2 + (geometric ? 2 : 0) + (withLos ? 1 : 0);
  }

  /**
   * Input features of a position, all functions of the position known without measuring: (x, y)
   * scaled to [−1, 1] over the grid; optionally the direction from the base station to the UE in
   * the codebook's coordinates (cos θ, sin φ), which the line-of-sight beam is a simple function
   * of; optionally ±1 for the twin's LoS flag.
   *
   * @param position position index (into the grid)
   * @param geometric whether to append (cos θ, sin φ)
   * @param withLos whether to append the LoS feature
   * @param out receives {@link #featureCount} values from {@code offset}
   * @param offset first index
   */
  public void features(int position, boolean geometric, boolean withLos, double[] out, int offset) {
    RadioMapGrid g = grid.grid();
    double[] p = grid.positions();
    double x = p[3 * position];
    double y = p[3 * position + 1];
    double z = p[3 * position + 2];
    int k = offset;
    out[k++] = (x - g.centerX()) / (g.width() / 2);
    out[k++] = (y - g.centerY()) / (g.height() / 2);
    if (geometric) {
      Vec3 b = settings.basePosition();
      double dx = x - b.x();
      double dy = y - b.y();
      double dz = z - b.z();
      double r = Math.sqrt(dx * dx + dy * dy + dz * dz);
      double rho = Math.hypot(dx, dy);
      out[k++] = r > 0 ? dz / r : 0;
      out[k++] = rho > 0 ? dy / rho : 0;
    }
    if (withLos) {
      out[k] = twin.los()[position] ? 1 : -1;
    }
  }
}
