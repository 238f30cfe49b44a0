package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.math.Complex;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiotwin paths}: the propagation paths between devices, with their coefficients. */
@Command(
    name = "paths",
    mixinStandardHelpOptions = true,
    description = {
      "Trace the paths (LoS, specular reflections, transmissions) between transmitters and",
      "receivers and print delay tau = L/c, coefficient a = (lambda/4pi) C_R^H T C_T / L,",
      "gain, angles of departure/arrival (theta zenith, phi azimuth, rad) and interactions."
    })
final class PathsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RadioOptions radio;

  @Option(
      names = "--tx",
      required = true,
      paramLabel = "x,y,z",
      description = "Transmitter position [m]. Repeatable.")
  List<String> tx = new ArrayList<>();

  @Mixin ReceiverOptions receivers;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    TracedLinks t = TracedLinks.trace(radio, tx, receivers);
    PathSet ps = t.paths();
    PathCoefficients c = t.coefficients();
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode doc = Json.object();
    doc.put("frequency", radio.frequency);
    ArrayNode links = doc.putArray("links");
    for (int link = 0; link < ps.linkCount(); link++) {
      int r = ps.linkReceiver(link);
      int x = ps.linkTransmitter(link);
      ObjectNode l = links.addObject();
      l.putArray("tx").add(ps.txPosition(x, 0)).add(ps.txPosition(x, 1)).add(ps.txPosition(x, 2));
      l.putArray("rx").add(ps.rxPosition(r, 0)).add(ps.rxPosition(r, 1)).add(ps.rxPosition(r, 2));
      ArrayNode arr = l.putArray("paths");
      if (!json) {
        out.printf(
            Locale.ROOT,
            "tx %d (%.2f, %.2f, %.2f) -> rx %d (%.2f, %.2f, %.2f): %d paths%n",
            x,
            ps.txPosition(x, 0),
            ps.txPosition(x, 1),
            ps.txPosition(x, 2),
            r,
            ps.rxPosition(r, 0),
            ps.rxPosition(r, 1),
            ps.rxPosition(r, 2),
            ps.pathCount(link));
        out.printf(
            Locale.ROOT,
            "  %12s %10s %8s %8s %8s %8s  %s%n",
            "tau [ns]",
            "gain [dB]",
            "thetaT",
            "phiT",
            "thetaR",
            "phiR",
            "interactions");
      }
      for (int p = ps.firstPath(link); p < ps.firstPath(link) + ps.pathCount(link); p++) {
        Complex a = c.a(p, 0, 0);
        ObjectNode o = arr.addObject();
        o.put("tau", ps.delay(p));
        o.putArray("a").add(a.re()).add(a.im());
        o.put("gainDb", 20 * Math.log10(a.abs()));
        o.put("thetaT", ps.thetaT(p));
        o.put("phiT", ps.phiT(p));
        o.put("thetaR", ps.thetaR(p));
        o.put("phiR", ps.phiR(p));
        ArrayNode kinds = o.putArray("interactions");
        ArrayNode objects = o.putArray("objects");
        StringBuilder text = new StringBuilder();
        for (int i = ps.firstInteraction(p); i < ps.firstInteraction(p) + ps.depth(p); i++) {
          String label = ps.type(i).label();
          String object = t.scene().objects().get(ps.object(i)).name();
          kinds.add(label);
          objects.add(object);
          text.append(text.length() == 0 ? "" : ", ").append(label).append('@').append(object);
        }
        if (!json) {
          out.printf(
              Locale.ROOT,
              "  %12.4f %10.3f %8.4f %8.4f %8.4f %8.4f  %s%n",
              ps.delay(p) * 1e9,
              20 * Math.log10(a.abs()),
              ps.thetaT(p),
              ps.phiT(p),
              ps.thetaR(p),
              ps.phiR(p),
              ps.isLos(p) ? "LoS" : text);
        }
      }
    }
    if (json) {
      Json.print(out, doc);
    }
    out.flush();
    return 0;
  }
}
