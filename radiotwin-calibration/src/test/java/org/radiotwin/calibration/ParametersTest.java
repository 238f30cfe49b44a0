package org.radiotwin.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.io.SceneLoader;

class ParametersTest {

  @Property
  void transformsRoundTripAndDifferentiate(@ForAll @DoubleRange(min = -8, max = 8) double u) {
    for (MaterialProperty p : MaterialProperty.values()) {
      double v = p.value(u);
      assertThat(p.admissible(v)).isTrue();
      assertThat(p.unconstrained(v)).isCloseTo(u, within(1e-9 * Math.max(1, Math.abs(u))));
      double h = 1e-6;
      double fd = (p.value(u + h) - p.value(u - h)) / (2 * h);
      assertThat(p.derivative(u)).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
    }
  }

  @Test
  void ituMaterialsStartAtTheirValuesAndSelectionFollowsTheTrainList() {
    SceneGeometry g = SceneGeometry.of(SceneLoader.load("builtin:simple_street_canyon"));
    CalibrationParameters p =
        CalibrationParameters.of(g, 3.5e9, List.of("mat-itu_glass", "mat-itu_brick"), false);
    // ITU-R P.2040-3: glass η_r = 6.31, σ = 0.0036·f^1.3394; brick η_r = 3.91, σ = 0.0238·f^0.16.
    assertThat(p.driver("mat-itu_glass", MaterialProperty.RELATIVE_PERMITTIVITY).value())
        .isCloseTo(6.31, within(1e-12));
    assertThat(p.driver("mat-itu_brick", MaterialProperty.CONDUCTIVITY).value())
        .isCloseTo(0.0238 * Math.pow(3.5, 0.16), within(1e-12));
    assertThat(p.selectedDrivers()).hasSize(4);
    assertThat(p.selectedMaterialNames())
        .containsExactlyInAnyOrder("mat-itu_glass", "mat-itu_brick");
    // Frozen materials stay ITU; trained ones become custom with the drivers' values.
    RadioMaterial[] m = p.materials();
    int glass = g.materialNames().indexOf("mat-itu_glass");
    int wood = g.materialNames().indexOf("mat-itu_wood");
    assertThat(m[glass].isItu()).isFalse();
    assertThat(m[wood].isItu()).isTrue();
    double[] u = p.unconstrained();
    u[0] += Math.log(2);
    p.setUnconstrained(u);
    // η_r = 1 + e^u: doubling e^u doubles η_r − 1.
    assertThat(p.values()[0] - 1)
        .isCloseTo(2 * (p.selectedDrivers().get(0).referenceValue() - 1), within(1e-12));
  }

  @Test
  void unknownMaterialsAndBadInitialValuesAreRejected() {
    SceneGeometry g = SceneGeometry.of(SceneLoader.load("builtin:simple_street_canyon"));
    assertThatThrownBy(() -> CalibrationParameters.of(g, 3.5e9, List.of("nope"), false))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("nope");
    CalibrationParameters p = CalibrationParameters.of(g, 3.5e9, List.of("mat-itu_wood"), false);
    assertThatThrownBy(() -> p.setInitial("mat-itu_wood", 0.5, 0.1))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("eta_r");
    // S is not trained unless asked for, and an initial S must lie in (0, 1).
    assertThat(p.driver("mat-itu_wood", MaterialProperty.SCATTERING_COEFFICIENT).isSelected())
        .isFalse();
    assertThatThrownBy(() -> p.setInitial("mat-itu_wood", 3, 0.1, 0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("mat-itu_wood");
  }
}
