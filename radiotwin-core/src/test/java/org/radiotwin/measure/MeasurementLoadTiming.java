package org.radiotwin.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.radiotwin.math.Vec3;

/**
 * Load-time measurement of the campaign-sized set (127 positions × 8 001 frequencies), run by hand
 * and not a unit test (timings have no place in a pass/fail test):
 *
 * <pre>
 * mvn -o -q -pl radiotwin-core test-compile
 * java -cp radiotwin-core/target/classes:radiotwin-core/target/test-classes \
 *     org.radiotwin.measure.MeasurementLoadTiming [repetitions]
 * </pre>
 *
 * <p>Prints the size of the CSV file, the write time, and the read times of the CSV file and of the
 * same data as a VNA export (127 text files), each repeated to show the warm figure.
 */
public final class MeasurementLoadTiming {

  private MeasurementLoadTiming() {}

  /**
   * Runs the measurement.
   *
   * @param args optional number of repetitions (default 5)
   * @throws IOException if the temporary files cannot be handled
   */
  public static void main(String[] args) throws IOException {
    int repetitions = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    MeasurementSet set = campaignSizedSet(127, 8001, 42);
    Path dir = Files.createTempDirectory("radiotwin-timing");
    try {
      Path csv = dir.resolve("set.csv");
      long t0 = System.nanoTime();
      MeasurementCsv.write(set, csv);
      long t1 = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "CSV: %d rows, %.1f MB, written in %.3f s%n",
          set.sampleCount(),
          Files.size(csv) / 1e6,
          (t1 - t0) / 1e9);
      for (int r = 0; r < repetitions; r++) {
        long a = System.nanoTime();
        MeasurementSet back = MeasurementCsv.read(csv);
        long b = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "CSV read %d: %.3f s (equal: %b)%n",
            r + 1,
            (b - a) / 1e9,
            back.equals(set));
      }
      Path vna = dir.resolve("vna");
      long v0 = System.nanoTime();
      VnaExportWriter.write(set, vna, LinkEnd.TX, 4);
      long v1 = System.nanoTime();
      System.out.printf(Locale.ROOT, "VNA export written in %.3f s%n", (v1 - v0) / 1e9);
      for (int r = 0; r < repetitions; r++) {
        long a = System.nanoTime();
        MeasurementSet back =
            VnaExportReader.read(vna, new Vec3(88.57397, -0.90699, 1.15), LinkEnd.TX);
        long b = System.nanoTime();
        System.out.printf(
            Locale.ROOT,
            "VNA read %d: %.3f s (%d positions)%n",
            r + 1,
            (b - a) / 1e9,
            back.positionCount());
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted((x, y) -> y.compareTo(x)).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Random positions and complex Gaussian samples on a 2–10 GHz grid of 1 MHz steps. */
  static MeasurementSet campaignSizedSet(int positions, int frequencies, long seed) {
    Random random = new Random(seed);
    double[] f = new double[frequencies];
    for (int k = 0; k < frequencies; k++) {
      f[k] = 2e9 + 1e6 * k;
    }
    MeasurementSet.Builder b = MeasurementSet.builder(f);
    Vec3 rx = new Vec3(88.57397, -0.90699, 1.15);
    double[] h = new double[2 * frequencies];
    for (int p = 0; p < positions; p++) {
      Vec3 tx = new Vec3(100 * random.nextDouble(), 50 * random.nextDouble(), 1.5);
      for (int i = 0; i < h.length; i++) {
        h[i] = 1e-4 * random.nextGaussian();
      }
      b.add(p + 1, tx, rx, h);
    }
    return b.metadata(MeasurementMetadata.ofCampaign("timing")).build();
  }
}
