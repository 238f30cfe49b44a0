package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.math.Vec3;
import org.radiotwin.measure.LinkEnd;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.measure.VnaExportWriter;

class MeasureCommandsTest {

  private static final Vec3 BS = new Vec3(88.57397, -0.90699, 1.15);
  private static final String BS_TEXT = "88.57397,-0.90699,1.15";

  /**
   * Three positions, four frequencies (2.000–2.003 GHz): position 1 at −20 dB everywhere, position
   * 2 at −40 dB, position 3 alternating 0 dB and −20 dB; phases vary.
   */
  private static MeasurementSet reference() {
    double[] f = {2.000e9, 2.001e9, 2.002e9, 2.003e9};
    MeasurementSet.Builder b = MeasurementSet.builder(f);
    double[][] magnitudes = {{0.1, 0.1, 0.1, 0.1}, {0.01, 0.01, 0.01, 0.01}, {1, 0.1, 1, 0.1}};
    for (int p = 0; p < 3; p++) {
      double[] h = new double[8];
      for (int k = 0; k < 4; k++) {
        double phase = 0.7 * k + p;
        h[2 * k] = magnitudes[p][k] * Math.cos(phase);
        h[2 * k + 1] = magnitudes[p][k] * Math.sin(phase);
      }
      b.add(p + 1, new Vec3(10 * p, 5, 1.5), BS, h);
    }
    return b.build();
  }

  private static Path export(Path dir) {
    Path vna = dir.resolve("vna");
    VnaExportWriter.write(reference(), vna, LinkEnd.TX, 6);
    return vna;
  }

  @Test
  void importThenInfo(@TempDir Path dir) throws Exception {
    Path vna = export(dir);
    Path out = dir.resolve("set.csv");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "measure",
            "import",
            "--vna",
            vna.toString(),
            "--rx",
            BS_TEXT,
            "--campaign",
            "cli test",
            "--noise-level-db",
            "-110",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("imported 3 positions x 4 frequencies");
    MeasurementSet s = MeasurementCsv.read(out);
    MeasurementSet ref = reference();
    assertThat(s.positionIds()).containsExactly(1, 2, 3);
    assertThat(s.txPositions()).containsExactly(ref.txPositions());
    assertThat(s.rxPosition(2)).isEqualTo(BS);
    assertThat(s.frequencies()).containsExactly(ref.frequencies());
    for (int p = 0; p < 3; p++) {
      for (int k = 0; k < 4; k++) {
        // 6 decimals of dB and degrees: relative error ≤ 0.0663·10⁻⁶ (see VnaExportWriter).
        double tol = 1e-7 * ref.sample(p, k).abs();
        assertThat(s.re(p, k)).isCloseTo(ref.re(p, k), within(tol));
        assertThat(s.im(p, k)).isCloseTo(ref.im(p, k), within(tol));
      }
    }
    assertThat(s.metadata().campaign()).isEqualTo("cli test");

    CliTestSupport.Result info = CliTestSupport.run("measure", "info", out.toString(), "--json");
    assertThat(info.code()).as(info.err()).isZero();
    JsonNode j = info.json();
    assertThat(j.get("positions").asInt()).isEqualTo(3);
    assertThat(j.get("frequencies").asInt()).isEqualTo(4);
    assertThat(j.get("rxAntennas").asInt()).isEqualTo(1);
    assertThat(j.at("/band/min").asDouble()).isEqualTo(2.000e9);
    assertThat(j.at("/band/max").asDouble()).isEqualTo(2.003e9);
    assertThat(j.at("/band/spacing").asDouble()).isCloseTo(1e6, within(1e-6));
    // Mean |H|² per position: 0.01, 0.0001 and (1 + 0.01)/2 = 0.505; overall their mean.
    double tolDb = 1e-5; // 6 decimals of dB in the export
    assertThat(j.at("/power/meanDb").asDouble())
        .isCloseTo(10 * Math.log10((0.01 + 0.0001 + 0.505) / 3), within(tolDb));
    assertThat(j.at("/power/minDb").asDouble()).isCloseTo(-40, within(tolDb));
    assertThat(j.at("/power/maxDb").asDouble()).isCloseTo(0, within(tolDb));
    assertThat(j.at("/metadata/campaign").asText()).isEqualTo("cli test");
    assertThat(j.at("/metadata/noiseLevelDb").asDouble()).isEqualTo(-110);
    assertThat(j.at("/metadata/notes").asText()).contains("VNA export 'vna'");
    JsonNode per = j.get("perPosition");
    assertThat(per).hasSize(3);
    assertThat(per.get(0).get("id").asInt()).isEqualTo(1);
    assertThat(per.get(0).get("meanPowerDb").asDouble()).isCloseTo(-20, within(tolDb));
    assertThat(per.get(1).get("meanPowerDb").asDouble()).isCloseTo(-40, within(tolDb));
    assertThat(per.get(2).get("meanPowerDb").asDouble())
        .isCloseTo(10 * Math.log10(0.505), within(tolDb));
    assertThat(per.get(2).get("tx").get(0).asDouble()).isEqualTo(20);
    assertThat(per.get(2).get("rx").get(0).asDouble()).isEqualTo(88.57397);

    CliTestSupport.Result text = CliTestSupport.run("measure", "info", out.toString());
    assertThat(text.code()).isZero();
    assertThat(text.out())
        .contains("positions    3")
        .contains("frequencies  4, 2.00000 GHz to 2.00300 GHz (spacing 1.00000 MHz)")
        .contains("campaign     cli test")
        .contains("noise level  -110.00 dB")
        .contains("-40.00 dB");
  }

