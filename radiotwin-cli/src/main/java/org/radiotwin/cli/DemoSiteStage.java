package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.DoubleConsumer;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.Scene;

/** Demo stage 1: what the site is — scenes, materials, base station and user positions. */
final class DemoSiteStage implements DemoStage {

  @Override
  public String key() {
    return "site";
  }

  @Override
  public String title() {
    return "The site";
  }

  @Override
  public void run(DemoContext ctx, DoubleConsumer progress) {
    DemoSite site = ctx.site;
    int los = 0;
    for (boolean b : site.los()) {
      los += b ? 1 : 0;
    }
    ObjectNode r = ctx.results.putObject(key());
    r.put("twin", site.twinName() + " (all materials itu_brick)");
    r.put("reality", site.realityName());
    r.put("twinObjects", site.twin().objects().size());
    r.put("realityObjects", site.reality().objects().size());
    r.put("twinTriangles", site.twin().triangleCount());
    r.put("realityTriangles", site.reality().triangleCount());
    r.set("basestation", Json.vector(site.bs()));
    r.put("users", site.userCount());
    r.put("losUsers", los);
    r.put("gridSpacingM", site.gridSpacing());
    r.put("frequencyHz", site.frequency());
    r.put("bandwidthHz", site.bandwidth());

    HtmlReport.Section s = ctx.report.section(title());
    s.text(
        String.format(
            Locale.ROOT,
            "The site is seed 004's street canyon: six buildings along an 18 m wide main street"
                + " with two cross streets. The twin (%s) is the canyon as a planner would model"
                + " it: no cars and every surface ITU brick. The reality (%s) has parked cars, the"
                + " true materials (glass, marble, concrete, metal, …) and every object moved by"
                + " a few centimetres (σ = %.0f mm) and rough surfaces (scattering coefficient"
                + " S = 0.1–0.35), and is traced with specular paths, edge diffraction (UTD) and"
                + " diffuse scattering; the twin is traced with specular paths and diffraction"
                + " only. A base station on a %.0f m pole at the west end of the main"
                + " street serves %d user positions on a %.0f m outdoor grid at %.1f m height;"
                + " %d of them see it in line of sight.",
            site.twinName(),
            site.realityName(),
            1000 * DemoSite.GEOMETRY_ERROR,
            site.bs().z(),
            site.userCount(),
            site.gridSpacing(),
            DemoSite.USER_HEIGHT,
            los));
    s.number("user positions", Integer.toString(site.userCount()));
    s.number(
        "line of sight",
        String.format(Locale.ROOT, "%d (%.0f %%)", los, 100.0 * los / site.userCount()));
    s.number("carrier", CliChecks.formatFrequency(site.frequency()));
    s.table(
        List.of("scene", "objects", "triangles", "materials"),
        List.of(row("twin", site.twin()), row("reality", site.reality())));
    s.svg(
        "site.svg",
        "Top view: buildings (darker = taller), base station (red), user positions (dots;"
            + " line-of-sight users in blue)",
        new SiteMap(site.reality())
            .users(site.users(), site.los(), "#1f77b4")
            .station(site.bs(), "BS")
            .svg());
    progress.accept(1);
  }

  private static List<String> row(String name, Scene scene) {
    List<String> names = new ArrayList<>();
    for (RadioMaterial m : scene.materials().values()) {
      names.add(m.typeLabel());
    }
    return List.of(
        name,
        Integer.toString(scene.objects().size()),
        Integer.toString(scene.triangleCount()),
        String.join(", ", new TreeSet<>(names)));
  }
}
