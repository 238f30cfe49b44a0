package org.radiotwin.geometry;

import java.util.Arrays;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;

/**
 * An immutable triangle mesh in structure-of-arrays form: packed float64 vertex coordinates (x0,
 * y0, z0, x1, …) [m] and packed int vertex indices (three per triangle), with per-triangle unit
 * normals (right-hand rule on the stored winding) and areas computed once.
 *
 * <p>The arrays are copied in and never handed out, so a mesh cannot change after construction; hot
 * loops copy them once with {@link #copyVertices()} / {@link #copyIndices()} into flattened
 * scene-wide buffers.
 */
public final class TriangleMesh {

  private final double[] vertices;
  private final int[] indices;
  private final double[] normals;
  private final double[] areas;
  private final BoundingBox bounds;

  /**
   * Builds a mesh, validating it.
   *
   * @param vertices packed coordinates, length 3·V, all finite
   * @param indices packed vertex indices, length 3·T, each in [0, V)
   * @throws RadioTwinException if a length is not a multiple of 3, a coordinate is not finite or an
   *     index is out of range
   */
  public TriangleMesh(double[] vertices, int[] indices) {
    if (vertices.length % 3 != 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "vertex array",
          "length " + vertices.length + " is not a multiple of 3");
    }
    if (indices.length % 3 != 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "index array",
          "length " + indices.length + " is not a multiple of 3");
    }
    this.vertices = vertices.clone();
    this.indices = indices.clone();
    int nv = vertices.length / 3;
    double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    for (int i = 0; i < this.vertices.length; i++) {
      double v = this.vertices[i];
      if (!Double.isFinite(v)) {
        throw new RadioTwinException(
            RadioTwinMessages.NOT_FINITE, "coordinate " + (i % 3) + " of vertex " + (i / 3), v);
      }
      lo[i % 3] = Math.min(lo[i % 3], v);
      hi[i % 3] = Math.max(hi[i % 3], v);
    }
    for (int i = 0; i < this.indices.length; i++) {
      int k = this.indices[i];
      if (k < 0 || k >= nv) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "vertex index of triangle " + (i / 3),
            k + " is outside [0, " + nv + ")");
      }
    }
    this.bounds =
        nv == 0
            ? BoundingBox.EMPTY
            : new BoundingBox(new Vec3(lo[0], lo[1], lo[2]), new Vec3(hi[0], hi[1], hi[2]));
    int nt = this.indices.length / 3;
    this.normals = new double[3 * nt];
    this.areas = new double[nt];
    for (int t = 0; t < nt; t++) {
      int a = 3 * this.indices[3 * t];
      int b = 3 * this.indices[3 * t + 1];
      int c = 3 * this.indices[3 * t + 2];
      double e1x = this.vertices[b] - this.vertices[a];
      double e1y = this.vertices[b + 1] - this.vertices[a + 1];
      double e1z = this.vertices[b + 2] - this.vertices[a + 2];
      double e2x = this.vertices[c] - this.vertices[a];
      double e2y = this.vertices[c + 1] - this.vertices[a + 1];
      double e2z = this.vertices[c + 2] - this.vertices[a + 2];
      double nx = e1y * e2z - e1z * e2y;
      double ny = e1z * e2x - e1x * e2z;
      double nz = e1x * e2y - e1y * e2x;
      double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
      areas[t] = 0.5 * len;
      if (len > 0) {
        normals[3 * t] = nx / len;
        normals[3 * t + 1] = ny / len;
        normals[3 * t + 2] = nz / len;
      }
    }
  }

  /**
   * Number of vertices.
   *
   * @return V
   */
  public int vertexCount() {
    return vertices.length / 3;
  }

  /**
   * Number of triangles.
   *
   * @return T
   */
  public int triangleCount() {
    return indices.length / 3;
  }

  /**
   * One vertex.
   *
   * @param i vertex index
   * @return its position [m]
   */
  public Vec3 vertex(int i) {
    return new Vec3(vertices[3 * i], vertices[3 * i + 1], vertices[3 * i + 2]);
  }

  /**
   * One coordinate of one vertex, without allocation.
   *
   * @param i vertex index
   * @param axis 0, 1 or 2
   * @return the coordinate [m]
   */
  public double coordinate(int i, int axis) {
    return vertices[3 * i + axis];
  }

  /**
   * One vertex index of one triangle.
   *
   * @param triangle triangle index
   * @param corner 0, 1 or 2
   * @return the vertex index
   */
  public int index(int triangle, int corner) {
    return indices[3 * triangle + corner];
  }

  /**
   * Unit normal of a triangle (right-hand rule on its winding), zero for a degenerate triangle.
   *
   * @param triangle triangle index
   * @return the normal
   */
  public Vec3 normal(int triangle) {
    return new Vec3(normals[3 * triangle], normals[3 * triangle + 1], normals[3 * triangle + 2]);
  }

  /**
   * Area of a triangle.
   *
   * @param triangle triangle index
   * @return area [m²]
   */
  public double area(int triangle) {
    return areas[triangle];
  }

  /**
   * Total surface area.
   *
   * @return Σ areas [m²]
   */
  public double totalArea() {
    double s = 0;
    for (double a : areas) {
      s += a;
    }
    return s;
  }

  /**
   * Bounding box of the vertices ({@link BoundingBox#EMPTY} for a mesh without vertices).
   *
   * @return the box
   */
  public BoundingBox bounds() {
    return bounds;
  }

  /**
   * The packed coordinates.
   *
   * @return a copy, length 3·V
   */
  public double[] copyVertices() {
    return vertices.clone();
  }

  /**
   * The packed indices.
   *
   * @return a copy, length 3·T
   */
  public int[] copyIndices() {
    return indices.clone();
  }

  /**
   * The packed per-triangle unit normals.
   *
   * @return a copy, length 3·T
   */
  public double[] copyNormals() {
    return normals.clone();
  }

  /**
   * The mesh moved by an affine transform. A mirroring transform (negative determinant) reverses
   * the winding so normals keep pointing the same way relative to the surface.
   *
   * @param transform transform to apply
   * @return the transformed mesh
   */
  public TriangleMesh transformed(Transform transform) {
    if (transform.isIdentity()) {
      return this;
    }
    double[] v = vertices.clone();
    transform.applyToPoints(v);
    int[] idx = indices;
    if (transform.determinant() < 0) {
      idx = indices.clone();
      for (int t = 0; t < idx.length; t += 3) {
        int tmp = idx[t + 1];
        idx[t + 1] = idx[t + 2];
        idx[t + 2] = tmp;
      }
    }
    return new TriangleMesh(v, idx);
  }

  /**
   * Concatenates meshes (indices of later meshes are offset).
   *
   * @param meshes meshes in order
   * @return one mesh holding all their triangles, in order
   */
  public static TriangleMesh concat(TriangleMesh... meshes) {
    int nv = 0;
    int ni = 0;
    for (TriangleMesh m : meshes) {
      nv += m.vertices.length;
      ni += m.indices.length;
    }
    double[] v = new double[nv];
    int[] idx = new int[ni];
    int vo = 0;
    int io = 0;
    for (TriangleMesh m : meshes) {
      System.arraycopy(m.vertices, 0, v, vo, m.vertices.length);
      int base = vo / 3;
      for (int i = 0; i < m.indices.length; i++) {
        idx[io + i] = m.indices[i] + base;
      }
      vo += m.vertices.length;
      io += m.indices.length;
    }
    return new TriangleMesh(v, idx);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TriangleMesh t
        && Arrays.equals(vertices, t.vertices)
        && Arrays.equals(indices, t.indices);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(vertices) + Arrays.hashCode(indices);
  }

  @Override
  public String toString() {
    return "TriangleMesh[" + vertexCount() + " vertices, " + triangleCount() + " triangles]";
  }
}
