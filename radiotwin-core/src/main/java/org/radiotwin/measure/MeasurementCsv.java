package org.radiotwin.measure;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.math.Vec3;

/**
 * Reads and writes {@link MeasurementSet}s as CSV: one row per position, antenna pair and
 * frequency.
 *
 * <h2>Format</h2>
 *
 * <pre>
 * # RadioTwin measurement set
 * # campaign: Aalborg URLLC
 * # noise_level_db: -110.5
 * # notes: first line of notes
 * # notes: second line
 * position_id,tx_x,tx_y,tx_z,rx_x,rx_y,rx_z,frequency,re,im
 * 1,10.5,-3.25,1.5,88.57397,-0.90699,1.15,2000000000,1.2520325203252032E-4,-3.5E-5
 * 1,10.5,-3.25,1.5,88.57397,-0.90699,1.15,2001000000,1.1E-4,-3.9177E-5
 * …
 * </pre>
 *
 * <ul>
 *   <li>UTF-8 text (only comments may hold non-ASCII characters), LF or CRLF line ends. Blank lines
 *       are ignored, and so are lines whose first non-blank character is {@code #}, except that
 *       before the header the comments {@code # campaign: NAME}, {@code # noise_level_db: LEVEL}
 *       (dB on the 10·log10|H|² scale, see {@link MeasurementMetadata}) and {@code # notes: LINE}
 *       (repeated, one per line of notes) carry the set's metadata.
 *   <li>The header is exactly {@code position_id,tx_x,tx_y,tx_z,rx_x,rx_y,rx_z,frequency,re,im},
 *       or, for antenna arrays, {@code
 *       position_id,tx_x,tx_y,tx_z,rx_x,rx_y,rx_z,rx_antenna,tx_antenna,frequency,re,im}, where
 *       {@code rx_antenna} ∈ [0, N_rx) and {@code tx_antenna} ∈ [0, N_tx) index the receive and
 *       transmit antennas (two columns rather than one flat index so that the file says its array
 *       shape: N_rx and N_tx are the largest indices plus one). Names are case-insensitive.
 *   <li>{@code position_id} is a 32-bit integer naming the position, unique in the file; positions
 *       [m]; {@code frequency} [Hz]; {@code re}, {@code im} the real and imaginary part of the
 *       dimensionless channel sample H.
 *   <li><b>Order</b>: rows are position-major. All rows of a position are consecutive and repeat
 *       the same transmitter and receiver coordinates; within a position they go by {@code
 *       rx_antenna}, then {@code tx_antenna}, then frequency, and every position and antenna pair
 *       has exactly the same frequency grid (same values, strictly increasing). A position thus has
 *       N_rx·N_tx·K rows. The reader refuses anything else rather than sorting, so that a file
 *       streams into the arrays in one pass; errors name the file and line.
 *   <li>Numbers are decimal with an optional exponent. The writer prints the shortest decimal that
 *       reads back to the same double ({@link Double#toString}), or an integer for integral values
 *       below 10¹⁵ (typically the frequencies), so a write/read round trip is exact, bit for bit.
 * </ul>
 *
 * <p>Reading a file of 127 positions × 8 001 frequencies (about a million rows, 190 MB) takes a
 * fraction of a second: bytes are parsed without decoding ({@link AsciiLineReader}, {@link
 * EiselLemire}), and the repeated coordinates and frequencies are compared as text with the
 * previous row and the first position's grid instead of being parsed again.
 */
public final class MeasurementCsv {

  /** Header without antenna columns. */
  public static final String HEADER = "position_id,tx_x,tx_y,tx_z,rx_x,rx_y,rx_z,frequency,re,im";

  /** Header with antenna columns. */
  public static final String HEADER_WITH_ANTENNAS =
      "position_id,tx_x,tx_y,tx_z,rx_x,rx_y,rx_z,rx_antenna,tx_antenna,frequency,re,im";

  private MeasurementCsv() {}

