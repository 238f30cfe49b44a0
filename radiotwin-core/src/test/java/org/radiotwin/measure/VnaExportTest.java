package org.radiotwin.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;
import org.radiotwin.math.Vec3;

class VnaExportTest {

  /** The fixed base station of the campaign's processing script (its "rx" array). */
  private static final Vec3 BS = new Vec3(88.57397, -0.90699, 1.15);

  private static Path resourceFolder() throws URISyntaxException {
    return Path.of(VnaExportTest.class.getResource("vna").toURI());
  }

  @Test
  void handWrittenExportGivesTheClosedFormValues() throws Exception {
    MeasurementSet s = VnaExportReader.read(resourceFolder(), BS, LinkEnd.TX);
    // meta_data.csv lists 1, 2 and 3, but only 1 and 2 have a sweep file (3 is "blocked").
    assertThat(s.positionIds()).containsExactly(1, 2);
    assertThat(s.txPosition(0)).isEqualTo(new Vec3(10, 5, 1.5));
    assertThat(s.txPosition(1)).isEqualTo(new Vec3(12.5, -3, 1.5));
    assertThat(s.rxPosition(0)).isEqualTo(BS);
    assertThat(s.rxPosition(1)).isEqualTo(BS);
    // "2.001000000" GHz is exactly 2 001 000 000 Hz.
    assertThat(s.frequencies()).containsExactly(2.0e9, 2.001e9, 2.002e9);
    // File 1: H = 10^(L/20)·e^{jφ}: −20 dB at 0° is 0.1; −40 dB at 90° is 0.01j; 0 dB at −180°
    // is −1. Tolerances: a few ulps of pow, cos and sin.
    assertClose(s.sample(0, 0), new Complex(0.1, 0), 1e-16);
    assertClose(s.sample(0, 1), new Complex(0, 0.01), 1e-17);
    assertClose(s.sample(0, 2), new Complex(-1, 0), 1e-15);
    // File 2 (free-text header, columns in another order, CRLF): −6.020599913 dB is 0.5 to
    // 4·10⁻¹¹ (20·log10 0.5 = −6.0205999132796…), at 45°: 0.5·(1 + j)/√2.
    double c = 0.5 / Math.sqrt(2);
    assertClose(s.sample(1, 0), new Complex(c, c), 1e-10);
    assertClose(s.sample(1, 1), new Complex(0, -0.001), 1e-18);
    assertClose(s.sample(1, 2), new Complex(-10, 0), 1e-14);
    assertThat(s.metadata().notes()).contains("VNA export 'vna'").contains("rx fixed at 88.57397");
  }

  @Test
  void positionsMayBeTheReceivers() throws Exception {
    MeasurementSet s = VnaExportReader.read(resourceFolder(), BS, LinkEnd.RX);
    assertThat(s.rxPosition(1)).isEqualTo(new Vec3(12.5, -3, 1.5));
    assertThat(s.txPosition(1)).isEqualTo(BS);
  }

  private static void assertClose(Complex actual, Complex expected, double tol) {
    assertThat(actual.re()).as("re").isCloseTo(expected.re(), within(tol));
    assertThat(actual.im()).as("im").isCloseTo(expected.im(), within(tol));
  }

  /** Random positions and H with magnitudes from −120 to 0 dB and uniform phases. */
  static MeasurementSet randomSet(int positions, int frequencies, long seed) {
    Random r = new Random(seed);
    double[] f = new double[frequencies];
    for (int k = 0; k < frequencies; k++) {
      f[k] = 2e9 + 1e6 * k + (k % 3 == 0 ? 0.5 : 0); // some non-integer hertz values too
    }
    MeasurementSet.Builder b = MeasurementSet.builder(f);
    double[] h = new double[2 * frequencies];
    for (int p = 0; p < positions; p++) {
      for (int k = 0; k < frequencies; k++) {
        double magnitude = Math.pow(10, -6 * r.nextDouble());
        double phase = 2 * Math.PI * r.nextDouble();
        h[2 * k] = magnitude * Math.cos(phase);
        h[2 * k + 1] = magnitude * Math.sin(phase);
      }
      b.add(3 * p + 1, new Vec3(100 * r.nextDouble(), -20 * r.nextDouble(), 1.5), BS, h);
    }
    return b.build();
  }

