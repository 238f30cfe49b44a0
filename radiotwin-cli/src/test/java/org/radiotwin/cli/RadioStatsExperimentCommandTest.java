package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RadioStatsExperimentCommandTest {

  @Test
  void realityWithRichPhysicsRunsAndBadRoughnessIsRefused(@TempDir Path dir) throws Exception {
    String[] common = {
      "experiment",
      "radiostats",
      "--positions",
      "30",
      "--train",
      "22",
      "--calibration",
      "19",
      "--band",
      "2e9:10e9:101",
      "--runs",
      "1",
      "--samples",
      "5000",
      "--features",
      "2",
      "--kernels",
      "exponential",
      "--restarts",
      "0",
      "--pilot",
      "300",
      "--quiet",
      "--reality-diffraction"
    };
    CliTestSupport.Result bad =
        CliTestSupport.run(
            concat(common, "--reality-scattering", "1.5", "--out", dir.resolve("bad").toString()));
    assertThat(bad.code()).isEqualTo(RadioTwinCli.EXIT_BAD_INPUT);
    assertThat(dir.resolve("bad")).doesNotExist();
    CliTestSupport.Result r =
        CliTestSupport.run(
            concat(common, "--reality-scattering", "0.3", "--out", dir.resolve("ok").toString()));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(dir.resolve("ok/results.json")));
    assertThat(j.at("/medianAbsErrorDb/proposed").asDouble()).isPositive();
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void smallRunWritesResultsAndFigures(@TempDir Path dir) throws Exception {
    CliTestSupport.Result r =
        CliTestSupport.run(
            "experiment",
            "radiostats",
            "--positions",
            "30",
            "--train",
            "22",
            "--calibration",
            "19",
            "--band",
            "2e9:10e9:201",
            "--runs",
            "2",
            "--samples",
            "20000",
            "--features",
            "2",
            "--kernels",
            "exponential",
            "--restarts",
            "0",
            "--pilot",
            "300",
            "--quiet",
            "--out",
            dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(dir.resolve("results.json")));
    assertThat(j.get("evaluation").asInt()).isEqualTo(8);
    for (String m : new String[] {"proposed", "twinOnly", "positionOnly"}) {
      assertThat(j.at("/medianAbsErrorDb/" + m).asDouble()).isPositive();
    }
    for (String m :
        new String[] {
          "proposed",
          "positionOnly",
          "proposedConformal",
          "positionOnlyConformal",
          "orderStatistic",
          "twinOnly"
        }) {
      assertThat(j.at("/rates/" + m + "/violationRate").asDouble()).isBetween(0.0, 1.0);
      assertThat(j.at("/rates/" + m + "/meanNormalizedRate").asDouble()).isNotNegative();
    }
    // 300 pilot samples: rank 1 is valid at ε = 0.01, δ = 0.05 (0.99^300 = 0.049).
    assertThat(j.at("/rates/orderStatistic/meanNormalizedRate").asDouble()).isPositive();
    assertThat(j.get("firstRun")).hasSize(30);
    assertThat(j.at("/proposedModels/perRun")).hasSize(2);
    for (String f :
        new String[] {
          "quantile-map.png", "error-proposed.png", "error-twin-only.png",
          "error-position-only.png", "abs-error-cdf.png", "normalized-rate-cdf.png",
          "violation-vs-delta.png"
        }) {
      assertThat(dir.resolve(f)).isRegularFile();
    }
  }

  @Test
  void badOptionIsOneLineAndNoOutput(@TempDir Path dir) {
    CliTestSupport.Result r =
        CliTestSupport.run(
            "experiment", "radiostats", "--train", "200", "--quiet", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("train");
    assertThat(dir.resolve("results.json")).doesNotExist();
  }
}
