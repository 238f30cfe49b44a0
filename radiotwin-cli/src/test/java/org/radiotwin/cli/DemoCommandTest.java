package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End-to-end test of {@code radiotwin demo --quick}: the report, the JSON and the figures are
 * written, the numbers are physically sensible, and a real browser (headless Chromium, installed by
 * .ci/run) renders the report with every image loaded.
 */
class DemoCommandTest {

  @TempDir static Path tmp;

  static Path out;
  static JsonNode results;

  @BeforeAll
  static void runDemo() throws Exception {
    out = tmp.resolve("demo");
    CliTestSupport.Result r =
        CliTestSupport.run("demo", "--quick", "--quiet", "--out", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    results = Json.MAPPER.readTree(out.resolve("results.json").toFile());
  }

  @Test
  void writesReportJsonAndFigures() {
    for (String f :
        new String[] {
          "report.html",
          "results.json",
          "site.svg",
          "campaign.svg",
          "gap-before.svg",
          "gap-contexts.png"
        }) {
      assertThat(out.resolve(f)).isRegularFile();
    }
    // No staging folder is left next to the output.
    assertThat(tmp.toFile().list()).containsExactly("demo");
  }

  @Test
  void siteAndGapNumbersAreSensible() {
    JsonNode site = results.get("site");
    assertThat(site.get("users").asInt()).isGreaterThan(100);
    assertThat(site.get("losUsers").asInt()).isBetween(1, site.get("users").asInt() - 1);
    JsonNode gap = results.get("gapBefore");
    // A wrong-material twin without cars: a gap of decibels, larger out of line of sight.
    assertThat(gap.get("meanAbsGapDb").asDouble()).isBetween(0.3, 20.0);
    assertThat(gap.get("meanAbsGapNlosDb").asDouble())
        .isGreaterThan(gap.get("meanAbsGapLosDb").asDouble());
  }

  @Test
  void calibrationClosesTheGapAtHeldOutPositions() {
    JsonNode c = results.get("calibration");
    double before = c.get("heldOutBefore").get("meanAbsGapDb").asDouble();
    // Both losses must reduce the held-out gap; PEAC (seed 000) at least as well as the power loss
    // give or take 0.3 dB of noise from the few held-out positions of the quick run.
    assertThat(c.get("POWER").get("heldOutAfter").get("meanAbsGapDb").asDouble())
        .isLessThan(before);
    assertThat(c.get("PEAC").get("heldOutAfter").get("meanAbsGapDb").asDouble())
        .isLessThan(before)
        .isLessThan(c.get("POWER").get("heldOutAfter").get("meanAbsGapDb").asDouble() + 0.3);
  }

  @Test
  void laterStagesReportTheirHeadlineNumbers() {
    JsonNode err = results.get("radioStats").get("medianAbsErrorDb");
    // The twin's features make the GP better than position alone (seed 004's main claim).
    assertThat(err.get("proposed").asDouble()).isLessThan(err.get("positionOnly").asDouble());
    JsonNode beams = results.get("beams");
    for (JsonNode m : beams.get("methods")) {
      for (JsonNode v : m.get("mean")) {
        assertThat(v.asDouble()).isBetween(0.0, beams.get("optimalRate").asDouble() + 1e-9);
      }
    }
    JsonNode canyon = results.get("canyon").get("methods");
    for (int i = 0; i < canyon.get("PEAC").get("mean").size(); i++) {
      assertThat(canyon.get("PEAC").get("mean").get(i).asDouble())
          .isLessThan(canyon.get("PEOC").get("mean").get(i).asDouble());
    }
    JsonNode mac = results.get("bayesMac").get("methods");
    assertThat(mac.get("tdma").get("meanReturn").get(0).asDouble()).isBetween(6.0, 8.0);
    assertThat(results.get("timings").get("totalSeconds").asDouble()).isPositive();
  }

  @Test
  void refusesToOverwriteAForeignFolder(@TempDir Path dir) throws Exception {
    Path keep = dir.resolve("notes.txt");
    Files.writeString(keep, "mine");
    CliTestSupport.Result r =
        CliTestSupport.run("demo", "--quick", "--quiet", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(RadioTwinCli.EXIT_BAD_INPUT);
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(dir.toFile().list()).containsExactly("notes.txt");
  }

  @Test
  void rendersInHeadlessChromiumWithEveryImageLoaded() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "chromium not installed (.ci/run installs it)");
    Path report = out.resolve("report.html");
    Path shot = Path.of("target", "demo-report.png").toAbsolutePath();
    Process p =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--virtual-time-budget=10000",
                "--window-size=1100,3000",
                "--screenshot=" + shot,
                "--dump-dom",
                report.toUri().toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    Matcher images = Pattern.compile("data-images=\"(\\d+)\"").matcher(dom);
    Matcher broken = Pattern.compile("data-images-broken=\"(\\d+)\"").matcher(dom);
    assertThat(images.find()).as("the report's load script ran").isTrue();
    assertThat(broken.find()).isTrue();
    assertThat(Integer.parseInt(images.group(1))).isGreaterThanOrEqualTo(1);
    assertThat(broken.group(1)).isEqualTo("0");
    assertThat(dom).contains("<svg");
  }
}
