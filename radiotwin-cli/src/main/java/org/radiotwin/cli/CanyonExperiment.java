package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.radiotwin.calibration.canyon.CanyonStudy;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin experiment canyon}: seed 000 Fig. 3 — relative power error of the calibrated
 * twin vs measurement bandwidth for PEAC, UPEC and PEOC in the canyon with a misplaced wall.
 */
@Command(
    name = "canyon",
    mixinStandardHelpOptions = true,
    description = {
      "Canyon calibration study (seed 000, Fig. 3): PEAC, UPEC and PEOC calibrate the wall",
      "material of a twin whose wall is 2 cm off; writes results.json (mean, q25, q75 of the",
      "relative power error per bandwidth and method) and canyon.png."
    })
final class CanyonExperiment implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--bandwidths",
      split = ",",
      description = "Bandwidths [Hz] (default: 1e6,2e6,5e6,1e7,2e7,5e7,1e8,2e8,5e8).")
  double[] bandwidths;

  @Option(
      names = "--runs",
      defaultValue = "10",
      description = "Seeds per bandwidth (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Base seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--iterations",
      defaultValue = "300",
      description = "Iterations per calibration (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Override
  public Integer call() {
    if (runs < 1 || iterations < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "--runs/--iterations", "must be ≥ 1");
    }
    CanyonStudy.Settings paper = CanyonStudy.Settings.paper(seed);
    double[] bw = bandwidths == null ? paper.bandwidths() : bandwidths.clone();
    for (double b : bw) {
      CliChecks.positiveFinite("--bandwidths", b);
    }
    CanyonStudy.Settings s =
        new CanyonStudy.Settings(
            bw,
            runs,
            seed,
            paper.measurements(),
            paper.subcarrierSpacing(),
            paper.snrDb(),
            iterations,
            paper.learningRate(),
            paper.subband());
    CanyonStudy.Result r;
    long t0 = System.nanoTime();
    try (Progress p = Progress.start("canyon", quiet)) {
      r = CanyonStudy.run(s, p.listener());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    ObjectNode doc = Json.object();
    ArrayNode b = doc.putArray("bandwidthsHz");
    Arrays.stream(r.bandwidthsHz()).forEach(b::add);
    doc.put("runs", runs);
    doc.put("seed", seed);
    doc.put("iterations", iterations);
    doc.put("measurements", s.measurements());
    doc.put("subcarrierSpacingHz", s.subcarrierSpacing());
    doc.put("snrDb", s.snrDb());
    ArrayNode init = doc.putArray("uncalibrated");
    Arrays.stream(r.initialError()).forEach(init::add);
    ObjectNode methods = doc.putObject("methods");
    for (Map.Entry<String, CanyonStudy.MethodCurve> e : r.methods().entrySet()) {
      ObjectNode o = methods.putObject(e.getKey());
      CanyonStudy.MethodCurve c = e.getValue();
      for (String key : List.of("mean", "q25", "q75")) {
        double[] v = key.equals("mean") ? c.mean() : key.equals("q25") ? c.q25() : c.q75();
        ArrayNode a = o.putArray(key);
        Arrays.stream(v).forEach(a::add);
      }
    }
    XYChart chart = chart(r);
    doc.put("seconds", seconds);
    CliChecks.createParent(out.resolve("results.json"));
    Plots.writePng(chart, out.resolve("canyon.png"));
    Json.writeFile(out.resolve("results.json"), doc);
    var err = spec.commandLine().getErr();
    err.printf(Locale.ROOT, "%12s %10s %10s %10s%n", "bandwidth", "PEAC", "UPEC", "PEOC");
    for (int i = 0; i < bw.length; i++) {
      err.printf(
          Locale.ROOT,
          "%9.0f MHz %10.4f %10.4f %10.4f%n",
          r.bandwidthsHz()[i] / 1e6,
          r.methods().get("PEAC").mean()[i],
          r.methods().get("UPEC").mean()[i],
          r.methods().get("PEOC").mean()[i]);
    }
    err.printf(Locale.ROOT, "%.1f s%n", seconds);
    return 0;
  }

  /** Relative power error vs bandwidth with 25–75 % bands, log axes (seed 000 Fig. 3). */
  static XYChart chart(CanyonStudy.Result r) {
    XYChart chart =
        Plots.chart("Canyon: relative power error after calibration", "bandwidth [MHz]", "error");
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    double[] mhz = Arrays.stream(r.bandwidthsHz()).map(x -> x / 1e6).toArray();
    Color[] palette = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c)};
    int colour = 0;
    for (Map.Entry<String, CanyonStudy.MethodCurve> e : r.methods().entrySet()) {
      CanyonStudy.MethodCurve c = e.getValue();
      XYSeries mean = chart.addSeries(e.getKey(), mhz, floor(c.mean()));
      mean.setMarker(SeriesMarkers.CIRCLE);
      Color col = palette[colour++ % palette.length];
      mean.setLineColor(col);
      mean.setMarkerColor(col);
      XYSeries lo = chart.addSeries(e.getKey() + " 25 %", mhz, floor(c.q25()));
      XYSeries hi = chart.addSeries(e.getKey() + " 75 %", mhz, floor(c.q75()));
      for (XYSeries band : List.of(lo, hi)) {
        band.setMarker(SeriesMarkers.NONE);
        band.setLineColor(col);
        band.setLineStyle(
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        band.setShowInLegend(false);
      }
    }
    return chart;
  }

  private static double[] floor(double[] v) {
    return Arrays.stream(v).map(x -> Math.max(x, 1e-6)).toArray();
  }
}
