package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.ScenePerturbation;
import org.radiotwin.scene.io.SceneLoader;
import org.radiotwin.stats.experiment.ModelSelection;
import org.radiotwin.stats.experiment.RadioStatsExperiment;
import org.radiotwin.stats.experiment.RadioStatsResult;
import org.radiotwin.stats.experiment.SitePositions;
import org.radiotwin.stats.experiment.SiteSweep;
import org.radiotwin.stats.gp.KernelFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin experiment radiostats}: seed 004 end to end — channel-statistics maps from an
 * uncalibrated twin and a few measured positions, and URLLC rate selection with a guarantee. The
 * pipeline is {@link RadioStatsExperiment}; this command parses options and writes results.json and
 * the figures.
 */
@Command(
    name = "radiostats",
    mixinStandardHelpOptions = true,
    description = {
      "Seed 004: predict the epsilon-quantile of fading over a site from",
      "--train measured positions with a GP on [position, twin power",
      "quantiles], against the twin alone and a position-only GP; select",
      "URLLC rates (Gaussian, split-conformal, Kallehauge's order statistic)",
      "and count violations of the epsilon-outage capacity. Writes",
      "results.json, quantile-map.png, error-*.png, abs-error-cdf.png,",
      "normalized-rate-cdf.png and violation-vs-delta.png to --out."
    })
