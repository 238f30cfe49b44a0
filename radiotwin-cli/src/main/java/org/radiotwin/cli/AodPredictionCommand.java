package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.radiotwin.learn.task.AodPredictionExperiment;
import org.radiotwin.learn.task.OutdoorGrid;
import org.radiotwin.learn.task.TwinRealitySite;
import org.radiotwin.learn.train.AdamConfig;
import org.radiotwin.learn.train.TrainingMethod;
import org.radiotwin.scene.Scene;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin experiment aod}: seed 000 Fig. 6 — angle-of-departure prediction from the UE
 * position with a LoS context, trained by ERM, PPI and context-aware PPI; beam-pointing error per
 * context and heatmaps over the area.
 */
@Command(
    name = "aod",
    mixinStandardHelpOptions = true,
    description = {
      "AoD prediction with twin data (seed 000 Fig. 6): a regressor from UE position to the",
      "departure direction of the strongest path, trained by ERM, PPI and context-aware PPI",
      "(context = twin LoS flag); writes results.json (mean beam-pointing error per context)",
      "and heatmaps: aod-real-azimuth.png, aod-twin-azimuth.png, aod-twin-error.png,",
      "aod-error-METHOD.png."
    })
final class AodPredictionCommand implements Callable<Integer> {

  private static final String[] CONTEXTS = {"LoS", "NLoS", "all"};

  @Spec CommandSpec spec;

  @Mixin TwinRealityOptions site;

  @Option(
      names = "--real-fraction",
      defaultValue = "0.1",
      description =
          "Fraction of the training positions with real labels (default: ${DEFAULT-VALUE}).")
  double realFraction;

  @Option(
      names = "--hidden",
      defaultValue = "32",
      split = ",",
      description = "Hidden-layer widths of the MLP (default: ${DEFAULT-VALUE}).")
  int[] hidden;

  @Option(
      names = "--steps",
      defaultValue = "400",
      description = "Adam steps per training (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--methods",
      defaultValue = "ERM,PPI,CPPI",
      split = ",",
      description = "Methods (default: ${DEFAULT-VALUE}).")
  List<String> methods;

  @Override
  public Integer call() {
    List<TrainingMethod> ms = TwinRealityOptions.trainingMethods(methods);
    AodPredictionExperiment.Settings d = AodPredictionExperiment.Settings.defaults(site.seed);
    AodPredictionExperiment.Settings settings =
        new AodPredictionExperiment.Settings(
            realFraction,
            site.runs,
            site.seed,
            d.testFraction(),
            TwinRealityOptions.hiddenLayers(hidden),
            AdamConfig.of(steps, d.adam().batchSize(), d.adam().learningRate(), d.adam().l2()),
            ms,
            d.geometricFeatures(),
            d.losFeature());
    Scene twin = site.twinScene();
    TwinRealitySite s = site.survey(twin, site.realityScene(), 1, 2);
    AodPredictionExperiment.Result r;
    try (Progress p = Progress.start("train", site.quiet)) {
      r = AodPredictionExperiment.run(s, settings, ForkJoinPool.commonPool(), p.listener());
    }
    ObjectNode doc = Json.object();
    ObjectNode mo = doc.putObject("methods");
    for (AodPredictionExperiment.MethodErrors m : r.methods()) {
      ObjectNode o = mo.putObject(m.method());
      o.set("meanErrorDeg", perContext(m.meanErrorDeg()));
      o.set("ciDeg", perContext(m.ciDeg()));
      ObjectNode l = o.putObject("lambda");
      putFinite(l, "LoS", m.meanLambda()[0]);
      putFinite(l, "NLoS", m.meanLambda()[1]);
    }
    doc.putObject("twin").set("meanErrorDeg", perContext(r.twinMeanErrorDeg()));
    int los = 0;
    for (int c : r.context()) {
      los += c == AodPredictionExperiment.LOS ? 1 : 0;
    }
    doc.put("positions", r.context().length);
    doc.put("losPositions", los);
    doc.put("testPositions", r.testPositions());
    doc.put("realSamples", r.realSamples());
    doc.put("realFraction", realFraction);
    doc.put("runs", site.runs);
    doc.put("seed", site.seed);
    doc.put("twinScene", site.twin);
    doc.put("reality", site.reality);
    CliChecks.createParent(site.out.resolve("results.json"));
    OutdoorGrid grid = s.grid();
    heatmap(
        s,
        twin,
        r.realAzimuthDeg(),
        "aod-real-azimuth.png",
        "Reality: AoD azimuth of the strongest path",
        "deg",
        -180,
        180);
    heatmap(
        s,
        twin,
        r.twinAzimuthDeg(),
        "aod-twin-azimuth.png",
        "Twin: AoD azimuth of the strongest path",
        "deg",
        -180,
        180);
    heatmap(
        s,
        twin,
        r.twinErrorDeg(),
        "aod-twin-error.png",
        "Twin vs reality: pointing error",
        "deg",
        0,
        90);
    for (AodPredictionExperiment.MethodErrors m : r.methods()) {
      heatmap(
          s,
          twin,
          m.positionErrorDeg(),
          "aod-error-" + m.method() + ".png",
          m.method() + ": beam-pointing error (mean over test runs)",
          "deg",
          0,
          90);
    }
    Json.writeFile(site.out.resolve("results.json"), doc);
    var err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "%d positions (%d LoS), %d real labels, %d test positions per run (grid %d cells)%n",
        r.context().length,
        los,
        r.realSamples(),
        r.testPositions(),
        grid.grid().cellCount());
    err.printf(
        Locale.ROOT,
        "%-6s LoS %6.2f  NLoS %6.2f  all %6.2f deg%n",
        "twin",
        r.twinMeanErrorDeg()[0],
        r.twinMeanErrorDeg()[1],
        r.twinMeanErrorDeg()[2]);
    for (AodPredictionExperiment.MethodErrors m : r.methods()) {
      err.printf(
          Locale.ROOT,
          "%-6s LoS %6.2f  NLoS %6.2f  all %6.2f deg%n",
          m.method(),
          m.meanErrorDeg()[0],
          m.meanErrorDeg()[1],
          m.meanErrorDeg()[2]);
    }
    err.flush();
    return 0;
  }

  private void heatmap(
      TwinRealitySite s,
      Scene scene,
      double[] perUsable,
      String name,
      String title,
      String unit,
      double lo,
      double hi) {
    double[] perPosition = new double[s.grid().size()];
    java.util.Arrays.fill(perPosition, Double.NaN);
    int[] u = s.usable();
    for (int q = 0; q < u.length; q++) {
      perPosition[u[q]] = perUsable[q];
    }
    HeatmapPlot.write(
        site.out.resolve(name),
        s.grid().grid(),
        s.grid().toCells(perPosition),
        title,
        unit,
        scene,
        lo,
        hi);
  }

  private static ObjectNode perContext(double[] v) {
    ObjectNode o = Json.object();
    for (int k = 0; k < CONTEXTS.length; k++) {
      putFinite(o, CONTEXTS[k], v[k]);
    }
    return o;
  }

  private static void putFinite(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }
}
