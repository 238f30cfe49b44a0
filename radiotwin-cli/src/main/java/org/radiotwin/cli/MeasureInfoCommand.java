package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.math.Vec3;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementMetadata;
import org.radiotwin.measure.MeasurementSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radiotwin measure info}: what a measurement CSV file holds. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Positions, frequencies, band and antennas of a measurement CSV file; the",
      "mean, minimum and maximum of |H|^2 in dB over all samples, and the mean",
      "power of every position."
    })
final class MeasureInfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "Measurement CSV file.")
  Path file;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    MeasurementSet set = MeasurementCsv.read(file);
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (int p = 0; p < set.positionCount(); p++) {
      for (int a = 0; a < set.antennaPairCount(); a++) {
        for (int k = 0; k < set.frequencyCount(); k++) {
          double power = set.power(p, a, k);
          min = Math.min(min, power);
          max = Math.max(max, power);
        }
      }
    }
    int count = set.frequencyCount();
    double spacing =
        count > 1 ? (set.maxFrequency() - set.minFrequency()) / (count - 1) : Double.NaN;
    MeasurementMetadata meta = set.metadata();
    ObjectNode doc = Json.object();
    doc.put("file", file.toString());
    doc.put("positions", set.positionCount());
    doc.put("frequencies", count);
    doc.put("rxAntennas", set.rxAntennaCount());
    doc.put("txAntennas", set.txAntennaCount());
    ObjectNode band = doc.putObject("band");
    band.put("min", set.minFrequency());
    band.put("max", set.maxFrequency());
    putFinite(band, "spacing", spacing);
    ObjectNode power = doc.putObject("power");
    putFinite(power, "meanDb", db(set.meanPower()));
    putFinite(power, "minDb", db(min));
    putFinite(power, "maxDb", db(max));
    ObjectNode m = doc.putObject("metadata");
    m.put("campaign", meta.campaign());
    putFinite(m, "noiseLevelDb", meta.noiseLevelDb().orElse(Double.NaN));
    m.put("notes", meta.notes());
    ArrayNode rows = doc.putArray("perPosition");
    double[] means = set.meanPowers();
    for (int p = 0; p < set.positionCount(); p++) {
      ObjectNode row = rows.addObject();
      row.put("id", set.positionId(p));
      row.set("tx", Json.vector(set.txPosition(p)));
      row.set("rx", Json.vector(set.rxPosition(p)));
      putFinite(row, "meanPowerDb", db(means[p]));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, doc);
      return 0;
    }
    out.printf(Locale.ROOT, "file         %s%n", file);
    if (!meta.campaign().isEmpty()) {
      out.printf(Locale.ROOT, "campaign     %s%n", meta.campaign());
    }
    out.printf(Locale.ROOT, "positions    %d%n", set.positionCount());
    out.printf(
        Locale.ROOT,
        "frequencies  %d, %s to %s%s%n",
        count,
        CliChecks.formatFrequency(set.minFrequency()),
        CliChecks.formatFrequency(set.maxFrequency()),
        count > 1 ? String.format(Locale.ROOT, " (spacing %.6g MHz)", spacing / 1e6) : "");
    out.printf(
        Locale.ROOT, "antennas     %d rx x %d tx%n", set.rxAntennaCount(), set.txAntennaCount());
    out.printf(
        Locale.ROOT,
        "power |H|^2  mean %s, min %s, max %s%n",
        dbText(set.meanPower()),
        dbText(min),
        dbText(max));
    if (meta.noiseLevelDb().isPresent()) {
      out.printf(Locale.ROOT, "noise level  %.2f dB%n", meta.noiseLevelDb().getAsDouble());
    }
    if (!meta.notes().isEmpty()) {
      out.printf(Locale.ROOT, "notes        %s%n", meta.notes().replace("\n", "\n             "));
    }
    out.printf(
        Locale.ROOT,
        "per position:%n  %8s  %-32s  %-32s  %s%n",
        "id",
        "tx [m]",
        "rx [m]",
        "mean power");
    for (int p = 0; p < set.positionCount(); p++) {
      out.printf(
          Locale.ROOT,
          "  %8d  %-32s  %-32s  %s%n",
          set.positionId(p),
          point(set.txPosition(p)),
          point(set.rxPosition(p)),
          dbText(means[p]));
    }
    out.flush();
    return 0;
  }

  private static double db(double linear) {
    return 10 * Math.log10(linear);
  }

  private static String dbText(double linear) {
    return linear > 0 ? String.format(Locale.ROOT, "%.2f dB", db(linear)) : "-inf dB";
  }

  private static String point(Vec3 v) {
    return String.format(Locale.ROOT, "(%.3f, %.3f, %.3f)", v.x(), v.y(), v.z());
  }

  /** JSON has no infinities or NaN: those become null. */
  private static void putFinite(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }
}
