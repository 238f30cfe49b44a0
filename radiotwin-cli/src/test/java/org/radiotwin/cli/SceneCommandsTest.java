package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SceneCommandsTest {

  @Test
  void sceneInfoJsonOnTheBundledStreetCanyon() throws Exception {
    CliTestSupport.Result r =
        CliTestSupport.run(
            "scene", "info", "builtin:simple_street_canyon", "--json", "--frequency", "3.5e9");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = r.json();
    // Counts from ply_manifest.csv; bounding box from shared/bench/RAYS.md (float32 PLY values).
    assertThat(j.get("objects").asInt()).isEqualTo(7);
    assertThat(j.get("vertices").asInt()).isEqualTo(88);
    assertThat(j.get("triangles").asInt()).isEqualTo(74);
    assertThat(j.at("/bbox/min/0").asDouble()).isEqualTo(-93.96609497070312);
    assertThat(j.at("/bbox/min/1").asDouble()).isEqualTo(-60.3305549621582);
    assertThat(j.at("/bbox/min/2").asDouble()).isEqualTo(-0.030794143676757812);
    assertThat(j.at("/bbox/max/0").asDouble()).isEqualTo(92.4267578125);
    assertThat(j.at("/bbox/max/2").asDouble()).isEqualTo(50.943809509277344);
    JsonNode concrete = null;
    for (JsonNode m : j.get("materials")) {
      if (m.get("name").asText().equals("mat-itu_concrete")) {
        concrete = m;
      }
    }
    assertThat(concrete).isNotNull();
    // ITU-R P.2040-3: concrete η_r = 5.24, σ = 0.0462·3.5^0.7822 S/m.
    assertThat(concrete.get("type").asText()).isEqualTo("itu_concrete");
    assertThat(concrete.get("thickness").asDouble()).isEqualTo(0.1);
    assertThat(concrete.get("relativePermittivity").asDouble()).isEqualTo(5.24);
    assertThat(concrete.get("conductivity").asDouble())
        .isCloseTo(0.0462 * Math.pow(3.5, 0.7822), within(1e-15));
  }

  @Test
  void sceneInfoOnACityScene() throws Exception {
    Path munich = CliTestSupport.REPO.resolve("data/scenes/munich/munich.xml");
    CliTestSupport.Result r = CliTestSupport.run("scene", "info", munich.toString(), "--json");
    assertThat(r.code()).as(r.err()).isZero();
    // Sums of ply_manifest.csv over munich's PLY files; box from RAYS.md.
    assertThat(r.json().get("vertices").asInt()).isEqualTo(42_293);
    assertThat(r.json().get("triangles").asInt()).isEqualTo(38_938);
    assertThat(r.json().at("/bbox/min/0").asDouble()).isEqualTo(-805.58367919921875);
    assertThat(r.json().at("/bbox/max/2").asDouble()).isEqualTo(98.569999694824219);
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
    CliTestSupport.Result missing =
        CliTestSupport.run("scene", "info", dir.resolve("nope.xml").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.out()).isEmpty();
    assertThat(missing.err().strip().lines()).hasSize(1);
    assertThat(missing.err())
        .contains("nope.xml")
        .contains("no such file")
        .doesNotContain("Exception");

    CliTestSupport.Result unknown = CliTestSupport.run("scene", "info", "builtin:atlantis");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("atlantis").contains("simple_street_canyon");

    Path bad = dir.resolve("bad.xml");
    Files.writeString(
        bad,
        "<scene version=\"2.1.0\"><shape type=\"ply\" id=\"x\"><string name=\"filename\" value=\"../../etc/passwd\"/>"
            + "<bsdf type=\"diffuse\" id=\"mat-itu_brick\"/></shape></scene>");
    CliTestSupport.Result escape = CliTestSupport.run("scene", "info", bad.toString());
    assertThat(escape.code()).isEqualTo(2);
    assertThat(escape.err()).contains("outside the scene folder");

    CliTestSupport.Result debug =
        CliTestSupport.run("--debug", "scene", "info", "builtin:atlantis");
    assertThat(debug.code()).isEqualTo(2);
    assertThat(debug.err()).contains("RadioTwinException").contains("at org.radiotwin");

    CliTestSupport.Result option = CliTestSupport.run("materials", "--frequency", "-1");
    assertThat(option.code()).isEqualTo(2);
    CliTestSupport.Result range =
        CliTestSupport.run("scene", "info", "builtin:box", "--frequency", "200e9");
    assertThat(range.code()).isEqualTo(2);
    assertThat(range.err()).contains("box-mat").contains("extrapolat");
    assertThat(
            CliTestSupport.run(
                    "scene", "info", "builtin:box", "--frequency", "200e9", "--extrapolate")
                .code())
        .isZero();
  }

  @Test
  void convertOsmToMitsubaAndBack(@TempDir Path dir) throws Exception {
    Path osm =
        CliTestSupport.REPO.resolve(
            "radiotwin-core/src/test/resources/org/radiotwin/scene/io/osm/test-buildings.osm");
    Path out = dir.resolve("city/scene.xml");
    Files.createDirectories(out.getParent());
    CliTestSupport.Result r =
        CliTestSupport.run("scene", "convert", osm.toString(), out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(out).exists();
    try (Stream<Path> meshes = Files.list(out.getParent().resolve("meshes"))) {
      assertThat(meshes.count()).isGreaterThan(5);
    }
    JsonNode direct = CliTestSupport.run("scene", "info", osm.toString(), "--json").json();
    JsonNode converted = CliTestSupport.run("scene", "info", out.toString(), "--json").json();
    assertThat(converted.get("objects")).isEqualTo(direct.get("objects"));
    assertThat(converted.get("triangles")).isEqualTo(direct.get("triangles"));
    // Exported PLY coordinates are float32, so the box agrees to float precision.
    assertThat(converted.at("/bbox/max/2").asDouble())
        .isCloseTo(direct.at("/bbox/max/2").asDouble(), within(1e-5));
  }

  @Test
  void failedConversionLeavesNoOutput(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken.osm");
    Files.writeString(broken, "<osm><node id=\"1\" lat=\"abc\" lon=\"2\"/></osm>");
    Path out = dir.resolve("out.xml");
    CliTestSupport.Result r =
        CliTestSupport.run("scene", "convert", broken.toString(), out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("broken.osm");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("broken.osm");
    }
    CliTestSupport.Result notXml =
        CliTestSupport.run("scene", "convert", "builtin:box", dir.resolve("x.ply").toString());
    assertThat(notXml.code()).isEqualTo(2);
  }

  @Test
  void materialsTable() throws Exception {
    CliTestSupport.Result r = CliTestSupport.run("materials", "--frequency", "0.5e9", "--json");
    assertThat(r.code()).isZero();
    int inRange = 0;
    for (JsonNode m : r.json().get("materials")) {
      if (m.get("inRange").asBoolean()) {
        inRange++;
        assertThat(m.get("name").asText()).isIn("itu_wood", "itu_glass");
      }
    }
    // At 0.5 GHz only wood (0.001–100 GHz) and glass (0.1–100 GHz) are valid (ITU-R P.2040-3).
    assertThat(inRange).isEqualTo(2);
    JsonNode all = CliTestSupport.run("materials", "--frequency", "28e9", "--json").json();
    assertThat(all.get("materials")).hasSize(14);
    JsonNode metal = all.get("materials").get(10);
    assertThat(metal.get("name").asText()).isEqualTo("itu_metal");
    assertThat(metal.get("conductivity").asDouble()).isEqualTo(1e7);
    CliTestSupport.Result text = CliTestSupport.run("materials");
    assertThat(text.out()).contains("itu_floorboard").contains("out of range");
  }

  @Test
  void helpAndVersion() {
    CliTestSupport.Result v = CliTestSupport.run("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("radiotwin ");
    assertThat(CliTestSupport.run("scene", "--help").out()).contains("info").contains("convert");
    assertThat(CliTestSupport.run("bench", "raycast", "--help").out()).contains("--rays");
  }
}
