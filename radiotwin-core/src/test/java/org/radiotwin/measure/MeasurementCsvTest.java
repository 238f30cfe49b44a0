package org.radiotwin.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;
import org.radiotwin.math.Vec3;

class MeasurementCsvTest {

  private static final String HEADER = MeasurementCsv.HEADER + "\n";

  private static String toCsv(MeasurementSet s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MeasurementCsv.write(s, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static MeasurementSet fromCsv(String text) {
    return MeasurementCsv.read(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv");
  }

  @Test
  void readsAHandWrittenFile() {
    String csv =
        "# campaign: hand made\n"
            + "# noise_level_db: -95.5\n"
            + "# notes: first\n"
            + "# notes: second\n"
            + "\n"
            + HEADER
            + "4,0,0,1.5,10,0,1.5,1e9,0.5,-0.25\n"
            + "4,0,0,1.5,10,0,1.5,1.5e9,1e-3,2E-3\n"
            + "# a comment between rows\n"
            + "9,2.5,0,1.5,10,0,1.5,1000000000,-1,0\n"
            + "9,2.5,0,1.5,10,0,1.5,1500000000.0,0,1\n";
    MeasurementSet s = fromCsv(csv);
    assertThat(s.positionIds()).containsExactly(4, 9);
    assertThat(s.frequencies()).containsExactly(1e9, 1.5e9);
    assertThat(s.txPosition(1)).isEqualTo(new Vec3(2.5, 0, 1.5));
    assertThat(s.rxPosition(1)).isEqualTo(new Vec3(10, 0, 1.5));
    assertThat(s.sample(0, 0)).isEqualTo(new Complex(0.5, -0.25));
    assertThat(s.sample(0, 1)).isEqualTo(new Complex(1e-3, 2e-3));
    assertThat(s.sample(1, 0)).isEqualTo(new Complex(-1, 0));
    assertThat(s.sample(1, 1)).isEqualTo(new Complex(0, 1));
    assertThat(s.metadata().campaign()).isEqualTo("hand made");
    assertThat(s.metadata().noiseLevelDb().getAsDouble()).isEqualTo(-95.5);
    assertThat(s.metadata().notes()).isEqualTo("first\nsecond");
  }

  @Test
  void toleratesCrLfByteOrderMarkBlanksAndSpaces() {
    String csv =
        "\uFEFF position_id, tx_x, tx_y, tx_z, rx_x, rx_y, rx_z, frequency, re, im\r\n"
            + "1, 0, 0, 0, 1, 0, 0, 1e9, 1, 2\r\n"
            + "\r\n"
            + "1,0.0,0,0,1,0,0,2e9,3,4\r\n";
    MeasurementSet s = fromCsv(csv);
    // "0" and "0.0" are the same coordinate, so both rows belong to position 1.
    assertThat(s.positionCount()).isEqualTo(1);
    assertThat(s.sample(0, 1)).isEqualTo(new Complex(3, 4));
  }

  @Test
  void writesTheDocumentedLayout() throws IOException {
    MeasurementSet s =
        MeasurementSet.builder(new double[] {2e9, 2.5e9})
            .add(3, new Vec3(1, 2, 3), new Vec3(-4, 5.5, 6), new double[] {0.5, -0.25, 1e-5, 0})
            .metadata(MeasurementMetadata.ofCampaign("demo").withNoiseLevelDb(-90))
            .build();
    assertThat(toCsv(s))
        .isEqualTo(
            "# RadioTwin measurement set (org.radiotwin.measure.MeasurementCsv)\n"
                + "# campaign: demo\n"
                + "# noise_level_db: -90.0\n"
                + HEADER
                + "3,1,2,3,-4,5.5,6,2000000000,0.5,-0.25\n"
                + "3,1,2,3,-4,5.5,6,2500000000,1.0E-5,0\n");
  }

  @Property(tries = 200)
  void roundTripIsExact(
      @ForAll("samples") double[] values,
      @ForAll("coordinates") double x,
      @ForAll("coordinates") double y) {
    // Two positions, three frequencies; the 12 sample values and two coordinates are arbitrary
    // doubles (subnormals, −0.0, extremes): the text must give every bit back.
    double[] f = {1.0000000000000002e9, 2.5e9, 7.123456789012345e10};
    MeasurementSet s =
        MeasurementSet.builder(f)
            .add(-5, new Vec3(x, y, 0), new Vec3(1, 1, 1), java.util.Arrays.copyOf(values, 6))
            .add(
                Integer.MAX_VALUE,
                new Vec3(x, y, 1),
                new Vec3(1, 1, 1),
                java.util.Arrays.copyOfRange(values, 6, 12))
            .metadata(
                new MeasurementMetadata(
                    "c\u00e9 ,x", java.util.OptionalDouble.of(y), "  a \n\nb:c  \n"))
            .build();
    String text;
    try {
      text = toCsv(s);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    MeasurementSet back = fromCsv(text);
    assertThat(back).isEqualTo(s);
    for (int i = 0; i < 12; i++) {
      assertThat(Double.doubleToRawLongBits(back.copySamples()[i]))
          .isEqualTo(Double.doubleToRawLongBits(values[i]));
    }
  }

  @Provide
  Arbitrary<double[]> samples() {
    return Arbitraries.doubles()
        .withSpecialValue(-0.0)
        .withSpecialValue(Double.MIN_VALUE)
        .withSpecialValue(-Double.MAX_VALUE)
        .withSpecialValue(1e15)
        .withSpecialValue(123456789012345.0)
        .array(double[].class)
        .ofSize(12);
  }

  @Provide
  Arbitrary<Double> coordinates() {
    return Arbitraries.doubles().between(-1e6, 1e6).withSpecialValue(-0.0);
  }

  @Test
  void antennaArraysRoundTripWithAntennaColumns() throws IOException {
    // 2 rx × 2 tx antennas, 3 frequencies, 2 positions: H = p + j·(10a + k).
    double[] f = {1e9, 2e9, 3e9};
    MeasurementSet.Builder b = MeasurementSet.builder(f, 2, 2);
    for (int p = 0; p < 2; p++) {
      double[] h = new double[2 * 4 * 3];
      for (int a = 0; a < 4; a++) {
        for (int k = 0; k < 3; k++) {
          h[2 * (a * 3 + k)] = p;
          h[2 * (a * 3 + k) + 1] = 10 * a + k;
        }
      }
      b.add(p, new Vec3(p, 0, 0), Vec3.ZERO, h);
    }
    MeasurementSet s = b.build();
    String text = toCsv(s);
    List<String> lines = text.lines().toList();
    assertThat(lines.get(1)).isEqualTo(MeasurementCsv.HEADER_WITH_ANTENNAS);
    // Row order: position, rx_antenna, tx_antenna, frequency.
    assertThat(lines.get(2)).isEqualTo("0,0,0,0,0,0,0,0,0,1000000000,0,0");
    assertThat(lines.get(5)).isEqualTo("0,0,0,0,0,0,0,0,1,1000000000,0,10");
    assertThat(lines.get(11)).isEqualTo("0,0,0,0,0,0,0,1,1,1000000000,0,30");
    assertThat(lines).hasSize(2 + 2 * 4 * 3);
    MeasurementSet back = fromCsv(text);
    assertThat(back).isEqualTo(s);
    assertThat(back.rxAntennaCount()).isEqualTo(2);
    assertThat(back.txAntennaCount()).isEqualTo(2);
    assertThat(back.im(1, back.antennaPair(1, 0), 2)).isEqualTo(22);
  }

  @Test
  void oneByThreeAndThreeByOneArraysAreRecognised() throws IOException {
    for (int[] shape : new int[][] {{1, 3}, {3, 1}}) {
      MeasurementSet.Builder b =
          MeasurementSet.builder(new double[] {1e9, 2e9}, shape[0], shape[1]);
      double[] h = new double[2 * 3 * 2];
      for (int i = 0; i < h.length; i++) {
        h[i] = i;
      }
      MeasurementSet s = b.add(1, Vec3.ZERO, new Vec3(0, 0, 1), h).build();
      MeasurementSet back = fromCsv(toCsv(s));
      assertThat(back).isEqualTo(s);
      assertThat(back.rxAntennaCount()).isEqualTo(shape[0]);
    }
  }

  @Test
  void fileRoundTripIsAtomic(@TempDir Path dir) throws IOException {
    MeasurementSet s = MeasurementSetTest.labelled();
    Path file = dir.resolve("sub/set.csv");
    MeasurementCsv.write(s, file);
    assertThat(MeasurementCsv.read(file)).isEqualTo(s);
    // A target that cannot be replaced (a non-empty folder): the write fails, nothing is left.
    Path blocked = dir.resolve("blocked.csv");
    Files.createDirectories(blocked.resolve("inside"));
    assertThatThrownBy(() -> MeasurementCsv.write(s, blocked))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("cannot write")
        .hasMessageContaining("blocked.csv");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsOnly("sub", "blocked.csv");
    }
    assertThatThrownBy(() -> MeasurementCsv.read(dir.resolve("missing.csv")))
        .hasMessageContaining("missing.csv")
        .hasMessageContaining("file not found");
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input: each error names the file, the line and the problem.

  private static void assertMalformed(String csv, String line, String problem) {
    assertThatThrownBy(() -> fromCsv(csv))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.MALFORMED_FILE))
        .hasMessageStartingWith("test.csv: " + line + ": ")
        .hasMessageContaining(problem);
  }

  private static final String ROW_1A = "1,0,0,0,1,0,0,1e9,1,0\n";
  private static final String ROW_1B = "1,0,0,0,1,0,0,2e9,1,0\n";
  private static final String ROW_2A = "2,5,0,0,1,0,0,1e9,1,0\n";
  private static final String ROW_2B = "2,5,0,0,1,0,0,2e9,1,0\n";

  @Test
  void headerProblems() {
    assertMalformed("", "header", "missing");
    assertMalformed("# only a comment\n", "header", "missing");
    assertMalformed("x,y\n" + ROW_1A, "line 1", "expected the header");
    assertMalformed("position_id,tx_x,tx_y,tx_z,rx_x,rx_y,rx_z,re,im,frequency\n", "line 1", "got");
    assertMalformed(HEADER, "content", "no data rows");
    assertMalformed("# noise_level_db: loud\n" + HEADER + ROW_1A, "line 1", "noise_level_db");
  }

  @Test
  void rowProblems() {
    assertMalformed(HEADER + ROW_1A + "1,0,0,0,1,0,0,2e9,1\n", "line 3", "expected 10");
    assertMalformed(HEADER + "1,0,0,0,1,0,0,1e9,1,0,7\n", "line 2", "more than 10");
    assertMalformed(HEADER + ROW_1A + "1,0,0,0,1,0,0,2e9,NaN,0\n", "line 3", "re 'NaN'");
    assertMalformed(HEADER + "1,0,0,0,1,0,0,1e9,1,inf\n", "line 2", "im 'inf'");
    assertMalformed(HEADER + "1,0,0,0,1,0,0,1e9,1,\n", "line 2", "im ''");
    assertMalformed(HEADER + "1,0,abc,0,1,0,0,1e9,1,0\n", "line 2", "tx_y 'abc'");
    assertMalformed(HEADER + "1,0,0,0,1,0,0,zero,1,0\n", "line 2", "frequency 'zero'");
    assertMalformed(HEADER + "1.5,0,0,0,1,0,0,1e9,1,0\n", "line 2", "position_id '1.5'");
    assertMalformed(HEADER + "99999999999,0,0,0,1,0,0,1e9,1,0\n", "line 2", "32-bit");
  }

  @Test
  void frequencyGridProblems() {
    assertMalformed(HEADER + ROW_1B + ROW_1A, "line 3", "strictly increasing");
    assertMalformed(HEADER + ROW_1A + ROW_1A, "line 3", "strictly increasing");
    assertMalformed(HEADER + "1,0,0,0,1,0,0,-1e9,1,0\n", "line 2", "not positive");
    // The second position on another grid.
    assertMalformed(
        HEADER + ROW_1A + ROW_1B + ROW_2A + "2,5,0,0,1,0,0,3e9,1,0\n",
        "line 5",
        "not the expected 2.0E9 Hz");
    // Same values written differently are fine.
    MeasurementSet s =
        fromCsv(HEADER + ROW_1A + ROW_1B + ROW_2A + "2,5,0,0,1,0,0,2000000000,1,0\n");
    assertThat(s.positionCount()).isEqualTo(2);
  }

  @Test
  void positionStructureProblems() {
    // A position with a missing frequency, then one with an extra row.
    assertMalformed(HEADER + ROW_1A + ROW_1B + ROW_2A, "line 4", "ends after 1 rows; expected 2");
    assertMalformed(
        HEADER + ROW_1A + ROW_1B + ROW_2A + ROW_2B + "2,5,0,0,1,0,0,3e9,1,0\n",
        "line 6",
        "more than 2 rows");
    // Rows of position 1 interrupted by position 2.
    assertMalformed(
        HEADER + ROW_1A + ROW_1B + ROW_2A + ROW_2B + ROW_1A + ROW_1B,
        "line 6",
        "position id 1 appears again");
    // Another id at the same transmitter and receiver.
    assertMalformed(
        HEADER + ROW_1A + ROW_1B + "3,0,0,0,1,0,0,1e9,1,0\n", "line 4", "duplicate position");
    // Coordinates changing within a position.
    assertMalformed(
        HEADER + ROW_1A + "1,0,0,0,1,0,0.5,2e9,1,0\n", "line 3", "other tx/rx coordinates");
  }

  @Test
  void antennaOrderProblems() {
    String h = MeasurementCsv.HEADER_WITH_ANTENNAS + "\n";
    String p = "1,0,0,0,1,0,0,";
    assertMalformed(h + p + "0,1,1e9,1,0\n", "line 2", "first row must be rx_antenna 0");
    assertMalformed(
        h + p + "0,0,1e9,1,0\n" + p + "1,1,1e9,1,0\n",
        "line 3",
        // rx_antenna 1 after one sweep means one transmit antenna, so (1, 0) must come next.
        "expected rx_antenna 1, tx_antenna 0, got 1, 1");
    assertMalformed(
        h + p + "0,0,1e9,1,0\n" + p + "0,2,1e9,1,0\n",
        "line 3",
        "expected rx_antenna 0, tx_antenna 1, got 0, 2");
    assertMalformed(
        h + p + "0,0,1e9,1,0\n" + p + "0,0,2e9,1,0\n" + p + "0,1,1e9,1,0\n",
        "line 4",
        "ends after 1 frequencies");
    assertMalformed(
        h + p + "0,0,1e9,1,0\n" + p + "0,1,1e9,1,0\n" + p + "1,0,1e9,1,0\n",
        "line 4",
        "middle of the tx_antenna cycle");
    assertMalformed(h + p + "0,-1,1e9,1,0\n", "line 2", "tx_antenna -1 is negative");
    // The second position must repeat the first one's antenna order.
    assertMalformed(
        h + p + "0,0,1e9,1,0\n" + p + "0,1,1e9,1,0\n" + "2,5,0,0,1,0,0,0,1,1e9,1,0\n",
        "line 4",
        "expected rx_antenna 0, tx_antenna 0");
  }
}
