package org.radiotwin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;

class TriangleMeshTest {

  /** Unit right triangle in the xy plane, counter-clockwise seen from +z. */
  private static TriangleMesh unitRightTriangle() {
    return new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
  }

  /** Tetrahedron (0,0,0), (1,0,0), (0,1,0), (0,0,1) wound so that every normal points outward. */
  private static TriangleMesh tetrahedron() {
    double[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
    int[] f = {0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};
    return new TriangleMesh(v, f);
  }

  @Test
  void normalAndAreaOfAUnitRightTriangle() {
    TriangleMesh m = unitRightTriangle();
    assertThat(m.vertexCount()).isEqualTo(3);
    assertThat(m.triangleCount()).isEqualTo(1);
    assertThat(m.normal(0)).isEqualTo(new Vec3(0, 0, 1));
    assertThat(m.area(0)).isEqualTo(0.5);
    assertThat(m.totalArea()).isEqualTo(0.5);
    assertThat(m.bounds()).isEqualTo(new BoundingBox(new Vec3(0, 0, 0), new Vec3(1, 1, 0)));
    assertThat(m.index(0, 2)).isEqualTo(2);
    assertThat(m.coordinate(1, 0)).isEqualTo(1);
    assertThat(m.vertex(2)).isEqualTo(new Vec3(0, 1, 0));
  }

  @Test
  void tetrahedronHasOutwardNormals() {
    TriangleMesh t = tetrahedron();
    assertOutward(t);
    // Areas: three right triangles of 1/2, and the slanted face (√3/2)·(√2)²/2 = √3/2.
    assertThat(t.totalArea()).isCloseTo(1.5 + Math.sqrt(3) / 2, within(1e-15));
    // Slanted face normal (1,1,1)/√3
    assertThat(t.normal(3).x()).isCloseTo(1 / Math.sqrt(3), within(1e-15));
  }

  @Test
  void mirroringKeepsNormalsOutward() {
    Transform mirror = Transform.scaling(new Vec3(-1, 1, 1));
    TriangleMesh m = tetrahedron().transformed(mirror);
    assertOutward(m);
    // The mirrored right triangle in the xy plane still faces +z.
    Vec3 n = unitRightTriangle().transformed(mirror).normal(0);
    assertThat(n.distance(new Vec3(0, 0, 1))).isZero(); // (equals would tell −0.0 from 0.0)
    // Two mirrors make a rotation: winding restored, normals still outward.
    assertOutward(tetrahedron().transformed(mirror.then(Transform.scaling(new Vec3(1, -1, 1)))));
    // A proper rotation keeps the winding.
    assertOutward(tetrahedron().transformed(Transform.rotation(new Vec3(1, 2, 3), 2.0)));
    TriangleMesh same = tetrahedron();
    assertThat(same.transformed(Transform.IDENTITY)).isSameAs(same);
  }

  @Test
  void transformedMovesBounds() {
    TriangleMesh m = unitRightTriangle().transformed(Transform.translation(new Vec3(1, 2, 3)));
    assertThat(m.bounds()).isEqualTo(new BoundingBox(new Vec3(1, 2, 3), new Vec3(2, 3, 3)));
  }

  @Test
  void concatOffsetsIndices() {
    TriangleMesh a = unitRightTriangle();
    TriangleMesh b = tetrahedron();
    TriangleMesh c = TriangleMesh.concat(a, b);
    assertThat(c.vertexCount()).isEqualTo(3 + 4);
    assertThat(c.triangleCount()).isEqualTo(1 + 4);
    assertThat(c.copyIndices()).containsExactly(0, 1, 2, 3, 5, 4, 3, 4, 6, 3, 6, 5, 4, 5, 6);
    assertThat(c.normal(0)).isEqualTo(a.normal(0));
    assertThat(c.normal(4)).isEqualTo(b.normal(3));
    assertThat(c.totalArea()).isCloseTo(a.totalArea() + b.totalArea(), within(1e-15));
    assertThat(TriangleMesh.concat().triangleCount()).isZero();
  }

  @Test
  void degenerateAndEmptyMeshes() {
    TriangleMesh d =
        new TriangleMesh(new double[] {0, 0, 0, 1, 1, 1, 2, 2, 2}, new int[] {0, 1, 2});
    assertThat(d.area(0)).isZero();
    assertThat(d.normal(0)).isEqualTo(Vec3.ZERO);
    TriangleMesh e = new TriangleMesh(new double[0], new int[0]);
    assertThat(e.bounds().isEmpty()).isTrue();
  }

  @Test
  void arraysAreCopied() {
    double[] v = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    int[] f = {0, 1, 2};
    TriangleMesh m = new TriangleMesh(v, f);
    v[3] = 100;
    f[0] = 2;
    m.copyVertices()[0] = 42;
    m.copyIndices()[1] = 0;
    m.copyNormals()[2] = -1;
    assertThat(m).isEqualTo(unitRightTriangle());
    assertThat(m.hashCode()).isEqualTo(unitRightTriangle().hashCode());
    assertThat(m.normal(0)).isEqualTo(new Vec3(0, 0, 1));
  }

  @Test
  void invalidMeshesAreRejected() {
    assertThatThrownBy(
            () ->
                new TriangleMesh(
                    new double[] {0, 0, Double.NaN, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2}))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("vertex 0")
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.NOT_FINITE));
    assertThatThrownBy(
            () -> new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 3}))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("triangle 0")
        .hasMessageContaining("[0, 3)");
    assertThatThrownBy(
            () -> new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, -1, 2}))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> new TriangleMesh(new double[] {0, 0}, new int[0]))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("multiple of 3");
    assertThatThrownBy(() -> new TriangleMesh(new double[] {0, 0, 0}, new int[] {0, 0}))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("multiple of 3");
  }

  private static void assertOutward(TriangleMesh m) {
    // The vertex centroid is inside a convex solid (the bounding-box centre need not be).
    Vec3 centre = Vec3.ZERO;
    for (int i = 0; i < m.vertexCount(); i++) {
      centre = centre.add(m.vertex(i));
    }
    centre = centre.scale(1.0 / m.vertexCount());
    for (int t = 0; t < m.triangleCount(); t++) {
      Vec3 centroid =
          m.vertex(m.index(t, 0))
              .add(m.vertex(m.index(t, 1)))
              .add(m.vertex(m.index(t, 2)))
              .scale(1.0 / 3);
      assertThat(m.normal(t).dot(centroid.sub(centre))).as("triangle %d", t).isPositive();
      assertThat(m.normal(t).norm()).isCloseTo(1, within(1e-15));
    }
  }
}