final class RadioStatsExperimentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--scene",
      defaultValue = "builtin:simple_street_canyon",
      description = "The twin's geometry (default: ${DEFAULT-VALUE}).")
  String scene;

  @Option(
      names = "--twin-materials",
      defaultValue = "brick",
      description =
          "brick: every object itu_brick (seed 004's uncalibrated twin); as-is: the scene's own"
              + " (default: ${DEFAULT-VALUE}).")
  String twinMaterials;

  @Option(
      names = "--reality",
      defaultValue = "builtin:simple_street_canyon_with_cars",
      description = "Scene that stands in for the measurements (default: ${DEFAULT-VALUE}).")
  String reality;

  @Option(
      names = "--positions",
      defaultValue = "127",
      description = "User positions P (default: ${DEFAULT-VALUE}).")
  int positions;

  @Option(
      names = "--train",
      defaultValue = "50",
      description = "Training positions M per run (default: ${DEFAULT-VALUE}).")
  int train;

  @Option(
      names = "--calibration",
      defaultValue = "20",
      description =
          "Of the M, held out to calibrate the conformal rate (default: ${DEFAULT-VALUE}).")
  int calibration;

  @Option(
      names = "--epsilon",
      defaultValue = "0.01",
      description = "Outage probability (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(
      names = "--delta",
      defaultValue = "0.05",
      description = "Confidence parameter (default: ${DEFAULT-VALUE}).")
  double delta;

  @Option(
      names = "--band",
      defaultValue = "2e9:10e9:8001",
      description = "Sweep START:STOP:COUNT [Hz] (default: ${DEFAULT-VALUE}).")
  String band;

  @Option(
      names = "--runs",
      defaultValue = "40",
      description = "Random train/evaluation splits (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--features",
      defaultValue = "2,4,8",
      split = ",",
      description = "Candidate K, twin quantiles per position (default: ${DEFAULT-VALUE}).")
  int[] featureCounts;

  @Option(
      names = "--kernels",
      defaultValue = "matern32-ard,rbf-ard,exponential",
      split = ",",
      description = "Candidate kernels (default: ${DEFAULT-VALUE}).")
  List<String> kernels;

  @Option(
      names = "--restarts",
      defaultValue = "2",
      description = "Optimiser restarts per fit (default: ${DEFAULT-VALUE}).")
  int restarts;

  @Option(
      names = "--snr-db",
      defaultValue = "20",
      description = "Mean SNR at the median position, sets rho [dB] (default: ${DEFAULT-VALUE}).")
  double snrDb;

  @Option(
      names = "--pilot",
      defaultValue = "1000",
      description =
          "Local samples per position for the order-statistic rate (default: ${DEFAULT-VALUE}).")
  int pilot;

  @Option(
      names = "--ap",
      defaultValue = "50,1,6",
      description = "Fixed access point [m] (default: ${DEFAULT-VALUE}).")
  String ap;

  @Option(
      names = "--area",
      defaultValue = "-60:60:-8:9",
      description = "XMIN:XMAX:YMIN:YMAX of the user positions [m] (default: ${DEFAULT-VALUE}).")
  String area;

  @Option(
      names = "--height",
      defaultValue = "1.2",
      description = "User height [m] (default: ${DEFAULT-VALUE}).")
  double height;

  @Option(
      names = "--max-depth",
      defaultValue = "3",
      description = "Path depth (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--samples",
      defaultValue = "1000000",
      description = "Rays from the access point (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--selection",
      defaultValue = "lml",
      description =
          "Choice of K and kernel: lml (log marginal likelihood) or loo (leave-one-out log"
              + " predictive probability) (default: ${DEFAULT-VALUE}).")
  String selection;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--json", description = "Also print results.json to stdout.")
  boolean json;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  /** Path settings of the twin. */
  private PathSolverConfig twinPaths() {
    return PathSolverConfig.defaults().withMaxDepth(maxDepth).withSamples(samples, seed);
  }

  @Option(
      names = "--reality-diffraction",
      description = "Trace the reality with first-order UTD diffraction as well.")
  boolean realityDiffraction;

  @Option(
      names = "--reality-scattering",
      defaultValue = "0",
      description =
          "Give every reality material this scattering coefficient S in [0, 1] and trace diffuse"
              + " scattering (0: off; default: ${DEFAULT-VALUE}).")
  double realityScattering;

  /**
   * Path settings of the reality: the one place where richer propagation (diffuse scattering,
   * diffraction) is switched on for the stand-in measurements only.
   */
  private PathSolverConfig realityPaths() {
    return PathSolverConfig.defaults()
        .withMaxDepth(maxDepth)
        .withSamples(samples, seed)
        .withDiffraction(realityDiffraction)
        .withDiffuse(realityScattering > 0);
  }

  /** The reality with the requested surface roughness. */
  private Scene roughened(Scene real) {
    if (!(realityScattering >= 0 && realityScattering <= 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "--reality-scattering " + realityScattering,
          "must be in [0, 1]");
    }
    return realityScattering > 0 ? ScenePerturbation.roughen(real, m -> realityScattering) : real;
  }

  @Override
  public Integer call() {
    double[] f = CfrCommand.parseBand(band);
    if (f.length < 2) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "--band " + band, "need at least 2 tones");
    }
    Scene twin = SceneLoader.load(scene);
    twin =
        switch (twinMaterials) {
          case "brick" -> RadioStatsExperiment.allBrick(twin);
          case "as-is" -> twin;
          default ->
              throw new RadioTwinException(
                  RadioTwinMessages.INVALID_ARGUMENT,
                  "--twin-materials " + twinMaterials,
                  "expected brick or as-is");
        };
    ModelSelection modelSelection =
        switch (selection) {
          case "lml" -> ModelSelection.MARGINAL_LIKELIHOOD;
          case "loo" -> ModelSelection.LEAVE_ONE_OUT;
          default ->
              throw new RadioTwinException(
                  RadioTwinMessages.INVALID_ARGUMENT,
                  "--selection " + selection,
                  "expected lml or loo");
        };
    Scene real = roughened(SceneLoader.load(reality));
    double[] box = parseArea(area);
    double[] pos = SitePositions.uniform(real, box, height, 0.5, positions, seed);
    RadioStatsExperiment.Settings settings =
        new RadioStatsExperiment.Settings(
            twin,
            real,
            twinPaths(),
            realityPaths(),
            RadioOptions.parseVec3("--ap", ap).toArray(),
            pos,
            SiteSweep.frequencies(f[0], f[f.length - 1], f.length),
            epsilon,
            delta,
            train,
            calibration,
            runs,
            seed,
            featureCounts,
            kernels.stream().map(KernelFamily::parse).toList(),
            restarts,
            snrDb,
            pilot,
            new double[] {0.01, 0.02, 0.05, 0.1, 0.2},
            modelSelection);
    RadioStatsResult r;
    try (Progress progress = Progress.start("radiostats", quiet || json)) {
      r = RadioStatsExperiment.run(settings, progress.listener());
    }
    ObjectNode doc = document(r, f);
    writePlots(r, real, box);
    Json.writeFile(out.resolve("results.json"), doc);
    if (json) {
      Json.print(spec.commandLine().getOut(), doc);
    }
    var err = spec.commandLine().getErr();
    for (var e : r.errors().entrySet()) {
      err.printf(
          Locale.ROOT,
          "%-22s median |error| of ln q_eps: %.2f dB%n",
          e.getKey(),
          e.getValue().medianAbsErrorDb());
    }
    for (var e : r.rates().entrySet()) {
      err.printf(
          Locale.ROOT,
          "%-22s mean normalised rate %.3f, violations %.3f (delta %.3g)%n",
          e.getKey(),
          e.getValue().meanNormalizedRate(),
          e.getValue().violationRate(),
          delta);
    }
    err.flush();
    return 0;
  }

  private static double[] parseArea(String text) {
    String[] p = text.split(":");
    try {
      if (p.length == 4) {
        double[] a = new double[4];
        for (int i = 0; i < 4; i++) {
          a[i] = Double.parseDouble(p[i]);
        }
        if (a[0] < a[1] && a[2] < a[3] && Arrays.stream(a).allMatch(Double::isFinite)) {
          return a;
        }
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "--area " + text,
        "expected XMIN:XMAX:YMIN:YMAX with XMIN < XMAX and YMIN < YMAX");
  }

  private ObjectNode document(RadioStatsResult r, double[] f) {
    ObjectNode doc = Json.object();
    doc.put("twin", scene);
    doc.put("twinMaterials", twinMaterials);
    doc.put("reality", reality);
    doc.put("positions", r.positions());
    doc.put("train", r.train());
    doc.put("calibration", r.calibration());
    doc.put("evaluation", r.positions() - r.train());
    doc.put("runs", r.runs());
    doc.put("epsilon", r.epsilon());
    doc.put("delta", r.delta());
    doc.put("bandStartHz", f[0]);
    doc.put("bandStopHz", f[f.length - 1]);
    doc.put("tones", f.length);
    doc.put("snrDb", r.snrDb());
    doc.put("rho", r.rho());
    doc.put("maxDepth", maxDepth);
    doc.put("samples", samples);
    doc.put("selection", selection);
    ObjectNode med = doc.putObject("medianAbsErrorDb");
    r.errors().forEach((k, v) -> med.put(k, v.medianAbsErrorDb()));
    ObjectNode rates = doc.putObject("rates");
    r.rates()
        .forEach(
            (k, v) -> {
              ObjectNode o = rates.putObject(k);
              o.put("meanNormalizedRate", v.meanNormalizedRate());
              o.put("medianNormalizedRate", median(v.sortedNormalizedRates()));
              o.put("violationRate", v.violationRate());
              o.put("maxRunViolationRate", v.maxRunViolationRate());
            });
    ArrayNode curve = doc.putArray("violationVsDelta");
    for (RadioStatsResult.CurvePoint c : r.violationCurve()) {
      ObjectNode o = curve.addObject();
      o.put("delta", c.delta());
      ObjectNode v = o.putObject("violationRate");
      c.violationRate().forEach(v::put);
      ObjectNode m = o.putObject("meanNormalizedRate");
      c.meanNormalizedRate().forEach(m::put);
    }
    doc.set("proposedModels", choices(r.proposedChoices()));
    doc.set("positionOnlyModels", choices(r.positionChoices()));
    ArrayNode map = doc.putArray("firstRun");
    RadioStatsResult.PositionMap pm = r.map();
    for (int i = 0; i < pm.truthDb().length; i++) {
      ObjectNode o = map.addObject();
      o.set(
          "position",
          Json.vector(
              new Vec3(
                  pm.positions()[3 * i], pm.positions()[3 * i + 1], pm.positions()[3 * i + 2])));
      o.put("training", pm.training()[i]);
      o.put("truthDb", pm.truthDb()[i]);
      ObjectNode pr = o.putObject("predictedDb");
      int row = i;
      pm.predictedDb().forEach((k, v) -> putFinite(pr, k, v[row]));
      ObjectNode nr = o.putObject("normalizedRate");
      pm.normalizedRate().forEach((k, v) -> putFinite(nr, k, v[row]));
    }
    return doc;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
  }

  private static void putFinite(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    }
  }

  private static ObjectNode choices(List<RadioStatsResult.ModelChoice> list) {
    ObjectNode o = Json.object();
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RadioStatsResult.ModelChoice c : list) {
      counts.merge("K=" + c.featureCount() + " " + c.kernel(), 1, Integer::sum);
    }
    ObjectNode n = o.putObject("chosenCount");
    counts.forEach(n::put);
    ArrayNode a = o.putArray("perRun");
    for (RadioStatsResult.ModelChoice c : list) {
      ObjectNode e = a.addObject();
      e.put("run", c.run());
      e.put("featureCount", c.featureCount());
      e.put("kernel", c.kernel());
      e.put("logMarginalLikelihood", c.logMarginalLikelihood());
      e.put("leaveOneOutLogPredictive", c.leaveOneOutLogPredictive());
      e.put("fitted", c.hyperparameters());
    }
    return o;
  }

  private void writePlots(RadioStatsResult r, Scene site, double[] box) {
    RadioStatsResult.PositionMap pm = r.map();
    double margin = 3;
    RadioMapGrid grid =
        new RadioMapGrid(
            0.5 * (box[0] + box[1]),
            0.5 * (box[2] + box[3]),
            box[1] - box[0] + 2 * margin,
            box[3] - box[2] + 2 * margin,
            0.5,
            height,
            0);
    HeatmapPlot.write(
        out.resolve("quantile-map.png"),
        grid,
        closestPoint(grid, pm.positions(), pm.truthDb()),
        String.format(Locale.ROOT, "Measured %.3g-quantile of fading power", r.epsilon()),
        "dB",
        site);
    Map<String, String> files =
        Map.of(
            "proposed", "error-proposed.png",
            "twinOnly", "error-twin-only.png",
            "positionOnly", "error-position-only.png");
    for (var e : pm.predictedDb().entrySet()) {
      double[] err = new double[pm.truthDb().length];
      for (int i = 0; i < err.length; i++) {
        err[i] = pm.training()[i] ? Double.NaN : Math.abs(e.getValue()[i] - pm.truthDb()[i]);
      }
      HeatmapPlot.write(
          out.resolve(files.get(e.getKey())),
          grid,
          closestPoint(grid, pm.positions(), err),
          "|error| of predicted quantile, " + e.getKey() + " (first run, evaluation positions)",
          "dB",
          site);
    }
    Plots.writePng(errorCdfChart(r), out.resolve("abs-error-cdf.png"));
    Plots.writePng(rateCdfChart(r), out.resolve("normalized-rate-cdf.png"));
    XYChart viol = Plots.chart("Violation rate vs delta", "delta", "fraction of R > C_eps");
    double[] d =
        r.violationCurve().stream().mapToDouble(RadioStatsResult.CurvePoint::delta).toArray();
    for (String m : RadioStatsExperiment.RATE_METHODS) {
      if (m.equals("twinOnly")) {
        continue; // no guarantee and far off the scale
      }
      double[] v = r.violationCurve().stream().mapToDouble(c -> c.violationRate().get(m)).toArray();
      Plots.line(viol, m, d, v);
    }
    Plots.line(viol, "target (= delta)", d, d);
    Plots.writePng(viol, out.resolve("violation-vs-delta.png"));
  }

  /** CDFs of the absolute error of the predicted ln q_ε of each method (seed 004 Fig. 4). */
  static XYChart errorCdfChart(RadioStatsResult r) {
    XYChart cdf = Plots.chart("Absolute error of ln q_eps (all runs)", "|error| [dB]", "CDF");
    r.errors()
        .forEach(
            (k, v) -> {
              double[][] c = Plots.cdfCurve(v.sortedAbsErrorDb(), 2000);
              Plots.line(cdf, k, c[0], c[1]);
            });
    cdf.getStyler().setYAxisDecimalPattern("0.0");
    cdf.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    return cdf;
  }

  /** CDFs of the normalised rate R̂/C_ε of each rate method (seed 004 Fig. 5). */
  static XYChart rateCdfChart(RadioStatsResult r) {
    XYChart rates = Plots.chart("Normalised rate R/C_eps (all runs)", "normalised rate", "CDF");
    r.rates()
        .forEach(
            (k, v) -> {
              double[][] c = Plots.cdfCurve(v.sortedNormalizedRates(), 2000);
              Plots.line(rates, k, c[0], c[1]);
            });
    Plots.line(rates, "violation threshold R = C_eps", new double[] {1, 1}, new double[] {0, 1});
    // A few weak positions (ρ·q_ε ≪ 1, where rates are linear in the quantile) reach ratios of
    // 10 and more; the interesting part is around 1.
    rates.getStyler().setXAxisMin(0.0);
    rates.getStyler().setXAxisMax(2.0);
    rates.getStyler().setYAxisDecimalPattern("0.0");
    rates.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    return rates;
  }

  /** Each cell takes the value of the closest position with a finite value (within 6 m). */
  private static double[] closestPoint(RadioMapGrid grid, double[] pos, double[] value) {
    double[] v = new double[grid.cellCount()];
    int nx = grid.nx();
    for (int j = 0; j < grid.ny(); j++) {
      for (int i = 0; i < nx; i++) {
        double cx = grid.cellX(i, j);
        double cy = grid.cellY(i, j);
        double best = 36;
        double val = Double.NaN;
        for (int p = 0; p < value.length; p++) {
          if (!Double.isFinite(value[p])) {
            continue;
          }
          double dx = pos[3 * p] - cx;
          double dy = pos[3 * p + 1] - cy;
          double d2 = dx * dx + dy * dy;
          if (d2 < best) {
            best = d2;
            val = value[p];
          }
        }
        v[j * nx + i] = val;
      }
    }
    return v;
  }
}
