package org.radiotwin.scene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.io.SceneLoader;

class ScenePerturbationTest {

  @Test
  void allMaterialsKeepsNamesAndThicknesses() {
    Scene canyon = SceneLoader.load("builtin:simple_street_canyon");
    Scene brick = ScenePerturbation.allMaterials(canyon, ItuMaterialType.BRICK);
    assertThat(brick.materials().keySet()).isEqualTo(canyon.materials().keySet());
    for (RadioMaterial m : brick.materials().values()) {
      assertThat(m.ituType()).isEqualTo(ItuMaterialType.BRICK);
      assertThat(m.thickness()).isEqualTo(canyon.materials().get(m.name()).thickness());
    }
    // ITU-R P.2040-3 brick at 3.5 GHz: η_r = 3.91, σ = 0.0238·3.5^0.16 S/m.
    var e = brick.materials().values().iterator().next().evaluate(3.5e9, false);
    assertThat(e.relativePermittivity()).isEqualTo(3.91);
    assertThat(e.conductivity())
        .isCloseTo(0.0238 * Math.pow(3.5, 0.16), org.assertj.core.data.Offset.offset(1e-12));
  }
}
