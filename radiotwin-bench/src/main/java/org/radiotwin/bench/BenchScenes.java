package org.radiotwin.bench;

import java.nio.file.Path;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;

/** Locates benchmark scenes: {@code builtin:NAME}, or a city under the repository's data folder. */
final class BenchScenes {

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
}
