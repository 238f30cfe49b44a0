package org.radiotwin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.mac.BayesMacExperiment;
import org.radiotwin.learn.mac.IndependentQLearning;
import org.radiotwin.learn.mac.MacModel;
import org.radiotwin.learn.mac.MacSetting;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin experiment bayes-mac}: seed 000 §III, Fig. 4 — access policies trained by
 * independent Q-learning on a frequentist (MAP) twin and on a Bayesian twin (a posterior sample
 * every M slots), by model-free learning on the real system, TDMA and the best slotted ALOHA,
 * against the number of real slots the twin learned from. The work is {@link BayesMacExperiment};
 * this class parses options, writes results.json, bayes-mac.png and posterior.png.
 */
@Command(
    name = "bayes-mac",
    mixinStandardHelpOptions = true,
    description = {
      "Bayesian vs frequentist digital twin for learned multiple access (seed 000, Fig. 4):",
      "mean reward per slot on the real system against the number of real slots the twin saw.",
      "Writes results.json, bayes-mac.png (return vs data) and posterior.png (posterior over",
      "reception models)."
    })
final class BayesMacCommand implements Callable<Integer> {

  private static final Set<String> CONFIG_KEYS =
      Set.of(
          "devices",
          "bufferCapacity",
          "clusters",
          "arrivalPmfs",
          "reception",
          "deliveryReward",
          "overflowPenalty",
          "idleReward",
          "discount",
          "priorConcentration",
          "resampleEvery",
          "explorationProbability",
          "trainingSlots",
          "period",
          "evaluationEpisodes",
          "evaluationSlots");

  @Spec CommandSpec spec;

  @Option(
      names = "--data-slots",
      split = ",",
      defaultValue = "0,2,5,10,20",
      description = "Real slots the twin learns from (default: ${DEFAULT-VALUE}).")
  int[] dataSlots;

  @Option(
      names = "--runs",
      defaultValue = "100",
      description = "Independent runs per data size (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--config",
      description =
          "JSON file overriding the system and training (keys: devices, bufferCapacity, clusters,"
              + " arrivalPmfs, reception, deliveryReward, overflowPenalty, idleReward, discount,"
              + " priorConcentration, resampleEvery, explorationProbability, trainingSlots, period,"
              + " evaluationEpisodes, evaluationSlots).")
  Path config;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() {
    BayesMacExperiment.Config cfg =
        (config == null ? BayesMacExperiment.Config.defaults() : readConfig(config))
            .with(dataSlots, runs, seed);
    BayesMacExperiment.Result r;
    try (Progress progress = Progress.start("bayes-mac", quiet)) {
      r = BayesMacExperiment.run(cfg, progress.listener());
    }
    ObjectNode doc = toJson(r);
    XYChart returns = returnChart(r);
    XYChart posterior = posteriorChart(r);
    Plots.writePng(returns, out.resolve("bayes-mac.png"));
    Plots.writePng(posterior, out.resolve("posterior.png"));
    Json.writeFile(out.resolve("results.json"), doc);
    var err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%-14s", "data slots");
    for (int n : cfg.dataSlots()) {
      err.printf(Locale.ROOT, " %14d", n);
    }
    err.println();
    for (var e : r.methods().entrySet()) {
      err.printf(Locale.ROOT, "%-14s", e.getKey());
      for (int i = 0; i < cfg.dataSlots().length; i++) {
        err.printf(
            Locale.ROOT, " %7.2f ± %5.2f", e.getValue().meanReturn()[i], e.getValue().ci()[i]);
      }
      err.println();
    }
    err.flush();
    return 0;
  }