  @Test
  void positionsMayBeTheReceiversAndTheBandCanBeCropped(@TempDir Path dir) throws Exception {
    Path vna = export(dir);
    Path meta = dir.resolve("elsewhere.csv");
    Files.copy(vna.resolve("meta_data.csv"), meta);
    Files.delete(vna.resolve("meta_data.csv"));
    Path out = dir.resolve("set.csv");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "measure",
            "import",
            "--vna",
            vna.toString(),
            "--meta",
            meta.toString(),
            "--tx",
            BS_TEXT,
            "--positions-are",
            "rx",
            "--band",
            "2.0005e9:2.0025e9",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    MeasurementSet s = MeasurementCsv.read(out);
    assertThat(s.txPosition(0)).isEqualTo(BS);
    assertThat(s.rxPosition(1)).isEqualTo(new Vec3(10, 5, 1.5));
    assertThat(s.frequencies()).containsExactly(2.001e9, 2.002e9);
  }

  private static void assertBadInput(CliTestSupport.Result r, String... fragments) {
    assertThat(r.code()).isEqualTo(RadioTwinCli.EXIT_BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").startsWith("radiotwin: error: ");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
  }

  @Test
  void badImportsAreOneLineAndLeaveNoOutput(@TempDir Path dir) throws Exception {
    Path vna = export(dir);
    Path out = dir.resolve("set.csv");
    String v = vna.toString();
    String o = out.toString();
    assertBadInput(
        CliTestSupport.run("measure", "import", "--vna", v, "--out", o), "give exactly one");
    assertBadInput(
        CliTestSupport.run(
            "measure", "import", "--vna", v, "--rx", BS_TEXT, "--tx", BS_TEXT, "--out", o),
        "give exactly one");
    assertBadInput(
        CliTestSupport.run(
            "measure", "import", "--vna", v, "--tx", BS_TEXT, "--positions-are", "tx", "--out", o),
        "--positions-are tx",
        "given with --rx");
    assertBadInput(
        CliTestSupport.run("measure", "import", "--vna", v, "--rx", "1,2", "--out", o),
        "expected x,y,z");
    assertBadInput(
        CliTestSupport.run(
            "measure", "import", "--vna", v, "--rx", BS_TEXT, "--band", "3e9:2e9", "--out", o),
        "FMIN:FMAX");
    assertBadInput(
        CliTestSupport.run(
            "measure", "import", "--vna", v, "--rx", BS_TEXT, "--band", "5e9:6e9", "--out", o),
        "no measured frequency");
    assertThat(out).doesNotExist();

    // A sweep file whose position is not in the meta data: the existing output stays as it was.
    Files.writeString(out, "previous content");
    Files.copy(vna.resolve("3.txt"), vna.resolve("4.txt"));
    assertBadInput(
        CliTestSupport.run("measure", "import", "--vna", v, "--rx", BS_TEXT, "--out", o),
        "4.txt: position 4: not in the meta data file");
    assertThat(Files.readString(out)).isEqualTo("previous content");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("vna", "set.csv");
    }
  }

  @Test
  void infoOnABadFileIsOneLine(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, MeasurementCsv.HEADER + "\n1,0,0,0,1,0,0,1e9,oops,0\n");
    assertBadInput(
        CliTestSupport.run("measure", "info", bad.toString(), "--json"),
        "bad.csv: line 2: re 'oops' is not a finite number");
    assertBadInput(
        CliTestSupport.run("measure", "info", dir.resolve("none.csv").toString()),
        "file not found");
  }
}
