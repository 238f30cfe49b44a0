package org.radiotwin.calibration.canyon;

import java.util.List;
import java.util.SplittableRandom;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

/**
 * The canyon benchmark of seed 000 Fig. 3 (Ruah et al., IEEE TMLCN 2024, arXiv:2312.12625;
 * METHODS.md §2): two parallel 5 m high walls, y = {@value #NORTH_WALL_Y} m and y = {@value
 * #SOUTH_WALL_Y} m, x ∈ [−14.2, 14.2] m, with a LoS-blocking wall x ∈ [−0.2, 0.2] m, y ∈ [−8, 4] m
 * between a transmitter at (−11.9917, 0, 1) m and receivers around (11.9917, 0, 1) m, so that
 * exactly two single-bounce paths connect them. The twin misplaces the south wall at y = {@value
 * #TWIN_SOUTH_WALL_Y} m (2 cm, 0.4λ at 6 GHz). One material "wall", a half-space (infinite
 * thickness): truth η_r = 5.31, σ = 0.0326·f_GHz^0.8095 S/m; the twin starts at η_r = 3, σ = 0.1
 * S/m.
 */
public final class CanyonScenario {

  /** Carrier frequency [Hz]. */
  public static final double CARRIER = 6e9;

  /** North wall plane [m]. */
  public static final double NORTH_WALL_Y = 4.9965;

  /** South wall plane in reality [m]. */
  public static final double SOUTH_WALL_Y = -8.99377;

  /** South wall plane in the twin [m]. */
  public static final double TWIN_SOUTH_WALL_Y = -9.01376;

  /** Material name shared by every wall. */
  public static final String MATERIAL = "wall";

  /** True relative permittivity. */
  public static final double TRUE_PERMITTIVITY = 5.31;

  /** Initial twin relative permittivity. */
  public static final double INITIAL_PERMITTIVITY = 3;

  /** Initial twin conductivity [S/m]. */
  public static final double INITIAL_CONDUCTIVITY = 0.1;

  private static final double[] TRANSMITTER = {-11.9917, 0, 1};

  private static final double[] RECEIVER = {11.9917, 0, 1};

  /** Half-width of the square receiver area around {@link #receiverCentre()} [m]. */
  public static final double AREA_HALF_WIDTH = 1;

  private CanyonScenario() {}

  /**
   * Transmitter position (−11.9917, 0, 1) m.
   *
   * @return x, y, z [m] (a copy)
   */
  public static double[] transmitter() {
    return TRANSMITTER.clone();
  }

  /**
   * Centre of the receiver area (11.9917, 0, 1) m.
   *
   * @return x, y, z [m] (a copy)
   */
  public static double[] receiverCentre() {
    return RECEIVER.clone();
  }

  /**
   * True conductivity at a frequency, σ = 0.0326·f_GHz^0.8095.
   *
   * @param frequency f [Hz]
   * @return σ [S/m]
   */
  public static double trueConductivity(double frequency) {
    return 0.0326 * Math.pow(frequency / 1e9, 0.8095);
  }

  /**
   * The true material at a frequency (custom materials are frequency-independent, so reality is
   * re-instantiated per sub-band).
   *
   * @param frequency f [Hz]
   * @return the material
   */
  public static RadioMaterial trueMaterial(double frequency) {
    return RadioMaterial.custom(
        MATERIAL, TRUE_PERMITTIVITY, trueConductivity(frequency), Double.POSITIVE_INFINITY);
  }

  /**
   * The twin's starting material.
   *
   * @return η_r = 3, σ = 0.1 S/m
   */
  public static RadioMaterial initialMaterial() {
    return RadioMaterial.custom(
        MATERIAL, INITIAL_PERMITTIVITY, INITIAL_CONDUCTIVITY, Double.POSITIVE_INFINITY);
  }

  /**
   * Reality (truth = true) or the twin (false), with the given material on every wall.
   *
   * @param truth whether to build the real scene
   * @param material the walls' material
   * @return the scene, without devices
   */
  public static Scene scene(boolean truth, RadioMaterial material) {
    double south = truth ? SOUTH_WALL_Y : TWIN_SOUTH_WALL_Y;
    return Scene.of(
        List.of(
            new SceneObject("north_wall", wall(NORTH_WALL_Y), material),
            new SceneObject("south_wall", wall(south), material),
            new SceneObject("blocker", box(-0.2, 0.2, -8, 4, 0, 5), material)));
  }

  /**
   * Path search settings: single-bounce specular paths (no LoS, which the blocker removes anyway,
   * no transmission), exhaustive over the few triangles.
   *
   * @return the settings
   */
  public static PathSolverConfig pathSettings() {
    return PathSolverConfig.defaults()
        .withMaxDepth(1)
        .withInteractions(true, true, false)
        .withMethod(PathSolverConfig.Method.EXHAUSTIVE);
  }

  /**
   * Receiver positions drawn uniformly in the square area around {@link #receiverCentre()}.
   *
   * @param count number of positions
   * @param random generator
   * @return packed x, y, z [m]
   */
  public static double[] receivers(int count, SplittableRandom random) {
    double[] out = new double[3 * count];
    for (int i = 0; i < count; i++) {
      out[3 * i] = RECEIVER[0] + AREA_HALF_WIDTH * (2 * random.nextDouble() - 1);
      out[3 * i + 1] = RECEIVER[1] + AREA_HALF_WIDTH * (2 * random.nextDouble() - 1);
      out[3 * i + 2] = RECEIVER[2];
    }
    return out;
  }

  /**
   * Wavelength at the carrier.
   *
   * @return λ [m]
   */
  public static double wavelength() {
    return PhysicalConstants.wavelength(CARRIER);
  }

  /** A 28.4 m × 5 m wall in the plane y = y0. */
  private static TriangleMesh wall(double y0) {
    double[] v = {-14.2, y0, 0, 14.2, y0, 0, 14.2, y0, 5, -14.2, y0, 5};
    return new TriangleMesh(v, new int[] {0, 1, 2, 0, 2, 3});
  }

  private static TriangleMesh box(
      double x0, double x1, double y0, double y1, double z0, double z1) {
    double[] v = {
      x0, y0, z0, x1, y0, z0, x1, y1, z0, x0, y1, z0, x0, y0, z1, x1, y0, z1, x1, y1, z1, x0, y1, z1
    };
    int[] f = {
      0, 2, 1, 0, 3, 2, 4, 5, 6, 4, 6, 7, 0, 1, 5, 0, 5, 4, 2, 3, 7, 2, 7, 6, 1, 2, 6, 1, 6, 5, 0,
      4, 7, 0, 7, 3
    };
    return new TriangleMesh(v, f);
  }
}
