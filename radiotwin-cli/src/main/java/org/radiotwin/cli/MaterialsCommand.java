package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.material.ElectricalProperties;
import org.radiotwin.material.ItuFrequencyRange;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiotwin materials}: the ITU-R P.2040-3 table evaluated at one frequency. */
@Command(
    name = "materials",
    mixinStandardHelpOptions = true,
    description = {
      "The ITU-R P.2040-3 materials (Table 3) evaluated at a frequency:",
      "eta_r = a*f^b, sigma = c*f^d [S/m], eta = eta_r - j*sigma/(eps0*2*pi*f).",
      "Materials whose ranges exclude the frequency are marked out of range",
      "unless --extrapolate is given."
    })
final class MaterialsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--frequency"},
      defaultValue = "3.5e9",
      description = "Frequency [Hz] (default: ${DEFAULT-VALUE}).")
  double frequency;

  @Option(
      names = "--extrapolate",
      description = "Evaluate out-of-range materials with their nearest range's formula.")
  boolean extrapolate;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    CliChecks.positiveFinite("--frequency", frequency);
    PrintWriter out = spec.commandLine().getOut();
    ObjectNode doc = Json.object();
    doc.put("frequency", frequency);
    ArrayNode list = doc.putArray("materials");
    if (!json) {
      out.printf(
          Locale.ROOT,
          "ITU-R P.2040-3 materials at %s%n%-22s %-22s %10s %14s %14s%n",
          CliChecks.formatFrequency(frequency),
          "material",
          "valid range [GHz]",
          "eta_r",
          "sigma [S/m]",
          "Im(eta)");
    }
    for (ItuMaterialType type : ItuMaterialType.values()) {
      RadioMaterial m = RadioMaterial.itu("itu_" + type.sionnaName(), type);
      ElectricalProperties p = null;
      try {
        p = m.evaluate(frequency, extrapolate);
      } catch (RadioTwinException e) {
        // Out of range without --extrapolate: reported as such, not an error of the command.
      }
      ObjectNode row = list.addObject();
      row.put("name", m.name());
      row.put("type", type.sionnaName());
      ArrayNode ranges = row.putArray("validRangesGHz");
      for (ItuFrequencyRange r : type.ranges()) {
        ranges.addArray().add(r.minGHz()).add(r.maxGHz());
      }
      row.put("inRange", p != null && !p.extrapolated());
      if (p != null) {
        row.put("extrapolated", p.extrapolated());
        row.put("relativePermittivity", p.relativePermittivity());
        row.put("conductivity", p.conductivity());
        row.putArray("complexRelativePermittivity")
            .add(p.complexRelativePermittivity().re())
            .add(p.complexRelativePermittivity().im());
      }
      if (!json) {
        String rangeText = String.join(", ", type.ranges().stream().map(Object::toString).toList());
        if (p == null) {
          out.printf(Locale.ROOT, "%-22s %-22s %s%n", m.name(), rangeText, "out of range");
        } else {
          out.printf(
              Locale.ROOT,
              "%-22s %-22s %10.4f %14.6g %14.6g%s%n",
              m.name(),
              rangeText,
              p.relativePermittivity(),
              p.conductivity(),
              p.complexRelativePermittivity().im(),
              p.extrapolated() ? "  (extrapolated)" : "");
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
