package org.radiotwin.learn.task;

import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.ScenePerturbation;
import org.radiotwin.scene.io.SceneLoader;

/**
 * The default twin/reality pair of the learning studies: the twin is the street canyon without cars
 * and with every material itu_brick (the modeller's guess); reality is the street canyon with cars,
 * the true materials, and every object moved by Gaussian horizontal offsets.
 */
public final class TwinScenes {

  /** The twin's scene. */
  public static final String TWIN = "builtin:simple_street_canyon";

  /** Reality's scene. */
  public static final String REALITY = "builtin:simple_street_canyon_with_cars";

  private TwinScenes() {}

  /**
   * Gives every material of a scene one ITU type, keeping names and thicknesses.
   *
   * @param scene scene
   * @param type ITU type
   * @return the edited scene
   */
  public static Scene allMaterials(Scene scene, ItuMaterialType type) {
    Scene s = scene;
    for (RadioMaterial m : scene.materials().values()) {
      s = s.withMaterial(RadioMaterial.itu(m.name(), type, m.thickness()));
    }
    return s;
  }

  /**
   * The default twin: {@value #TWIN} with every material itu_brick.
   *
   * @return the twin scene
   */
  public static Scene defaultTwin() {
    return allMaterials(SceneLoader.load(TWIN), ItuMaterialType.BRICK);
  }

  /**
   * The default reality: {@value #REALITY} with every object jittered.
   *
   * @param jitter standard deviation of the horizontal offsets [m], ≥ 0
   * @param seed seed of the offsets
   * @return the reality scene
   */
  public static Scene defaultReality(double jitter, long seed) {
    return ScenePerturbation.jitterPositions(SceneLoader.load(REALITY), jitter, seed);
  }
}
