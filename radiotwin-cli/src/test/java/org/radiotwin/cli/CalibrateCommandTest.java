package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.measure.CampaignSimulator;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;

class CalibrateCommandTest {

  @TempDir static Path shared;

  static Path csv;

  /**
   * Measurements in the street canyon whose concrete floor is η_r = 9, σ = 0.3 S/m instead of
   * ITU's.
   */
  @BeforeAll
  static void simulate() {
    Scene truth =
        SceneLoader.load("builtin:simple_street_canyon")
            .withMaterial(RadioMaterial.custom("mat-itu_concrete", 9, 0.3, 0.1));
    int n = 8;
    double[] tx = new double[3 * n];
    double[] rx = new double[3 * n];
    for (int i = 0; i < n; i++) {
      tx[3 * i] = -45;
      tx[3 * i + 2] = 8;
      rx[3 * i] = -50 + 12.5 * i;
      rx[3 * i + 1] = (i % 3) * 3 - 3;
      rx[3 * i + 2] = 2;
    }
    PathSolverConfig cfg = PathSolverConfig.defaults().withMaxDepth(1).withSamples(20_000, 1);
    MeasurementSet set =
        CampaignSimulator.simulate(
            truth,
            tx,
            rx,
            new CampaignSimulator.Settings(3.45e9, 3.55e9, 51, 40, 0, 2, cfg, false),
            f -> {});
    csv = shared.resolve("m.csv");
    MeasurementCsv.write(set, csv);
  }

  @Test
  void calibratesBrickAndWritesAllOutputs(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cal");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "calibrate",
            "--scene",
            "builtin:simple_street_canyon",
            "--measurements",
            csv.toString(),
            "--method",
            "power",
            "--train",
            "mat-itu_concrete",
            "--iterations",
            "40",
            "--lr",
            "0.1",
            "--max-depth",
            "1",
            "--samples",
            "20000",
            "--quiet",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(out.resolve("calibration.json")));
    assertThat(j.get("method").asText()).isEqualTo("POWER");
    assertThat(j.get("lossHistory")).hasSize(41);
    assertThat(j.get("parameterHistory")).hasSize(41);
    JsonNode concrete = j.at("/materials/0");
    assertThat(concrete.get("name").asText()).isEqualTo("mat-itu_concrete");
    assertThat(concrete.get("calibratedName").asText()).isEqualTo("calibrated_mat-itu_concrete");
    // ITU concrete at 3.5 GHz: η_r = 5.24 (METHODS.md §1 table).
    assertThat(concrete.at("/before/relativePermittivity").asDouble()).isEqualTo(5.24);
    // The true floor reflects more than ITU concrete: η_r must grow towards 9.
    assertThat(concrete.at("/after/relativePermittivity").asDouble()).isGreaterThan(5.5);
    assertThat(j.get("finalLoss").asDouble()).isLessThan(j.get("initialLoss").asDouble());
    assertThat(j.at("/errors/after/meanRelativePowerError").asDouble())
        .isLessThan(j.at("/errors/before/meanRelativePowerError").asDouble());
    String xml = Files.readString(out.resolve("calibrated.xml"));
    assertThat(xml).contains("calibrated_mat-itu_concrete");
    assertThat(out.resolve("loss.png")).exists();
    assertThat(Files.list(out.resolve("meshes")).count()).isGreaterThan(0);
  }

  @Test
  void unknownMaterialFailsWithoutOutput(@TempDir Path dir) {
    Path out = dir.resolve("cal");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "calibrate",
            "--scene",
            "builtin:simple_street_canyon",
            "--measurements",
            csv.toString(),
            "--train",
            "unobtainium",
            "--max-depth",
            "1",
            "--samples",
            "1000",
            "--quiet",
            "--out",
            out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unobtainium").contains("mat-itu_concrete");
    assertThat(out).doesNotExist();
  }

  @Test
  void initialValuesAreUsedAndValidated(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cal");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "calibrate",
            "--scene",
            "builtin:simple_street_canyon",
            "--measurements",
            csv.toString(),
            "--train",
            "mat-itu_concrete",
            "--initial",
            "mat-itu_concrete=3,0.05",
            "--delay-spread",
            "--iterations",
            "2",
            "--max-depth",
            "1",
            "--samples",
            "20000",
            "--quiet",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(out.resolve("calibration.json")));
    assertThat(j.at("/materials/0/before/relativePermittivity").asDouble()).isEqualTo(3.0);
    assertThat(j.get("delaySpread").asBoolean()).isTrue();
    assertThat(j.get("finalLoss").asDouble()).isFinite();
    CliTestSupport.Result bad =
        CliTestSupport.run(
            "calibrate",
            "--scene",
            "builtin:simple_street_canyon",
            "--measurements",
            csv.toString(),
            "--train",
            "mat-itu_concrete",
            "--initial",
            "mat-itu_concrete=0.5,0.05",
            "--max-depth",
            "1",
            "--samples",
            "1000",
            "--quiet",
            "--out",
            dir.resolve("bad").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("eta_r");
    assertThat(dir.resolve("bad")).doesNotExist();
  }

  @Test
  void unknownMethodFails(@TempDir Path dir) {
    CliTestSupport.Result r =
        CliTestSupport.run(
            "calibrate",
            "--scene",
            "builtin:simple_street_canyon",
            "--measurements",
            csv.toString(),
            "--train",
            "mat-itu_concrete",
            "--method",
            "magic",
            "--out",
            dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("magic");
  }

  @Test
  void canyonExperimentWritesResultsAndPlot(@TempDir Path dir) throws Exception {
    CliTestSupport.Result r =
        CliTestSupport.run(
            "experiment",
            "canyon",
            "--bandwidths",
            "2e7,1e8",
            "--runs",
            "1",
            "--iterations",
            "60",
            "--quiet",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(dir.resolve("results.json")));
    assertThat(j.get("bandwidthsHz")).hasSize(2);
    assertThat(j.get("bandwidthsHz").get(0).asDouble()).isEqualTo(2e7);
    for (String m : new String[] {"PEAC", "UPEC", "PEOC"}) {
      for (String k : new String[] {"mean", "q25", "q75"}) {
        assertThat(j.at("/methods/" + m + "/" + k)).hasSize(2);
      }
    }
    assertThat(j.at("/methods/PEAC/mean/1").asDouble())
        .isLessThan(j.at("/methods/PEOC/mean/1").asDouble());
    assertThat(dir.resolve("canyon.png")).exists();
  }
}
