package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code radiotwin ppi}. The data sets and reference numbers are those of radiotwin-learn's ppi_py
 * parity test (expected.txt there, computed with the ppi_py 0.2.3 transcription in
 * tools/ppi_reference).
 */
class PpiCommandTest {

  private static final Path DATA =
      CliTestSupport.REPO.resolve("radiotwin-learn/src/test/resources/org/radiotwin/learn/ppi");

  private static String file(String name) {
    return DATA.resolve(name).toString();
  }

  private static JsonNode ok(String... args) throws Exception {
    CliTestSupport.Result r = CliTestSupport.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.json();
  }

  @Test
  void tunedMeanWithPValue() throws Exception {
    JsonNode j =
        ok(
            "ppi",
            "mean",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--null",
            "2.2",
            "--json");
    // expected.txt: mean_tuned.*
    assertThat(j.get("estimate").get(0).asDouble()).isCloseTo(2.127292238798169, within(1e-12));
    assertThat(j.get("ciLower").get(0).asDouble()).isCloseTo(1.9698628066204842, within(1e-12));
    assertThat(j.get("ciUpper").get(0).asDouble()).isCloseTo(2.2847216709758538, within(1e-12));
    assertThat(j.get("lambda").asDouble()).isCloseTo(0.7192039514857891, within(1e-12));
    assertThat(j.get("pValue").get(0).asDouble()).isCloseTo(0.44745487339089174, within(1e-12));
    assertThat(j.get("method").asText()).isEqualTo("ppi");
  }

  @Test
  void oneSidedIntervalHasANullEnd() throws Exception {
    JsonNode j =
        ok(
            "ppi",
            "mean",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--lambda",
            "0.5",
            "--alternative",
            "larger",
            "--json");
    assertThat(j.get("ciLower").get(0).asDouble()).isCloseTo(2.031958527175321, within(1e-12));
    assertThat(j.get("ciUpper").get(0).isNull()).isTrue();
    assertThat(j.has("pValue")).isFalse();
  }

  @Test
  void twoDimensionalMeanWithElementwiseLambda() throws Exception {
    JsonNode j =
        ok(
            "ppi",
            "mean",
            "--labeled",
            file("mean2_labeled.csv"),
            "--unlabeled",
            file("mean2_unlabeled.csv"),
            "--y",
            "Y0,Y1",
            "--yhat",
            "Yhat0,Yhat1",
            "--lambda-mode",
            "element",
            "--json");
    assertThat(j.get("lambda").isArray()).isTrue();
    assertThat(j.get("lambda").get(1).asDouble()).isCloseTo(0.2866809997658702, within(1e-12));
    assertThat(j.get("estimate").get(1).asDouble()).isCloseTo(-0.7736580746876772, within(1e-12));
  }

  @Test
  void quantileAndClassicalQuantile() throws Exception {
    JsonNode j =
        ok(
            "ppi",
            "quantile",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--q",
            "0.7",
            "--exact-grid",
            "--json");
    assertThat(j.get("estimate").get(0).asDouble()).isEqualTo(2.7415469706850795);
    assertThat(j.get("ciLower").get(0).asDouble()).isEqualTo(2.0327604946147524);
    assertThat(j.get("ciUpper").get(0).asDouble()).isEqualTo(2.7948202527932855);
    JsonNode c =
        ok(
            "ppi",
            "quantile",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--q",
            "0.3",
            "--classical",
            "--json");
    assertThat(c.get("ciLower").get(0).asDouble()).isEqualTo(1.4614853211071765);
    assertThat(c.get("ciUpper").get(0).asDouble()).isEqualTo(1.7970014872865405);
    assertThat(c.get("lambda").asDouble()).isZero();
  }

