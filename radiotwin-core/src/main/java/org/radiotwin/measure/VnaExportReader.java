package org.radiotwin.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;

/**
 * Imports a vector network analyser's text export in the layout of the Aalborg University URLLC
 * measurement campaign: one text file per position and a {@code meta_data.csv} of positions; one
 * end of the link moves between the positions, the other is fixed and given by the caller.
 *
 * <h2>Sweep files</h2>
 *
 * <p>Every regular file of the folder whose name ends in {@code .txt} (any case; hidden files
 * skipped; other files ignored) holds one frequency sweep, as an Anritsu VNA writes it:
 *
 * <pre>
 * !any number of header lines (16 in the campaign)
 * PNT	FREQ1.GHZ	LOGMAG1	PHASE2.DEG
 * 1	2.000000000	-52.318	123.41
 * 2	2.001000000	-52.907	-96.05
 * </pre>
 *
 * <ul>
 *   <li>The column header is the first line (not starting with {@code !} or {@code #}) naming a
 *       frequency column {@code FREQn.UNIT} (UNIT {@code GHZ}, {@code MHZ}, {@code KHZ} or {@code
 *       HZ}), a magnitude column {@code LOGMAGn} [dB] and a phase column {@code PHASEn.DEG} or
 *       {@code PHASEn.RAD} (no unit: degrees); whatever comes before it is skipped, so the header
 *       length is not fixed. Columns are found by name, in any order, separated by tabs (or, if the
 *       header line has no tab, commas, semicolons or blanks); other columns such as {@code PNT}
 *       are ignored. With several frequency columns the first is used; several magnitude or phase
 *       columns are ambiguous and refused.
 *   <li>Every later non-blank line is a data row: H = 10^(LOGMAG/20)·e^{j·PHASE·π/180}, at the
 *       frequency converted to Hz exactly (the decimal text times 10⁹ for GHz, rounded once).
 *   <li>Frequencies must be positive and strictly increasing, and every file must have the same
 *       grid (same values) as the file with the lowest position number.
 *   <li><b>File names</b>: the position number is the last run of digits of the name without its
 *       extension, leading zeros ignored: {@code 12.txt}, {@code pos_012.txt}, {@code Position
 *       12.txt} and {@code meas_2023-05-04_p12.txt} all hold position 12. A {@code .txt} file
 *       without digits, or two files with the same number, are errors.
 * </ul>
 *
 * <h2>Positions</h2>
 *
 * <p>{@code meta_data.csv} (as pandas writes it) has a header line with columns {@code Nr.}, {@code
 * x}, {@code y}, {@code z} (names case-insensitive, quotes allowed, other columns ignored; the
 * number column may also be called {@code Nr}, {@code No}, {@code No.}, {@code id}, or be the
 * unnamed first column), separated by commas (or semicolons or tabs), and one row per position
 * number with its coordinates [m]. Positions without a sweep file are skipped (the campaign lists
 * blocked points that have no measurement); a sweep file whose number is not in the meta data is an
 * error.
 *
 * <p>Nothing is imported partially: the first problem — a bad or missing value, a missing column, a
 * non-increasing frequency, a grid that differs from the first file's, a duplicate position number
 * or position — raises a {@link RadioTwinException} naming the file and line. The set's positions
 * are ordered by position number, which becomes the position id.
 */
public final class VnaExportReader {

  /** Name of the positions file in the campaign's folders. */
  public static final String META_DATA_FILE = "meta_data.csv";

  private static final Pattern FREQ = Pattern.compile("FREQ\\d*(?:\\.(GHZ|MHZ|KHZ|HZ))?");
  private static final Pattern LAST_NUMBER = Pattern.compile("(\\d+)\\D*$");

  private VnaExportReader() {}

  /**
   * Imports a folder whose positions are in its own {@code meta_data.csv}.
   *
   * @param folder folder of sweep files
   * @param fixedEnd position of the fixed end of the link [m]
   * @param positionsAre which end the meta-data positions are (the other end is fixed)
   * @return the measurements, one position per sweep file
   * @throws RadioTwinException naming the file and line of the first problem
   */
  public static MeasurementSet read(Path folder, Vec3 fixedEnd, LinkEnd positionsAre) {
    return read(folder, folder.resolve(META_DATA_FILE), fixedEnd, positionsAre);
  }

