package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.knowm.xchart.XYChart;
import org.radiotwin.channel.EmpiricalDistribution;
import org.radiotwin.channel.FadingSampler;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin experiment fading-proxy}: seed 004 Fig. 2 — is frequency a proxy for space? For
 * a transmitter near and one far from a receiver, compares the distribution of |H(f)|² over a wide
 * band with that of |H|² over a grid of sub-wavelength receiver displacements at the band centre,
 * and reports the difference of their ε-quantiles in dB.
 */
@Command(
    name = "fading-proxy",
    mixinStandardHelpOptions = true,
    description = {
      "Frequency vs location fading samples (seed 004, Fig. 2): CDFs of |H(f)|^2 over a wide",
      "band and of |H|^2 over a grid of displacements, for a near and a far transmitter;",
      "writes fading-proxy.png and results.json (quantileGapDb per position).",
      "Frequency samples are multiplied by (f/fc)^2 to remove the free-space lambda^2 trend."
    })
final class FadingProxyExperiment implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--scene",
      defaultValue = "builtin:simple_street_canyon",
      description = "Scene (default: ${DEFAULT-VALUE}).")
  String scene;

  @Option(
      names = "--rx",
      defaultValue = "10,-5,1.5",
      description = "Receiver position [m] (default: ${DEFAULT-VALUE}).")
  String rx;

  @Option(
      names = "--tx-near",
      defaultValue = "0,-3,6",
      description = "Near transmitter [m] (default: ${DEFAULT-VALUE}).")
  String txNear;

  @Option(
      names = "--tx-far",
      defaultValue = "-80,0,10",
      description = "Far transmitter [m] (default: ${DEFAULT-VALUE}).")
  String txFar;

  @Option(
      names = "--band",
      defaultValue = "2e9:10e9:8001",
      description = "Frequency sweep START:STOP:COUNT [Hz] (default: ${DEFAULT-VALUE}).")
  String band;

  @Option(
      names = "--grid",
      defaultValue = "20",
      description = "Displacements per side (default: ${DEFAULT-VALUE}, i.e. 400).")
  int grid;

  @Option(
      names = "--spacing-wavelengths",
      defaultValue = "0.25",
      description = "Displacement spacing [wavelengths] (default: ${DEFAULT-VALUE}).")
  double spacing;

  @Option(
      names = "--epsilon",
      defaultValue = "0.01",
      description = "Quantile level (default: ${DEFAULT-VALUE}).")
  double epsilon;

  @Option(
      names = "--max-depth",
      defaultValue = "4",
      description = "Path depth (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--samples",
      defaultValue = "1000000",
      description = "Rays per transmitter (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--quick",
      description =
          "A small version: 1 001 tones over 5.5–6.5 GHz, 10 × 10 grid, depth 2, 10^5 rays.")
  boolean quick;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    if (quick) {
      band = "5.5e9:6.5e9:1001";
      grid = 10;
      maxDepth = 2;
      samples = 100_000;
    }
    double[] f = CfrCommand.parseBand(band);
    double fc = 0.5 * (f[0] + f[f.length - 1]);
    Scene s = SceneLoader.load(scene, osm.toOptions());
    SceneGeometry g = SceneGeometry.of(s);
    RadioMaterial[] materials = g.materials(s);
    PathSolverConfig cfg =
        PathSolverConfig.defaults().withMaxDepth(maxDepth).withSamples(samples, seed);
    Vec3 r = RadioOptions.parseVec3("--rx", rx);
    double[] rxPos = r.toArray();
    String[] names = {"near", "far"};
    Vec3[] txs = {
      RadioOptions.parseVec3("--tx-near", txNear), RadioOptions.parseVec3("--tx-far", txFar)
    };
    ObjectNode doc = Json.object();
    doc.put("scene", scene);
    doc.put("epsilon", epsilon);
    doc.put("bandStartHz", f[0]);
    doc.put("bandStopHz", f[f.length - 1]);
    doc.put("tones", f.length);
    doc.put("gridSide", grid);
    doc.put("spacingWavelengths", spacing);
    doc.put("locationFrequencyHz", fc);
    ArrayNode positions = doc.putArray("positions");
    XYChart chart =
        Plots.chart("Fading: frequency vs location samples (" + scene + ")", "power [dB]", "CDF");
    chart.getStyler().setYAxisLogarithmic(true);
    try (Progress progress = Progress.start("fading-proxy", false)) {
      for (int t = 0; t < 2; t++) {
        double[] txPos = txs[t].toArray();
        PathSet ps = new PathSolver(cfg).solve(g, txPos, rxPos, ForkJoinPool.commonPool());
        FieldEvaluator fe = FieldEvaluator.forScene(ps, g);
        double df = (f[f.length - 1] - f[0]) / (f.length - 1);
        double[] freq =
            FadingSampler.frequencySamples(
                fe, materials, 0, f[0], f[f.length - 1], f.length, Math.max(df, 50e6), false);
        for (int k = 0; k < freq.length; k++) {
          double fk = f[0] + k * df;
          freq[k] *= (fk / fc) * (fk / fc);
        }
        progress.listener().accept((2 * t + 1) / 4.0);
        double lambda = PhysicalConstants.SPEED_OF_LIGHT / fc;
        double[] loc =
            FadingSampler.locationSamples(
                g, cfg, txPos, rxPos, grid, grid, spacing * lambda, fc, materials, false);
        progress.listener().accept((2 * t + 2) / 4.0);
        EmpiricalDistribution df1 = new EmpiricalDistribution(toDb(freq));
        EmpiricalDistribution dl = new EmpiricalDistribution(toDb(loc));
        double qf = df1.quantile(epsilon);
        double ql = dl.quantile(epsilon);
        ObjectNode o = positions.addObject();
        o.put("name", names[t]);
        o.set("tx", Json.vector(txs[t]));
        o.set("rx", Json.vector(r));
        o.put("distance", txs[t].distance(r));
        o.put("paths", ps.pathCount());
        o.put("frequencySamples", freq.length);
        o.put("locationSamples", loc.length);
        o.put("frequencyQuantileDb", qf);
        o.put("locationQuantileDb", ql);
        o.put("quantileGapDb", qf - ql);
        o.put("frequencyMeanDb", 10 * Math.log10(mean(freq)));
        o.put("locationMeanDb", 10 * Math.log10(mean(loc)));
        double[][] cf = Plots.cdfCurve(df1.sortedSamples(), 2000);
        double[][] cl = Plots.cdfCurve(dl.sortedSamples(), 2000);
        Plots.line(chart, names[t] + ": frequency (" + f.length + " tones)", cf[0], cf[1]);
        Plots.line(chart, names[t] + ": location (" + loc.length + " points)", cl[0], cl[1]);
      }
    }
    Plots.writePng(chart, out.resolve("fading-proxy.png"));
    Json.writeFile(out.resolve("results.json"), doc);
    for (var p : positions) {
      spec.commandLine()
          .getErr()
          .printf(
              Locale.ROOT,
              "%s transmitter (%.1f m): %d paths, %.3g-quantile frequency %.2f dB, location %.2f dB, gap %.2f dB%n",
              p.get("name").asText(),
              p.get("distance").asDouble(),
              p.get("paths").asInt(),
              epsilon,
              p.get("frequencyQuantileDb").asDouble(),
              p.get("locationQuantileDb").asDouble(),
              p.get("quantileGapDb").asDouble());
    }
    return 0;
  }

  private static double[] toDb(double[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = 10 * Math.log10(Math.max(v[i], 1e-300));
    }
    return d;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
