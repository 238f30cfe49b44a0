package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.measure.CampaignSimulator;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.measure.SimToRealGap;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiotwin measure compare}: the sim-to-real gap of a twin against measurements. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate the twin (noise-free) at the measured positions and frequencies and report, per",
      "position and on average, the gap twin - measured in mean power and in the eps-quantile",
      "of |H(f)|^2 over the sweep, in dB."
    })
final class MeasureCompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--twin",
      required = true,
      description = "Twin scene (XML, .osm or builtin:NAME).")
  String twin;

  @Option(names = "--measurements", required = true, description = "Measurement CSV.")
  Path measurements;

  @Option(
      names = "--epsilon",
      defaultValue = "0.01",
      description = "Quantile level (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Mixin CampaignOptions campaign;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    MeasurementSet measured = MeasurementCsv.read(measurements);
    Scene s = SceneLoader.load(twin, osm.toOptions());
    CampaignSimulator.Settings settings =
        new CampaignSimulator.Settings(
            measured.minFrequency(),
            measured.maxFrequency(),
            measured.frequencyCount(),
            Double.POSITIVE_INFINITY,
            0,
            1,
            campaign.paths(1),
            campaign.extrapolate);
    MeasurementSet simulated;
    try (Progress p = Progress.start("twin", campaign.quiet || json)) {
      simulated =
          CampaignSimulator.simulate(
              s, measured.txPositions(), measured.rxPositions(), settings, p.listener());
    }
    SimToRealGap gap = SimToRealGap.between(measured, simulated, epsilon);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode doc = Json.object();
      doc.put("twin", twin);
      doc.put("epsilon", epsilon);
      doc.put("meanAbsPowerGapDb", gap.meanAbsPowerGapDb());
      doc.put("meanAbsQuantileGapDb", gap.meanAbsQuantileGapDb());
      ArrayNode rows = doc.putArray("positions");
      for (int p = 0; p < measured.positionCount(); p++) {
        ObjectNode o = rows.addObject();
        o.put("id", gap.positionIds()[p]);
        o.put("meanPowerGapDb", gap.meanPowerGapDb()[p]);
        o.put("quantileGapDb", gap.quantileGapDb()[p]);
      }
      Json.print(out, doc);
    } else {
      out.printf(Locale.ROOT, "%8s %16s %18s%n", "position", "mean gap [dB]", "quantile gap [dB]");
      for (int p = 0; p < measured.positionCount(); p++) {
        out.printf(
            Locale.ROOT,
            "%8d %16.2f %18.2f%n",
            gap.positionIds()[p],
            gap.meanPowerGapDb()[p],
            gap.quantileGapDb()[p]);
      }
      out.printf(
          Locale.ROOT,
          "mean |gap|: power %.2f dB, %.3g-quantile %.2f dB%n",
          gap.meanAbsPowerGapDb(),
          epsilon,
          gap.meanAbsQuantileGapDb());
    }
    out.flush();
    return 0;
  }
}
