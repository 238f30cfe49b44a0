package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

/**
 * {@code calibrate --train-scattering} on builtin:simple_reflector, whose plate truly has S = 0.5.
 */
class CalibrateScatteringCommandTest {

  static final String PLATE = "reflector-mat";

  @TempDir static Path shared;

  static Path csv;

  @BeforeAll
  static void simulate() {
    Scene scene = SceneLoader.load("builtin:simple_reflector");
    RadioMaterial m = scene.materials().get(PLATE);
    Scene truth = scene.withMaterial(m.withScattering(0.5, 0));
    int n = 8;
    double[] tx = new double[3 * n];
    double[] rx = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double phi = 2 * Math.PI * i / n;
      tx[3 * i] = -1;
      tx[3 * i + 2] = 3;
      rx[3 * i] = 1.5 * Math.cos(phi) + 0.5;
      rx[3 * i + 1] = 1.5 * Math.sin(phi);
      rx[3 * i + 2] = 1.5 + 0.125 * i;
    }
    // The path settings of --max-depth 1 --samples 20000 --seed 1 --diffuse.
    PathSolverConfig cfg =
        PathSolverConfig.defaults().withMaxDepth(1).withSamples(20_000, 1).withDiffuse(true);
    MeasurementSet set =
        CampaignSimulator.simulate(
            truth,
            tx,
            rx,
            new CampaignSimulator.Settings(3.45e9, 3.55e9, 21, 60, 0, 2, cfg, false),
            f -> {});
    csv = shared.resolve("m.csv");
    MeasurementCsv.write(set, csv);
  }

  static CliTestSupport.Result run(Path out, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "calibrate",
                "--scene",
                "builtin:simple_reflector",
                "--measurements",
                csv.toString(),
                "--train",
                PLATE,
                "--train-scattering",
                "--diffuse",
                "--max-depth",
                "1",
                "--samples",
                "20000",
                "--quiet",
                "--out",
                out.toString()));
    args.addAll(List.of(extra));
    return CliTestSupport.run(args.toArray(String[]::new));
  }

  @Test
  void calibratesTheScatteringCoefficientFromAnInitialValue(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cal");
    // Metal: η_r = 1 (nudged to just above), σ = 10⁷ S/m (ITU-R P.2040-3), S starts at 0.2.
    CliTestSupport.Result r =
        run(out, "--initial", PLATE + "=1.000001,1e7,0.2", "--iterations", "80", "--lr", "0.05");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(out.resolve("calibration.json")));
    assertThat(j.get("trainScattering").asBoolean()).isTrue();
    assertThat(j.get("diffuse").asBoolean()).isTrue();
    assertThat(j.get("parameterNames").toString()).contains(PLATE + ".S");
    JsonNode plate = j.at("/materials/0");
    assertThat(plate.at("/before/scatteringCoefficient").asDouble()).isEqualTo(0.2);
    // 60 dB SNR measurements: S comes back near 0.5.
    assertThat(plate.at("/after/scatteringCoefficient").asDouble()).isCloseTo(0.5, within(0.03));
    assertThat(j.get("finalLoss").asDouble()).isLessThan(j.get("initialLoss").asDouble());
  }

  @Test
  void aMaterialWithoutScatteringIsRejectedWithoutOutput(@TempDir Path dir) {
    Path out = dir.resolve("cal");
    CliTestSupport.Result r = run(out, "--iterations", "2");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains(PLATE).contains("(0, 1)");
    assertThat(out).doesNotExist();
    CliTestSupport.Result bad = run(out, "--initial", PLATE + "=2,1,1.5");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--initial").contains("(0, 1)");
    assertThat(out).doesNotExist();
  }
}
