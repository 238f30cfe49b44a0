package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radiotwin.geometry.BoundingBox;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.Scene;

/**
 * Checks the readers against the real Sionna RT scenes, using {@code data/scenes/ply_manifest.csv}
 * (per-file vertex/face/triangle counts computed independently of this code when the scenes were
 * copied) and the totals published in {@code data/scenes/README.md}.
 */
class PlyManifestTest {

  /** Tests run in the module folder; the repository's data sits next to it. */
  static final Path DATA = Path.of("..", "data", "scenes");

  static final Path BUILTIN =
      Path.of("src", "main", "resources", "org", "radiotwin", "scene", "builtin");

  record Row(String scene, String path, long bytes, int vertices, int faces, int triangles) {}

  static Map<String, Row> manifest;

  @BeforeAll
  static void readManifest() throws IOException {
    manifest = new HashMap<>();
    List<String> lines =
        Files.readAllLines(DATA.resolve("ply_manifest.csv"), StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .isEqualTo(
            "scene,path,bytes,format,vertex_count,face_count,triangle_count,vertex_properties");
    for (String line : lines.subList(1, lines.size())) {
      String[] c = line.split(",");
      manifest.put(
          c[1],
          new Row(
              c[0],
              c[1],
              Long.parseLong(c[2]),
              Integer.parseInt(c[4]),
              Integer.parseInt(c[5]),
              Integer.parseInt(c[6])));
    }
    // README: 5,615 PLY files in total.
    assertThat(manifest).hasSize(5615);
  }

  static Path locate(String manifestPath) {
    Path builtin = BUILTIN.resolve(manifestPath);
    if (Files.exists(builtin)) {
      return builtin;
    }
    Path data = DATA.resolve(manifestPath);
    return Files.exists(data) ? data : null;
  }

  @Test
  void everyPlyOfTheManifestReadsWithItsCounts() {
    int checked = 0;
    for (Row r : manifest.values()) {
      Path p = locate(r.path());
      if (p == null) {
        continue;
      }
      TriangleMesh m = PlyReader.read(p);
      assertThat(m.vertexCount()).as(r.path()).isEqualTo(r.vertices());
      assertThat(m.triangleCount()).as(r.path()).isEqualTo(r.triangles());
      checked++;
    }
    // All 5,615 files are in the repository (builtins in resources, the rest in data/scenes).
    assertThat(checked).isEqualTo(5615);
  }

  private static final Pattern SHAPE = Pattern.compile("<shape\\b");
  private static final Pattern FILENAME =
      Pattern.compile("<string name=\"filename\" value=\"([^\"]+)\"");

  /** The scene's XML text, wherever it lives. */
  static String xmlText(String scene) throws IOException {
    Path p = locate(scene + "/" + scene + ".xml");
    assertThat(p).as(scene + ".xml").isNotNull();
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  static Scene load(String scene) {
    return BuiltinScenes.names().contains(scene)
        ? BuiltinScenes.load(scene)
        : MitsubaSceneReader.read(DATA.resolve(scene).resolve(scene + ".xml"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "box",
        "box_one_screen",
        "box_two_screens",
        "double_reflector",
        "floor_wall",
        "simple_reflector",
        "simple_street_canyon",
        "simple_street_canyon_with_cars",
        "simple_wedge",
        "triple_reflector",
        "etoile",
        "munich",
        "florence"
      })
  void sceneTotalsMatchTheManifestRowsOfTheReferencedFiles(String scene) throws IOException {
    String xml = xmlText(scene);
    int shapes = 0;
    for (Matcher m = SHAPE.matcher(xml); m.find(); ) {
      shapes++;
    }
    Set<String> referenced = new LinkedHashSet<>();
    for (Matcher m = FILENAME.matcher(xml); m.find(); ) {
      referenced.add(scene + "/" + m.group(1));
    }
    long vertices = 0;
    long triangles = 0;
    for (String ref : referenced) {
      Row r = manifest.get(ref);
      assertThat(r).as(ref).isNotNull();
      vertices += r.vertices();
      triangles += r.triangles();
    }
    Scene s = load(scene);
    assertThat(s.objects()).hasSize(shapes);
    assertThat(referenced).hasSize(shapes);
    assertThat(s.vertexCount()).isEqualTo(vertices);
    assertThat(s.triangleCount()).isEqualTo(triangles);
  }

  @Test
  void publishedTotals() {
    // data/scenes/README.md table: vertices / triangles over all PLYs of the scene folder.
    assertTotals("simple_street_canyon", 7, 88, 74);
    assertTotals("munich", 2367, 42_293, 38_938);
    assertTotals("etoile", 563, 14_193, 13_058);
    assertTotals("florence", 2639, 37_964, 35_373);
    assertTotals("box", 1, 14, 12);
    assertTotals("box_two_screens", 3, 22, 16);
    // with_cars: the XML uses 15 of the 23 PLYs; the 8 unused car-0..7.ply are not loaded.
    Scene cars = BuiltinScenes.load("simple_street_canyon_with_cars");
    assertThat(cars.objects()).hasSize(15);
    long unusedV = 0;
    long unusedT = 0;
    for (int i = 0; i < 8; i++) {
      Row r = manifest.get("simple_street_canyon_with_cars/meshes/car-" + i + ".ply");
      unusedV += r.vertices();
      unusedT += r.triangles();
    }
    assertThat(cars.vertexCount() + unusedV).isEqualTo(280);
    assertThat(cars.triangleCount() + unusedT).isEqualTo(394);
  }

  private static void assertTotals(String scene, int objects, int vertices, int triangles) {
    Scene s = load(scene);
    assertThat(s.objects()).as(scene).hasSize(objects);
    assertThat(s.vertexCount()).as(scene).isEqualTo(vertices);
    assertThat(s.triangleCount()).as(scene).isEqualTo(triangles);
  }

  @Test
  void publishedBoundingBoxes() {
    // README: simple_reflector is a 1×1 m plate in z = 0, x, y ∈ [-0.5, 0.5].
    BoundingBox b = BuiltinScenes.load("simple_reflector").bounds();
    assertThat(b.min().x()).isEqualTo(-0.5);
    assertThat(b.max().x()).isEqualTo(0.5);
    assertThat(b.min().y()).isEqualTo(-0.5);
    assertThat(b.max().y()).isEqualTo(0.5);
    assertThat(b.min().z()).isEqualTo(0.0);
    assertThat(b.max().z()).isEqualTo(0.0);
    // README: box is 10×10×5 m, x, y ∈ [-5, 5], z ∈ [0, 5].
    BoundingBox box = BuiltinScenes.load("box").bounds();
    assertThat(box.min().x()).isEqualTo(-5.0);
    assertThat(box.max().y()).isEqualTo(5.0);
    assertThat(box.min().z()).isEqualTo(0.0);
    assertThat(box.max().z()).isEqualTo(5.0);
    // README: munich x ∈ [-805.6, 669.9], y ∈ [-688.6, 517], z ∈ [0, 98.6] (rounded to 0.1 m).
    BoundingBox mu = load("munich").bounds();
    assertThat(mu.min().x()).isBetween(-805.65, -805.55);
    assertThat(mu.max().x()).isBetween(669.85, 669.95);
    assertThat(mu.min().y()).isBetween(-688.65, -688.55);
    assertThat(mu.max().y()).isBetween(516.95, 517.05);
    assertThat(mu.max().z()).isBetween(98.55, 98.65);
  }

  @Test
  void materialsOfTheShippedScenes() {
    // box.xml: itu-radio-material "box-mat", type metal, thickness "1.".
    Map<String, RadioMaterial> box = BuiltinScenes.load("box").materials();
    assertThat(box).containsOnlyKeys("box-mat");
    assertThat(box.get("box-mat"))
        .isEqualTo(RadioMaterial.itu("box-mat", ItuMaterialType.METAL, 1.0));
    // box_one_screen.xml: screen-mat glass 0.01.
    assertThat(BuiltinScenes.load("box_one_screen").materials().get("screen-mat"))
        .isEqualTo(RadioMaterial.itu("screen-mat", ItuMaterialType.GLASS, 0.01));
    // simple_reflector.xml: reflector-mat metal 0.01.
    assertThat(BuiltinScenes.load("simple_reflector").materials().get("reflector-mat"))
        .isEqualTo(RadioMaterial.itu("reflector-mat", ItuMaterialType.METAL, 0.01));
    // simple_street_canyon.xml: Blender twosided/diffuse bsdfs named mat-itu_* → ITU, 0.1 m.
    Map<String, RadioMaterial> canyon = BuiltinScenes.load("simple_street_canyon").materials();
    assertThat(canyon)
        .containsOnlyKeys(
            "mat-itu_glass", "mat-itu_wood", "mat-itu_marble", "mat-itu_brick", "mat-itu_concrete");
    for (RadioMaterial m : canyon.values()) {
      assertThat(m.ituType()).isEqualTo(ItuMaterialType.find(m.name()));
      assertThat(m.thickness()).isEqualTo(0.1);
    }
    assertThat(BuiltinScenes.load("simple_street_canyon_with_cars").materials())
        .containsEntry(
            "mat-itu_metal", RadioMaterial.itu("mat-itu_metal", ItuMaterialType.METAL, 0.1));
    // floor_wall.xml: floor concrete, wall brick.
    Scene fw = BuiltinScenes.load("floor_wall");
    assertThat(fw.object("floor").material().ituType()).isEqualTo(ItuMaterialType.CONCRETE);
    assertThat(fw.object("wall").material().ituType()).isEqualTo(ItuMaterialType.BRICK);
    // etoile.xml: itu-radio-material marble, metal, wood, concrete, 0.1 m each.
    Map<String, RadioMaterial> etoile = load("etoile").materials();
    assertThat(etoile).containsOnlyKeys("marble", "metal", "wood", "concrete");
    for (RadioMaterial m : etoile.values()) {
      assertThat(m).isEqualTo(RadioMaterial.itu(m.name(), ItuMaterialType.fromName(m.name()), 0.1));
    }
    assertThat(load("munich").materials())
        .containsOnlyKeys("marble", "metal", "brick", "wood", "concrete");
  }

  @Test
  void objectNamesDropTheMeshPrefix() {
    // box.xml: <shape id="mesh-box"> → object "box".
    assertThat(BuiltinScenes.load("box").objects().get(0).name()).isEqualTo("box");
    // munich.xml: first shape is mesh-Heilig_Geist-itu_marble.
    assertThat(load("munich").objects().get(0).name()).isEqualTo("Heilig_Geist-itu_marble");
  }

  @Test
  void lowPolyCarReads() throws IOException {
    try (InputStream in = Files.newInputStream(DATA.resolve("low_poly_car/low_poly_car.ply"))) {
      TriangleMesh car = PlyReader.read(in, "low_poly_car.ply");
      // Manifest: 12 vertices, 20 triangles; README: x ∈ [-2.2, 2.2], z ∈ [0, 1.5].
      assertThat(car.vertexCount()).isEqualTo(12);
      assertThat(car.triangleCount()).isEqualTo(20);
      assertThat(car.bounds().max().x()).isBetween(2.15, 2.25);
      assertThat(car.bounds().max().z()).isBetween(1.45, 1.55);
    }
  }

  @Test
  void munichLoadsInAboutASecond() {
    load("munich"); // warm-up (JIT, class loading)
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      Scene s = load("munich");
      times.add((System.nanoTime() - t0) / 1_000_000);
      assertThat(s.objects()).hasSize(2367);
    }
    System.out.println("munich load times [ms]: " + times);
    // Guard against pathological slow-downs only (the target is ~1 s; CI machines vary).
    assertThat(times.stream().mapToLong(Long::longValue).min().orElseThrow()).isLessThan(10_000);
  }
}
