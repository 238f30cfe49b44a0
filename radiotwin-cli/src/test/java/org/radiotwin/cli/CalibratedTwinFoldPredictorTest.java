package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.radiotwin.calibration.CalibrationParameters;
import org.radiotwin.learn.task.BeamSelectionExperiment;
import org.radiotwin.learn.task.TwinRealitySite;
import org.radiotwin.learn.task.TwinScenes;
import org.radiotwin.learn.train.LearningData;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.Scene;

class CalibratedTwinFoldPredictorTest {

  private static TwinRealitySite.Settings tiny() {
    TwinRealitySite.Settings d = TwinRealitySite.Settings.defaults();
    return d.withCellSize(14)
        .withArray(2, 4)
        .withSolver(d.solver().withMaxDepth(1).withSamples(10_000, 3));
  }

  @Test
  void aTwinEqualToRealityKeepsItsMaterialsAndLabelsItsOwnBestBeams() {
    Scene twin = TwinScenes.defaultTwin();
    TwinRealitySite site =
        TwinRealitySite.survey(twin, twin, tiny(), ForkJoinPool.commonPool(), f -> {});
    CalibratedTwinFoldPredictor fp =
        new CalibratedTwinFoldPredictor(twin, site, 30, 0.05, ForkJoinPool.commonPool(), f -> {});
    LearningData data = BeamSelectionExperiment.learningData(site, true);
    int count = site.usable().length;
    int[] training = IntStream.range(0, count).filter(q -> q % 3 != 0).toArray();
    int[] queries = IntStream.range(0, count).toArray();
    // Reality's codebook powers are the twin's own: the power loss is 0 at the start (to
    // rounding), so calibration leaves every material at its ITU value at 28 GHz.
    CalibrationParameters p = fp.calibrate(training);
    RadioMaterial brick = RadioMaterial.itu("b", ItuMaterialType.BRICK, 0.1);
    var e = brick.evaluate(28e9, false);
    double[] v = p.values();
    for (int i = 0; i < v.length; i += 2) {
      // Drivers hold exp(log θ): equal to the ITU values to an ulp; one Adam step would move them
      // by ≈ 5 %.
      assertThat(v[i]).isCloseTo(e.relativePermittivity(), within(1e-12));
      assertThat(v[i + 1]).isCloseTo(e.conductivity(), within(1e-15));
    }
    double[] labels = fp.predict(data, training, new int[0], queries, 1);
    int beams = site.twin().beams();
    for (int q = 0; q < count; q++) {
      int pos = site.usable()[q];
      for (int b = 0; b < beams; b++) {
        assertThat(labels[q * beams + b])
            .as("position %d beam %d", pos, b)
            .isEqualTo(b == site.twin().bestBeam(pos) ? 1.0 : 0.0);
      }
    }
  }

  @Test
  void aWrongTwinMovesTowardRealitysPowers() {
    Scene reality = TwinScenes.defaultTwin();
    Scene twin = TwinScenes.allMaterials(reality, ItuMaterialType.METAL);
    TwinRealitySite site =
        TwinRealitySite.survey(twin, reality, tiny(), ForkJoinPool.commonPool(), f -> {});
    CalibratedTwinFoldPredictor fp =
        new CalibratedTwinFoldPredictor(twin, site, 30, 0.05, ForkJoinPool.commonPool(), f -> {});
    int[] all = IntStream.range(0, site.usable().length).toArray();
    CalibrationParameters p = fp.calibrate(all);
    // Metal (η_r = 1, σ ≈ 10⁷ S/m) reflects almost fully and brick (η_r ≈ 3.9, σ ≈ 0.6 S/m)
    // does not: fitting brick powers must lower every conductivity.
    RadioMaterial metal = RadioMaterial.itu("m", ItuMaterialType.METAL, 0.1);
    double sigma0 = metal.evaluate(28e9, false).conductivity();
    for (int i = 1; i < p.values().length; i += 2) {
      assertThat(p.values()[i]).isLessThan(sigma0);
    }
  }
}