  @Test
  void weightedOlsAndClassicalOls() throws Exception {
    JsonNode j =
        ok(
            "ppi",
            "ols",
            "--labeled",
            file("ols_labeled.csv"),
            "--unlabeled",
            file("ols_unlabeled.csv"),
            "--weights",
            "w",
            "--json");
    // expected.txt: ols_weighted.*
    assertThat(j.get("estimate").size()).isEqualTo(3);
    assertThat(j.get("estimate").get(1).asDouble()).isCloseTo(1.968163091938496, within(1e-10));
    assertThat(j.get("ciUpper").get(2).asDouble()).isCloseTo(-0.542446594559679, within(1e-10));
    assertThat(j.get("lambda").asDouble()).isCloseTo(0.592684865448457, within(1e-10));
    JsonNode c =
        ok(
            "ppi",
            "ols",
            "--labeled",
            file("ols_labeled.csv"),
            "--unlabeled",
            file("ols_unlabeled.csv"),
            "--x",
            "X0,X1,X2",
            "--classical",
            "--null",
            "0",
            "--json");
    assertThat(c.get("ciLower").get(0).asDouble()).isCloseTo(0.9777858984778394, within(1e-10));
    assertThat(c.get("pValue").size()).isEqualTo(3);
  }

  @Test
  void logisticAndPoisson() throws Exception {
    JsonNode j =
        ok(
            "ppi",
            "logistic",
            "--labeled",
            file("logistic_labeled.csv"),
            "--unlabeled",
            file("logistic_unlabeled.csv"),
            "--json");
    assertThat(j.get("lambda").asDouble()).isCloseTo(0.9177918974177116, within(2e-6));
    JsonNode p =
        ok(
            "ppi",
            "poisson",
            "--labeled",
            file("poisson_labeled.csv"),
            "--unlabeled",
            file("poisson_unlabeled.csv"),
            "--json");
    assertThat(p.get("lambda").asDouble()).isCloseTo(0.8714023747349525, within(2e-6));
  }

  @Test
  void crossPpiFindsTheFoldColumns() throws Exception {
    JsonNode j =
        ok(
            "ppi",
            "mean",
            "--labeled",
            file("cross_labeled.csv"),
            "--unlabeled",
            file("cross_unlabeled.csv"),
            "--cross",
            "--json");
    assertThat(j.get("estimate").get(0).asDouble()).isCloseTo(0.4413056836152869, within(1e-12));
    assertThat(j.get("ciLower").get(0).asDouble()).isCloseTo(0.15974981344617734, within(1e-12));
    assertThat(j.get("lambda").asDouble()).isEqualTo(1.0);
    JsonNode l =
        ok(
            "ppi",
            "logistic",
            "--labeled",
            file("cross_labeled.csv"),
            "--unlabeled",
            file("cross_unlabeled.csv"),
            "--cross",
            "--y",
            "B",
            "--yhat",
            "Bhat",
            "--yhat-unlabeled",
            "Bhat_0,Bhat_1,Bhat_2",
            "--json");
    assertThat(l.get("estimate").get(1).asDouble()).isCloseTo(1.1832702165361408, within(2e-6));
  }

  @Test
  void textOutput() {
    CliTestSupport.Result r =
        CliTestSupport.run(
            "ppi",
            "mean",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("ppi mean, 90% interval (two-sided), lambda 0.719204");
    assertThat(r.out()).contains("Y");
  }

  @Test
  void badInputExitsWithTwo(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "Y,Yhat\n1,2\n3,oops\n");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "ppi",
            "mean",
            "--labeled",
            bad.toString(),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--json");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").contains("bad.csv").contains("line 3");

    CliTestSupport.Result unknown =
        CliTestSupport.run(
            "ppi",
            "mean",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--y",
            "Z",
            "--json");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("no column 'Z'");

    CliTestSupport.Result both =
        CliTestSupport.run(
            "ppi",
            "mean",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--cross",
            "--classical");
    assertThat(both.code()).isEqualTo(2);

    CliTestSupport.Result missing =
        CliTestSupport.run(
            "ppi",
            "ols",
            "--labeled",
            dir.resolve("none.csv").toString(),
            "--unlabeled",
            file("ols_unlabeled.csv"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("none.csv");

    CliTestSupport.Result lambda =
        CliTestSupport.run(
            "ppi",
            "mean",
            "--labeled",
            file("mean_labeled.csv"),
            "--unlabeled",
            file("mean_unlabeled.csv"),
            "--lambda",
            "lots");
    assertThat(lambda.code()).isEqualTo(2);
    assertThat(lambda.err()).contains("--lambda");
  }
}
