package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningExperimentsCommandTest {

  private static final String[] TINY = {
    "--cell-size",
    "14",
    "--samples",
    "10000",
    "--max-depth",
    "1",
    "--runs",
    "1",
    "--steps",
    "40",
    "--quiet"
  };

  private static String[] args(Path out, String... specific) {
    String[] a = new String[specific.length + TINY.length + 2];
    System.arraycopy(specific, 0, a, 0, specific.length);
    System.arraycopy(TINY, 0, a, specific.length, TINY.length);
    a[a.length - 2] = "--out";
    a[a.length - 1] = out.toString();
    return a;
  }

  @Test
  void beamsWritesRatesPerFractionAndMethod(@TempDir Path dir) throws Exception {
    CliTestSupport.Result r =
        CliTestSupport.run(
            args(
                dir,
                "experiment",
                "beams",
                "--array",
                "2x4",
                "--fractions",
                "0.1,0.5",
                "--methods",
                "ERM,P-ERM,PPI,PPI++,Cross-PPI"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(dir.resolve("results.json")));
    assertThat(j.get("realFractions")).hasSize(2);
    assertThat(j.get("beams").asInt()).isEqualTo(8);
    double optimal = j.get("optimalRate").asDouble();
    for (String m : new String[] {"ERM", "P-ERM", "PPI", "PPI++", "Cross-PPI"}) {
      JsonNode node = j.at("/methods/" + m);
      assertThat(node.get("mean")).as(m).hasSize(2);
      assertThat(node.get("ci")).as(m).hasSize(2);
      for (JsonNode v : node.get("mean")) {
        // No beam choice beats the best beam.
        assertThat(v.asDouble()).as(m).isBetween(0.0, optimal + 1e-9);
      }
    }
    assertThat(ImageIO.read(dir.resolve("beams-rate.png").toFile()).getWidth()).isEqualTo(800);
  }

  @Test
  void beamsWithTheCalibratedTwinAsCrossPpiFoldPredictor(@TempDir Path dir) throws Exception {
    CliTestSupport.Result r =
        CliTestSupport.run(
            args(
                dir,
                "experiment",
                "beams",
                "--array",
                "2x4",
                "--fractions",
                "0.2",
                "--methods",
                "Cross-PPI",
                "--cross-fold-predictor",
                "calibrated"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(dir.resolve("results.json")));
    assertThat(j.get("crossFoldPredictor").asText()).isEqualTo("calibrated");
    double rate = j.at("/methods/Cross-PPI/mean/0").asDouble();
    assertThat(rate).isBetween(0.0, j.get("optimalRate").asDouble() + 1e-9);
  }

  @Test
  void anUnknownFoldPredictorFails(@TempDir Path dir) {
    Path out = dir.resolve("out");
    CliTestSupport.Result r =
        CliTestSupport.run(args(out, "experiment", "beams", "--cross-fold-predictor", "oracle"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--cross-fold-predictor").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void aodWritesErrorsPerContextAndHeatmaps(@TempDir Path dir) throws Exception {
    CliTestSupport.Result r = CliTestSupport.run(args(dir, "experiment", "aod"));
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(dir.resolve("results.json")));
    for (String m : new String[] {"ERM", "PPI", "CPPI"}) {
      for (String c : new String[] {"LoS", "NLoS", "all"}) {
        assertThat(j.at("/methods/" + m + "/meanErrorDeg/" + c).asDouble())
            .as(m + " " + c)
            .isBetween(0.0, 180.0);
      }
      assertThat(dir.resolve("aod-error-" + m + ".png")).exists();
    }
    assertThat(j.at("/twin/meanErrorDeg/all").isNumber()).isTrue();
    assertThat(dir.resolve("aod-real-azimuth.png")).exists();
  }

  @Test
  void aBadArrayFailsWithOneLineAndNoOutput(@TempDir Path dir) {
    Path out = dir.resolve("out");
    CliTestSupport.Result r =
        CliTestSupport.run(args(out, "experiment", "beams", "--array", "10by16"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--array").doesNotContain("Exception");
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnknownMethodFails(@TempDir Path dir) {
    CliTestSupport.Result r =
        CliTestSupport.run(args(dir.resolve("o"), "experiment", "aod", "--methods", "ERM,magic"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("magic");
  }
}
