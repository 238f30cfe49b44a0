package org.radiotwin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A comma-separated table of numbers with a header line (names may be double-quoted); blank lines
 * and lines starting with '#' are skipped. Errors name the file, the line and the column.
 */
final class NumericCsv {

  private final Path file;
  private final List<String> header;
  private final List<double[]> rows;

  private NumericCsv(Path file, List<String> header, List<double[]> rows) {
    this.file = file;
    this.header = header;
    this.rows = rows;
  }

  static NumericCsv read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RadioTwinException(RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
    List<String> header = null;
    List<double[]> rows = new ArrayList<>();
    for (int ln = 0; ln < lines.size(); ln++) {
      String line = lines.get(ln).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (header == null) {
        header = Arrays.stream(cells).map(NumericCsv::unquote).toList();
        continue;
      }
      if (cells.length != header.size()) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "line " + (ln + 1),
            "expected " + header.size() + " values, got " + cells.length);
      }
      double[] row = new double[cells.length];
      for (int c = 0; c < cells.length; c++) {
        try {
          row[c] = Double.parseDouble(cells[c].strip());
        } catch (NumberFormatException e) {
          row[c] = Double.NaN;
        }
        if (!Double.isFinite(row[c])) {
          throw new RadioTwinException(
              RadioTwinMessages.MALFORMED_FILE,
              file,
              "line " + (ln + 1) + ", column '" + header.get(c) + "'",
              "'" + cells[c].strip() + "' is not a finite number");
        }
      }
      rows.add(row);
    }
    if (header == null || rows.isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, file, "content", "need a header line and a data row");
    }
    return new NumericCsv(file, header, rows);
  }

  private static String unquote(String s) {
    String t = s.strip();
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }

  int rowCount() {
    return rows.size();
  }

  /** The named columns, row by row. */
  double[][] columns(List<String> names) {
    int[] idx = new int[names.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = header.indexOf(names.get(i));
      if (idx[i] < 0) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            "header",
            "no column '" + names.get(i) + "' (columns: " + String.join(", ", header) + ")");
      }
    }
    double[][] out = new double[rows.size()][idx.length];
    for (int r = 0; r < rows.size(); r++) {
      for (int i = 0; i < idx.length; i++) {
        out[r][i] = rows.get(r)[idx[i]];
      }
    }
    return out;
  }

  /** One named column. */
  double[] column(String name) {
    double[][] c = columns(List.of(name));
    double[] v = new double[c.length];
    for (int r = 0; r < v.length; r++) {
      v[r] = c[r][0];
    }
    return v;
  }
}
