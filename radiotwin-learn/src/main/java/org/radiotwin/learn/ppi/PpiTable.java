package org.radiotwin.learn.ppi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A numeric table read from a PPI CSV file: named columns of equal length (columns {@code Y},
 * {@code Yhat}, covariates {@code X0..X{d-1}}, optional weights; unlabelled files carry {@code
 * Yhat} or {@code Yhat_0..Yhat_{K-1}} and the same covariates).
 */
public final class PpiTable {

  private final String source;
  private final Map<String, double[]> columns;
  private final int rows;

  PpiTable(String source, Map<String, double[]> columns, int rows) {
    this.source = source;
    this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    this.rows = rows;
  }

  /**
   * Number of data rows.
   *
   * @return rows
   */
  public int rowCount() {
    return rows;
  }

  /**
   * Column names in file order.
   *
   * @return the names
   */
  public List<String> columnNames() {
    return new ArrayList<>(columns.keySet());
  }

  /**
   * Whether a column exists.
   *
   * @param name column name (exact)
   * @return true if present
   */
  public boolean hasColumn(String name) {
    return columns.containsKey(name);
  }

  /**
   * One column.
   *
   * @param name column name
   * @return a copy of its values
   * @throws RadioTwinException naming the file if there is no such column
   */
  public double[] column(String name) {
    double[] c = columns.get(name);
    if (c == null) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          source,
          "header",
          "no column '" + name + "' (columns: " + String.join(", ", columns.keySet()) + ")");
    }
    return c.clone();
  }

  /**
   * Several columns as a row-major matrix.
   *
   * @param names column names
   * @return rows × names.size() values
   */
  public double[][] matrix(List<String> names) {
    double[][] m = new double[rows][names.size()];
    for (int j = 0; j < names.size(); j++) {
      double[] c = column(names.get(j));
      for (int i = 0; i < rows; i++) {
        m[i][j] = c[i];
      }
    }
    return m;
  }

  /**
   * The consecutive columns {@code prefix0, prefix1, …} present in the file.
   *
   * @param prefix name prefix, e.g. "X" or "Yhat_"
   * @return their names, possibly empty
   */
  public List<String> indexedColumns(String prefix) {
    List<String> names = new ArrayList<>();
    for (int k = 0; columns.containsKey(prefix + k); k++) {
      names.add(prefix + k);
    }
    return names;
  }

  /**
   * Where the table came from.
   *
   * @return the file name
   */
  public String source() {
    return source;
  }
}
