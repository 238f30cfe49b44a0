package org.radiotwin.bench;

import java.nio.file.Path;
import org.radiotwin.math.Vec3;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.radiomap.RadioMapSolver;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.Transmitter;
import org.radiotwin.scene.io.SceneLoader;

/** Locates benchmark scenes: {@code builtin:NAME}, or a city under the repository's data folder. */
final class BenchScenes {

  /** Munich's transmitter in the radio-map benchmarks, in an open square [m]. */
  static final Vec3 MUNICH_TX = new Vec3(-200, 100, 25);

  private BenchScenes() {}

  /**
   * Loads a scene by short name.
   *
   * @param name a built-in name or etoile, munich, florence
   * @return the scene
   */
  static Scene load(String name) {
    if (name.equals("etoile") || name.equals("munich") || name.equals("florence")) {
      Path root = Path.of(System.getProperty("radiotwin.data", "data/scenes"));
      return SceneLoader.load(root.resolve(name).resolve(name + ".xml").toString());
    }
    return SceneLoader.load(SceneLoader.BUILTIN_PREFIX + name);
  }

  /**
   * Adds the benchmark's single transmitter "tx" to a scene.
   *
   * @param scene the scene
   * @param position transmitter position [m]
   * @return the scene with the transmitter
   */
  static Scene withTransmitter(Scene scene, Vec3 position) {
    return scene.withTransmitter(Transmitter.at("tx", position));
  }

  /**
   * The radio-map benchmarks' grid: 2 m cells at 1.5 m height over the whole scene.
   *
   * @param scene the scene
   * @return the grid
   */
  static RadioMapGrid radioMapGrid(Scene scene) {
    return RadioMapGrid.covering(scene.bounds(), 2, 1.5);
  }

  /**
   * The radio-map benchmarks' solver settings: the defaults at 3.5 GHz (depth 3, 10⁶ ray tubes).
   *
   * @return the settings
   */
  static RadioMapSolver.Settings radioMapSettings() {
    return RadioMapSolver.Settings.defaults(3.5e9);
  }
}
