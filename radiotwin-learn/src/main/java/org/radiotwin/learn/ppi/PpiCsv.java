package org.radiotwin.learn.ppi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Reads PPI CSV files: a header line of column names, then one line of comma-separated finite
 * numbers per sample. Blank lines and lines starting with {@code #} are skipped; names may be
 * quoted.
 */
public final class PpiCsv {

  private PpiCsv() {}

  /**
   * Reads a file.
   *
   * @param file the CSV file
   * @return the table
   * @throws RadioTwinException naming the file and line for unreadable or malformed content
   */
  public static PpiTable read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
    return parse(file.toString(), lines);
  }

  /**
   * Parses CSV lines.
   *
   * @param source name used in error messages
   * @param lines the lines
   * @return the table
   */
  public static PpiTable parse(String source, List<String> lines) {
    String[] header = null;
    int headerLine = 0;
    List<double[]> rows = new ArrayList<>();
    for (int l = 0; l < lines.size(); l++) {
      String line = lines.get(l).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (header == null) {
        header = new String[cells.length];
        for (int j = 0; j < cells.length; j++) {
          header[j] = unquote(cells[j].strip());
          if (header[j].isEmpty()) {
            throw malformed(source, l + 1, "empty column name in the header");
          }
          for (int k = 0; k < j; k++) {
            if (header[k].equals(header[j])) {
              throw malformed(source, l + 1, "duplicate column '" + header[j] + "'");
            }
          }
        }
        headerLine = l + 1;
        continue;
      }
      if (cells.length != header.length) {
        throw malformed(
            source,
            l + 1,
            "expected "
                + header.length
                + " values (header line "
                + headerLine
                + "), got "
                + cells.length);
      }
      double[] row = new double[cells.length];
      for (int j = 0; j < cells.length; j++) {
        String cell = cells[j].strip();
        double v;
        try {
          v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
          throw malformed(
              source, l + 1, "column '" + header[j] + "': not a number: '" + cell + "'");
        }
        if (!Double.isFinite(v)) {
          throw malformed(
              source, l + 1, "column '" + header[j] + "': not a finite number: '" + cell + "'");
        }
        row[j] = v;
      }
      rows.add(row);
    }
    if (header == null) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, source, "header", "empty file");
    }
    if (rows.isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, source, "line " + headerLine, "no data rows");
    }
    Map<String, double[]> columns = new LinkedHashMap<>();
    for (int j = 0; j < header.length; j++) {
      double[] c = new double[rows.size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = rows.get(i)[j];
      }
      columns.put(header[j], c);
    }
    return new PpiTable(source, columns, rows.size());
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private static RadioTwinException malformed(String source, int line, String problem) {
    return new RadioTwinException(
        RadioTwinMessages.MALFORMED_FILE, source, "line " + line, problem);
  }
}
