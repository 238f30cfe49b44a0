package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.learn.ppi.Alternative;
import org.radiotwin.learn.ppi.ClassicalInference;
import org.radiotwin.learn.ppi.CrossPpi;
import org.radiotwin.learn.ppi.MeanData;
import org.radiotwin.learn.ppi.PowerTuning;
import org.radiotwin.learn.ppi.PpiMean;
import org.radiotwin.learn.ppi.PpiQuantile;
import org.radiotwin.learn.ppi.PpiRegression;
import org.radiotwin.learn.ppi.PpiResult;
import org.radiotwin.learn.ppi.PpiTable;
import org.radiotwin.learn.ppi.RegressionData;
import org.radiotwin.learn.ppi.RegressionModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin ppi mean|quantile|ols|logistic|poisson}: prediction-powered inference (PPI,
 * PPI++, Cross-PPI, classical) from two CSV files, numbers as ppi_py 0.2.3.
 */
@Command(
    name = "ppi",
    mixinStandardHelpOptions = true,
    description =
        "Prediction-powered inference (PPI / PPI++ with tuned lambda, Cross-PPI, or classical) on"
            + " labelled data with predictions plus unlabelled predictions; numbers as ppi_py"
            + " 0.2.3.",
    subcommands = {
      PpiCommand.Mean.class,
      PpiCommand.Quantile.class,
      PpiCommand.Ols.class,
      PpiCommand.Logistic.class,
      PpiCommand.Poisson.class
    })
final class PpiCommand {

  private PpiCommand() {}

  /** {@code radiotwin ppi mean}. */
  @Command(
      name = "mean",
      mixinStandardHelpOptions = true,
      description = "Mean of one or more label columns (one estimate per column).")
  static final class Mean implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PpiOptions o;