  @Test
  void writerAndReaderAgreeToTheTextPrecision(@TempDir Path dir) {
    for (int decimals : new int[] {2, 6}) {
      MeasurementSet s = randomSet(5, 40, decimals);
      Path folder = dir.resolve("d" + decimals);
      VnaExportWriter.write(s, folder, LinkEnd.TX, decimals);
      MeasurementSet back = VnaExportReader.read(folder, BS, LinkEnd.TX);
      assertThat(back.positionIds()).containsExactly(s.positionIds());
      assertThat(back.frequencies()).containsExactly(s.frequencies());
      assertThat(back.txPositions()).containsExactly(s.txPositions());
      assertThat(back.rxPositions()).containsExactly(s.rxPositions());
      // Rounding LOGMAG and PHASE to d decimals errs by at most 0.5·10^−d dB and degrees:
      // |ΔH|/|H| ≤ (ln10/20 + π/180)·0.5·10^−d ≈ 0.0663·10^−d (first order; 1 % margin).
      double bound = 0.0663 * Math.pow(10, -decimals) * 1.01;
      double worst = 0;
      for (int p = 0; p < s.positionCount(); p++) {
        for (int k = 0; k < s.frequencyCount(); k++) {
          Complex a = s.sample(p, k);
          Complex e = back.sample(p, k).sub(a);
          worst = Math.max(worst, e.abs() / a.abs());
        }
      }
      assertThat(worst).isLessThanOrEqualTo(bound);
      // ... and the rounding is really there: the error is not zero.
      assertThat(worst).isGreaterThan(bound / 100);
    }
  }

  @Test
  void vnaToSetToCsvToSetKeepsEveryValue(@TempDir Path dir) throws IOException {
    MeasurementSet s = randomSet(4, 25, 3);
    VnaExportWriter.write(s, dir, LinkEnd.TX, 4);
    MeasurementSet imported = VnaExportReader.read(dir, BS, LinkEnd.TX);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MeasurementCsv.write(imported, out);
    MeasurementSet back =
        MeasurementCsv.read(new ByteArrayInputStream(out.toByteArray()), "memory.csv");
    assertThat(back).isEqualTo(imported);
  }

  @Test
  void writerLayout(@TempDir Path dir) throws IOException {
    MeasurementSet s =
        MeasurementSet.builder(new double[] {2e9, 2.0015e9})
            .add(12, new Vec3(1, 2, 3), BS, new double[] {0.1, 0, 0, -0.01})
            .build();
    VnaExportWriter.write(s, dir, LinkEnd.TX, 3);
    List<String> lines = Files.readAllLines(dir.resolve("12.txt"));
    assertThat(lines).hasSize(VnaExportWriter.HEADER_LINES + 3);
    assertThat(lines.subList(0, 16)).allMatch(l -> l.startsWith("!"));
    assertThat(lines.get(16)).isEqualTo("PNT\tFREQ1.GHZ\tLOGMAG1\tPHASE2.DEG");
    // 0.1 → −20 dB at 0°; −0.01j → −40 dB at −90°.
    assertThat(lines.get(17)).isEqualTo("1\t2.0\t-20.000\t0.000");
    assertThat(lines.get(18)).isEqualTo("2\t2.0015\t-40.000\t-90.000");
    assertThat(Files.readAllLines(dir.resolve("meta_data.csv")))
        .containsExactly("Nr.,x,y,z", "12,1,2,3");
  }

