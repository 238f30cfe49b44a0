package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.knowm.xchart.XYChart;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.task.BeamSelectionExperiment;
import org.radiotwin.learn.task.TwinRealitySite;
import org.radiotwin.learn.train.AdamConfig;
import org.radiotwin.learn.train.FoldPredictor;
import org.radiotwin.learn.train.TrainingMethod;
import org.radiotwin.scene.Scene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin experiment beams}: seed 000 Fig. 5b — beam selection from the UE position
 * trained with twin (synthetic) and reality (real) labels by ERM, P-ERM, PPI, PPI++ and Cross-PPI;
 * mean achievable rate on reality's channels vs the fraction of real labels.
 */
@Command(
    name = "beams",
    mixinStandardHelpOptions = true,
    description = {
      "Beam selection with twin data (seed 000 Fig. 5b): a classifier from UE position to the",
      "best beam of a UPA codebook, trained by ERM, P-ERM, PPI, PPI++ and Cross-PPI on real",
      "labels (reality) at a fraction of positions and twin labels at the rest; writes",
      "results.json (mean achievable rate per real fraction) and beams-rate.png."
    })
final class BeamSelectionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin TwinRealityOptions site;

  @Option(
      names = "--fractions",
      defaultValue = "0.01,0.02,0.05,0.1,0.2",
      split = ",",
      description =
          "Fractions of the training positions with real labels (default: ${DEFAULT-VALUE}).")
  double[] fractions;

  @Option(
      names = "--array",
      defaultValue = "10x16",
      paramLabel = "NZxNY",
      description = "Base-station UPA rows x columns, half-wavelength (default: ${DEFAULT-VALUE}).")
  String array;

  @Option(
      names = "--hidden",
      defaultValue = "32",
      split = ",",
      description =
          "Hidden-layer widths of the MLP; 0 for multinomial logistic regression"
              + " (default: ${DEFAULT-VALUE}).")
  int[] hidden;

  @Option(
      names = "--steps",
      defaultValue = "400",
      description = "Adam steps per training (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--learning-rate",
      defaultValue = "0.05",
      description = "Adam step size (default: ${DEFAULT-VALUE}).")
  double learningRate;

  @Option(
      names = "--folds",
      defaultValue = "5",
      description = "Cross-PPI folds (default: ${DEFAULT-VALUE}).")
  int folds;

  @Option(
      names = "--methods",
      defaultValue = "ERM,P-ERM,PPI,PPI++,Cross-PPI",
      split = ",",
      description = "Methods (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Option(
      names = "--tx-power",
      defaultValue = "30",
      description = "Transmit power [dBm] (default: ${DEFAULT-VALUE}).")
  double txPowerDbm;

  @Option(
      names = "--bandwidth",
      defaultValue = "100e6",
      description = "Bandwidth [Hz] (default: ${DEFAULT-VALUE}).")
  double bandwidth;

  @Option(
      names = "--noise-figure",
      defaultValue = "7",
      description = "Noise figure [dB] (default: ${DEFAULT-VALUE}).")
  double noiseFigure;

  @Option(
      names = "--cross-fold-predictor",
      defaultValue = "calibrated",
      paramLabel = "calibrated|trained",
      description =
          "Cross-PPI fold predictor: the twin calibrated (materials, power loss) on the other"
              + " folds' real channel powers, or an MLP trained on the synthetic data plus the"
              + " other folds (default: ${DEFAULT-VALUE}).")
  String crossFoldPredictor;

  /** Adam steps of each fold's twin calibration (a few dozen suffice for η_r and σ). */
  static final int FOLD_CALIBRATION_ITERATIONS = 30;

  /** Adam step on the log-parameters of each fold's twin calibration. */
  static final double FOLD_CALIBRATION_LEARNING_RATE = 0.05;

  /** Mean achievable rate vs the percentage of real labels, per method (seed 000 Fig. 5b). */
  static XYChart rateChart(BeamSelectionExperiment.Result r) {
    double[] fractions = r.realFractions();
    XYChart chart =
        Plots.chart(
            "Beam selection with twin data ("
                + r.positions()
                + " positions, "
                + r.beams()
                + " beams)",
            "real labels [% of training positions]",
            "mean achievable rate [bit/s/Hz]");
    double[] pct = new double[fractions.length];
    for (int i = 0; i < pct.length; i++) {
      pct[i] = 100 * fractions[i];
    }
    for (BeamSelectionExperiment.MethodCurve c : r.curves()) {
      Plots.line(chart, c.method(), pct, c.meanRate());
    }
    Plots.line(chart, "optimal beam", pct, constant(r.optimalRate(), pct.length));
    Plots.line(chart, "twin's beam", pct, constant(r.twinBeamRate(), pct.length));
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    return chart;
  }

  @Override
  public Integer call() {
    int[] rc = parseArray(array);
    List<TrainingMethod> ms = TwinRealityOptions.trainingMethods(methods);
    BeamSelectionExperiment.Settings d = BeamSelectionExperiment.Settings.defaults(site.seed);
    BeamSelectionExperiment.Settings settings =
        new BeamSelectionExperiment.Settings(
            fractions,
            site.runs,
            site.seed,
            d.testFraction(),
            TwinRealityOptions.hiddenLayers(hidden),
            AdamConfig.of(steps, d.adam().batchSize(), learningRate, d.adam().l2()),
            folds,
            d.foldRealShare(),
            txPowerDbm,
            bandwidth,
            noiseFigure,
            ms,
            d.geometricFeatures());
    CliChecks.positiveFinite("--bandwidth", bandwidth);
    if (!"calibrated".equals(crossFoldPredictor) && !"trained".equals(crossFoldPredictor)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "--cross-fold-predictor '" + crossFoldPredictor + "'",
          "expected calibrated or trained");
    }
    Scene twinScene = site.twinScene();
    TwinRealitySite s = site.survey(twinScene, site.realityScene(), rc[0], rc[1]);
    FoldPredictor foldPredictor = null;
    if ("calibrated".equals(crossFoldPredictor) && ms.contains(TrainingMethod.CROSS_PPI)) {
      try (Progress p = Progress.start("trace twin", site.quiet)) {
        foldPredictor =
            new CalibratedTwinFoldPredictor(
                twinScene,
                s,
                FOLD_CALIBRATION_ITERATIONS,
                FOLD_CALIBRATION_LEARNING_RATE,
                ForkJoinPool.commonPool(),
                p.listener());
      }
    }
    BeamSelectionExperiment.Result r;
    try (Progress p = Progress.start("train", site.quiet)) {
      r =
          BeamSelectionExperiment.run(
              s, settings, foldPredictor, ForkJoinPool.commonPool(), p.listener());
    }
    ObjectNode doc = Json.object();
    ArrayNode fr = doc.putArray("realFractions");
    for (double f : fractions) {
      fr.add(f);
    }
    ObjectNode mo = doc.putObject("methods");
    XYChart chart = rateChart(r);
    for (BeamSelectionExperiment.MethodCurve c : r.curves()) {
      ObjectNode o = mo.putObject(c.method());
      o.set("mean", array(c.meanRate()));
      o.set("ci", array(c.ci()));
      o.set("rateRatio", array(c.rateRatio()));
      o.set("meanLambda", array(c.meanLambda()));
    }
    doc.put("crossFoldPredictor", crossFoldPredictor);
    doc.put("optimalRate", r.optimalRate());
    doc.put("twinBeamRate", r.twinBeamRate());
    doc.put("twinLabelAgreement", r.twinLabelAgreement());
    doc.put("positions", r.positions());
    doc.put("testPositions", r.testPositions());
    doc.put("trainingPositions", r.poolPositions());
    doc.put("beams", r.beams());
    doc.put("runs", site.runs);
    doc.put("seed", site.seed);
    doc.put("twin", site.twin);
    doc.put("reality", site.reality);
    CliChecks.createParent(site.out.resolve("results.json"));
    Plots.writePng(chart, site.out.resolve("beams-rate.png"));
    Json.writeFile(site.out.resolve("results.json"), doc);
    var err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "%d positions (%d test), %d beams; optimal %.3f, twin's beam %.3f bit/s/Hz%n",
        r.positions(),
        r.testPositions(),
        r.beams(),
        r.optimalRate(),
        r.twinBeamRate());
    for (BeamSelectionExperiment.MethodCurve c : r.curves()) {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s", c.method()));
      for (double v : c.meanRate()) {
        b.append(String.format(Locale.ROOT, " %7.3f", v));
      }
      err.println(b);
    }
    err.flush();
    return 0;
  }

  static int[] parseArray(String text) {
    String[] p = text.toLowerCase(Locale.ROOT).split("x");
    try {
      if (p.length == 2) {
        int rows = Integer.parseInt(p[0].trim());
        int cols = Integer.parseInt(p[1].trim());
        if (rows >= 1 && cols >= 1 && rows * cols >= 2) {
          return new int[] {rows, cols};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "--array '" + text + "'",
        "expected ROWSxCOLS with at least 2 elements, e.g. 10x16");
  }

  private static ArrayNode array(double[] v) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (double x : v) {
      if (Double.isFinite(x)) {
        a.add(x);
      } else {
        a.addNull();
      }
    }
    return a;
  }

  private static double[] constant(double v, int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, v);
    return a;
  }
}
