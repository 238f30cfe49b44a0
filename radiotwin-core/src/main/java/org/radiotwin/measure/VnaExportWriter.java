package org.radiotwin.measure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.io.AtomicFiles;

/**
 * Writes a single-antenna {@link MeasurementSet} as a VNA text export in the layout {@link
 * VnaExportReader} reads (the Aalborg campaign's): a test and interoperability helper, used to
 * generate exports for tests and to hand data to tools written for the campaign's files. It is not
 * a faithful emulation of any instrument's export.
 *
 * <p>The folder receives {@code meta_data.csv} ({@code Nr.,x,y,z}: the moving end's position for
 * every position id, coordinates printed exactly) and one file {@code ID.txt} per position: {@value
 * #HEADER_LINES} header lines starting with {@code !} (as in the campaign, whose scripts skip 16
 * lines), the column header {@code PNT\tFREQ1.GHZ\tLOGMAG1\tPHASE2.DEG} and one tab-separated row
 * per frequency: point number from 1, frequency in GHz (exact: the shortest decimal of the Hz value
 * with its point moved), 20·log10|H| [dB] and arg H [degrees, (−180, 180]] rounded to the given
 * number of decimals. Reading back thus gives the frequencies exactly and H to within a relative
 * error of (ln 10/20 + π/180)·0.5·10^−decimals ≈ 0.0663·10^−decimals.
 */
public final class VnaExportWriter {

  /** Number of header lines before the column header. */
  public static final int HEADER_LINES = 16;

  /** Column header line. */
  public static final String COLUMN_HEADER = "PNT\tFREQ1.GHZ\tLOGMAG1\tPHASE2.DEG";

  private VnaExportWriter() {}

  /**
   * Writes the export. Each file is written through a temporary file and moved into place.
   *
   * @param set single-antenna measurements whose fixed end is the same at every position, with
   *     non-negative ids and no zero sample (its dB value would be −∞)
   * @param folder target folder (created if needed; files of the same names are replaced)
   * @param positionsAre the moving end, whose positions go to {@code meta_data.csv}
   * @param decimals digits after the decimal point of LOGMAG and PHASE, 0 to 15
   * @throws RadioTwinException if the set cannot be represented, or CANNOT_WRITE_FILE
   */
  public static void write(MeasurementSet set, Path folder, LinkEnd positionsAre, int decimals) {
    if (set.antennaPairCount() != 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "VNA export",
          "one antenna pair only, the set has " + set.antennaPairCount());
    }
    if (decimals < 0 || decimals > 15) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "decimals " + decimals, "must be in [0, 15]");
    }
    double[] fixed = positionsAre == LinkEnd.TX ? set.rawRx() : set.rawTx();
    double[] moving = positionsAre == LinkEnd.TX ? set.rawTx() : set.rawRx();
    for (int p = 0; p < set.positionCount(); p++) {
      for (int c = 0; c < 3; c++) {
        if (Double.compare(fixed[3 * p + c] + 0.0, fixed[c] + 0.0) != 0) {
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT,
              "VNA export",
              "the "
                  + positionsAre.other().name().toLowerCase(Locale.ROOT)
                  + " position must be the same everywhere; position id "
                  + set.positionId(p)
                  + " differs from id "
                  + set.positionId(0));
        }
      }
      if (set.positionId(p) < 0) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "VNA export",
            "position ids name files and must be non-negative, got " + set.positionId(p));
      }
    }
    double[] h = set.rawSamples();
    for (int i = 0; i < h.length; i += 2) {
      if (h[i] == 0 && h[i + 1] == 0) {
        int p = i / 2 / set.frequencyCount();
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "VNA export",
            "sample "
                + (i / 2) % set.frequencyCount()
                + " of position id "
                + set.positionId(p)
                + " is zero, which has no dB value");
      }
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_WRITE_FILE, folder, e.getMessage());
    }
    int k = set.frequencyCount();
    String[] ghz = new String[k];
    for (int i = 0; i < k; i++) {
      ghz[i] = new BigDecimal(Double.toString(set.frequency(i))).movePointLeft(9).toPlainString();
    }
    String number = "%." + decimals + "f";
    for (int p = 0; p < set.positionCount(); p++) {
      int position = p;
      AtomicFiles.write(
          folder.resolve(set.positionId(p) + ".txt"),
          out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write("!RadioTwin VNA text export (test and interoperability helper)\n");
            w.write("!Position Nr. " + set.positionId(position) + "\n");
            w.write("!Moving end: " + positionsAre + "\n");
            w.write("!Trace 1: S21 LOGMAG [dB]; trace 2: S21 PHASE [deg]\n");
            for (int line = 4; line < HEADER_LINES; line++) {
              w.write("!\n");
            }
            w.write(COLUMN_HEADER);
            w.write('\n');
            int o = 2 * position * k;
            for (int i = 0; i < k; i++) {
              double re = h[o + 2 * i];
              double im = h[o + 2 * i + 1];
              double logmag = 20 * Math.log10(Math.hypot(re, im));
              double phase = Math.toDegrees(Math.atan2(im, re));
              w.write(
                  (i + 1)
                      + "\t"
                      + ghz[i]
                      + "\t"
                      + String.format(Locale.ROOT, number, logmag)
                      + "\t"
                      + String.format(Locale.ROOT, number, phase)
                      + "\n");
            }
            w.flush();
          });
    }
    AtomicFiles.write(
        folder.resolve(VnaExportReader.META_DATA_FILE),
        out -> {
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          w.write("Nr.,x,y,z\n");
          for (int p = 0; p < set.positionCount(); p++) {
            w.write(
                set.positionId(p)
                    + ","
                    + MeasurementCsv.format(moving[3 * p])
                    + ","
                    + MeasurementCsv.format(moving[3 * p + 1])
                    + ","
                    + MeasurementCsv.format(moving[3 * p + 2])
                    + "\n");
          }
          w.flush();
        });
  }
}
