package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FadingProxyExperimentTest {

  @Test
  void quickRunWritesThePlotAndTheQuantileGaps(@TempDir Path dir) throws Exception {
    CliTestSupport.Result r =
        CliTestSupport.run("experiment", "fading-proxy", "--quick", "--out", dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(dir.resolve("results.json")));
    assertThat(j.get("epsilon").asDouble()).isEqualTo(0.01);
    assertThat(j.get("positions")).hasSize(2);
    for (JsonNode p : j.get("positions")) {
      assertThat(p.get("frequencySamples").asInt()).isEqualTo(1001);
      assertThat(p.get("locationSamples").asInt()).isEqualTo(100);
      // Both sample sets estimate the same local mean power (within a few dB) ...
      assertThat(p.get("frequencyMeanDb").asDouble())
          .isCloseTo(p.get("locationMeanDb").asDouble(), within(3.0));
      // ... and the 0.01-quantile lies in the lower tail, below the mean.
      assertThat(p.get("frequencyQuantileDb").asDouble())
          .isLessThan(p.get("frequencyMeanDb").asDouble());
      assertThat(p.get("quantileGapDb").asDouble())
          .isCloseTo(
              p.get("frequencyQuantileDb").asDouble() - p.get("locationQuantileDb").asDouble(),
              within(1e-12));
    }
    // The far transmitter is weaker.
    assertThat(j.at("/positions/1/locationMeanDb").asDouble())
        .isLessThan(j.at("/positions/0/locationMeanDb").asDouble());
    BufferedImage img = ImageIO.read(dir.resolve("fading-proxy.png").toFile());
    assertThat(img.getWidth()).isEqualTo(800);
  }
}