  @Test
  void writerRefusesWhatTheFormatCannotHold(@TempDir Path dir) {
    MeasurementSet zero =
        MeasurementSet.builder(new double[] {1e9})
            .add(1, Vec3.ZERO, BS, new double[] {0, 0})
            .build();
    assertThatThrownBy(() -> VnaExportWriter.write(zero, dir, LinkEnd.TX, 3))
        .hasMessageContaining("is zero");
    MeasurementSet moving =
        MeasurementSet.builder(new double[] {1e9})
            .add(1, Vec3.ZERO, BS, new double[] {1, 0})
            .add(2, Vec3.ZERO, new Vec3(0, 0, 9), new double[] {1, 0})
            .build();
    assertThatThrownBy(() -> VnaExportWriter.write(moving, dir, LinkEnd.TX, 3))
        .hasMessageContaining("rx position must be the same everywhere");
    MeasurementSet mimo =
        MeasurementSet.builder(new double[] {1e9}, 1, 2)
            .add(1, Vec3.ZERO, BS, new double[] {1, 0, 1, 0})
            .build();
    assertThatThrownBy(() -> VnaExportWriter.write(mimo, dir, LinkEnd.TX, 3))
        .hasMessageContaining("one antenna pair only");
  }

  // ---------------------------------------------------------------------------------------------
  // Layout tolerance

  private static final String HEADER = "PNT\tFREQ1.GHZ\tLOGMAG1\tPHASE2.DEG\n";
  private static final String ROWS =
      "1\t2.000\t-20\t0\n" + "2\t2.001\t-30\t10\n" + "3\t2.002\t-40\t20\n";

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void meta(Path dir, String... rows) throws IOException {
    write(dir.resolve("meta_data.csv"), "Nr.,x,y,z\n" + String.join("\n", rows) + "\n");
  }

  @Test
  void fileNamesAreMatchedByTheirLastNumber(@TempDir Path dir) throws IOException {
    assertThat(VnaExportReader.positionNumber("12.txt")).isEqualTo(12);
    assertThat(VnaExportReader.positionNumber("pos_001.txt")).isEqualTo(1);
    assertThat(VnaExportReader.positionNumber("Position 12.txt")).isEqualTo(12);
    assertThat(VnaExportReader.positionNumber("meas_2023-05-04_p7.TXT")).isEqualTo(7);
    assertThat(VnaExportReader.positionNumber("000.txt")).isEqualTo(0);
    assertThat(VnaExportReader.positionNumber("notes.txt")).isEqualTo(-1);
    assertThat(VnaExportReader.positionNumber("12345678901.txt")).isEqualTo(-1);
    meta(dir, "1,0,0,1", "3,1,0,1", "7,2,0,1", "12,3,0,1", "0,4,0,1");
    for (String name :
        new String[] {"pos_001.txt", "Position 12.txt", "7.txt", "meas_2023-05-04_p3.TXT"}) {
      write(dir.resolve(name), HEADER + ROWS);
    }
    write(dir.resolve("readme.md"), "not a sweep");
    write(dir.resolve(".hidden.txt"), "not a sweep either");
    Files.createDirectories(dir.resolve("sub.txt"));
    MeasurementSet s = VnaExportReader.read(dir, BS, LinkEnd.TX);
    assertThat(s.positionIds()).containsExactly(1, 3, 7, 12);
    assertThat(s.txPosition(3)).isEqualTo(new Vec3(3, 0, 1));
  }

  @Test
  void headerLengthDelimiterUnitsAndColumnOrderAreDetected(@TempDir Path dir) throws IOException {
    meta(dir, "1,0,0,1", "2,1,0,1", "3,2,0,1");
    // Comma-separated with MHz and radians, a header of one line.
    write(
        dir.resolve("1.txt"),
        "Exported by hand\nPNT,LOGMAG1,FREQ1.MHZ,PHASE1.RAD\n"
            + "1,-20,2000,0\n2,-20,2001,1.5707963267948966\n3,-20,2002,3\n");
    // Blank-separated, header after 30 lines, an extra FREQ2 column (the first FREQ is used).
    write(
        dir.resolve("2.txt"),
        "!\n".repeat(30)
            + "PNT  FREQ1.GHZ  FREQ2.GHZ  LOGMAG1  PHASE2.DEG\n"
            + "1  2.000  9  -20  0\n2  2.001  9  -20  0\n3  2.002  9  -20  0\n");
    // Tabs, CRLF, blank lines.
    write(
        dir.resolve("3.txt"),
        "\r\nheader\r\n" + HEADER.replace("\n", "\r\n") + ROWS.replace("\n", "\r\n") + "\r\n");
    MeasurementSet s = VnaExportReader.read(dir, BS, LinkEnd.TX);
    assertThat(s.frequencies()).containsExactly(2.0e9, 2.001e9, 2.002e9);
    // π/2 rad at −20 dB: 0.1j.
    assertClose(s.sample(0, 1), new Complex(0, 0.1), 1e-16);
    assertClose(s.sample(0, 2), Complex.polar(0.1, 3), 1e-16);
    assertClose(s.sample(1, 2), new Complex(0.1, 0), 1e-16);
    assertClose(s.sample(2, 1), Complex.polar(Math.pow(10, -1.5), Math.toRadians(10)), 1e-16);
  }

