package org.radiotwin.rt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.Bvh;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

/**
 * A scene flattened for tracing: every triangle numbered globally in object order (the scene file's
 * order), its vertices, unit normal, object and material, and a BVH over all of them. Built once
 * per scene geometry; material values are not used here, only which material each triangle has, so
 * calibrating materials never needs a new SceneGeometry.
 */
public final class SceneGeometry {

  private final Scene scene;
  private final double[] vertices;
  private final int[] indices;
  private final double[] normals;
  private final int[] triangleObject;
  private final int[] triangleLocal;
  private final int[] triangleMaterial;
  private final List<String> materialNames;
  private final Bvh bvh;
  private volatile WedgeEdges wedges;

  private SceneGeometry(Scene scene) {
    this.scene = scene;
    TriangleMesh all = scene.mergedMesh();
    vertices = all.copyVertices();
    indices = all.copyIndices();
    normals = all.copyNormals();
    int nt = all.triangleCount();
    triangleObject = new int[nt];
    triangleLocal = new int[nt];
    triangleMaterial = new int[nt];
    Map<String, Integer> materialIndex = new LinkedHashMap<>();
    List<SceneObject> objects = scene.objects();
    int to = 0;
    for (int oi = 0; oi < objects.size(); oi++) {
      SceneObject o = objects.get(oi);
      int mat = materialIndex.computeIfAbsent(o.material().name(), k -> materialIndex.size());
      int count = o.mesh().triangleCount();
      for (int t = 0; t < count; t++) {
        triangleObject[to + t] = oi;
        triangleLocal[to + t] = t;
        triangleMaterial[to + t] = mat;
      }
      to += count;
    }
    materialNames = List.copyOf(new ArrayList<>(materialIndex.keySet()));
    bvh = Bvh.build(vertices, indices);
  }

  /**
   * Flattens a scene and builds its BVH.
   *
   * @param scene the scene
   * @return the geometry
   */
  public static SceneGeometry of(Scene scene) {
    return new SceneGeometry(scene);
  }

  /**
   * The scene this geometry was built from.
   *
   * @return the scene
   */
  public Scene scene() {
    return scene;
  }

  /**
   * The BVH over all triangles.
   *
   * @return the BVH
   */
  public Bvh bvh() {
    return bvh;
  }

  /**
   * The diffracting edges of the scene ({@link WedgeEdges#of(SceneGeometry)}), extracted on first
   * use and kept, so path solving and field evaluation number the edges the same way.
   *
   * @return the edges
   */
  public WedgeEdges wedges() {
    WedgeEdges w = wedges;
    if (w == null) {
      synchronized (this) {
        w = wedges;
        if (w == null) {
          w = WedgeEdges.of(this);
          wedges = w;
        }
      }
    }
    return w;
  }

  /**
   * Number of triangles.
   *
   * @return T
   */
  public int triangleCount() {
    return triangleObject.length;
  }

  /**
   * Object index (in {@link Scene#objects()}) of a triangle.
   *
   * @param triangle global triangle index
   * @return object index
   */
  public int objectOf(int triangle) {
    return triangleObject[triangle];
  }

  /**
   * Index of a triangle within its object's mesh.
   *
   * @param triangle global triangle index
   * @return local primitive index
   */
  public int localIndexOf(int triangle) {
    return triangleLocal[triangle];
  }

  /**
   * Material index (in {@link #materialNames()}) of a triangle.
   *
   * @param triangle global triangle index
   * @return material index
   */
  public int materialOf(int triangle) {
    return triangleMaterial[triangle];
  }

  /**
   * The scene's material names, indexed as {@link #materialOf} reports.
   *
   * @return unmodifiable list
   */
  public List<String> materialNames() {
    return materialNames;
  }

  /**
   * The materials in the order of {@link #materialNames()}, taken from a scene that has the same
   * material names (e.g. the scene with re-calibrated materials).
   *
   * @param withMaterials scene whose materials to use
   * @return materials by index
   */
  public RadioMaterial[] materials(Scene withMaterials) {
    RadioMaterial[] out = new RadioMaterial[materialNames.size()];
    for (int i = 0; i < out.length; i++) {
      RadioMaterial m = withMaterials.materials().get(materialNames.get(i));
      if (m == null) {
        throw new RadioTwinException(
            RadioTwinMessages.UNKNOWN_MATERIAL,
            materialNames.get(i),
            String.join(", ", withMaterials.materials().keySet()));
      }
      out[i] = m;
    }
    return out;
  }

  /**
   * Coordinate of a triangle's corner.
   *
   * @param triangle global triangle index
   * @param corner 0, 1, 2
   * @param axis 0, 1, 2
   * @return the coordinate [m]
   */
  public double vertex(int triangle, int corner, int axis) {
    return vertices[3 * indices[3 * triangle + corner] + axis];
  }

  /**
   * Unit normal component of a triangle (right-hand rule on its winding).
   *
   * @param triangle global triangle index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double normal(int triangle, int axis) {
    return normals[3 * triangle + axis];
  }
}
