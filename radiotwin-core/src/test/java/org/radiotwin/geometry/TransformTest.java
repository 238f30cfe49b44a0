package org.radiotwin.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;

class TransformTest {

  private static final Vec3 Z = new Vec3(0, 0, 1);

  @Test
  void rotationAboutZBy90Degrees() {
    Transform r = Transform.rotation(Z, Math.PI / 2);
    assertClose(r.applyToPoint(new Vec3(1, 0, 0)), new Vec3(0, 1, 0), 1e-15);
    assertClose(r.applyToPoint(new Vec3(0, 1, 0)), new Vec3(-1, 0, 0), 1e-15);
    assertClose(r.applyToPoint(new Vec3(0, 0, 2)), new Vec3(0, 0, 2), 1e-15);
    // The axis need not be normalised.
    assertClose(
        Transform.rotation(new Vec3(0, 0, 5), Math.PI / 2).applyToPoint(new Vec3(1, 0, 0)),
        new Vec3(0, 1, 0),
        1e-15);
  }

  @Test
  void compositionOrder() {
    Transform t = Transform.translation(new Vec3(1, 0, 0));
    Transform r = Transform.rotation(Z, Math.PI / 2);
    // First translate to (1,0,0), then rotate to (0,1,0).
    assertClose(t.then(r).applyToPoint(Vec3.ZERO), new Vec3(0, 1, 0), 1e-15);
    // First rotate (origin stays), then translate.
    assertClose(r.then(t).applyToPoint(Vec3.ZERO), new Vec3(1, 0, 0), 1e-15);
    assertThat(Transform.IDENTITY.then(t)).isEqualTo(t);
  }

  @Test
  void determinant() {
    assertThat(Transform.scaling(new Vec3(2, 3, 4)).determinant()).isEqualTo(24);
    assertThat(Transform.scaling(new Vec3(-1, 1, 1)).determinant()).isEqualTo(-1);
    assertThat(Transform.rotation(new Vec3(1, 2, 3), 0.7).determinant())
        .isCloseTo(1, within(1e-15));
    assertThat(Transform.translation(new Vec3(5, 6, 7)).determinant()).isEqualTo(1);
    // det(AB) = det A·det B
    Transform a = Transform.scaling(new Vec3(2, -1, 0.5));
    Transform b = Transform.rotation(new Vec3(1, 1, 0), 1.1);
    assertThat(a.then(b).determinant()).isCloseTo(a.determinant() * b.determinant(), within(1e-15));
  }

  @Test
  void rowMajorInputs() {
    double[] m = {1, 0, 0, 4, 0, 2, 0, 5, 0, 0, 3, 6, 0, 0, 0, 1};
    Transform t = Transform.ofRowMajor(m);
    assertThat(t.applyToPoint(new Vec3(1, 1, 1))).isEqualTo(new Vec3(5, 7, 9));
    assertThat(Transform.ofRowMajor(java.util.Arrays.copyOf(m, 12))).isEqualTo(t);
    assertThat(t.toRowMajor3x4()).containsExactly(java.util.Arrays.copyOf(m, 12));
    assertThat(t.hashCode()).isEqualTo(Transform.ofRowMajor(m).hashCode());
    assertThat(Transform.ofRowMajor(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0).isIdentity()).isTrue();
  }

  @Test
  void ofRowMajorRejectsBadInput() {
    double[] projective = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 1};
    assertThatThrownBy(() -> Transform.ofRowMajor(projective))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("last row")
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.INVALID_ARGUMENT));
    double[] scaledW = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2};
    assertThatThrownBy(() -> Transform.ofRowMajor(scaledW)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> Transform.ofRowMajor(new double[9]))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.SIZE_MISMATCH));
    double[] nan = {1, 0, 0, Double.NaN, 0, 1, 0, 0, 0, 0, 1, 0};
    assertThatThrownBy(() -> Transform.ofRowMajor(nan))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.NOT_FINITE));
    assertThatThrownBy(() -> Transform.rotation(Vec3.ZERO, 1))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("axis");
  }

  @Test
  void packedPointsMatchSinglePoints() {
    Transform t =
        Transform.rotation(new Vec3(1, -2, 0.5), 0.9)
            .then(Transform.translation(new Vec3(3, -1, 2)))
            .then(Transform.scaling(new Vec3(1, 2, -1)));
    double[] xyz = {1, 2, 3, -4, 0.5, 9};
    t.applyToPoints(xyz);
    assertThat(new Vec3(xyz[0], xyz[1], xyz[2])).isEqualTo(t.applyToPoint(new Vec3(1, 2, 3)));
    assertThat(new Vec3(xyz[3], xyz[4], xyz[5])).isEqualTo(t.applyToPoint(new Vec3(-4, 0.5, 9)));
  }

  @Property(tries = 200)
  void rotationsPreserveLengthsAndInvert(
      @ForAll @DoubleRange(min = -1, max = 1) double ax,
      @ForAll @DoubleRange(min = -1, max = 1) double ay,
      @ForAll @DoubleRange(min = 0.1, max = 1) double az,
      @ForAll @DoubleRange(min = -7, max = 7) double angle,
      @ForAll @DoubleRange(min = -10, max = 10) double px) {
    Vec3 axis = new Vec3(ax, ay, az);
    Vec3 p = new Vec3(px, 1.5, -2);
    Transform r = Transform.rotation(axis, angle);
    assertThat(r.applyToPoint(p).norm()).isCloseTo(p.norm(), within(1e-12));
    assertClose(r.then(Transform.rotation(axis, -angle)).applyToPoint(p), p, 1e-12);
  }

  private static void assertClose(Vec3 actual, Vec3 expected, double tol) {
    assertThat(actual.distance(expected)).as("%s vs %s", actual, expected).isLessThan(tol);
  }
}