  static ObjectNode toJson(BayesMacExperiment.Result r) {
    BayesMacExperiment.Config c = r.config();
    ObjectNode doc = Json.object();
    doc.set("dataSlots", Json.MAPPER.valueToTree(c.dataSlots()));
    doc.put("runs", c.runs());
    doc.put("seed", c.seed());
    doc.put("metric", "mean reward per slot on the real system");
    ObjectNode methods = doc.putObject("methods");
    for (Map.Entry<String, BayesMacExperiment.MethodCurve> e : r.methods().entrySet()) {
      ObjectNode m = methods.putObject(e.getKey());
      m.set("meanReturn", Json.MAPPER.valueToTree(e.getValue().meanReturn()));
      m.set("ci", Json.MAPPER.valueToTree(e.getValue().ci()));
      m.set("throughput", Json.MAPPER.valueToTree(e.getValue().throughput()));
      m.set("throughputCi", Json.MAPPER.valueToTree(e.getValue().throughputCi()));
    }
    ObjectNode diff = doc.putObject("bayesMinusFrequentist");
    diff.set("mean", Json.MAPPER.valueToTree(r.bayesMinusFrequentist()));
    diff.set("ci", Json.MAPPER.valueToTree(r.bayesMinusFrequentistCi()));
    doc.put("alohaProbability", r.alohaProbability());
    if (Double.isFinite(r.tdmaAnalyticThroughput())) {
      doc.put("tdmaAnalyticThroughput", r.tdmaAnalyticThroughput());
    }
    ArrayNode post = doc.putArray("posterior");
    for (BayesMacExperiment.PosteriorSnapshot s : r.posteriors()) {
      ObjectNode p = post.addObject();
      p.put("dataSlots", s.dataSlots());
      p.set("receptionCounts", Json.MAPPER.valueToTree(s.receptionCounts()));
      p.set("receptionMean", Json.MAPPER.valueToTree(s.receptionMean()));
      p.set("receptionMap", Json.MAPPER.valueToTree(s.receptionMap()));
    }
    ObjectNode cfg = doc.putObject("config");
    MacSetting st = c.setting();
    cfg.put("devices", st.devices());
    cfg.put("bufferCapacity", st.bufferCapacity());
    cfg.set("clusters", Json.MAPPER.valueToTree(st.clusters()));
    cfg.set("arrivalPmfs", Json.MAPPER.valueToTree(c.trueModel().arrivals()));
    cfg.set("reception", Json.MAPPER.valueToTree(c.trueModel().reception()));
    cfg.put("deliveryReward", st.deliveryReward());
    cfg.put("overflowPenalty", st.overflowPenalty());
    cfg.put("idleReward", st.idleReward());
    cfg.put("discount", st.discount());
    cfg.put("priorConcentration", c.priorConcentration());
    cfg.put("resampleEvery", c.resampleEvery());
    cfg.put("explorationProbability", c.explorationProbability());
    cfg.put("trainingSlots", c.learning().slots());
    cfg.put("period", c.learning().period());
    cfg.put("evaluationEpisodes", c.evaluationEpisodes());
    cfg.put("evaluationSlots", c.evaluationSlots());
    return doc;
  }

