package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radiotwin stats gp} against scikit-learn 1.2.1 (tools/gp/sklearn_reference.py, the same
 * closed-form data set as radiotwin-stats' GaussianProcessRegressorTest).
 */
class StatsGpCommandTest {

  private static Path writeData(Path dir) throws Exception {
    StringBuilder train = new StringBuilder("# closed-form data set\nid,x1,x2,y\n");
    for (int i = 0; i < 15; i++) {
      double a = 3 * Math.sin(1.3 * i);
      double b = 2 * Math.cos(0.7 * i);
      double y = Math.sin(a) + 0.5 * b + 0.1 * Math.cos(5 * i) + 3.0;
      train.append(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.17g%n", i, a, b, y));
    }
    Files.writeString(dir.resolve("train.csv"), train);
    Files.writeString(dir.resolve("predict.csv"), "x2,x1\n0,0\n-1,1.5\n1.7,-2.5\n3,4\n");
    return dir;
  }

  @Test
  void fixedHyperparametersReproduceScikitLearn(@TempDir Path dir) throws Exception {
    writeData(dir);
    Files.writeString(
        dir.resolve("hyper.json"),
        "{\"amplitudeVar\": 0.8, \"lengthScales\": [1.3, 0.8], \"noiseVar\": 0.05}");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "stats",
            "gp",
            "--train",
            dir.resolve("train.csv").toString(),
            "--predict",
            dir.resolve("predict.csv").toString(),
            "--features",
            "x1,x2",
            "--target",
            "y",
            "--kernel",
            "rbf-ard",
            "--hyper",
            dir.resolve("hyper.json").toString(),
            "--out",
            dir.resolve("pred.csv").toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode j = r.json();
    assertThat(j.get("logMarginalLikelihood").asDouble())
        .isCloseTo(-12.947606731554771, within(1e-9));
    assertThat(j.at("/hyperparameters/lengthScales/1").asDouble()).isEqualTo(0.8);
    List<String> lines = Files.readAllLines(dir.resolve("pred.csv"));
    assertThat(lines.get(0)).isEqualTo("mean,std,stdLatent");
    double[] mean = {3.175332259564797, 2.941959555418526, 3.1589949812784166, 3.060955536005279};
    double[] std = {
      0.6435491418654954, 0.6268294681177455, 0.30951608344239645, 0.9797070354335091
    };
    for (int i = 0; i < 4; i++) {
      String[] c = lines.get(i + 1).split(",");
      assertThat(Double.parseDouble(c[0])).isCloseTo(mean[i], within(1e-9));
      assertThat(Double.parseDouble(c[1])).isCloseTo(std[i], within(1e-9));
    }
  }

  @Test
  void fittingReachesScikitLearnsLikelihood(@TempDir Path dir) throws Exception {
    writeData(dir);
    CliTestSupport.Result r =
        CliTestSupport.run(
            "stats",
            "gp",
            "--train",
            dir.resolve("train.csv").toString(),
            "--predict",
            dir.resolve("predict.csv").toString(),
            "--features",
            "x1,x2",
            "--target",
            "y",
            "--kernel",
            "matern52",
            "--restarts",
            "5",
            "--out",
            dir.resolve("pred.csv").toString(),
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    // scikit-learn, 5 restarts: −6.41579598620721.
    assertThat(r.json().get("logMarginalLikelihood").asDouble())
        .isGreaterThanOrEqualTo(-6.41579598620721 - 1e-6);
    assertThat(r.json().at("/hyperparameters/lengthScales")).hasSize(1);
  }

  @Test
  void badInputNamesTheProblemAndWritesNothing(@TempDir Path dir) throws Exception {
    writeData(dir);
    CliTestSupport.Result r =
        CliTestSupport.run(
            "stats",
            "gp",
            "--train",
            dir.resolve("train.csv").toString(),
            "--predict",
            dir.resolve("predict.csv").toString(),
            "--features",
            "x1,x3",
            "--target",
            "y",
            "--out",
            dir.resolve("pred.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("train.csv").contains("no column 'x3'");
    assertThat(dir.resolve("pred.csv")).doesNotExist();
    Files.writeString(dir.resolve("hyper.json"), "{\"amplitudeVar\": 1, \"lengthScales\": [1]}");
    r =
        CliTestSupport.run(
            "stats",
            "gp",
            "--train",
            dir.resolve("train.csv").toString(),
            "--predict",
            dir.resolve("predict.csv").toString(),
            "--features",
            "x1,x2",
            "--target",
            "y",
            "--kernel",
            "rbf-ard",
            "--hyper",
            dir.resolve("hyper.json").toString(),
            "--out",
            dir.resolve("pred.csv").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("hyper.json");
    assertThat(dir.resolve("pred.csv")).doesNotExist();
  }
}
