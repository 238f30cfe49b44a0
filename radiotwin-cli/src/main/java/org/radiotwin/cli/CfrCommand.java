package org.radiotwin.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.channel.Channel;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.rt.PathSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiotwin cfr}: channel frequency responses over a band, to CSV. */
@Command(
    name = "cfr",
    mixinStandardHelpOptions = true,
    description = {
      "Channel frequency response H(f) = sum_i a_i exp(-j 2 pi f tau_i) at absolute",
      "frequencies f, for one transmitter and every receiver; CSV columns rx,frequency,re,im.",
      "The coefficients a_i are evaluated at the carrier (--frequency, default the band centre)."
    })
final class CfrCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RadioOptions radio;

  @Option(
      names = "--tx",
      required = true,
      paramLabel = "x,y,z",
      description = "Transmitter position [m].")
  String tx;

  @Mixin ReceiverOptions receivers;

  @Option(
      names = "--band",
      required = true,
      paramLabel = "START:STOP:COUNT",
      description = "Frequencies [Hz]: COUNT points from START to STOP inclusive.")
  String band;

  @Option(
      names = "--normalize-delays",
      description = "Measure delays from each link's first path (baseband phase only).")
  boolean normalizeDelays;

  @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Output CSV.")
  Path out;

  @Override
  public Integer call() {
    double[] f = parseBand(band);
    boolean carrierGiven = spec.commandLine().getParseResult().hasMatchedOption("--frequency");
    if (!carrierGiven) {
      radio.frequency = 0.5 * (f[0] + f[f.length - 1]);
    }
    TracedLinks t = TracedLinks.trace(radio, List.of(tx), receivers);
    PathSet ps = t.paths();
    Channel ch = new Channel(t.coefficients());
    double f0 = f[0] - radio.frequency;
    double df = f.length > 1 ? (f[f.length - 1] - f[0]) / (f.length - 1) : 0;
    double[] h = new double[2 * f.length];
    AtomicFiles.write(
        out,
        stream -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
          w.write("rx,frequency,re,im\n");
          for (int link = 0; link < ps.linkCount(); link++) {
            ch.cfrUniform(link, 0, 0, f0, df, f.length, normalizeDelays, h);
            for (int k = 0; k < f.length; k++) {
              w.write(
                  String.format(
                      Locale.ROOT,
                      "%d,%.10g,%.17g,%.17g%n",
                      ps.linkReceiver(link),
                      f[k],
                      h[2 * k],
                      h[2 * k + 1]));
            }
          }
          w.flush();
        });
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "wrote %s (%d receivers x %d frequencies)%n",
            out,
            ps.receiverCount(),
            f.length);
    return 0;
  }

  static double[] parseBand(String text) {
    String[] p = text.split(":");
    try {
      if (p.length == 3) {
        double a = Double.parseDouble(p[0]);
        double b = Double.parseDouble(p[1]);
        int n = Integer.parseInt(p[2]);
        if (n >= 1 && a > 0 && b >= a && Double.isFinite(b) && (n > 1 || a == b)) {
          double[] f = new double[n];
          for (int k = 0; k < n; k++) {
            f[k] = n == 1 ? a : a + (b - a) * k / (n - 1);
          }
          return f;
        }
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "--band " + text,
        "expected START:STOP:COUNT with 0 < START <= STOP and COUNT >= 1");
  }
}
