package org.radiotwin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.ppi.Alternative;
import org.radiotwin.learn.ppi.LambdaMode;
import org.radiotwin.learn.ppi.PowerTuning;
import org.radiotwin.learn.ppi.PpiCsv;
import org.radiotwin.learn.ppi.PpiTable;
import picocli.CommandLine.Option;

/** Options shared by the {@code radiotwin ppi} subcommands: data files, columns, level, λ. */
final class PpiOptions {

  @Option(
      names = "--labeled",
      required = true,
      paramLabel = "FILE.csv",
      description = "Labelled CSV: labels, predictions, covariates, optional weights.")
  Path labeled;

  @Option(
      names = "--unlabeled",
      required = true,
      paramLabel = "FILE.csv",
      description = "Unlabelled CSV: predictions (one column per fold model with --cross).")
  Path unlabeled;

  @Option(
      names = "--y",
      defaultValue = "Y",
      paramLabel = "COL[,COL...]",
      description = "Label column(s) (default: ${DEFAULT-VALUE}).")
  String y;

  @Option(
      names = "--yhat",
      defaultValue = "Yhat",
      paramLabel = "COL[,COL...]",
      description = "Prediction column(s) of the labelled file (default: ${DEFAULT-VALUE}).")
  String yhat;

  @Option(
      names = "--yhat-unlabeled",
      paramLabel = "COL[,COL...]",
      description =
          "Prediction column(s) of the unlabelled file (default: --yhat; with --cross the columns"
              + " YHAT_0, YHAT_1, ... when present).")
  String yhatUnlabeled;

  @Option(
      names = "--weights",
      paramLabel = "COL",
      description = "Sample-weight column (labelled file; also the unlabelled file if it has it).")
  String weights;

  @Option(
      names = "--alpha",
      defaultValue = "0.1",
      description = "Error level: coverage 1 - alpha (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--alternative",
      defaultValue = "two-sided",
      paramLabel = "two-sided|larger|smaller",
      description = "Interval / test shape (default: ${DEFAULT-VALUE}).")
  String alternative;

  @Option(
      names = "--lambda",
      paramLabel = "tuned|NUMBER",
      description = "Power-tuning parameter: tuned (PPI++, default), 1 (PPI), 0 (classical).")
  String lambda;

  @Option(
      names = "--lambda-mode",
      defaultValue = "overall",
      paramLabel = "overall|element",
      description = "Tuned lambda: one overall value or one per coordinate (mean only).")
  String lambdaMode;

  @Option(
      names = "--coord",
      paramLabel = "INDEX",
      description = "0-based coordinate whose variance the tuned lambda minimises.")
  Integer coord;

  @Option(
      names = "--null",
      paramLabel = "V",
      description = "Null value of the tests H0: theta = V; adds pValue.")
  Double nullValue;

  @Option(
      names = "--cross",
      description = "Cross-PPI: the unlabelled predictions of the K fold models as K columns.")
  boolean cross;

  @Option(names = "--classical", description = "Classical inference on the labelled data only.")
  boolean classical;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  private PpiTable labeledTable;
  private PpiTable unlabeledTable;

  PpiTable labeledTable() {
    if (labeledTable == null) {
      labeledTable = PpiCsv.read(labeled);
    }
    return labeledTable;
  }

  PpiTable unlabeledTable() {
    if (unlabeledTable == null) {
      unlabeledTable = PpiCsv.read(unlabeled);
    }
    return unlabeledTable;
  }

  Alternative alternative() {
    return Alternative.parse(alternative);
  }

  double nullValueOrNaN() {
    return nullValue == null ? Double.NaN : nullValue;
  }

  /** Checks the mode switches and returns "ppi", "cross" or "classical". */
  String method() {
    if (cross && classical) {
      throw bad("--cross", "cannot be combined with --classical");
    }
    if ((cross || classical) && lambda != null) {
      throw bad(
          "--lambda", cross ? "Cross-PPI uses lambda = 1" : "classical inference uses lambda = 0");
    }
    if ((cross || classical) && coord != null) {
      throw bad("--coord", "applies to a tuned lambda only");
    }
    if (cross && weights != null) {
      throw bad("--weights", "Cross-PPI takes no weights (as ppi_py)");
    }
    return cross ? "cross" : classical ? "classical" : "ppi";
  }

  PowerTuning tuning() {
    LambdaMode mode =
        switch (lambdaMode.trim().toLowerCase(Locale.ROOT)) {
          case "overall" -> LambdaMode.OVERALL;
          case "element" -> LambdaMode.ELEMENT;
          default -> throw bad("--lambda-mode", "expected overall or element, got " + lambdaMode);
        };
    if (lambda == null || lambda.trim().equalsIgnoreCase("tuned")) {
      return PowerTuning.tuned(mode, coord == null ? -1 : coord);
    }
    if (coord != null || mode != LambdaMode.OVERALL) {
      throw bad("--lambda", "a fixed lambda takes no --coord or --lambda-mode");
    }
    double v;
    try {
      v = Double.parseDouble(lambda.trim());
    } catch (NumberFormatException e) {
      throw bad("--lambda", "expected tuned or a number, got '" + lambda + "'");
    }
    if (!Double.isFinite(v)) {
      throw bad("--lambda", "must be finite, got " + lambda);
    }
    return PowerTuning.fixed(v);
  }

  /** Labelled weights, or null. */
  double[] labeledWeights() {
    return weights == null ? null : labeledTable().column(weights.trim());
  }

  /** Unlabelled weights when the unlabelled file has the weight column, else null. */
  double[] unlabeledWeights() {
    if (weights == null || !unlabeledTable().hasColumn(weights.trim())) {
      return null;
    }
    return unlabeledTable().column(weights.trim());
  }

  List<String> yColumns() {
    return columns("--y", y);
  }

  List<String> yhatColumns() {
    return columns("--yhat", yhat);
  }

  /** The unlabelled prediction columns: explicit, the fold columns (--cross), or --yhat. */
  List<String> yhatUnlabeledColumns() {
    if (yhatUnlabeled != null) {
      return columns("--yhat-unlabeled", yhatUnlabeled);
    }
    List<String> own = yhatColumns();
    if (cross && own.size() == 1) {
      List<String> folds = unlabeledTable().indexedColumns(own.get(0) + "_");
      if (!folds.isEmpty()) {
        return folds;
      }
    }
    return own;
  }

  static List<String> columns(String option, String text) {
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String name = part.trim();
      if (name.isEmpty()) {
        throw bad(option, "empty column name in '" + text + "'");
      }
      out.add(name);
    }
    return out;
  }

  static RadioTwinException bad(String option, String why) {
    return new RadioTwinException(RadioTwinMessages.INVALID_ARGUMENT, "option " + option, why);
  }
}
