package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffractionCommandsTest {

  // builtin:simple_wedge: a 90° wedge along the z axis, faces x = 0 (y < 0) and y = 0 (x > 0).
  // The transmitter is at 60° from face x = 0; the receiver at 250°, past the incidence shadow
  // boundary (240°): only the edge's diffracted wave reaches it.
  private static final String TX = "-8.660254,-5,1";
  private static final String RX = "7.517541,2.736161,0.5";

  @Test
  void pathsReportsDiffractionOnlyWithTheOption() throws Exception {
    CliTestSupport.Result without =
        CliTestSupport.run(
            "paths",
            "--scene",
            "builtin:simple_wedge",
            "--tx",
            TX,
            "--rx",
            RX,
            "--max-depth",
            "1",
            "--samples",
            "20000",
            "--json");
    assertThat(without.code()).as(without.err()).isZero();
    assertThat(without.json().at("/links/0/paths")).isEmpty();
    CliTestSupport.Result with =
        CliTestSupport.run(
            "paths",
            "--scene",
            "builtin:simple_wedge",
            "--tx",
            TX,
            "--rx",
            RX,
            "--max-depth",
            "1",
            "--samples",
            "20000",
            "--diffraction",
            "--json");
    assertThat(with.code()).as(with.err()).isZero();
    JsonNode paths = with.json().at("/links/0/paths");
    assertThat(paths).isNotEmpty();
    for (JsonNode p : paths) {
      assertThat(p.get("interactions")).hasSize(1);
      assertThat(p.get("interactions").get(0).asText()).isEqualTo("diffraction");
      assertThat(p.get("objects").get(0).asText()).isEqualTo("wedge");
    }
    // The strongest is the wedge's edge: 10 m + 8 m around it (z from 1 to 0.5).
    double best = Double.NEGATIVE_INFINITY;
    double tau = 0;
    for (JsonNode p : paths) {
      if (p.get("gainDb").asDouble() > best) {
        best = p.get("gainDb").asDouble();
        tau = p.get("tau").asDouble();
      }
    }
    assertThat(tau * 299_792_458.0).isBetween(18.0, 18.02);
  }

  @Test
  void cfrAndRadioMapAcceptDiffraction(@TempDir Path dir) throws Exception {
    Path cfr = dir.resolve("cfr.csv");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "cfr",
            "--scene",
            "builtin:simple_wedge",
            "--tx",
            TX,
            "--rx",
            RX,
            "--max-depth",
            "1",
            "--samples",
            "20000",
            "--diffraction",
            "--band",
            "3.4e9:3.6e9:5",
            "--out",
            cfr.toString(),
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(cfr);
    assertThat(lines).hasSize(1 + 5);
    Path map = dir.resolve("map.csv");
    Path mapWithout = dir.resolve("map0.csv");
    for (boolean d : new boolean[] {true, false}) {
      List<String> args =
          new java.util.ArrayList<>(
              List.of(
                  "radiomap",
                  "--scene",
                  "builtin:simple_wedge",
                  "--tx",
                  TX,
                  "--cell-size",
                  "2",
                  "--samples",
                  "20000",
                  "--max-depth",
                  "1",
                  "--out",
                  (d ? map : mapWithout).toString(),
                  "--quiet"));
      if (d) {
        args.add("--diffraction");
      }
      CliTestSupport.Result m = CliTestSupport.run(args.toArray(String[]::new));
      assertThat(m.code()).as(m.err()).isZero();
    }
    // Diffraction reaches cells of the shadow region that nothing reaches without it.
    assertThat(covered(map)).isGreaterThan(covered(mapWithout));
  }

  private static long covered(Path csv) throws Exception {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    int col = header.indexOf("pathGainDb");
    return lines.stream()
        .skip(1)
        .map(l -> l.split(",")[col])
        .filter(v -> !v.isEmpty() && !v.contains("Infinity") && !v.equals("NaN"))
        .count();
  }
}