  // ---------------------------------------------------------------------------------------------
  // Bad input: the first problem, with file and line; nothing imported.

  private static void assertImportFails(Path dir, String where, String problem) {
    assertThatThrownBy(() -> VnaExportReader.read(dir, BS, LinkEnd.TX))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining(where)
        .hasMessageContaining(problem);
  }

  private static Path export(Path dir, String name1, String text1, String text2)
      throws IOException {
    meta(dir, "1,0,0,1", "2,1,0,1");
    write(dir.resolve(name1), text1);
    if (text2 != null) {
      write(dir.resolve("2.txt"), text2);
    }
    return dir;
  }

  @Test
  void badValuesAreRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
    String h = "!a\n!b\n" + HEADER; // the column header is line 3, data from line 4
    assertImportFails(
        export(dir.resolve("a"), "1.txt", h + "1\t2.000\tNaN\t0\n", null),
        "1.txt: line 4: ",
        "LOGMAG 'NaN' is not a finite number");
    assertImportFails(
        export(dir.resolve("b"), "1.txt", h + ROWS + "4\t2.003\t-40\n", null),
        "1.txt: line 7: ",
        "missing columns: expected at least 4, got 3");
    assertImportFails(
        export(dir.resolve("c"), "1.txt", h + "1\t2.000\t-20\t0\n2\t2.000\t-20\t0\n", null),
        "1.txt: line 5: ",
        "does not increase");
    assertImportFails(
        export(dir.resolve("d"), "1.txt", h + "1\t2.000\t-20\tnorth\n", null),
        "1.txt: line 4: ",
        "PHASE 'north'");
    assertImportFails(
        export(dir.resolve("e"), "1.txt", h + "1\t-2.000\t-20\t0\n", null),
        "1.txt: line 4: ",
        "not positive");
    assertImportFails(
        export(dir.resolve("f"), "1.txt", h + "1\t2.000\t\t0\n", null),
        "1.txt: line 4: ",
        "LOGMAG '' is not a finite number");
  }

  @Test
  void gridsMustAgreeBetweenFiles(@TempDir Path dir) throws IOException {
    String other = ROWS.replace("2.001", "2.0015");
    assertImportFails(
        export(dir.resolve("a"), "1.txt", HEADER + ROWS, HEADER + other),
        "2.txt: line 3: ",
        "differs from point 2 of 1.txt");
    assertImportFails(
        export(dir.resolve("b"), "1.txt", HEADER + ROWS, HEADER + "1\t2.000\t-20\t0\n"),
        "2.txt: line 2: ",
        "has 1 frequency points; 1.txt has 3");
    assertImportFails(
        export(dir.resolve("c"), "1.txt", HEADER + ROWS, HEADER + ROWS + "4\t2.003\t-20\t0\n"),
        "2.txt: line 5: ",
        "more frequency points than the 3 of 1.txt");
  }

  @Test
  void headerProblems(@TempDir Path dir) throws IOException {
    assertImportFails(
        export(dir.resolve("a"), "1.txt", ROWS, null), "1.txt: header: ", "no column header");
    assertImportFails(
        export(dir.resolve("b"), "1.txt", "!x\n" + HEADER, null),
        "1.txt: content: ",
        "no data rows");
    assertImportFails(
        export(dir.resolve("c"), "1.txt", "PNT\tFREQ1.GHZ\tLOGMAG1\tLOGMAG2\tPHASE2.DEG\n", null),
        "1.txt: line 1: ",
        "several LOGMAG or PHASE columns");
    assertImportFails(
        export(dir.resolve("d"), "1.txt", "PNT\tFREQ1\tLOGMAG1\tPHASE2.DEG\n" + ROWS, null),
        "1.txt: line 1: ",
        "has no unit");
  }

  @Test
  void filesAndPositionsMustMatch(@TempDir Path dir) throws IOException {
    assertImportFails(
        export(dir.resolve("a"), "4.txt", HEADER + ROWS, null),
        "4.txt: position 4: ",
        "not in the meta data file");
    assertImportFails(
        export(dir.resolve("b"), "pos_002.txt", HEADER + ROWS, HEADER + ROWS),
        "file name",
        "position 2 is also the position of");
    assertImportFails(
        export(dir.resolve("c"), "notes.txt", "free text", null),
        "notes.txt: file name: ",
        "has no position number");
    Path d = dir.resolve("d");
    Files.createDirectories(d);
    meta(d, "1,0,0,1");
    assertImportFails(d, "no .txt sweep files", "");
    assertImportFails(dir.resolve("missing"), "missing", "folder not found");
    Path e = dir.resolve("e");
    write(e.resolve("1.txt"), HEADER + ROWS);
    meta(e, "1,0,0,1");
    assertThatThrownBy(
            () ->
                VnaExportReader.read(
                    e.resolve("1.txt"), e.resolve("meta_data.csv"), BS, LinkEnd.TX))
        .hasMessageContaining("1.txt: not a folder");
  }

  @Test
  void metaDataProblems(@TempDir Path dir) throws IOException {
    Path a = dir.resolve("a");
    write(a.resolve("1.txt"), HEADER + ROWS);
    write(a.resolve("meta_data.csv"), "Nr.,x,y,z\n1,0,0,1\n2,5,0,1\n1,3,0,1\n");
    assertImportFails(a, "meta_data.csv: line 4: ", "position number 1 already on line 2");
    write(a.resolve("meta_data.csv"), "Nr.,x,y,z\n1,0,0,1\n2,0,0,1\n");
    assertImportFails(a, "meta_data.csv: line 3: ", "duplicate position");
    write(a.resolve("meta_data.csv"), "Nr.,x,y\n1,0,0\n");
    assertImportFails(a, "meta_data.csv: line 1: ", "expected a header with columns Nr.,x,y,z");
    write(a.resolve("meta_data.csv"), "Nr.,x,y,z\n1,abc,0,1\n");
    assertImportFails(a, "meta_data.csv: line 2: ", "x 'abc' is not a finite number");
    write(a.resolve("meta_data.csv"), "Nr.,x,y,z\n1.5,0,0,1\n");
    assertImportFails(a, "meta_data.csv: line 2: ", "not a non-negative integer");
    write(a.resolve("meta_data.csv"), "Nr.,x,y,z\n1,0,0\n");
    assertImportFails(a, "meta_data.csv: line 2: ", "expected at least 4 columns");
    write(a.resolve("meta_data.csv"), "Nr.,x,y,z\n");
    assertImportFails(a, "meta_data.csv: content: ", "no positions");
    Files.delete(a.resolve("meta_data.csv"));
    assertImportFails(a, "meta_data.csv", "file not found");
    // pandas' unnamed index column, quotes, semicolons and extra columns are fine.
    write(a.resolve("meta_data.csv"), "\"\";\"X\";\"Y\";\"Z\";\"label\"\n1;0.5;0;1;a\n");
    assertThat(VnaExportReader.read(a, BS, LinkEnd.TX).txPosition(0))
        .isEqualTo(new Vec3(0.5, 0, 1));
  }

  @Test
  void fixedEndMustBeFinite() throws Exception {
    Path folder = resourceFolder();
    assertThatThrownBy(() -> VnaExportReader.read(folder, new Vec3(Double.NaN, 0, 0), LinkEnd.TX))
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.NOT_FINITE))
        .hasMessageContaining("fixed rx position");
  }
}