  /**
   * Imports a folder of sweep files with a positions file.
   *
   * @param folder folder of sweep files
   * @param metaData positions file ({@code Nr.,x,y,z})
   * @param fixedEnd position of the fixed end of the link [m]
   * @param positionsAre which end the meta-data positions are (the other end is fixed)
   * @return the measurements, one position per sweep file, ordered by position number
   * @throws RadioTwinException naming the file and line of the first problem
   */
  public static MeasurementSet read(
      Path folder, Path metaData, Vec3 fixedEnd, LinkEnd positionsAre) {
    if (folder == null || metaData == null || fixedEnd == null || positionsAre == null) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "VNA import", "arguments must not be null");
    }
    if (!fixedEnd.isFinite()) {
      throw new RadioTwinException(
          RadioTwinMessages.NOT_FINITE,
          "fixed " + positionsAre.other().name().toLowerCase(Locale.ROOT) + " position",
          fixedEnd);
    }
    TreeMap<Integer, Path> files = sweepFiles(folder, metaData);
    Map<Integer, MetaRow> meta = readMetaData(metaData);
    for (Map.Entry<Integer, Path> e : files.entrySet()) {
      if (!meta.containsKey(e.getKey())) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            e.getValue(),
            "position " + e.getKey(),
            "not in the meta data file " + metaData);
      }
    }
    int n = files.size();
    int[] ids = new int[n];
    double[] moving = new double[3 * n];
    double[] fixed = new double[3 * n];
    double[] grid = null;
    Path gridFile = null;
    double[] samples = null;
    int p = 0;
    for (Map.Entry<Integer, Path> e : files.entrySet()) {
      Sweep s = readSweep(e.getValue(), grid, gridFile);
      if (grid == null) {
        grid = s.frequencies;
        gridFile = e.getValue();
        if ((long) grid.length * n > MeasurementSet.MAX_SAMPLES) {
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT,
              "VNA import of " + folder,
              n + " files x " + grid.length + " frequencies exceed the sample limit");
        }
        samples = new double[2 * grid.length * n];
      }
      System.arraycopy(s.h, 0, samples, 2 * p * grid.length, 2 * grid.length);
      MetaRow m = meta.get(e.getKey());
      ids[p] = e.getKey();
      moving[3 * p] = m.x;
      moving[3 * p + 1] = m.y;
      moving[3 * p + 2] = m.z;
      fixed[3 * p] = fixedEnd.x();
      fixed[3 * p + 1] = fixedEnd.y();
      fixed[3 * p + 2] = fixedEnd.z();
      p++;
    }
    String notes =
        String.format(
            Locale.ROOT,
            "VNA export '%s' (positions from '%s' are the %s; %s fixed at %s, %s, %s m)",
            fileName(folder),
            fileName(metaData),
            positionsAre.name().toLowerCase(Locale.ROOT),
            positionsAre.other().name().toLowerCase(Locale.ROOT),
            fixedEnd.x(),
            fixedEnd.y(),
            fixedEnd.z());
    MeasurementMetadata metadata = MeasurementMetadata.NONE.withNotes(notes);
    boolean txMoves = positionsAre == LinkEnd.TX;
    return MeasurementSet.wrap(
        ids, txMoves ? moving : fixed, txMoves ? fixed : moving, grid, 1, 1, samples, metadata);
  }

  private static String fileName(Path p) {
    Path name = p.toAbsolutePath().normalize().getFileName();
    return name == null ? p.toString() : name.toString();
  }

  /**
   * The position number a sweep file name holds: its last run of digits, extension excluded.
   *
   * @param fileName file name (no folder)
   * @return the number, or −1 if the name has no digits (or too many to be a number)
   */
  static int positionNumber(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String base = dot > 0 ? fileName.substring(0, dot) : fileName;
    Matcher m = LAST_NUMBER.matcher(base);
    if (!m.find()) {
      return -1;
    }
    String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
    if (digits.length() > 9) {
      return -1;
    }
    return Integer.parseInt(digits);
  }

  private static TreeMap<Integer, Path> sweepFiles(Path folder, Path metaData) {
    List<Path> candidates = new ArrayList<>();
    try (Stream<Path> list = Files.list(folder)) {
      list.forEach(candidates::add);
    } catch (NoSuchFileException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, folder, "folder not found");
    } catch (NotDirectoryException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, folder, "not a folder");
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, folder, e.getMessage());
    }
    candidates.sort(null);
    TreeMap<Integer, Path> files = new TreeMap<>();
    for (Path c : candidates) {
      Path fileName = c.getFileName();
      if (fileName == null) {
        continue;
      }
      String name = fileName.toString();
      if (name.startsWith(".")
          || !name.toLowerCase(Locale.ROOT).endsWith(".txt")
          || !Files.isRegularFile(c)
          || sameFile(c, metaData)) {
        continue;
      }
      int number = positionNumber(name);
      if (number < 0) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            c,
            "file name",
            "has no position number (expected a number such as 12.txt, pos_012.txt or"
                + " 'Position 12.txt')");
      }
      Path other = files.put(number, c);
      if (other != null) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            c,
            "file name",
            "position " + number + " is also the position of " + other.getFileName());
      }
    }
    if (files.isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_READ_FILE, folder, "no .txt sweep files in the folder");
    }
    return files;
  }

  private static boolean sameFile(Path a, Path b) {
    return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
  }

  // ---------------------------------------------------------------------------------------------
  // meta_data.csv

  private record MetaRow(double x, double y, double z, long line) {}

  private static Map<Integer, MetaRow> readMetaData(Path file) {
    List<String> lines;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = r.lines().toList();
    } catch (NoSuchFileException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, file, "file not found");
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
    int headerIndex = 0;
    while (headerIndex < lines.size() && lines.get(headerIndex).isBlank()) {
      headerIndex++;
    }
    if (headerIndex == lines.size()) {
      throw new RadioTwinException(RadioTwinMessages.MALFORMED_FILE, file, "header", "empty file");
    }
    String header = lines.get(headerIndex);
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    String delimiter = header.contains(",") ? "," : header.contains(";") ? ";" : "\t";
    String[] names = header.split(delimiter, -1);
    int idCol = -1;
    int xCol = -1;
    int yCol = -1;
    int zCol = -1;
    for (int i = 0; i < names.length; i++) {
      String n = unquote(names[i]).toLowerCase(Locale.ROOT);
      switch (n) {
        case "x":
          xCol = xCol < 0 ? i : xCol;
          break;
        case "y":
          yCol = yCol < 0 ? i : yCol;
          break;
        case "z":
          zCol = zCol < 0 ? i : zCol;
          break;
        case "nr.":
        case "nr":
        case "no.":
        case "no":
        case "id":
          idCol = idCol < 0 ? i : idCol;
          break;
        default:
          break;
      }
    }
    if (idCol < 0 && names.length > 0 && unquote(names[0]).isEmpty()) {
      idCol = 0; // pandas writes the index column without a name
    }
    long headerLine = headerIndex + 1L;
    if (xCol < 0 || yCol < 0 || zCol < 0 || idCol < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "line " + headerLine,
          "expected a header with columns Nr.,x,y,z, got '"
              + MeasurementCsv.abbreviate(header)
              + "'");
    }
    int needed = Math.max(Math.max(idCol, xCol), Math.max(yCol, zCol)) + 1;
    Map<Integer, MetaRow> rows = new HashMap<>();
    Map<MeasurementSet.PositionKey, Long> byPosition = new HashMap<>();
    for (int i = headerIndex + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      long lineNumber = i + 1L;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(delimiter, -1);
      if (f.length < needed) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + lineNumber,
            "expected at least " + needed + " columns, got " + f.length);
      }
      int id = metaNumber(file, lineNumber, f[idCol]);
      double x = metaCoordinate(file, lineNumber, "x", f[xCol]);
      double y = metaCoordinate(file, lineNumber, "y", f[yCol]);
      double z = metaCoordinate(file, lineNumber, "z", f[zCol]);
      MetaRow previous = rows.put(id, new MetaRow(x, y, z, lineNumber));
      if (previous != null) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + lineNumber,
            "position number " + id + " already on line " + previous.line);
      }
      Vec3 v = new Vec3(x + 0.0, y + 0.0, z + 0.0);
      Long same = byPosition.put(new MeasurementSet.PositionKey(v, v), lineNumber);
      if (same != null) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + lineNumber,
            "position "
                + id
                + " has the same coordinates as line "
                + same
                + " (duplicate position)");
      }
    }
    if (rows.isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, file, "content", "no positions after the header");
    }
    return rows;
  }

  private static String unquote(String s) {
    String t = s.strip();
    if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    return t;
  }

  private static int metaNumber(Path file, long line, String text) {
    String t = unquote(text);
    double v = parse(t);
    if (!(v == Math.rint(v)) || v < 0 || v > Integer.MAX_VALUE) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "line " + line,
          "position number '" + t + "' is not a non-negative integer");
    }
    return (int) v;
  }

  private static double metaCoordinate(Path file, long line, String name, String text) {
    String t = unquote(text);
    double v = parse(t);
    if (!Double.isFinite(v)) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "line " + line,
          name + " '" + t + "' is not a finite number");
    }
    return v;
  }

  private static double parse(String t) {
    byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
    return EiselLemire.parse(b, 0, b.length, 0);
  }

  // ---------------------------------------------------------------------------------------------
  // Sweep files

  /** The columns of a sweep file, found from its header line. */
  private record Columns(
      byte delimiter, int freq, int freqShift, int mag, int phase, boolean radians, int needed) {

    /** Blank-separated columns (runs of spaces and tabs). */
    static final byte BLANKS = 0;

    /**
     * Recognises the header line.
     *
     * @return the columns, or null if the line is not the header
     */
    static Columns detect(Path file, long lineNumber, String line) {
      byte delimiter;
      String[] tokens;
      if (line.indexOf('\t') >= 0) {
        delimiter = '\t';
        tokens = line.split("\t", -1);
      } else if (line.indexOf(',') >= 0) {
        delimiter = ',';
        tokens = line.split(",", -1);
      } else if (line.indexOf(';') >= 0) {
        delimiter = ';';
        tokens = line.split(";", -1);
      } else {
        delimiter = BLANKS;
        tokens = line.strip().split("[ \\t]+");
      }
      int freq = -1;
      String freqUnit = null;
      List<Integer> mags = new ArrayList<>();
      List<Integer> phases = new ArrayList<>();
      for (int i = 0; i < tokens.length; i++) {
        String t = unquote(tokens[i]).toUpperCase(Locale.ROOT);
        Matcher m = FREQ.matcher(t);
        if (m.matches()) {
          if (freq < 0) {
            freq = i;
            freqUnit = m.group(1);
          }
        } else if (t.startsWith("LOGMAG")) {
          mags.add(i);
        } else if (t.startsWith("PHASE")) {
          phases.add(i);
        }
      }
      if (freq < 0 || mags.isEmpty() || phases.isEmpty()) {
        return null;
      }
      if (mags.size() > 1 || phases.size() > 1) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + lineNumber,
            "several LOGMAG or PHASE columns in '"
                + MeasurementCsv.abbreviate(line.strip())
                + "'; the import needs exactly one of each");
      }
      if (freqUnit == null) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + lineNumber,
            "frequency column '"
                + unquote(tokens[freq])
                + "' has no unit (expected .GHZ, .MHZ, .KHZ or .HZ)");
      }
      int shift;
      switch (freqUnit) {
        case "GHZ":
          shift = 9;
          break;
        case "MHZ":
          shift = 6;
          break;
        case "KHZ":
          shift = 3;
          break;
        default:
          shift = 0;
          break;
      }
      int mag = mags.get(0);
      int phase = phases.get(0);
      String phaseName = unquote(tokens[phase]).toUpperCase(Locale.ROOT);
      boolean radians = phaseName.endsWith(".RAD");
      int needed = Math.max(freq, Math.max(mag, phase)) + 1;
      return new Columns(delimiter, freq, shift, mag, phase, radians, needed);
    }
  }

  private record Sweep(double[] frequencies, double[] h) {}

  private static Sweep readSweep(Path file, double[] grid, Path gridFile) {
    try (InputStream in = Files.newInputStream(file)) {
      return readSweep(new AsciiLineReader(in), file, grid, gridFile);
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
  }

  private static Sweep readSweep(AsciiLineReader r, Path file, double[] grid, Path gridFile)
      throws IOException {
    Columns cols = null;
    while (cols == null && r.next()) {
      int c = r.firstNonBlank();
      if (c != -1 && c != '!' && c != '#') {
        cols = Columns.detect(file, r.lineNumber(), r.text());
      }
    }
    if (cols == null) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "header",
          "no column header line with FREQ…, LOGMAG… and PHASE… columns");
    }
    int capacity = grid != null ? grid.length : 1024;
    double[] f = new double[capacity];
    double[] h = new double[2 * capacity];
    int n = 0;
    int[] starts = new int[cols.needed];
    int[] ends = new int[cols.needed];
    double phaseScale = cols.radians ? 1 : Math.PI / 180;
    while (r.next()) {
      if (r.isBlank()) {
        continue;
      }
      long line = r.lineNumber();
      byte[] b = r.buffer();
      int found = split(b, r.start(), r.end(), cols.delimiter, starts, ends);
      if (found < cols.needed) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + line,
            "missing columns: expected at least " + cols.needed + ", got " + found);
      }
      double freq = value(b, starts, ends, cols.freq, cols.freqShift, "frequency", file, line);
      double logmag = value(b, starts, ends, cols.mag, 0, "LOGMAG", file, line);
      double phase = value(b, starts, ends, cols.phase, 0, "PHASE", file, line);
      if (!(freq > 0)) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + line,
            "frequency " + freq + " Hz is not positive");
      }
      if (n > 0 && !(freq > f[n - 1])) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + line,
            "frequency "
                + freq
                + " Hz does not increase (previous row: "
                + f[n - 1]
                + " Hz); frequencies must be strictly increasing");
      }
      if (grid != null && (n >= grid.length || freq != grid[n])) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + line,
            n >= grid.length
                ? "more frequency points than the " + grid.length + " of " + gridFile.getFileName()
                : "frequency "
                    + freq
                    + " Hz differs from point "
                    + (n + 1)
                    + " of "
                    + gridFile.getFileName()
                    + " ("
                    + grid[n]
                    + " Hz); every file must have the same frequency grid");
      }
      if (n == f.length) {
        f = Arrays.copyOf(f, 2 * n);
        h = Arrays.copyOf(h, 4 * n);
      }
      double magnitude = Math.pow(10, logmag / 20);
      double angle = phase * phaseScale;
      f[n] = freq;
      h[2 * n] = magnitude * Math.cos(angle);
      h[2 * n + 1] = magnitude * Math.sin(angle);
      n++;
    }
    if (n == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, file, "content", "no data rows after the header");
    }
    if (grid != null && n != grid.length) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "line " + r.lineNumber(),
          "has "
              + n
              + " frequency points; "
              + gridFile.getFileName()
              + " has "
              + grid.length
              + " (every file must have the same frequency grid)");
    }
    return new Sweep(Arrays.copyOf(f, n), Arrays.copyOf(h, 2 * n));
  }

  /** Splits a row; returns how many of the first starts.length fields it found. */
  private static int split(byte[] b, int from, int to, byte delimiter, int[] starts, int[] ends) {
    int n = 0;
    int i = from;
    if (delimiter == Columns.BLANKS) {
      while (n < starts.length) {
        while (i < to && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        if (i == to) {
          break;
        }
        starts[n] = i;
        while (i < to && b[i] != ' ' && b[i] != '\t') {
          i++;
        }
        ends[n++] = i;
      }
      return n;
    }
    starts[0] = i;
    while (n < starts.length) {
      while (i < to && b[i] != delimiter) {
        i++;
      }
      ends[n++] = i;
      if (i == to) {
        break;
      }
      i++;
      if (n < starts.length) {
        starts[n] = i;
      }
    }
    return n;
  }

  private static double value(
      byte[] b, int[] starts, int[] ends, int col, int shift, String name, Path file, long line) {
    double v = EiselLemire.parse(b, starts[col], ends[col], shift);
    if (!Double.isFinite(v)) {
      String text = new String(b, starts[col], ends[col] - starts[col], StandardCharsets.UTF_8);
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "line " + line,
          name + " '" + MeasurementCsv.abbreviate(text.strip()) + "' is not a finite number");
    }
    return v;
  }
}
