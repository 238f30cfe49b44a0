package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.radiotwin.scene.io.OsmTestSupport.LAT0;
import static org.radiotwin.scene.io.OsmTestSupport.LON0;

import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.BoundingBox;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.math.Vec3;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;
import org.radiotwin.scene.io.OsmTestSupport.CapturedLog;
import org.radiotwin.scene.io.OsmTestSupport.Doc;

/**
 * The OSM reader on {@code osm/test-buildings.osm}, whose node coordinates were generated around
 * (57° N, 9.9° E) for the metric layout given in the file's comments, and on small generated
 * documents.
 */
class OsmSceneReaderTest {

  private static final double EPS = 1e-4; // [m]; the file's coordinates round to ~1e-5 m

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private static Path testFile() {
    try {
      return Path.of(OsmSceneReaderTest.class.getResource("osm/test-buildings.osm").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Scene readTestFile(OsmImportOptions options) {
    return OsmSceneReader.read(testFile(), options.withOrigin(LAT0, LON0));
  }

  private static Scene defaultScene() {
    return readTestFile(OsmImportOptions.defaults());
  }

  private static Scene read(String xml, OsmImportOptions options) {
    return OsmSceneReader.read(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "inline.osm", options);
  }

  private static void assertBox(BoundingBox b, double[] min, double[] max) {
    for (int axis = 0; axis < 3; axis++) {
      assertThat(component(b.min(), axis)).isEqualTo(min[axis], within(EPS));
      assertThat(component(b.max(), axis)).isEqualTo(max[axis], within(EPS));
    }
  }

  private static double component(Vec3 v, int axis) {
    return axis == 0 ? v.x() : axis == 1 ? v.y() : v.z();
  }

  // ------------------------------------------------------------------ the test extract

  @Test
  void importsTheBuildingsOnlyWithDefaultMaterials() {
    Scene scene = defaultScene();
    // Ways 101, 102, 103, 106 and relation 201 are buildings; 104 is unclosed, 105 a street,
    // 107 building=no, 111-113 untagged members, relation 202 landuse.
    assertThat(scene.objects())
        .extracting(SceneObject::name)
        .containsExactly(
            "building-101-wall",
            "building-101-roof",
            "building-102-wall",
            "building-102-roof",
            "building-103-wall",
            "building-103-roof",
            "building-106-wall",
            "building-106-roof",
            "building-r201-wall",
            "building-r201-roof",
            "ground");
    for (SceneObject o : scene.objects()) {
      String expected =
          o.name().equals("ground")
              ? "itu_medium_dry_ground"
              : o.name().endsWith("-wall") ? "itu_brick" : "itu_concrete";
      assertThat(o.material().name()).as(o.name()).isEqualTo(expected);
    }
    assertThat(scene.materials().get("itu_brick")).isEqualTo(OsmImportOptions.ITU_BRICK);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // id, walls (2 per edge), roof triangles (n + 2h - 2), footprint area [m²], base, top [m]
    "building-101, 8, 2, 200, 0, 15", // 20 × 10, height=15
    "building-102, 8, 2, 144, 0, 12", // 12 × 12, building:levels=4 × 3 m
    "building-103, 12, 4, 256, 0, 10", // L: 20·8 + 8·12, default height
    "building-106, 8, 2, 100, 5, 20", // 10 × 10, min_height=5, height=20
    "building-r201, 16, 8, 800, 0, 9" // 30² − 10², height=9 m; n = 8 ring vertices, h = 1 hole
  })
  void geometryOfEachBuilding(
      String name, int walls, int roofTriangles, double area, double base, double top) {
    Scene scene = defaultScene();
    TriangleMesh wall = scene.object(name + "-wall").mesh();
    TriangleMesh roof = scene.object(name + "-roof").mesh();
    assertThat(wall.triangleCount()).isEqualTo(walls);
    assertThat(roof.triangleCount()).isEqualTo(roofTriangles);
    assertThat(roof.totalArea()).isEqualTo(area, within(area * 1e-6));
    assertThat(wall.bounds().min().z()).isEqualTo(base);
    assertThat(wall.bounds().max().z()).isEqualTo(top);
    assertThat(roof.bounds().min().z()).isEqualTo(top);
    assertThat(roof.bounds().max().z()).isEqualTo(top);
    // Wall area = perimeter × (top − base); perimeter of the footprint polygon.
    double perimeter = OsmTestSupport.footprint(roof).getLength();
    assertThat(wall.totalArea()).isEqualTo(perimeter * (top - base), within(1e-3));
  }

  @Test
  void footprintsLieWhereTheFileSaysInMetres() {
    Scene scene = defaultScene();
    assertBox(
        scene.object("building-101-roof").mesh().bounds(),
        new double[] {-60, 10, 15},
        new double[] {-40, 20, 15});
    assertBox(
        scene.object("building-r201-wall").mesh().bounds(),
        new double[] {30, -40, 0},
        new double[] {60, -10, 9});
    // The courtyard's hole: the roof leaves out the centre (45, -25) but covers (35, -25).
    Geometry courtyard = OsmTestSupport.footprint(scene.object("building-r201-roof").mesh());
    assertThat(courtyard.covers(point(45, -25))).isFalse();
    assertThat(courtyard.covers(point(35, -25))).isTrue();
    assertThat(courtyard.getArea()).isEqualTo(800, within(800 * 0.005));
  }

  @Test
  void wallNormalsAreHorizontalAndPointAwayFromTheBuilding() {
    Scene scene = defaultScene();
    int checked = 0;
    for (SceneObject o : scene.objects()) {
      if (!o.name().endsWith("-wall")) {
        continue;
      }
      String building = o.name().substring(0, o.name().length() - "-wall".length());
      Geometry footprint = OsmTestSupport.footprint(scene.object(building + "-roof").mesh());
      TriangleMesh m = o.mesh();
      for (int t = 0; t < m.triangleCount(); t++) {
        Vec3 n = m.normal(t);
        assertThat(n.z()).as("%s triangle %d", o.name(), t).isEqualTo(0.0, within(1e-12));
        assertThat(Math.hypot(n.x(), n.y())).isEqualTo(1.0, within(1e-12));
        double cx = 0;
        double cy = 0;
        for (int k = 0; k < 3; k++) {
          cx += m.coordinate(m.index(t, k), 0) / 3;
          cy += m.coordinate(m.index(t, k), 1) / 3;
        }
        // A step of 5 cm along the normal leaves the footprint; against it, enters.
        assertThat(footprint.covers(point(cx + 0.05 * n.x(), cy + 0.05 * n.y())))
            .as("%s triangle %d outside", o.name(), t)
            .isFalse();
        assertThat(footprint.covers(point(cx - 0.05 * n.x(), cy - 0.05 * n.y())))
            .as("%s triangle %d inside", o.name(), t)
            .isTrue();
        checked++;
      }
    }
    assertThat(checked).isEqualTo(8 + 8 + 12 + 8 + 16);
  }

  @Test
  void roofAndGroundNormalsPointUp() {
    Scene scene = defaultScene();
    for (SceneObject o : scene.objects()) {
      if (o.name().endsWith("-roof") || o.name().equals("ground")) {
        for (int t = 0; t < o.mesh().triangleCount(); t++) {
          assertThat(o.mesh().normal(t).z()).as(o.name()).isEqualTo(1.0, within(1e-12));
        }
      }
    }
  }

  @Test
  void groundCoversTheBuildingsWithTheMargin() {
    Scene scene = defaultScene();
    SceneObject ground = scene.object("ground");
    assertThat(ground.mesh().triangleCount()).isEqualTo(2);
    // Buildings span x ∈ [−60, 60], y ∈ [−40, 22]; margin 20 m on every side, at z = 0.
    assertBox(ground.mesh().bounds(), new double[] {-80, -60, 0}, new double[] {80, 42, 0});
    assertThat(ground.mesh().totalArea()).isEqualTo(160 * 102, within(1e-2));
    Scene wider = readTestFile(OsmImportOptions.defaults().withGround(true, 5));
    assertBox(
        wider.object("ground").mesh().bounds(),
        new double[] {-65, -45, 0},
        new double[] {65, 27, 0});
    Scene none = readTestFile(OsmImportOptions.defaults().withGround(false, 5));
    assertThat(none.objects()).extracting(SceneObject::name).doesNotContain("ground");
    assertThat(none.objects()).hasSize(10);
  }

  @Test
  void allBrickGivesOneObjectPerBuildingAndBrickEverywhere() {
    Scene scene = readTestFile(OsmImportOptions.allBrick());
    assertThat(scene.objects())
        .extracting(SceneObject::name)
        .containsExactly(
            "building-101",
            "building-102",
            "building-103",
            "building-106",
            "building-r201",
            "ground");
    assertThat(scene.materials()).containsOnlyKeys("itu_brick");
    assertThat(scene.object("building-101").mesh().triangleCount()).isEqualTo(8 + 2);
    assertThat(scene.object("building-r201").mesh().triangleCount()).isEqualTo(16 + 8);
    assertThat(scene.triangleCount()).isEqualTo(10 + 10 + 16 + 10 + 24 + 2);
  }

  @Test
  void optionsChangeDefaultAndLevelHeights() {
    Scene scene =
        readTestFile(OsmImportOptions.defaults().withDefaultHeight(7).withMetresPerLevel(3.5));
    assertThat(scene.object("building-103-wall").mesh().bounds().max().z()).isEqualTo(7.0);
    assertThat(scene.object("building-102-wall").mesh().bounds().max().z()).isEqualTo(14.0);
    assertThat(scene.object("building-101-wall").mesh().bounds().max().z()).isEqualTo(15.0);
  }

  @Test
  void defaultOriginIsTheCentreOfTheNodesBoundingBox() {
    // The nodes span x ∈ [−70, 70] (street nodes 34, 35), y ∈ [−40, 30]: the centre of their
    // lat/lon box is (0, −5) m in the file's frame (to a few mm: the metre/degree scales vary
    // by ~1e-5 over the box), so everything shifts by (0, +5) m.
    Scene scene = OsmSceneReader.read(testFile(), OsmImportOptions.defaults());
    BoundingBox b = scene.object("building-101-roof").mesh().bounds();
    assertThat(b.min().x()).isEqualTo(-60, within(0.01));
    assertThat(b.max().x()).isEqualTo(-40, within(0.01));
    assertThat(b.min().y()).isEqualTo(15, within(0.01));
    assertThat(b.max().y()).isEqualTo(25, within(0.01));
    assertThat(b.size().x()).isEqualTo(20, within(EPS));
  }

  @Test
  void unclosedWayIsSkippedWithAWarning() {
    try (CapturedLog log = new CapturedLog()) {
      Scene scene = defaultScene();
      assertThat(scene.objects()).extracting(SceneObject::name).noneMatch(n -> n.contains("104"));
      assertThat(log.warnings()).anyMatch(w -> w.contains("way 104") && w.contains("not closed"));
    }
  }

  // ------------------------------------------------------------------ generated documents

  private static final long[] SQUARE = {1, 2, 3, 4, 1};

  private static Doc square(double x0, double y0, double side) {
    return new Doc()
        .node(1, x0, y0)
        .node(2, x0 + side, y0)
        .node(3, x0 + side, y0 + side)
        .node(4, x0, y0 + side);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "height | 12 | 12", // plain metres
        "height | 12 m | 12",
        "height | 12.5m | 12.5",
        "height | 40' | 12.192", // 40 ft × 0.3048 m
        "height | 40 ft | 12.192",
        "building:levels | 2.5 | 7.5", // 2.5 × 3 m
      })
  void heightTags(String key, String value, double expectedTop) {
    Scene scene =
        square(0, 0, 10)
            .way(9, SQUARE, "building", "yes", key, value)
            .read(OsmImportOptions.allBrick().withOrigin(LAT0, LON0));
    assertThat(scene.object("building-9").mesh().bounds().max().z())
        .isEqualTo(expectedTop, within(1e-12));
  }

  @Test
  void unusableHeightFallsBackToLevelsWithAWarning() {
    try (CapturedLog log = new CapturedLog()) {
      Scene scene =
          square(0, 0, 10)
              .way(9, SQUARE, "building", "yes", "height", "about 20", "building:levels", "2")
              .read(OsmImportOptions.allBrick());
      assertThat(scene.object("building-9").mesh().bounds().max().z()).isEqualTo(6.0);
      assertThat(log.warnings()).anyMatch(w -> w.contains("way 9") && w.contains("about 20"));
    }
  }

  @Test
  void minLevelLiftsTheBaseAndAnEmptyRangeIsSkipped() {
    Scene scene =
        square(0, 0, 10)
            .node(5, 20, 0)
            .node(6, 30, 0)
            .node(7, 30, 10)
            .node(8, 20, 10)
            .way(9, SQUARE, "building", "yes", "building:levels", "5", "building:min_level", "2")
            .way(
                10, new long[] {5, 6, 7, 8, 5}, "building", "yes", "height", "4", "min_height", "6")
            .read(OsmImportOptions.allBrick());
    BoundingBox b = scene.object("building-9").mesh().bounds();
    assertThat(b.min().z()).isEqualTo(6.0);
    assertThat(b.max().z()).isEqualTo(15.0);
    assertThat(scene.objects()).extracting(SceneObject::name).doesNotContain("building-10");
  }

  @Test
  void selfIntersectingOutlineIsMadeValid() {
    // A bow tie (0,0) → (10,10) → (10,0) → (0,10): GeometryFixer splits it into two triangles
    // of 25 m² each, meeting at (5, 5).
    Scene scene =
        new Doc()
            .node(1, 0, 0)
            .node(2, 10, 10)
            .node(3, 10, 0)
            .node(4, 0, 10)
            .way(9, SQUARE, "building", "yes")
            .read(OsmImportOptions.defaults().withOrigin(LAT0, LON0));
    TriangleMesh roof = scene.object("building-9-roof").mesh();
    assertThat(roof.totalArea()).isEqualTo(50, within(1e-6));
    assertThat(roof.triangleCount()).isEqualTo(2);
    assertThat(scene.object("building-9-wall").mesh().triangleCount()).isEqualTo(2 * 6);
  }

  @Test
  void multipolygonWithTwoOutersAndAClockwiseHole() {
    // Two squares, one drawn clockwise, the first with a hole drawn counter-clockwise: the
    // reader must orient every ring itself.
    Scene scene =
        new Doc()
            .node(1, 0, 0)
            .node(2, 0, 20)
            .node(3, 20, 20)
            .node(4, 20, 0)
            .node(5, 5, 5)
            .node(6, 10, 5)
            .node(7, 10, 10)
            .node(8, 5, 10)
            .node(11, 40, 0)
            .node(12, 50, 0)
            .node(13, 50, 10)
            .node(14, 40, 10)
            .way(21, new long[] {1, 2, 3, 4, 1})
            .way(22, new long[] {5, 6, 7, 8, 5})
            .way(23, new long[] {11, 12, 13})
            .way(24, new long[] {13, 14, 11})
            .relation(
                30,
                new String[] {"way:21:outer", "way:22:inner", "way:23:", "way:24:outer"},
                "type",
                "multipolygon",
                "building",
                "yes",
                "building:levels",
                "1")
            .read(OsmImportOptions.allBrick().withGround(false, 0).withOrigin(LAT0, LON0));
    TriangleMesh mesh = scene.object("building-r30").mesh();
    // Walls: 4 + 4 + 4 edges × 2; roofs: square with hole 8 + square 2.
    assertThat(mesh.triangleCount()).isEqualTo(24 + 10);
    double roofArea = 0;
    for (int t = 0; t < mesh.triangleCount(); t++) {
      if (mesh.normal(t).z() > 0.5) {
        roofArea += mesh.area(t);
      }
    }
    assertThat(roofArea).isEqualTo(400 - 25 + 100, within(1e-6));
    assertThat(mesh.totalArea() - roofArea).isEqualTo((80 + 20 + 40) * 3, within(1e-6));
  }

  @Test
  void missingReferencesSkipOnlyTheirBuilding() {
    try (CapturedLog log = new CapturedLog()) {
      Scene scene =
          square(0, 0, 10)
              .way(9, SQUARE, "building", "yes")
              .way(10, new long[] {1, 2, 99, 1}, "building", "yes")
              .relation(
                  11,
                  new String[] {"way:9:outer", "way:77:inner"},
                  "type",
                  "multipolygon",
                  "building",
                  "yes")
              .relation(
                  12, new String[] {"way:10:outer"}, "type", "multipolygon", "building", "yes")
              .read(OsmImportOptions.allBrick());
      assertThat(scene.objects())
          .extracting(SceneObject::name)
          .containsExactly("building-9", "ground");
      assertThat(log.warnings())
          .anyMatch(w -> w.contains("way 10") && w.contains("node 99"))
          .anyMatch(w -> w.contains("relation 11") && w.contains("way 77"))
          .anyMatch(w -> w.contains("relation 12") && w.contains("node 99"));
    }
  }

  @Test
  void openMultipolygonIsSkipped() {
    try (CapturedLog log = new CapturedLog()) {
      Scene scene =
          square(0, 0, 10)
              .way(9, new long[] {1, 2, 3})
              .relation(11, new String[] {"way:9:outer"}, "type", "multipolygon", "building", "yes")
              .read(OsmImportOptions.allBrick());
      assertThat(scene.objects()).isEmpty();
      assertThat(log.warnings()).anyMatch(w -> w.contains("relation 11") && w.contains("rings"));
    }
  }

  // ------------------------------------------------------------------ errors

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<node id='7' lat='abc' lon='9.9'/> | node 7",
        "<node id='7' lat='57.0' lon='9,9'/> | node 7",
        "<node id='7' lat='91' lon='9.9'/> | node 7",
        "<node id='7' lat='NaN' lon='9.9'/> | node 7",
        "<node id='7' lat='57.0'/> | node 7",
        "<node id='x7' lat='57.0' lon='9.9'/> | node x7",
        "<way id='8'><nd ref='1.5'/></way> | way 8",
        "<relation id='9'><member type='way' ref='' role='outer'/></relation> | relation 9",
      })
  void malformedElementsNameTheFileAndTheElement(String element, String named) {
    String xml = "<osm version='0.6'>\n" + element + "\n</osm>";
    assertThatThrownBy(() -> read(xml, OsmImportOptions.defaults()))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("inline.osm")
        .hasMessageContaining(named)
        .extracting(e -> ((RadioTwinException) e).getSpecifier())
        .isEqualTo(RadioTwinMessages.MALFORMED_FILE);
  }

  @Test
  void unparsableXmlNamesTheFile() {
    assertThatThrownBy(
            () -> read("<osm><node id='1' lat='1' lon='2'>", OsmImportOptions.defaults()))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageStartingWith("inline.osm: line ")
        .extracting(e -> ((RadioTwinException) e).getSpecifier())
        .isEqualTo(RadioTwinMessages.MALFORMED_FILE);
    assertThatThrownBy(() -> read("<gpx/>", OsmImportOptions.defaults()))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("root element is not <osm>");
  }

  @Test
  void missingFileCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("missing.osm");
    assertThatThrownBy(() -> OsmSceneReader.read(missing, OsmImportOptions.defaults()))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("missing.osm")
        .extracting(e -> ((RadioTwinException) e).getSpecifier())
        .isEqualTo(RadioTwinMessages.CANNOT_READ_FILE);
  }

  @Test
  void externalEntityIsRefused(@TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    java.nio.file.Files.writeString(secret, "SECRET");
    Path file = dir.resolve("xxe.osm");
    java.nio.file.Files.writeString(
        file,
        "<?xml version='1.0'?>\n<!DOCTYPE osm [<!ENTITY xxe SYSTEM '"
            + secret.toUri()
            + "'>]>\n<osm><node id='1' lat='57' lon='9'><tag k='name' v='&xxe;'/></node></osm>");
    assertThatThrownBy(() -> OsmSceneReader.read(file, OsmImportOptions.defaults()))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("xxe.osm")
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("SECRET")
        .extracting(e -> ((RadioTwinException) e).getSpecifier())
        .isEqualTo(RadioTwinMessages.MALFORMED_FILE);
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE osm [<!ENTITY lol0 'lol'>");
    for (int i = 1; i <= 9; i++) {
      dtd.append(String.format("<!ENTITY lol%d '%s'>", i, ("&lol" + (i - 1) + ";").repeat(10)));
    }
    dtd.append("]>");
    String xml = dtd + "<osm><node id='1' lat='57' lon='9'><tag k='a' v='&lol9;'/></node></osm>";
    long start = System.nanoTime();
    assertThatThrownBy(() -> read(xml, OsmImportOptions.defaults()))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("inline.osm")
        .hasMessageContaining("DOCTYPE");
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void emptyOsmGivesAnEmptyScene() {
    assertThat(read("<osm version='0.6'/>", OsmImportOptions.defaults()).objects()).isEmpty();
  }

  @Test
  void parseLengthUnits() {
    assertThat(OsmSceneReader.parseLength("12")).isEqualTo(12.0);
    assertThat(OsmSceneReader.parseLength(" 12 m ")).isEqualTo(12.0);
    assertThat(OsmSceneReader.parseLength("12.5m")).isEqualTo(12.5);
    assertThat(OsmSceneReader.parseLength("7 metres")).isEqualTo(7.0);
    // International foot 0.3048 m: 40 ft = 12.192 m; 12'6" = 12.5 ft = 3.81 m.
    assertThat(OsmSceneReader.parseLength("40'")).isEqualTo(12.192, within(1e-12));
    assertThat(OsmSceneReader.parseLength("40 ft")).isEqualTo(12.192, within(1e-12));
    assertThat(OsmSceneReader.parseLength("12'6\"")).isEqualTo(3.81, within(1e-12));
    for (String bad : List.of("", "tall", "12;15", "-3", "12 km", "1e3", "12,5")) {
      assertThat(OsmSceneReader.parseLength(bad)).as(bad).isNaN();
    }
    assertThat(OsmSceneReader.parseDecimal("4")).isEqualTo(4.0);
    assertThat(OsmSceneReader.parseDecimal("-1")).isNaN();
    assertThat(OsmSceneReader.parseDecimal("four")).isNaN();
  }

  @Test
  void optionsAreValidated() {
    OsmImportOptions d = OsmImportOptions.defaults();
    assertThat(d.defaultHeight()).isEqualTo(10.0);
    assertThat(d.metresPerLevel()).isEqualTo(3.0);
    assertThat(d.groundMargin()).isEqualTo(20.0);
    assertThat(d.groundPlane()).isTrue();
    assertThat(d.projection()).isNull();
    assertThat(d.withOrigin(1, 2).projection()).isEqualTo(new LocalTangentProjection(1, 2));
    assertThatThrownBy(() -> d.withDefaultHeight(0)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> d.withMetresPerLevel(Double.NaN))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> d.withGround(true, -1)).isInstanceOf(RadioTwinException.class);
  }

  private static Point point(double x, double y) {
    return GEOMETRY.createPoint(new Coordinate(x, y));
  }
}
