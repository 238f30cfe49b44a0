package org.radiotwin.scene;

import java.util.Objects;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.Transform;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.RadioMaterial;

/**
 * A named object of a scene: a triangle mesh in the scene's (world) frame and its radio material.
 * The pose is baked into the mesh; {@link #transformed} moves it.
 *
 * @param name object name, unique in a scene (Sionna names it after the shape id without a leading
 *     {@code mesh-})
 * @param mesh geometry in world coordinates [m]
 * @param material radio material of every triangle of the object
 */
public record SceneObject(String name, TriangleMesh mesh, RadioMaterial material) {

  /** Validates the parts. */
  public SceneObject {
    if (name == null || name.isBlank()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "object name", "must not be empty");
    }
    Objects.requireNonNull(mesh, "mesh");
    Objects.requireNonNull(material, "material");
  }

  /**
   * The object moved by a transform.
   *
   * @param transform world-frame transform
   * @return the moved object
   */
  public SceneObject transformed(Transform transform) {
    return new SceneObject(name, mesh.transformed(transform), material);
  }

  /**
   * The object with another material.
   *
   * @param newMaterial material
   * @return a copy
   */
  public SceneObject withMaterial(RadioMaterial newMaterial) {
    return new SceneObject(name, mesh, newMaterial);
  }
}