    @Override
    public Integer call() {
      String method = o.method();
      PpiTable l = o.labeledTable();
      List<String> ys = o.yColumns();
      double[][] y = l.matrix(ys);
      Alternative alt = o.alternative();
      double nullValue = o.nullValueOrNaN();
      PpiResult r;
      if (method.equals("classical")) {
        o.tuning();
        r = ClassicalInference.mean(y, o.labeledWeights(), o.alpha, alt, nullValue);
      } else {
        List<String> fs = o.yhatColumns();
        List<String> fus = o.yhatUnlabeledColumns();
        if (method.equals("cross")) {
          if (ys.size() != 1 || fs.size() != 1) {
            throw PpiOptions.bad("--cross", "Cross-PPI estimates a one-dimensional mean");
          }
          r =
              CrossPpi.mean(
                  l.column(ys.get(0)),
                  l.column(fs.get(0)),
                  o.unlabeledTable().matrix(fus),
                  o.alpha,
                  alt,
                  nullValue);
        } else {
          if (fs.size() != ys.size() || fus.size() != ys.size()) {
            throw PpiOptions.bad(
                "--yhat", "give as many prediction columns as label columns (" + ys.size() + ")");
          }
          MeanData data =
              new MeanData(
                  y,
                  l.matrix(fs),
                  o.unlabeledTable().matrix(fus),
                  o.labeledWeights(),
                  o.unlabeledWeights());
          PowerTuning t = o.tuning();
          r = PpiMean.confidenceInterval(data, t, o.alpha, alt);
          if (o.nullValue != null) {
            r = r.withPValue(PpiMean.pValue(data, t, o.nullValue, alt));
          }
        }
      }
      return print(spec, o, "mean", method, ys, r);
    }
  }

  /** {@code radiotwin ppi quantile}. */
  @Command(
      name = "quantile",
      mixinStandardHelpOptions = true,
      description = "q-quantile of the label column through the rectified CDF.")
  static final class Quantile implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PpiOptions o;

    @Option(names = "--q", required = true, paramLabel = "Q", description = "Quantile level.")
    double q;

    @Option(
        names = "--exact-grid",
        description = "Candidates: every data value instead of 5000 evenly spaced values.")
    boolean exactGrid;

    @Override
    public Integer call() {
      String method = o.method();
      if (o.lambda != null) {
        throw PpiOptions.bad("--lambda", "the quantile estimators have no lambda (as ppi_py)");
      }
      if (o.coord != null) {
        throw PpiOptions.bad("--coord", "the quantile is one-dimensional");
      }
      PpiTable l = o.labeledTable();
      List<String> ys = o.yColumns();
      if (ys.size() != 1) {
        throw PpiOptions.bad("--y", "the quantile takes one label column");
      }
      double[] y = l.column(ys.get(0));
      Alternative alt = o.alternative();
      double nullValue = o.nullValueOrNaN();
      PpiResult r;
      if (method.equals("cross")) {
        r =
            CrossPpi.quantile(
                y,
                l.column(single("--yhat", o.yhatColumns())),
                o.unlabeledTable().matrix(o.yhatUnlabeledColumns()),
                q,
                o.alpha,
                alt,
                exactGrid,
                nullValue);
      } else {
        if (alt != Alternative.TWO_SIDED) {
          throw PpiOptions.bad(
              "--alternative",
              "quantile intervals are two-sided (as ppi_py); use --cross for others");
        }
        if (method.equals("classical")) {
          if (o.weights != null) {
            throw PpiOptions.bad(
                "--weights", "the classical quantile takes no weights (as ppi_py)");
          }
          r = ClassicalInference.quantile(y, q, o.alpha, exactGrid, nullValue);
        } else {
          double[] f = l.column(single("--yhat", o.yhatColumns()));
          double[] fu =
              o.unlabeledTable().column(single("--yhat-unlabeled", o.yhatUnlabeledColumns()));
          double[] w = o.labeledWeights();
          double[] wu = o.unlabeledWeights();
          r = PpiQuantile.confidenceInterval(y, f, fu, w, wu, q, o.alpha, exactGrid);
          if (o.nullValue != null) {
            r = r.withPValue(new double[] {PpiQuantile.pValue(y, f, fu, w, wu, q, o.nullValue)});
          }
        }
      }
      return print(spec, o, "quantile", method, List.of(String.format(Locale.ROOT, "q=%s", q)), r);
    }
  }

  /** {@code radiotwin ppi ols}. */
  @Command(
      name = "ols",
      mixinStandardHelpOptions = true,
      description = "Linear regression coefficients (no intercept added: include a ones column).")
  static final class Ols extends Regression {
    Ols() {
      super(RegressionModel.LINEAR, "ols");
    }
  }

  /** {@code radiotwin ppi logistic}. */
  @Command(
      name = "logistic",
      mixinStandardHelpOptions = true,
      description = "Logistic regression coefficients (labels in {0, 1}, predictions in [0, 1]).")
  static final class Logistic extends Regression {
    Logistic() {
      super(RegressionModel.LOGISTIC, "logistic");
    }
  }

  /** {@code radiotwin ppi poisson}. */
  @Command(
      name = "poisson",
      mixinStandardHelpOptions = true,
      description = "Poisson regression coefficients (log link; counts as labels).")
  static final class Poisson extends Regression {
    Poisson() {
      super(RegressionModel.POISSON, "poisson");
    }
  }

  /** The three regressions share everything but the model. */
  abstract static class Regression implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin PpiOptions o;

    @Option(
        names = "--x",
        paramLabel = "COL,COL...",
        description = "Covariate columns (default: X0, X1, ... of the labelled file).")
    String x;

    private final RegressionModel model;
    private final String name;

    Regression(RegressionModel model, String name) {
      this.model = model;
      this.name = name;
    }

    @Override
    public Integer call() {
      String method = o.method();
      PpiTable l = o.labeledTable();
      List<String> xs =
          x != null ? PpiOptions.columns("--x", x) : new ArrayList<>(l.indexedColumns("X"));
      if (xs.isEmpty()) {
        throw PpiOptions.bad("--x", "no covariate columns X0, X1, ... in " + l.source());
      }
      double[] y = l.column(single("--y", o.yColumns()));
      double[][] xl = l.matrix(xs);
      Alternative alt = o.alternative();
      double nullValue = o.nullValueOrNaN();
      PpiResult r;
      if (method.equals("classical")) {
        o.tuning();
        r =
            ClassicalInference.regression(
                model, xl, y, o.labeledWeights(), o.alpha, alt, nullValue);
      } else if (method.equals("cross")) {
        r =
            CrossPpi.regression(
                model,
                xl,
                y,
                l.column(single("--yhat", o.yhatColumns())),
                o.unlabeledTable().matrix(xs),
                o.unlabeledTable().matrix(o.yhatUnlabeledColumns()),
                o.alpha,
                alt,
                nullValue);
      } else {
        RegressionData data =
            new RegressionData(
                xl,
                y,
                l.column(single("--yhat", o.yhatColumns())),
                o.unlabeledTable().matrix(xs),
                o.unlabeledTable().column(single("--yhat-unlabeled", o.yhatUnlabeledColumns())),
                o.labeledWeights(),
                o.unlabeledWeights());
        r = PpiRegression.confidenceInterval(model, data, o.tuning(), o.alpha, alt, nullValue);
      }
      return print(spec, o, name, method, xs, r);
    }
  }

  static String single(String option, List<String> columns) {
    if (columns.size() != 1) {
      throw PpiOptions.bad(option, "expected one column, got " + String.join(",", columns));
    }
    return columns.get(0);
  }

  static int print(
      CommandSpec spec,
      PpiOptions o,
      String estimand,
      String method,
      List<String> labels,
      PpiResult r) {
    PrintWriter out = spec.commandLine().getOut();
    if (o.json) {
      ObjectNode doc = Json.object();
      doc.put("estimand", estimand);
      doc.put("method", method);
      doc.set("estimate", array(r.estimate()));
      doc.set("ciLower", array(r.ciLower()));
      doc.set("ciUpper", array(r.ciUpper()));
      double[] lambda = r.lambda();
      if (lambda.length == 1) {
        doc.put("lambda", lambda[0]);
      } else {
        doc.set("lambda", array(lambda));
      }
      if (r.pValue() != null) {
        doc.set("pValue", array(r.pValue()));
      }
      doc.put("alpha", o.alpha);
      doc.put("alternative", o.alternative().label());
      Json.print(out, doc);
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "%s %s, %s%% interval (%s), lambda %s%n",
        method,
        estimand,
        new java.math.BigDecimal(100 * (1 - o.alpha))
            .round(new java.math.MathContext(6))
            .stripTrailingZeros()
            .toPlainString(),
        o.alternative().label(),
        lambdaText(r.lambda()));
    for (int j = 0; j < r.estimate().length; j++) {
      out.printf(
          Locale.ROOT,
          "  %-12s %14.8g  [%.8g, %.8g]%s%n",
          j < labels.size() ? labels.get(j) : "#" + j,
          r.estimate()[j],
          r.ciLower()[j],
          r.ciUpper()[j],
          r.pValue() == null ? "" : String.format(Locale.ROOT, "  p = %.4g", r.pValue()[j]));
    }
    out.flush();
    return 0;
  }

  private static String lambdaText(double[] lambda) {
    StringBuilder b = new StringBuilder();
    for (int j = 0; j < lambda.length; j++) {
      b.append(j == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6g", lambda[j]));
    }
    return b.toString();
  }

  /** JSON has no infinities: an unbounded side of a one-sided interval is null. */
  private static ArrayNode array(double[] values) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (double v : values) {
      if (Double.isFinite(v)) {
        a.add(v);
      } else {
        a.addNull();
      }
    }
    return a;
  }
}