  /**
   * Reads a measurement set file.
   *
   * @param file CSV file
   * @return the set
   * @throws RadioTwinException CANNOT_READ_FILE if the file cannot be read, MALFORMED_FILE naming
   *     the line if its content breaks the format
   */
  public static MeasurementSet read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (NoSuchFileException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, file, "file not found");
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
  }

  /**
   * Reads a measurement set from a stream (not closed).
   *
   * @param in the CSV bytes
   * @param sourceName name of the source for error messages
   * @return the set
   * @throws RadioTwinException CANNOT_READ_FILE on a read error, MALFORMED_FILE naming the line if
   *     the content breaks the format
   */
  public static MeasurementSet read(InputStream in, String sourceName) {
    try {
      return new Parser(new AsciiLineReader(in), sourceName).parse();
    } catch (IOException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, sourceName, e.getMessage());
    }
  }

  /**
   * Writes a set to a file, through a temporary file that is moved into place when complete.
   *
   * @param set the measurements
   * @param file target (replaced if present; parent folders are created)
   * @throws RadioTwinException CANNOT_WRITE_FILE on failure (the target is then untouched)
   */
  public static void write(MeasurementSet set, Path file) {
    AtomicFiles.write(file, out -> write(set, out));
  }

  /**
   * Writes a set to a stream (flushed, not closed).
   *
   * @param set the measurements
   * @param out destination
   * @throws IOException on a write error
   */
  public static void write(MeasurementSet set, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    MeasurementMetadata m = set.metadata();
    w.write("# RadioTwin measurement set (org.radiotwin.measure.MeasurementCsv)\n");
    if (!m.campaign().isEmpty()) {
      w.write("# campaign: " + m.campaign() + "\n");
    }
    if (m.noiseLevelDb().isPresent()) {
      w.write("# noise_level_db: " + Double.toString(m.noiseLevelDb().getAsDouble()) + "\n");
    }
    if (!m.notes().isEmpty()) {
      for (String line : m.notes().split("\n", -1)) {
        w.write("# notes: " + line + "\n");
      }
    }
    boolean antennas = set.antennaPairCount() > 1;
    w.write(antennas ? HEADER_WITH_ANTENNAS : HEADER);
    w.write('\n');
    int k = set.frequencyCount();
    int pairs = set.antennaPairCount();
    int nTx = set.txAntennaCount();
    double[] f = set.rawFrequencies();
    String[] freqText = new String[k];
    for (int i = 0; i < k; i++) {
      freqText[i] = format(f[i]) + ",";
    }
    String[] pairText = new String[pairs];
    for (int a = 0; a < pairs; a++) {
      pairText[a] = antennas ? (a / nTx) + "," + (a % nTx) + "," : "";
    }
    double[] tx = set.rawTx();
    double[] rx = set.rawRx();
    double[] h = set.rawSamples();
    int o = 0;
    for (int p = 0; p < set.positionCount(); p++) {
      String prefix =
          set.positionId(p)
              + ","
              + format(tx[3 * p])
              + ","
              + format(tx[3 * p + 1])
              + ","
              + format(tx[3 * p + 2])
              + ","
              + format(rx[3 * p])
              + ","
              + format(rx[3 * p + 1])
              + ","
              + format(rx[3 * p + 2])
              + ",";
      for (int a = 0; a < pairs; a++) {
        for (int i = 0; i < k; i++) {
          w.write(prefix);
          w.write(pairText[a]);
          w.write(freqText[i]);
          w.write(format(h[o]));
          w.write(',');
          w.write(format(h[o + 1]));
          w.write('\n');
          o += 2;
        }
      }
    }
    w.flush();
  }

  /** Shortest exact decimal: an integer when integral and small, else Double.toString. */
  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** One pass over the file: a state machine over rows, validating as it goes. */
  private static final class Parser {
    private static final String[] COORDINATE_NAMES = {
      "tx_x", "tx_y", "tx_z", "rx_x", "rx_y", "rx_z"
    };

    private final AsciiLineReader in;
    private final String source;

    // Header and metadata.
    private boolean headerSeen;
    private boolean antennaColumns;
    private int fieldCount;
    private final int[] sep = new int[12];
    private String campaign = "";
    private OptionalDouble noiseLevelDb = OptionalDouble.empty();
    private StringBuilder notes;

    // Positions.
    private int positions;
    private int[] ids = new int[64];
    private double[] tx = new double[192];
    private double[] rx = new double[192];
    private final Map<Integer, Long> idLines = new HashMap<>();
    private final Map<MeasurementSet.PositionKey, Long> positionLines = new HashMap<>();
    private byte[] prefix = new byte[256];
    private int prefixLength = -1;
    private long blockStartLine;
    private long lastRowLine;
    private int rowInBlock;

    // Grid, known once the first position is complete.
    private boolean gridKnown;
    private double[] grid;
    private byte[] gridText;
    private int[] gridTextStart;
    private int nRx = 1;
    private int nTx = 1;
    private int blockRows;
    private int sweep;
    private int freqIndex;

    // Rows of the first position, kept until its end reveals the grid.
    private int firstCount;
    private double[] firstFreq = new double[1024];
    private int[] firstRx = new int[1024];
    private int[] firstTx = new int[1024];
    private long[] firstLine = new long[1024];
    private byte[] firstText = new byte[16 * 1024];
    private int[] firstTextStart = new int[1025];

    // Samples.
    private double[] h = new double[1 << 16];
    private int hLength;

    Parser(AsciiLineReader in, String source) {
      this.in = in;
      this.source = source;
    }

    MeasurementSet parse() throws IOException {
      while (in.next()) {
        int c = in.firstNonBlank();
        if (c == -1) {
          continue;
        }
        if (c == '#') {
          if (!headerSeen) {
            metadata(in.text().stripLeading());
          }
          continue;
        }
        if (!headerSeen) {
          header(in.text());
          continue;
        }
        row();
      }
      if (!headerSeen) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE, source, "header", "missing (the file is empty)");
      }
      if (positions == 0) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE, source, "content", "no data rows after the header");
      }
      endPosition();
      MeasurementMetadata meta;
      try {
        meta =
            new MeasurementMetadata(campaign, noiseLevelDb, notes == null ? "" : notes.toString());
      } catch (RadioTwinException e) {
        // e.g. a campaign comment holding a bare carriage return: name the file, not just the
        // field.
        throw new RadioTwinException(
            e, RadioTwinMessages.MALFORMED_FILE, source, "metadata comments", e.getMessage());
      }
      return MeasurementSet.wrap(
          Arrays.copyOf(ids, positions),
          Arrays.copyOf(tx, 3 * positions),
          Arrays.copyOf(rx, 3 * positions),
          grid,
          nRx,
          nTx,
          hLength == h.length ? h : Arrays.copyOf(h, hLength),
          meta);
    }

    private RadioTwinException malformed(long line, String problem) {
      return new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, source, "line " + line, problem);
    }

    private void metadata(String line) {
      String s = line.substring(1);
      if (s.startsWith(" ")) {
        s = s.substring(1);
      }
      int colon = s.indexOf(':');
      if (colon < 0) {
        return;
      }
      String key = s.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = s.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (key) {
        case "campaign":
          campaign = value.strip();
          break;
        case "noise_level_db":
          byte[] text = value.getBytes(StandardCharsets.UTF_8);
          double v = EiselLemire.parse(text, 0, text.length, 0);
          if (!Double.isFinite(v)) {
            throw malformed(
                in.lineNumber(), "noise_level_db '" + value.strip() + "' is not a finite number");
          }
          noiseLevelDb = OptionalDouble.of(v);
          break;
        case "notes":
          if (notes == null) {
            notes = new StringBuilder(value);
          } else {
            notes.append('\n').append(value);
          }
          break;
        default:
          // Other comments are free text.
      }
    }

    private void header(String line) {
      String normalised = line.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
      if (normalised.equals(HEADER)) {
        antennaColumns = false;
        fieldCount = 10;
      } else if (normalised.equals(HEADER_WITH_ANTENNAS)) {
        antennaColumns = true;
        fieldCount = 12;
      } else {
        throw malformed(
            in.lineNumber(),
            "expected the header '"
                + HEADER
                + "' (or with rx_antenna,tx_antenna before frequency), got '"
                + abbreviate(line)
                + "'");
      }
      headerSeen = true;
    }

    private void row() {
      byte[] b = in.buffer();
      int s = in.start();
      int e = in.end();
      long line = in.lineNumber();
      int n = 0;
      for (int i = s; i < e; i++) {
        if (b[i] == ',') {
          if (n == fieldCount - 1) {
            throw malformed(line, "more than " + fieldCount + " comma-separated fields");
          }
          sep[n++] = i;
        }
      }
      if (n != fieldCount - 1) {
        throw malformed(line, "expected " + fieldCount + " comma-separated fields, got " + (n + 1));
      }
      // Fields 0..6 (id and coordinates) are compared as bytes with the previous row's: equal
      // text means the same position, with nothing to parse.
      int prefixEnd = sep[6];
      int length = prefixEnd - s;
      boolean samePosition =
          positions > 0
              && length == prefixLength
              && Arrays.equals(b, s, prefixEnd, prefix, 0, length);
      if (!samePosition) {
        startPosition(b, s, prefixEnd, line);
      }
      int fi = 7;
      int ra = 0;
      int ta = 0;
      if (antennaColumns) {
        ra = antennaIndex(b, sep[6] + 1, sep[7], "rx_antenna", line);
        ta = antennaIndex(b, sep[7] + 1, sep[8], "tx_antenna", line);
        fi = 9;
      }
      int fs = sep[fi - 1] + 1;
      int fe = sep[fi];
      double re = number(b, fe + 1, sep[fi + 1], "re", line);
      double im = number(b, sep[fi + 1] + 1, e, "im", line);
      if (gridKnown) {
        if (rowInBlock == blockRows) {
          throw malformed(
              line,
              "position id "
                  + ids[positions - 1]
                  + " has more than "
                  + blockRows
                  + " rows ("
                  + pairsText()
                  + " x "
                  + grid.length
                  + " frequencies, as the first position)");
        }
        if (ra != sweep / nTx || ta != sweep % nTx) {
          throw malformed(
              line,
              "expected rx_antenna "
                  + sweep / nTx
                  + ", tx_antenna "
                  + sweep % nTx
                  + " (antenna pairs in the order of the first position), got "
                  + ra
                  + ", "
                  + ta);
        }
        int ts = gridTextStart[freqIndex];
        int tl = gridTextStart[freqIndex + 1] - ts;
        if (fe - fs != tl || !Arrays.equals(b, fs, fe, gridText, ts, ts + tl)) {
          double f = number(b, fs, fe, "frequency", line);
          if (f != grid[freqIndex]) {
            throw malformed(
                line,
                "frequency "
                    + f
                    + " Hz is not the expected "
                    + grid[freqIndex]
                    + " Hz: every position must use the first position's frequency grid, in"
                    + " order");
          }
        }
        if (++freqIndex == grid.length) {
          freqIndex = 0;
          sweep++;
        }
      } else {
        double f = number(b, fs, fe, "frequency", line);
        addFirstRow(f, ra, ta, line, b, fs, fe);
      }
      if (hLength + 2 > h.length) {
        growSamples(line);
      }
      h[hLength++] = re;
      h[hLength++] = im;
      rowInBlock++;
      lastRowLine = line;
    }

    private void growSamples(long line) {
      if (h.length >= 2 * MeasurementSet.MAX_SAMPLES) {
        throw malformed(line, "more than " + MeasurementSet.MAX_SAMPLES + " samples");
      }
      int target = (int) Math.min(2L * MeasurementSet.MAX_SAMPLES, 2L * h.length);
      if (gridKnown) {
        // Grow by whole positions once their size is known.
        long needed = (long) hLength + 2L * blockRows;
        target = (int) Math.min(2L * MeasurementSet.MAX_SAMPLES, Math.max(needed, target));
      }
      h = Arrays.copyOf(h, target);
    }

    private String pairsText() {
      return nRx + " x " + nTx + " antenna pairs";
    }

    private void startPosition(byte[] b, int s, int prefixEnd, long line) {
      int id = integer(b, s, sep[0], "position_id", line);
      double[] c = new double[6];
      for (int i = 0; i < 6; i++) {
        c[i] = number(b, sep[i] + 1, sep[i + 1], COORDINATE_NAMES[i], line);
      }
      if (positions > 0 && id == ids[positions - 1]) {
        if (sameCoordinates(c, positions - 1)) {
          // The same position written differently (say 1.0 and 1): keep the new text as reference.
          copyPrefix(b, s, prefixEnd);
          return;
        }
        throw malformed(
            line,
            "position id "
                + id
                + " has other tx/rx coordinates than on line "
                + blockStartLine
                + " (they must be the same on every row of a position)");
      }
      if (positions > 0) {
        endPosition();
      }
      Long seen = idLines.get(id);
      if (seen != null) {
        throw malformed(
            line,
            "position id "
                + id
                + " appears again after other positions (first on line "
                + seen
                + "); the rows of a position must be consecutive");
      }
      MeasurementSet.PositionKey key =
          new MeasurementSet.PositionKey(
              new Vec3(c[0] + 0.0, c[1] + 0.0, c[2] + 0.0),
              new Vec3(c[3] + 0.0, c[4] + 0.0, c[5] + 0.0));
      Long same = positionLines.get(key);
      if (same != null) {
        throw malformed(
            line,
            "position id "
                + id
                + " has the same tx and rx coordinates as the position on line "
                + same
                + " (duplicate position)");
      }
      idLines.put(id, line);
      positionLines.put(key, line);
      if (positions == ids.length) {
        ids = Arrays.copyOf(ids, 2 * positions);
        tx = Arrays.copyOf(tx, 6 * positions);
        rx = Arrays.copyOf(rx, 6 * positions);
      }
      ids[positions] = id;
      System.arraycopy(c, 0, tx, 3 * positions, 3);
      System.arraycopy(c, 3, rx, 3 * positions, 3);
      positions++;
      copyPrefix(b, s, prefixEnd);
      blockStartLine = line;
      rowInBlock = 0;
      sweep = 0;
      freqIndex = 0;
    }

    private boolean sameCoordinates(double[] c, int p) {
      for (int i = 0; i < 3; i++) {
        if (c[i] != tx[3 * p + i] || c[3 + i] != rx[3 * p + i]) {
          return false;
        }
      }
      return true;
    }

    private void copyPrefix(byte[] b, int s, int prefixEnd) {
      int length = prefixEnd - s;
      if (prefix.length < length) {
        prefix = new byte[2 * length];
      }
      System.arraycopy(b, s, prefix, 0, length);
      prefixLength = length;
    }

    private void endPosition() {
      if (!gridKnown) {
        analyseFirstPosition();
        return;
      }
      if (rowInBlock != blockRows) {
        throw malformed(
            lastRowLine,
            "position id "
                + ids[positions - 1]
                + " ends after "
                + rowInBlock
                + " rows; expected "
                + blockRows
                + " ("
                + pairsText()
                + " x "
                + grid.length
                + " frequencies, as the first position)");
      }
    }

    private void addFirstRow(double f, int ra, int ta, long line, byte[] b, int fs, int fe) {
      if (firstCount == firstFreq.length) {
        int n = 2 * firstCount;
        firstFreq = Arrays.copyOf(firstFreq, n);
        firstRx = Arrays.copyOf(firstRx, n);
        firstTx = Arrays.copyOf(firstTx, n);
        firstLine = Arrays.copyOf(firstLine, n);
        firstTextStart = Arrays.copyOf(firstTextStart, n + 1);
      }
      int ts = firstTextStart[firstCount];
      if (ts + (fe - fs) > firstText.length) {
        firstText = Arrays.copyOf(firstText, 2 * (ts + (fe - fs)));
      }
      System.arraycopy(b, fs, firstText, ts, fe - fs);
      firstTextStart[firstCount + 1] = ts + (fe - fs);
      firstFreq[firstCount] = f;
      firstRx[firstCount] = ra;
      firstTx[firstCount] = ta;
      firstLine[firstCount] = line;
      firstCount++;
    }

    /** Derives K, N_rx and N_tx from the first position and checks its own structure. */
    private void analyseFirstPosition() {
      if (firstRx[0] != 0 || firstTx[0] != 0) {
        throw malformed(
            firstLine[0],
            "a position's first row must be rx_antenna 0, tx_antenna 0, got "
                + firstRx[0]
                + ", "
                + firstTx[0]);
      }
      int k = 0;
      while (k < firstCount && firstRx[k] == 0 && firstTx[k] == 0) {
        if (!(firstFreq[k] > 0)) {
          throw malformed(firstLine[k], "frequency " + firstFreq[k] + " Hz is not positive");
        }
        if (k > 0 && !(firstFreq[k] > firstFreq[k - 1])) {
          throw malformed(
              firstLine[k],
              "frequency "
                  + firstFreq[k]
                  + " Hz does not increase (previous row: "
                  + firstFreq[k - 1]
                  + " Hz); frequencies must be strictly increasing");
        }
        k++;
      }
      // Every further sweep of the first position: one antenna pair, the same frequencies.
      int sweeps = 0;
      int txCount = 0;
      for (int r = 0; r < firstCount; r += k) {
        int ra = firstRx[r];
        int ta = firstTx[r];
        if (sweeps > 0 && txCount == 0 && ra != 0) {
          txCount = sweeps; // the first sweep with rx_antenna 1 closes the tx_antenna cycle
        }
        int expectedRx = txCount == 0 ? 0 : sweeps / txCount;
        int expectedTx = txCount == 0 ? sweeps : sweeps % txCount;
        if (ra != expectedRx || ta != expectedTx) {
          throw malformed(
              firstLine[r],
              "expected rx_antenna "
                  + expectedRx
                  + ", tx_antenna "
                  + expectedTx
                  + ", got "
                  + ra
                  + ", "
                  + ta
                  + " (antenna pairs go by rx_antenna, then tx_antenna, each with the whole"
                  + " frequency grid)");
        }
        for (int i = 0; i < k; i++) {
          int row = r + i;
          if (row >= firstCount || firstRx[row] != ra || firstTx[row] != ta) {
            long at = row >= firstCount ? firstLine[firstCount - 1] : firstLine[row];
            throw malformed(
                at,
                "the sweep of rx_antenna "
                    + ra
                    + ", tx_antenna "
                    + ta
                    + " ends after "
                    + i
                    + " frequencies; the first sweep has "
                    + k);
          }
          if (firstFreq[row] != firstFreq[i]) {
            throw malformed(
                firstLine[row],
                "frequency "
                    + firstFreq[row]
                    + " Hz is not the expected "
                    + firstFreq[i]
                    + " Hz (every antenna pair must use the same frequency grid)");
          }
        }
        sweeps++;
      }
      nTx = txCount == 0 ? sweeps : txCount;
      if (sweeps % nTx != 0) {
        throw malformed(
            firstLine[firstCount - 1],
            "the first position ends in the middle of the tx_antenna cycle (" + nTx + " per rx)");
      }
      nRx = sweeps / nTx;
      grid = Arrays.copyOf(firstFreq, k);
      gridText = Arrays.copyOf(firstText, firstTextStart[k]);
      gridTextStart = Arrays.copyOf(firstTextStart, k + 1);
      blockRows = firstCount;
      gridKnown = true;
      // The first position's buffers are no longer needed.
      firstFreq = null;
      firstRx = null;
      firstTx = null;
      firstLine = null;
      firstText = null;
      firstTextStart = null;
    }

    private double number(byte[] b, int from, int to, String name, long line) {
      double v = EiselLemire.parse(b, from, to, 0);
      if (!Double.isFinite(v)) {
        throw malformed(
            line,
            name
                + " '"
                + abbreviate(new String(b, from, to - from, StandardCharsets.UTF_8).strip())
                + "' is not a finite number");
      }
      return v;
    }

    private int integer(byte[] b, int from, int to, String name, long line) {
      int i = from;
      int end = to;
      while (i < end && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      while (end > i && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
        end--;
      }
      boolean negative = i < end && b[i] == '-';
      if (i < end && (b[i] == '-' || b[i] == '+')) {
        i++;
      }
      long v = 0;
      boolean ok = i < end && end - i <= 10;
      for (int j = i; ok && j < end; j++) {
        ok = b[j] >= '0' && b[j] <= '9';
        v = v * 10 + (b[j] - '0');
      }
      v = negative ? -v : v;
      if (!ok || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw malformed(
            line,
            name
                + " '"
                + abbreviate(new String(b, from, to - from, StandardCharsets.UTF_8).strip())
                + "' is not a 32-bit integer");
      }
      return (int) v;
    }

    private int antennaIndex(byte[] b, int from, int to, String name, long line) {
      int v = integer(b, from, to, name, line);
      if (v < 0) {
        throw malformed(line, name + " " + v + " is negative");
      }
      return v;
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
