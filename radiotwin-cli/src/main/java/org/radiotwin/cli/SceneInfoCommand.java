package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.geometry.BoundingBox;
import org.radiotwin.material.ElectricalProperties;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radiotwin scene info}: what a scene holds and its materials at a frequency. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Objects, vertices, triangles, bounding box and materials of a scene,",
      "with each material's eta_r and sigma at the frequency."
    })
final class SceneInfoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "SCENE",
      description = "Mitsuba XML file, OpenStreetMap .osm file, or builtin:NAME.")
  String scene;

  @Option(
      names = {"-f", "--frequency"},
      defaultValue = "3.5e9",
      description = "Frequency [Hz] for the material properties (default: ${DEFAULT-VALUE}).")
  double frequency;

  @Option(
      names = "--extrapolate",
      description = "Evaluate ITU materials outside their frequency ranges.")
  boolean extrapolate;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    CliChecks.positiveFinite("--frequency", frequency);
    Scene s = SceneLoader.load(scene, osm.toOptions());
    PrintWriter out = spec.commandLine().getOut();
    BoundingBox box = s.bounds();
    ObjectNode doc = Json.object();
    doc.put("scene", scene);
    doc.put("frequency", frequency);
    doc.put("objects", s.objects().size());
    doc.put("vertices", s.vertexCount());
    doc.put("triangles", s.triangleCount());
    ObjectNode bbox = doc.putObject("bbox");
    if (!box.isEmpty()) {
      bbox.set("min", Json.vector(box.min()));
      bbox.set("max", Json.vector(box.max()));
    }
    ArrayNode mats = doc.putArray("materials");
    for (RadioMaterial m : s.materials().values()) {
      ElectricalProperties p = m.evaluate(frequency, extrapolate);
      ObjectNode row = mats.addObject();
      row.put("name", m.name());
      row.put("type", m.typeLabel());
      row.put("thickness", m.thickness());
      row.put("relativePermittivity", p.relativePermittivity());
      row.put("conductivity", p.conductivity());
      row.put("scatteringCoefficient", m.scatteringCoefficient());
      row.put("xpdCoefficient", m.xpdCoefficient());
      row.put("scatteringPattern", m.scatteringPattern().spec());
      if (p.extrapolated()) {
        row.put("extrapolated", true);
      }
    }
    if (json) {
      Json.print(out, doc);
      return 0;
    }
    out.printf(Locale.ROOT, "scene      %s%n", scene);
    out.printf(Locale.ROOT, "objects    %d%n", s.objects().size());
    out.printf(Locale.ROOT, "vertices   %d%n", s.vertexCount());
    out.printf(Locale.ROOT, "triangles  %d%n", s.triangleCount());
    if (!box.isEmpty()) {
      out.printf(
          Locale.ROOT,
          "bbox       min (%.3f, %.3f, %.3f) m, max (%.3f, %.3f, %.3f) m%n",
          box.min().x(),
          box.min().y(),
          box.min().z(),
          box.max().x(),
          box.max().y(),
          box.max().z());
    }
    out.printf(
        Locale.ROOT,
        "materials at %s:%n  %-28s %-24s %10s %10s %14s%n",
        CliChecks.formatFrequency(frequency),
        "name",
        "type",
        "thickness",
        "eta_r",
        "sigma [S/m]");
    for (var row : mats) {
      out.printf(
          Locale.ROOT,
          "  %-28s %-24s %10.4g %10.4f %14.6g%s%n",
          row.get("name").asText(),
          row.get("type").asText(),
          row.get("thickness").asDouble(),
          row.get("relativePermittivity").asDouble(),
          row.get("conductivity").asDouble(),
          row.has("extrapolated") ? "  (extrapolated)" : "");
    }
    out.flush();
    return 0;
  }
}
