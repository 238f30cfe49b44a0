package org.radiotwin.scene;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.BoundingBox;
import org.radiotwin.geometry.Transform;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.Vec3;

/**
 * An immutable radio scene: named objects (meshes with radio materials) in file order, the
 * transmitters and receivers, and the antenna arrays of each role (as Sionna RT's {@code
 * scene.tx_array} / {@code scene.rx_array}). Every editing method returns a new scene.
 *
 * <p>Materials are shared by name: two objects naming the same material must carry identical
 * parameters, and {@link #withMaterial} changes it on every object that uses it.
 */
public final class Scene {

  private final List<SceneObject> objects;
  private final Map<String, RadioMaterial> materials;
  private final List<Transmitter> transmitters;
  private final List<Receiver> receivers;
  private final PlanarArray txArray;
  private final PlanarArray rxArray;

  private Scene(
      List<SceneObject> objects,
      List<Transmitter> transmitters,
      List<Receiver> receivers,
      PlanarArray txArray,
      PlanarArray rxArray) {
    this.objects = List.copyOf(objects);
    Map<String, SceneObject> byName = new LinkedHashMap<>();
    Map<String, RadioMaterial> mats = new LinkedHashMap<>();
    for (SceneObject o : this.objects) {
      if (byName.put(o.name(), o) != null) {
        throw new RadioTwinException(RadioTwinMessages.DUPLICATE_NAME, "object", o.name());
      }
      RadioMaterial previous = mats.putIfAbsent(o.material().name(), o.material());
      if (previous != null && !previous.equals(o.material())) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "material '" + o.material().name() + "' of object '" + o.name() + "'",
            "differs from the material of the same name on another object");
      }
    }
    this.materials = Collections.unmodifiableMap(mats);
    this.transmitters = List.copyOf(transmitters);
    this.receivers = List.copyOf(receivers);
    checkUnique("transmitter", this.transmitters);
    checkUnique("receiver", this.receivers);
    this.txArray = Objects.requireNonNull(txArray, "txArray");
    this.rxArray = Objects.requireNonNull(rxArray, "rxArray");
  }

  private static void checkUnique(String role, List<? extends RadioDevice> devices) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (RadioDevice d : devices) {
      if (!seen.add(d.name())) {
        throw new RadioTwinException(RadioTwinMessages.DUPLICATE_NAME, role, d.name());
      }
    }
  }

  /**
   * A scene of objects, with no devices and isotropic V-polarised single-antenna arrays.
   *
   * @param objects objects in order (their order fixes the global triangle numbering)
   * @return the scene
   */
  public static Scene of(List<SceneObject> objects) {
    return new Scene(
        objects, List.of(), List.of(), PlanarArray.isotropic(), PlanarArray.isotropic());
  }

  /**
   * The empty scene.
   *
   * @return a scene without objects or devices
   */
  public static Scene empty() {
    return of(List.of());
  }

  /**
   * Objects in order.
   *
   * @return unmodifiable list
   */
  public List<SceneObject> objects() {
    return objects;
  }

  /**
   * An object by name.
   *
   * @param name object name
   * @return the object
   * @throws RadioTwinException if there is none of that name
   */
  public SceneObject object(String name) {
    return objects.get(indexOf(name));
  }

  private int indexOf(String name) {
    for (int i = 0; i < objects.size(); i++) {
      if (objects.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new RadioTwinException(RadioTwinMessages.UNKNOWN_OBJECT, name);
  }

  /**
   * The distinct materials, by name, in order of first use.
   *
   * @return unmodifiable map name → material
   */
  public Map<String, RadioMaterial> materials() {
    return materials;
  }

  /**
   * Transmitters.
   *
   * @return unmodifiable list
   */
  public List<Transmitter> transmitters() {
    return transmitters;
  }

  /**
   * Receivers.
   *
   * @return unmodifiable list
   */
  public List<Receiver> receivers() {
    return receivers;
  }

  /**
   * Array of every transmitter.
   *
   * @return the transmit array
   */
  public PlanarArray txArray() {
    return txArray;
  }

  /**
   * Array of every receiver.
   *
   * @return the receive array
   */
  public PlanarArray rxArray() {
    return rxArray;
  }

  /**
   * Total number of vertices.
   *
   * @return Σ over objects
   */
  public int vertexCount() {
    int n = 0;
    for (SceneObject o : objects) {
      n += o.mesh().vertexCount();
    }
    return n;
  }

  /**
   * Total number of triangles.
   *
   * @return Σ over objects
   */
  public int triangleCount() {
    int n = 0;
    for (SceneObject o : objects) {
      n += o.mesh().triangleCount();
    }
    return n;
  }

  /**
   * Every object's triangles in one mesh, in object order: triangle i of the result is the scene's
   * global triangle i (the numbering ray tracers report).
   *
   * @return the merged mesh
   */
  public TriangleMesh mergedMesh() {
    return TriangleMesh.concat(
        objects.stream().map(SceneObject::mesh).toArray(TriangleMesh[]::new));
  }

  /**
   * Bounding box over every vertex of every object.
   *
   * @return the box ({@link BoundingBox#EMPTY} for an empty scene)
   */
  public BoundingBox bounds() {
    BoundingBox b = BoundingBox.EMPTY;
    for (SceneObject o : objects) {
      b = b.union(o.mesh().bounds());
    }
    return b;
  }

  // ---------------------------------------------------------------- editing

  /**
   * Adds an object at the end.
   *
   * @param object new object (its name must be new)
   * @return the new scene
   */
  public Scene withObject(SceneObject object) {
    List<SceneObject> list = new ArrayList<>(objects);
    list.add(object);
    return new Scene(list, transmitters, receivers, txArray, rxArray);
  }

  /**
   * Removes an object.
   *
   * @param name object name
   * @return the new scene
   */
  public Scene withoutObject(String name) {
    List<SceneObject> list = new ArrayList<>(objects);
    list.remove(indexOf(name));
    return new Scene(list, transmitters, receivers, txArray, rxArray);
  }

  /**
   * Replaces one object by a function of it.
   *
   * @param name object name
   * @param edit the change
   * @return the new scene
   */
  public Scene withObjectEdited(String name, UnaryOperator<SceneObject> edit) {
    List<SceneObject> list = new ArrayList<>(objects);
    int i = indexOf(name);
    list.set(i, edit.apply(list.get(i)));
    return new Scene(list, transmitters, receivers, txArray, rxArray);
  }

  /**
   * Moves an object.
   *
   * @param name object name
   * @param offset translation [m]
   * @return the new scene
   */
  public Scene withObjectMoved(String name, Vec3 offset) {
    return withObjectEdited(name, o -> o.transformed(Transform.translation(offset)));
  }

  /**
   * Rotates an object about an axis through the centre of its bounding box.
   *
   * @param name object name
   * @param axis rotation axis
   * @param angle angle [rad], right-handed
   * @return the new scene
   */
  public Scene withObjectRotated(String name, Vec3 axis, double angle) {
    return withObjectEdited(
        name, o -> o.transformed(aboutCentre(o, Transform.rotation(axis, angle))));
  }

  /**
   * Scales an object about the centre of its bounding box.
   *
   * @param name object name
   * @param factors per-axis scale factors
   * @return the new scene
   */
  public Scene withObjectScaled(String name, Vec3 factors) {
    return withObjectEdited(name, o -> o.transformed(aboutCentre(o, Transform.scaling(factors))));
  }

  private static Transform aboutCentre(SceneObject o, Transform t) {
    Vec3 c = o.mesh().bounds().center();
    return Transform.translation(c.scale(-1)).then(t).then(Transform.translation(c));
  }

  /**
   * Gives one object another material (other objects keep theirs).
   *
   * @param name object name
   * @param material new material; if its name is already used, its parameters must match
   * @return the new scene
   */
  public Scene withObjectMaterial(String name, RadioMaterial material) {
    return withObjectEdited(name, o -> o.withMaterial(material));
  }

  /**
   * Replaces a material on every object that uses a material of the same name.
   *
   * @param material new parameters, matched by {@link RadioMaterial#name()}
   * @return the new scene
   * @throws RadioTwinException if no object uses a material of that name
   */
  public Scene withMaterial(RadioMaterial material) {
    if (!materials.containsKey(material.name())) {
      throw new RadioTwinException(
          RadioTwinMessages.UNKNOWN_MATERIAL,
          material.name(),
          String.join(", ", materials.keySet()));
    }
    List<SceneObject> list = new ArrayList<>(objects.size());
    for (SceneObject o : objects) {
      list.add(o.material().name().equals(material.name()) ? o.withMaterial(material) : o);
    }
    return new Scene(list, transmitters, receivers, txArray, rxArray);
  }

  /**
   * Adds a transmitter.
   *
   * @param tx transmitter with a new name
   * @return the new scene
   */
  public Scene withTransmitter(Transmitter tx) {
    List<Transmitter> list = new ArrayList<>(transmitters);
    list.add(tx);
    return new Scene(objects, list, receivers, txArray, rxArray);
  }

  /**
   * Adds a receiver.
   *
   * @param rx receiver with a new name
   * @return the new scene
   */
  public Scene withReceiver(Receiver rx) {
    List<Receiver> list = new ArrayList<>(receivers);
    list.add(rx);
    return new Scene(objects, transmitters, list, txArray, rxArray);
  }

  /**
   * Removes every transmitter and receiver.
   *
   * @return the new scene
   */
  public Scene withoutDevices() {
    return new Scene(objects, List.of(), List.of(), txArray, rxArray);
  }

  /**
   * Sets the arrays of both roles.
   *
   * @param tx transmit array
   * @param rx receive array
   * @return the new scene
   */
  public Scene withArrays(PlanarArray tx, PlanarArray rx) {
    return new Scene(objects, transmitters, receivers, tx, rx);
  }

  @Override
  public String toString() {
    return "Scene["
        + objects.size()
        + " objects, "
        + vertexCount()
        + " vertices, "
        + triangleCount()
        + " triangles, "
        + materials.size()
        + " materials]";
  }
}
