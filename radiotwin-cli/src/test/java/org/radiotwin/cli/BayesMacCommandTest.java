package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BayesMacCommandTest {

  @Test
  void smallRunWritesResultsAndBothFigures(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("mac.json");
    Files.writeString(
        cfg, "{\"trainingSlots\": 4000, \"evaluationEpisodes\": 1, \"evaluationSlots\": 1000}");
    Path out = dir.resolve("out");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "experiment",
            "bayes-mac",
            "--data-slots",
            "0,5",
            "--runs",
            "3",
            "--seed",
            "3",
            "--config",
            cfg.toString(),
            "--quiet",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = Json.MAPPER.readTree(Files.readString(out.resolve("results.json")));
    assertThat(j.get("dataSlots")).hasSize(2);
    assertThat(j.get("runs").asInt()).isEqualTo(3);
    for (String m :
        new String[] {"bayesian", "frequentist", "frequentistMl", "modelFree", "tdma", "aloha"}) {
      JsonNode node = j.at("/methods/" + m);
      assertThat(node.get("meanReturn")).as(m).hasSize(2);
      assertThat(node.get("ci")).as(m).hasSize(2);
      assertThat(node.get("throughput")).as(m).hasSize(2);
    }
    assertThat(j.at("/config/trainingSlots").asInt()).isEqualTo(4000);
    assertThat(j.at("/config/reception/2/1").asDouble()).isEqualTo(0.8);
    assertThat(j.at("/tdmaAnalyticThroughput").asDouble()).isEqualTo(1 - Math.pow(0.6, 4));
    assertThat(j.at("/posterior/0/dataSlots").asInt()).isEqualTo(5);
    // TDMA does not depend on the data: the same value at every size.
    assertThat(j.at("/methods/tdma/meanReturn/0").asDouble())
        .isEqualTo(j.at("/methods/tdma/meanReturn/1").asDouble());
    for (String png : new String[] {"bayes-mac.png", "posterior.png"}) {
      BufferedImage img = ImageIO.read(out.resolve(png).toFile());
      assertThat(img.getWidth()).isEqualTo(800);
    }
    assertThat(r.err()).contains("bayesian").contains("frequentist");
  }

  @Test
  void badConfigurationsFailWithOneLineAndNoOutput(@TempDir Path dir) throws Exception {
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, "{\"devcies\": 4}");
    Path out = dir.resolve("out");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "experiment", "bayes-mac", "--config", unknown.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(RadioTwinCli.EXIT_BAD_INPUT);
    assertThat(r.err().strip()).doesNotContain("\n").contains("unknown.json").contains("devcies");
    assertThat(out).doesNotExist();

    Path badRow = dir.resolve("row.json");
    Files.writeString(
        badRow, "{\"reception\": [[1], [0, 1], [0, 0.5, 0.2], [1, 0, 0, 0], [1, 0, 0, 0, 0]]}");
    r =
        CliTestSupport.run(
            "experiment", "bayes-mac", "--config", badRow.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(RadioTwinCli.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("row.json").contains("reception[2]").contains("sum to 1");
    assertThat(out).doesNotExist();

    r =
        CliTestSupport.run(
            "experiment", "bayes-mac", "--data-slots", "5,2", "--out", out.toString());
    assertThat(r.code()).isEqualTo(RadioTwinCli.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("data slots").contains("increasing");
    assertThat(out).doesNotExist();
  }
}
