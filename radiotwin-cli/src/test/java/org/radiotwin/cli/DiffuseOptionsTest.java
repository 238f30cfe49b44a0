package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --diffuse}, {@code --scattering} and {@code --pattern-scattering} of the tracing commands.
 */
class DiffuseOptionsTest {

  // simple_reflector: a 1×1 m metal plate in z = 0 (material reflector-mat). Tx and rx 1 m above.
  static final String[] REFLECTOR = {
    "--scene", "builtin:simple_reflector", "--max-depth", "1", "--samples", "100000"
  };

  static String[] args(String command, String... more) {
    List<String> a = new ArrayList<>();
    a.add(command);
    a.addAll(Arrays.asList(REFLECTOR));
    a.addAll(Arrays.asList(more));
    return a.toArray(new String[0]);
  }

  static JsonNode paths(String... more) throws Exception {
    List<String> a = new ArrayList<>(List.of("--tx", "-0.5,0,1", "--rx", "0.5,0,1", "--json"));
    a.addAll(Arrays.asList(more));
    CliTestSupport.Result r = CliTestSupport.run(args("paths", a.toArray(new String[0])));
    assertThat(r.code()).as(r.err()).isZero();
    return r.json().at("/links/0/paths");
  }

  @Test
  void pathsJsonHasDiffusePathsAndReducedSpecular() throws Exception {
    JsonNode plain = paths();
    JsonNode rough =
        paths(
            "--diffuse",
            "--scattering",
            "reflector-mat=0.5,0.2",
            "--pattern-scattering",
            "directive:3");
    assertThat(plain).hasSize(2);
    assertThat(rough.size()).isGreaterThan(100);
    // LoS unchanged; the specular path loses 1 − S² of its power: 20·log10(√0.75) dB.
    assertThat(rough.get(0).get("gainDb").asDouble())
        .isEqualTo(plain.get(0).get("gainDb").asDouble());
    assertThat(rough.get(1).get("interactions").get(0).asText()).isEqualTo("specular");
    assertThat(rough.get(1).get("gainDb").asDouble() - plain.get(1).get("gainDb").asDouble())
        .isCloseTo(10 * Math.log10(0.75), within(1e-9));
    for (int i = 2; i < rough.size(); i++) {
      JsonNode p = rough.get(i);
      assertThat(p.get("interactions")).hasSize(1);
      assertThat(p.get("interactions").get(0).asText()).isEqualTo("diffuse");
      assertThat(p.get("objects").get(0).asText()).isEqualTo("reflector");
      // Longer than the specular path, which is the shortest path via the plate.
      assertThat(p.get("tau").asDouble())
          .isGreaterThanOrEqualTo(rough.get(1).get("tau").asDouble());
    }
    // Without --diffuse, --scattering still scales the specular path but adds no diffuse path.
    JsonNode noDiffuse = paths("--scattering", "reflector-mat=0.5");
    assertThat(noDiffuse).hasSize(2);
    assertThat(noDiffuse.get(1).get("gainDb").asDouble())
        .isCloseTo(rough.get(1).get("gainDb").asDouble(), within(1e-12));
  }

  @Test
  void cfrAndRadioMapWithDiffuseScattering(@TempDir Path dir) throws Exception {
    Path cfr = dir.resolve("cfr.csv");
    CliTestSupport.Result r =
        CliTestSupport.run(
            args(
                "cfr",
                "--tx",
                "-0.5,0,1",
                "--rx",
                "0.5,0,1",
                "--band",
                "3.4e9:3.6e9:5",
                "--diffuse",
                "--scattering",
                "reflector-mat=0.7",
                "--out",
                cfr.toString(),
                "--quiet"));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(cfr)).hasSize(1 + 5);
    Path map = dir.resolve("map.csv");
    Path mapRough = dir.resolve("rough.csv");
    String[] common = {"--tx", "0,0,2", "--cell-size", "0.5", "--height", "1", "--no-los"};
    CliTestSupport.Result plain =
        CliTestSupport.run(args("radiomap", concat(common, "--out", map.toString(), "--quiet")));
    CliTestSupport.Result rough =
        CliTestSupport.run(
            args(
                "radiomap",
                concat(
                    common,
                    "--diffuse",
                    "--scattering",
                    "reflector-mat=1",
                    "--pattern-scattering",
                    "lambertian",
                    "--out",
                    mapRough.toString(),
                    "--quiet")));
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(rough.code()).as(rough.err()).isZero();
    // S = 1: no specular reflection is left, the plate only scatters; the maps differ.
    assertThat(Files.readAllLines(mapRough)).hasSameSizeAs(Files.readAllLines(map));
    assertThat(Files.readString(mapRough)).isNotEqualTo(Files.readString(map));
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void badScatteringOptionsFailWithOneLine() {
    String[][] cases = {
      {"--scattering", "nosuch=0.5"},
      {"--scattering", "reflector-mat=1.5"},
      {"--scattering", "reflector-mat=0.5,x"},
      {"--scattering", "reflector-mat"},
      {"--pattern-scattering", "directive:0"},
      {"--pattern-scattering", "glossy"}
    };
    String[] expected = {
      "nosuch", "scattering coefficient", "not a number", "NAME=S", "scattering pattern", "glossy"
    };
    for (int i = 0; i < cases.length; i++) {
      CliTestSupport.Result r =
          CliTestSupport.run(
              args("paths", concat(new String[] {"--tx", "0,0,1", "--rx", "0.5,0,1"}, cases[i])));
      assertThat(r.code()).as(String.join(" ", cases[i])).isEqualTo(2);
      assertThat(r.err()).contains(expected[i]);
      assertThat(r.err().strip().lines().count()).isEqualTo(1);
    }
  }

  @Test
  void sceneInfoShowsThePattern() throws Exception {
    CliTestSupport.Result r =
        CliTestSupport.run("scene", "info", "builtin:simple_reflector", "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.json().at("/materials/0/scatteringPattern").asText()).isEqualTo("lambertian");
  }
}