  static XYChart returnChart(BayesMacExperiment.Result r) {
    int[] n = r.config().dataSlots();
    double[] x = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      x[i] = n[i];
    }
    XYChart c =
        Plots.chart(
            "Bayesian vs frequentist twin (" + r.config().runs() + " runs, 95 % CI)",
            "real slots seen by the twin",
            "mean reward per slot on the real system");
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
    c.getStyler().setMarkerSize(7);
    for (var e : r.methods().entrySet()) {
      XYSeries s = c.addSeries(e.getKey(), x, e.getValue().meanReturn(), e.getValue().ci());
      if (List.of("tdma", "aloha").contains(e.getKey())) {
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.DASH_DASH);
      }
    }
    return c;
  }

  static XYChart posteriorChart(BayesMacExperiment.Result r) {
    XYChart c =
        Plots.chart(
            "Posterior over twin reception models (first run)",
            "packets sent k",
            "E[packets delivered | k]");
    Color[] sampleColors = {new Color(120, 160, 230, 90), new Color(230, 120, 100, 90)};
    Color[] mapColors = {new Color(40, 80, 200), new Color(200, 50, 30)};
    int idx = 0;
    for (BayesMacExperiment.PosteriorSnapshot s : r.posteriors()) {
      double[] k = new double[s.trueExpectedDelivered().length];
      for (int i = 0; i < k.length; i++) {
        k[i] = i;
      }
      Color sc = sampleColors[Math.min(idx, 1)];
      for (int j = 0; j < s.sampledExpectedDelivered().length; j++) {
        XYSeries ser =
            c.addSeries("sample " + s.dataSlots() + "/" + j, k, s.sampledExpectedDelivered()[j]);
        ser.setMarker(SeriesMarkers.NONE);
        ser.setLineColor(sc);
        ser.setLineStyle(SeriesLines.SOLID);
        ser.setLineWidth(1f);
        ser.setShowInLegend(j == 0);
        if (j == 0) {
          ser.setLabel("posterior samples, " + s.dataSlots() + " slots");
        }
      }
      double[] map = new double[k.length];
      for (int kk = 0; kk < k.length; kk++) {
        for (int d = 0; d < s.receptionMap()[kk].length; d++) {
          map[kk] += d * s.receptionMap()[kk][d];
        }
      }
      XYSeries m = c.addSeries("MAP twin, " + s.dataSlots() + " slots", k, map);
      m.setMarker(SeriesMarkers.NONE);
      m.setLineStyle(SeriesLines.DASH_DASH);
      m.setLineWidth(2.5f);
      m.setLineColor(mapColors[Math.min(idx, 1)]);
      idx++;
    }
    BayesMacExperiment.PosteriorSnapshot last = r.posteriors().get(r.posteriors().size() - 1);
    double[] k = new double[last.trueExpectedDelivered().length];
    for (int i = 0; i < k.length; i++) {
      k[i] = i;
    }
    XYSeries t = c.addSeries("real system", k, last.trueExpectedDelivered());
    t.setMarker(SeriesMarkers.NONE);
    t.setLineColor(Color.BLACK);
    t.setLineStyle(SeriesLines.SOLID);
    t.setLineWidth(3f);
    return c;
  }

  /** Reads a JSON configuration; absent keys keep the defaults of seed 000 §III. */
  static BayesMacExperiment.Config readConfig(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new RadioTwinException(RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, file, "top level", "must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!CONFIG_KEYS.contains(key)) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            file,
            key,
            "unknown key (known: "
                + String.join(", ", CONFIG_KEYS.stream().sorted().toList())
                + ")");
      }
    }
    BayesMacExperiment.Config d = BayesMacExperiment.Config.defaults();
    MacSetting ds = d.setting();
    try {
      int devices = intValue(root, "devices", ds.devices(), file);
      MacSetting setting =
          new MacSetting(
              devices,
              intValue(root, "bufferCapacity", ds.bufferCapacity(), file),
              root.has("clusters")
                  ? Json.MAPPER.treeToValue(root.get("clusters"), int[][].class)
                  : ds.clusters(),
              doubleValue(root, "deliveryReward", ds.deliveryReward(), file),
              doubleValue(root, "overflowPenalty", ds.overflowPenalty(), file),
              doubleValue(root, "idleReward", ds.idleReward(), file),
              doubleValue(root, "discount", ds.discount(), file));
      MacModel model =
          new MacModel(
              root.has("reception")
                  ? Json.MAPPER.treeToValue(root.get("reception"), double[][].class)
                  : d.trueModel().reception(),
              root.has("arrivalPmfs")
                  ? Json.MAPPER.treeToValue(root.get("arrivalPmfs"), double[][].class)
                  : d.trueModel().arrivals());
      model.validate(setting, file.toString());
      IndependentQLearning.Settings l = d.learning();
      IndependentQLearning.Settings learning =
          new IndependentQLearning.Settings(
              intValue(root, "trainingSlots", l.slots(), file),
              l.epsilonStart(),
              l.epsilonEnd(),
              l.explorationFraction(),
              l.learningRateExponent(),
              intValue(root, "period", l.period(), file));
      return d.with(
          setting,
          model,
          doubleValue(root, "priorConcentration", d.priorConcentration(), file),
          intValue(root, "resampleEvery", d.resampleEvery(), file),
          doubleValue(root, "explorationProbability", d.explorationProbability(), file),
          learning,
          intValue(root, "evaluationEpisodes", d.evaluationEpisodes(), file),
          intValue(root, "evaluationSlots", d.evaluationSlots(), file));
    } catch (IOException e) {
      throw new RadioTwinException(RadioTwinMessages.MALFORMED_FILE, file, "value", e.getMessage());
    } catch (RadioTwinException e) {
      if (e.getMessage().contains(file.toString())) {
        throw e;
      }
      throw new RadioTwinException(
          e, RadioTwinMessages.MALFORMED_FILE, file, "configuration", e.getMessage());
    }
  }

  private static int intValue(JsonNode root, String key, int def, Path file) {
    JsonNode v = root.get(key);
    if (v == null) {
      return def;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, file, key, "must be an integer, got " + v);
    }
    return v.intValue();
  }

  private static double doubleValue(JsonNode root, String key, double def, Path file) {
    JsonNode v = root.get(key);
    if (v == null) {
      return def;
    }
    if (!v.isNumber()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, file, key, "must be a number, got " + v);
    }
    return v.doubleValue();
  }
}
