package org.radiotwin.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.Vec3;

class SceneTest {

  /** Unit square in z = 0, x, y ∈ [0, 1], two triangles, normal +z. */
  static TriangleMesh unitSquare() {
    return new TriangleMesh(
        new double[] {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0}, new int[] {0, 1, 2, 0, 2, 3});
  }

  static final RadioMaterial CONCRETE = RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE);
  static final RadioMaterial BRICK = RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK);

  private static Scene twoSquares() {
    return Scene.of(
        List.of(
            new SceneObject("floor", unitSquare(), CONCRETE),
            new SceneObject("wall", unitSquare(), BRICK)));
  }

  @Test
  void countsAndBounds() {
    Scene s = twoSquares();
    assertThat(s.vertexCount()).isEqualTo(8);
    assertThat(s.triangleCount()).isEqualTo(4);
    assertThat(s.materials()).containsOnlyKeys("itu_concrete", "itu_brick");
    assertThat(s.bounds().min()).isEqualTo(new Vec3(0, 0, 0));
    assertThat(s.bounds().max()).isEqualTo(new Vec3(1, 1, 0));
    assertThat(Scene.empty().bounds().isEmpty()).isTrue();
  }

  @Test
  void moveRotateScaleReturnNewScenes() {
    Scene s = twoSquares();
    Scene moved = s.withObjectMoved("wall", new Vec3(0, 0, 2));
    assertThat(moved.object("wall").mesh().bounds().min().z()).isEqualTo(2.0);
    assertThat(s.object("wall").mesh().bounds().min().z()).isEqualTo(0.0); // original untouched

    // Rotating the square by +90° about x through its centre (0.5, 0.5, 0) stands it up in the
    // plane y = 0.5; its normal (0, 0, 1) turns to (0, -1, 0) by the right-hand rule.
    Scene rotated = s.withObjectRotated("wall", new Vec3(1, 0, 0), Math.PI / 2);
    TriangleMesh m = rotated.object("wall").mesh();
    assertThat(m.bounds().min().y()).isCloseTo(0.5, within(1e-12));
    assertThat(m.bounds().max().y()).isCloseTo(0.5, within(1e-12));
    assertThat(m.bounds().min().z()).isCloseTo(-0.5, within(1e-12));
    assertThat(m.normal(0).y()).isCloseTo(-1, within(1e-12));

    Scene scaled = s.withObjectScaled("floor", new Vec3(2, 3, 1));
    assertThat(scaled.object("floor").mesh().totalArea()).isCloseTo(6.0, within(1e-12));
    assertThat(scaled.object("floor").mesh().bounds().center()).isEqualTo(new Vec3(0.5, 0.5, 0));
  }

  @Test
  void materialsAreSharedByName() {
    Scene s = twoSquares().withObjectMaterial("wall", CONCRETE);
    assertThat(s.materials()).containsOnlyKeys("itu_concrete");
    RadioMaterial thick = CONCRETE.withThickness(0.3);
    Scene t = s.withMaterial(thick);
    assertThat(t.object("floor").material().thickness()).isEqualTo(0.3);
    assertThat(t.object("wall").material().thickness()).isEqualTo(0.3);
    // Two different materials under one name are refused.
    assertThatThrownBy(
            () -> twoSquares().withObjectMaterial("wall", thick.withName("itu_concrete")))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("itu_concrete");
    assertThatThrownBy(() -> s.withMaterial(RadioMaterial.vacuum("nope")))
        .isInstanceOf(RadioTwinException.class)
        .extracting(e -> ((RadioTwinException) e).getSpecifier())
        .isEqualTo(RadioTwinMessages.UNKNOWN_MATERIAL);
  }

  @Test
  void addRemoveObjectsAndDevices() {
    Scene s = twoSquares().withoutObject("floor");
    assertThat(s.objects()).extracting(SceneObject::name).containsExactly("wall");
    assertThatThrownBy(() -> s.object("floor"))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("floor");
    assertThatThrownBy(() -> s.withObject(new SceneObject("wall", unitSquare(), BRICK)))
        .hasMessageContaining("duplicate object name 'wall'");
    Scene d =
        s.withTransmitter(Transmitter.at("tx", new Vec3(0, 0, 10)))
            .withReceiver(Receiver.at("rx", new Vec3(5, 0, 1.5)));
    assertThat(d.transmitters()).hasSize(1);
    assertThat(d.receivers().get(0).position()).isEqualTo(new Vec3(5, 0, 1.5));
    assertThat(d.withoutDevices().receivers()).isEmpty();
    assertThatThrownBy(() -> Receiver.at("bad", new Vec3(Double.NaN, 0, 0)))
        .isInstanceOf(RadioTwinException.class);
  }

  @Test
  void planarArrayLayoutMatchesSionna() {
    // Sionna's PlanarArray(num_rows=2, num_cols=2, spacing 0.5λ): y = ±λ/4, z = ±λ/4, with the
    // first row on top (z > 0); dual polarisation repeats each position.
    PlanarArray a = new PlanarArray(2, 2, 0.5, 0.5, AntennaPattern.ISO, Polarization.VH);
    assertThat(a.elementCount()).isEqualTo(8);
    double[] p = a.elementPositions(1.0);
    assertThat(p).hasSize(24);
    assertThat(new double[] {p[0], p[1], p[2]}).containsExactly(0, -0.25, 0.25);
    assertThat(new double[] {p[3], p[4], p[5]}).containsExactly(0, -0.25, 0.25);
    assertThat(new double[] {p[21], p[22], p[23]}).containsExactly(0, 0.25, -0.25);
    assertThatThrownBy(() -> new PlanarArray(0, 1, 0.5, 0.5, AntennaPattern.ISO, Polarization.V))
        .isInstanceOf(RadioTwinException.class);
  }

  @Test
  void orientationIsZyxIntrinsic() {
    // α = 90° yaw turns the boresight +x into +y.
    double[] r = new Orientation(Math.PI / 2, 0, 0).rotationMatrix();
    assertThat(r[0]).isCloseTo(0, within(1e-15));
    assertThat(r[3]).isCloseTo(1, within(1e-15));
    // β = 90° pitch turns +x into −z (right-handed rotation about y).
    double[] q = new Orientation(0, Math.PI / 2, 0).rotationMatrix();
    assertThat(q[6]).isCloseTo(-1, within(1e-15));
    assertThat(AntennaPattern.fromName("HW_DIPOLE")).isEqualTo(AntennaPattern.HW_DIPOLE);
    assertThat(Polarization.fromName("dual")).isEqualTo(Polarization.VH);
  }
}
