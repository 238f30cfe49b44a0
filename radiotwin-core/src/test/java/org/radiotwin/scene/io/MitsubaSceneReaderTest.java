package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.Vec3;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

class MitsubaSceneReaderTest {

  /** Triangle p0 = (1,0,0), p1 = (0,1,0), p2 = (0,0,1); normal along (1,1,1)/√3. */
  static final TriangleMesh TRI =
      new TriangleMesh(new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new int[] {0, 1, 2});

  @TempDir Path dir;
  Path xml;

  @BeforeEach
  void meshes() throws IOException {
    Files.createDirectories(dir.resolve("meshes"));
    PlyWriter.write(TRI, dir.resolve("meshes/tri.ply"));
    xml = dir.resolve("scene.xml");
  }

  private static final String METAL =
      "<bsdf type=\"itu-radio-material\" id=\"metal\">"
          + "<string name=\"type\" value=\"metal\"/></bsdf>";

  private Scene readScene(String body) throws IOException {
    Files.writeString(xml, "<scene version=\"2.1.0\">\n" + body + "\n</scene>\n");
    return MitsubaSceneReader.read(xml);
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      String body, RadioTwinMessages kind) throws IOException {
    Files.writeString(xml, "<scene version=\"2.1.0\">\n" + body + "\n</scene>\n");
    return assertThatThrownBy(() -> MitsubaSceneReader.read(xml))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(e -> assertThat(((RadioTwinException) e).getSpecifier()).isEqualTo(kind))
        .hasMessageContaining(xml.toString());
  }

  private static String shape(String id, String inner) {
    return "<shape type=\"ply\" id=\""
        + id
        + "\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
        + "<ref id=\"metal\" name=\"bsdf\"/>"
        + inner
        + "</shape>";
  }

  private static void assertVertex(TriangleMesh m, int i, double x, double y, double z) {
    Vec3 v = m.vertex(i);
    assertThat(v.x()).as("x of vertex " + i).isCloseTo(x, within(1e-12));
    assertThat(v.y()).as("y of vertex " + i).isCloseTo(y, within(1e-12));
    assertThat(v.z()).as("z of vertex " + i).isCloseTo(z, within(1e-12));
  }

  private TriangleMesh transformed(String ops) throws IOException {
    return readScene(
            METAL + shape("mesh-t", "<transform name=\"to_world\">" + ops + "</transform>"))
        .object("t")
        .mesh();
  }

  // ---------------------------------------------------------------- transforms

  @Test
  void transformsApplyInDocumentOrder() throws IOException {
    // translate (1,0,0) then rotate 90° about z: p0 → (2,0,0) → (0,2,0); p1 → (1,1,0) → (-1,1,0).
    TriangleMesh a = transformed("<translate x=\"1\"/><rotate z=\"1\" angle=\"90\"/>");
    assertVertex(a, 0, 0, 2, 0);
    assertVertex(a, 1, -1, 1, 0);
    assertVertex(a, 2, 0, 1, 1);
    // Reversed order: p0 → (0,1,0) → (1,1,0).
    TriangleMesh b = transformed("<rotate z=\"1\" angle=\"90\"/><translate x=\"1\"/>");
    assertVertex(b, 0, 1, 1, 0);
    // Uniform scale then translate by value="0 0 5": p2 → (0,0,2) → (0,0,7).
    TriangleMesh c = transformed("<scale value=\"2\"/><translate value=\"0 0 5\"/>");
    assertVertex(c, 2, 0, 0, 7);
    assertVertex(c, 0, 2, 0, 5);
    // Per-axis scale with attributes (missing ones are 1).
    TriangleMesh d = transformed("<scale x=\"3\"/>");
    assertVertex(d, 0, 3, 0, 0);
    assertVertex(d, 1, 0, 1, 0);
    // Rotation about an explicit axis (comma-separated): 90° about x takes y to z.
    TriangleMesh e = transformed("<rotate axis=\"1, 0, 0\" angle=\"90\"/>");
    assertVertex(e, 1, 0, 0, 1);
    assertVertex(e, 2, 0, -1, 0);
  }

  @Test
  void matrixIsRowMajorWithTranslationInTheLastColumn() throws IOException {
    // M = [0 -1 0 10; 1 0 0 20; 0 0 1 30]: p0 = (1,0,0) → (10, 21, 30); p1 → (9, 20, 30).
    TriangleMesh m = transformed("<matrix value=\"0 -1 0 10  1 0 0 20  0 0 1 30  0 0 0 1\"/>");
    assertVertex(m, 0, 10, 21, 30);
    assertVertex(m, 1, 9, 20, 30);
    assertVertex(m, 2, 10, 20, 31);
    // Followed by a mirror in z: positions mirrored, winding reversed so the normal stays outward
    // relative to the mirrored surface (TriangleMesh#transformed convention).
    TriangleMesh mm =
        transformed(
            "<matrix value=\"0 -1 0 10  1 0 0 20  0 0 1 30  0 0 0 1\"/>"
                + "<scale value=\"1 1 -1\"/>");
    assertVertex(mm, 0, 10, 21, -30);
    assertThat(mm.copyIndices()).containsExactly(0, 2, 1);
  }

  @Test
  void badTransforms() throws IOException {
    assertFails(
            METAL
                + shape(
                    "mesh-t", "<transform name=\"to_world\"><matrix value=\"1 2 3\"/></transform>"),
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("shape 'mesh-t'")
        .hasMessageContaining("matrix needs 16");
    assertFails(
            METAL
                + shape(
                    "mesh-t",
                    "<transform name=\"to_world\"><lookat origin=\"0 0 0\" target=\"1 0 0\"/>"
                        + "</transform>"),
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("<lookat>")
        .hasMessageContaining("unsupported transform operation");
    assertFails(
            METAL
                + shape(
                    "mesh-t", "<transform name=\"to_world\"><translate x=\"NaN\"/></transform>"),
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("'NaN' is not a number");
    assertFails(
            METAL
                + shape(
                    "mesh-t", "<transform name=\"to_world\"><rotate angle=\"30\"/></transform>"),
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("zero vector");
    assertFails(
            METAL
                + shape(
                    "mesh-t",
                    "<transform name=\"to_world\"><scale value=\"1e200\"/><scale value=\"1e200\"/>"
                        + "</transform>"),
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("must be finite");
  }

  // ---------------------------------------------------------------- parameters and materials

  @Test
  void defaultsAreSubstituted() throws IOException {
    Scene s =
        readScene(
            "<default name=\"mesh\" value=\"tri\"/>"
                + "<default name=\"t\" value=\"0.25\"/>"
                + "<default name=\"dx\" value=\"4\"/>"
                + "<default name=\"kind\" value=\"brick\"/>"
                + "<sensor type=\"perspective\"><integer name=\"spp\" value=\"$undefined\"/></sensor>"
                + "<bsdf type=\"itu-radio-material\" id=\"m-$kind\">"
                + "<string name=\"type\" value=\"$kind\"/><float name=\"thickness\" value=\"$t\"/>"
                + "</bsdf>"
                + "<shape type=\"ply\" id=\"mesh-$mesh\">"
                + "<string name=\"filename\" value=\"meshes/$mesh.ply\"/>"
                + "<ref id=\"m-$kind\"/>"
                + "<transform name=\"to_world\"><translate x=\"$dx\"/></transform></shape>");
    SceneObject o = s.object("tri");
    assertThat(o.material()).isEqualTo(RadioMaterial.itu("m-brick", ItuMaterialType.BRICK, 0.25));
    assertVertex(o.mesh(), 0, 5, 0, 0);
  }

  @Test
  void radioMaterialParameters() throws IOException {
    Scene s =
        readScene(
            "<bsdf type=\"radio-material\" id=\"custom\">"
                + "<float name=\"relative_permittivity\" value=\"4.5\"/>"
                + "<float name=\"conductivity\" value=\"0.02\"/>"
                + "<float name=\"thickness\" value=\"0.3\"/>"
                + "<float name=\"scattering_coefficient\" value=\"0.4\"/>"
                + "<float name=\"xpd_coefficient\" value=\"0.1\"/>"
                + "<rgb name=\"color\" value=\"1 0 0\"/>"
                + "</bsdf>"
                + "<bsdf type=\"radio-material\" id=\"defaults\"/>"
                + "<bsdf type=\"itu-radio-material\" id=\"rough\">"
                + "<string name=\"type\" value=\"concrete\"/>"
                + "<float name=\"scattering_coefficient\" value=\"0.5\"/>"
                + "<float name=\"xpd_coefficient\" value=\"0.2\"/></bsdf>"
                + "<shape type=\"ply\" id=\"a\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<ref id=\"custom\" name=\"bsdf\"/></shape>"
                + "<shape type=\"ply\" id=\"b\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<ref id=\"defaults\" name=\"bsdf\"/></shape>"
                + "<shape type=\"ply\" id=\"c\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<ref id=\"rough\" name=\"bsdf\"/></shape>");
    assertThat(s.object("a").material())
        .isEqualTo(new RadioMaterial("custom", null, 4.5, 0.02, 0.3, 0.4, 0.1));
    // Sionna's radio-material defaults: η_r = 1, σ = 0, thickness 0.1 m, S = K_x = 0.
    assertThat(s.object("b").material()).isEqualTo(RadioMaterial.custom("defaults", 1, 0, 0.1));
    assertThat(s.object("c").material())
        .isEqualTo(new RadioMaterial("rough", ItuMaterialType.CONCRETE, 0, 0, 0.1, 0.5, 0.2));
  }

  @Test
  void visualBsdfsAreMappedLikeSionna() throws IOException {
    String diffuse =
        "<bsdf type=\"diffuse\"><rgb value=\"0.5 0.5 0.5\" name=\"reflectance\"/></bsdf>";
    Scene s =
        readScene(
            "<bsdf type=\"twosided\" id=\"mat-itu_glass\">"
                + diffuse
                + "</bsdf>"
                + "<bsdf type=\"diffuse\" id=\"itu_brick\"/>"
                + "<bsdf type=\"twosided\" id=\"mat-itu_wood\"><float name=\"thickness\" value=\"0.02\"/>"
                + diffuse
                + "</bsdf>"
                + "<bsdf type=\"principled\" id=\"red-paint\"/>"
                + "<bsdf type=\"twosided\" id=\"mat-itu_x\"><string name=\"type\" value=\"marble\"/>"
                + "</bsdf>"
                + shapeWith("g", "mat-itu_glass")
                + shapeWith("b", "itu_brick")
                + shapeWith("w", "mat-itu_wood")
                + shapeWith("p", "red-paint")
                + shapeWith("x", "mat-itu_x"));
    assertThat(s.object("g").material())
        .isEqualTo(RadioMaterial.itu("mat-itu_glass", ItuMaterialType.GLASS, 0.1));
    assertThat(s.object("b").material())
        .isEqualTo(RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK, 0.1));
    // A thickness given in the visual bsdf is kept, as Sionna's process_xml() does.
    assertThat(s.object("w").material())
        .isEqualTo(RadioMaterial.itu("mat-itu_wood", ItuMaterialType.WOOD, 0.02));
    // Any other id: vacuum (η_r = 1, σ = 0, 0.1 m).
    assertThat(s.object("p").material()).isEqualTo(RadioMaterial.vacuum("red-paint"));
    // An explicit type string wins over the id.
    assertThat(s.object("x").material().ituType()).isEqualTo(ItuMaterialType.MARBLE);
  }

  private static String shapeWith(String id, String bsdf) {
    return "<shape type=\"ply\" id=\"mesh-"
        + id
        + "\"><string name=\"filename\" value=\"meshes/tri.ply\"/><ref id=\""
        + bsdf
        + "\" name=\"bsdf\"/></shape>";
  }

  @Test
  void nestedBsdfs() throws IOException {
    Scene s =
        readScene(
            "<shape type=\"ply\" id=\"mesh-a\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<bsdf type=\"itu-radio-material\" id=\"inner\"><string name=\"type\" value=\"wood\"/>"
                + "</bsdf></shape>"
                + "<shape type=\"ply\" id=\"mesh-b\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<bsdf type=\"radio-material\"><float name=\"relative_permittivity\" value=\"2\"/>"
                + "</bsdf></shape>"
                + "<shape type=\"ply\" id=\"mesh-c\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<ref id=\"inner\"/></shape>");
    assertThat(s.object("a").material())
        .isEqualTo(RadioMaterial.itu("inner", ItuMaterialType.WOOD, 0.1));
    // Without an id, the nested material is named after the object.
    assertThat(s.object("b").material()).isEqualTo(RadioMaterial.custom("mat-b", 2, 0, 0.1));
    assertThat(s.object("c").material().name()).isEqualTo("inner");
  }

  @Test
  void objectNames() throws IOException {
    Scene s =
        readScene(
            METAL
                + shape("mesh-a", "")
                + shape("b", "")
                + "<shape type=\"ply\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<ref id=\"metal\"/></shape>"
                + "<integrator type=\"path\"/><emitter type=\"constant\"/><film type=\"hdrfilm\"/>");
    // "mesh-" is dropped; a shape without id is named after its file.
    assertThat(s.objects()).extracting(SceneObject::name).containsExactly("a", "b", "tri");
  }

  @Test
  void duplicateObjectNamesAreAnError() throws IOException {
    assertFails(METAL + shape("mesh-a", "") + shape("a", ""), RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("shape 'a'")
        .hasMessageContaining("object name 'a' is already used by shape 'mesh-a'");
    assertFails(METAL + METAL + shape("a", ""), RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("<bsdf id=\"metal\">")
        .hasMessageContaining("duplicate bsdf id");
  }

  // ---------------------------------------------------------------- errors

  @Test
  void unknownItuType() throws IOException {
    assertFails(
            "<bsdf type=\"itu-radio-material\" id=\"weird\"><string name=\"type\" value=\"cheese\"/>"
                + "</bsdf>",
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("<bsdf id=\"weird\">")
        .hasMessageContaining("unknown ITU material type 'cheese'")
        .hasMessageContaining("concrete");
    assertFails("<bsdf type=\"twosided\" id=\"mat-itu_cheese\"/>", RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("unknown ITU material type 'cheese'");
    assertFails("<bsdf type=\"itu-radio-material\" id=\"m\"/>", RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("needs <string name=\"type\"");
  }

  @Test
  void invalidMaterialParameters() throws IOException {
    assertFails(
            "<bsdf type=\"radio-material\" id=\"neg\"><float name=\"thickness\" value=\"-1\"/></bsdf>",
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("<bsdf id=\"neg\">")
        .hasMessageContaining("thickness");
    assertFails(
            "<bsdf type=\"radio-material\" id=\"s\"><string name=\"conductivity\" value=\"1\"/></bsdf>",
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("must be a <float>");
  }

  @Test
  void unknownShapeType() throws IOException {
    assertFails(
            METAL
                + "<shape type=\"obj\" id=\"mesh-car\"><string name=\"filename\" value=\"car.obj\"/>"
                + "</shape>",
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("shape 'mesh-car'")
        .hasMessageContaining("unsupported shape type 'obj'");
    assertFails(METAL + "<shape type=\"rectangle\" id=\"r\"/>", RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("shape 'r'")
        .hasMessageContaining("'rectangle'");
  }

  @Test
  void shapeProblems() throws IOException {
    assertFails(
            "<shape type=\"ply\" id=\"s\"><string name=\"filename\" value=\"meshes/tri.ply\"/></shape>",
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("shape has no material");
    assertFails(
            "<shape type=\"ply\" id=\"s\"><string name=\"filename\" value=\"meshes/tri.ply\"/>"
                + "<ref id=\"nope\"/></shape>",
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("references unknown bsdf 'nope'");
    assertFails(
            METAL + "<shape type=\"ply\" id=\"s\"><ref id=\"metal\"/></shape>",
            RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("no <string name=\"filename\">");
    assertFails(METAL + "<include filename=\"other.xml\"/>", RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("<include>")
        .hasMessageContaining("unsupported element");
    assertFails(METAL + shape("mesh-", ""), RadioTwinMessages.MALFORMED_FILE)
        .hasMessageContaining("object name is empty");
  }

  @Test
  void missingPly() throws IOException {
    assertFails(
            METAL
                + "<shape type=\"ply\" id=\"mesh-gone\"><string name=\"filename\" value=\"meshes/gone.ply\"/>"
                + "<ref id=\"metal\"/></shape>",
            RadioTwinMessages.CANNOT_READ_FILE)
        .hasMessageContaining("shape 'mesh-gone'")
        .hasMessageContaining("mesh file 'meshes/gone.ply'")
        .hasMessageContaining("file not found");
  }

  @Test
  void malformedPlyNamesThePly() throws IOException {
    Files.writeString(dir.resolve("meshes/bad.ply"), "ply\nformat ascii 1.0\n");
    Files.writeString(
        xml,
        "<scene version=\"2.1.0\">"
            + METAL
            + "<shape type=\"ply\"><string name=\"filename\" value=\"meshes/bad.ply\"/><ref id=\"metal\"/>"
            + "</shape></scene>");
    assertThatThrownBy(() -> MitsubaSceneReader.read(xml))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining(dir.resolve("meshes/bad.ply").toString())
        .hasMessageContaining("end_header");
  }

  @Test
  void malformedXml() throws IOException {
    Files.writeString(xml, "<scene version=\"2.1.0\">\n<shape type=\"ply\">\n</scene>");
    assertThatThrownBy(() -> MitsubaSceneReader.read(xml))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageStartingWith(xml + ": line 3");
    Files.writeString(xml, "<world/>");
    assertThatThrownBy(() -> MitsubaSceneReader.read(xml))
        .hasMessageContaining("expected <scene>, found <world>");
    assertThatThrownBy(() -> MitsubaSceneReader.read(dir.resolve("none.xml")))
        .isInstanceOf(RadioTwinException.class)
        .hasMessage("cannot read " + dir.resolve("none.xml") + ": file not found");
  }

  // ---------------------------------------------------------------- security

  @Test
  void externalEntitiesAreRefusedAndNeverRead() throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE scene [<!ENTITY xxe SYSTEM \""
            + secret.toUri()
            + "\">]>\n<scene version=\"2.1.0\"><bsdf type=\"itu-radio-material\" id=\"&xxe;\">"
            + "<string name=\"type\" value=\"&xxe;\"/></bsdf></scene>";
    Files.writeString(xml, xxe);
    assertThatThrownBy(() -> MitsubaSceneReader.read(xml))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageStartingWith(xml.toString())
        .hasMessageContaining("DOCTYPE declarations are not allowed")
        .satisfies(e -> assertThat(fullText(e)).doesNotContain("TOP-SECRET-CONTENT"));
  }

  private static String fullText(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      sb.append(t).append('\n');
    }
    return sb.toString();
  }

  @Test
  void billionLaughsIsRefused() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n");
    sb.append("<!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i < 10; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      for (int k = 0; k < 10; k++) {
        sb.append("&lol").append(i - 1).append(';');
      }
      sb.append("\">\n");
    }
    sb.append("]>\n<scene version=\"2.1.0\"><default name=\"a\" value=\"&lol9;\"/></scene>");
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    assertThatThrownBy(
            () ->
                MitsubaSceneReader.read(
                    new ByteArrayInputStream(bytes), "lolz.xml", SceneFolder.of(dir)))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageStartingWith("lolz.xml: line 2")
        .hasMessageContaining("DOCTYPE");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
  }

  private void assertOutside(String reference) throws IOException {
    Files.writeString(
        xml,
        "<scene version=\"2.1.0\">"
            + METAL
            + "<shape type=\"ply\" id=\"evil\"><string name=\"filename\" value=\""
            + reference
            + "\"/><ref id=\"metal\"/></shape></scene>");
    assertThatThrownBy(() -> MitsubaSceneReader.read(xml))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.PATH_OUTSIDE_SCENE))
        .hasMessage(xml + ": reference '" + reference + "' points outside the scene folder");
  }

  @Test
  void referencesOutsideTheFolderAreRefused(@TempDir Path outside) throws IOException {
    Path scene = dir.resolve("scene");
    Files.createDirectories(scene.resolve("meshes"));
    PlyWriter.write(TRI, scene.resolve("meshes/tri.ply"));
    PlyWriter.write(TRI, dir.resolve("outside.ply"));
    PlyWriter.write(TRI, outside.resolve("far.ply"));
    xml = scene.resolve("scene.xml");
    assertOutside("../outside.ply");
    assertOutside("meshes/../../outside.ply");
    assertOutside(outside.resolve("far.ply").toString());
    assertOutside("/etc/passwd");
    assertOutside("C:\\Windows\\win.ini");
    assertOutside("c:evil.ply");
    assertOutside("\\\\server\\share\\x.ply");
    // A symbolic link inside the folder to a file outside it.
    Files.createSymbolicLink(scene.resolve("meshes/link.ply"), outside.resolve("far.ply"));
    assertOutside("meshes/link.ply");
    // A symbolic link to a folder outside.
    Files.createSymbolicLink(scene.resolve("elsewhere"), outside);
    assertOutside("elsewhere/far.ply");
    // A link that stays inside is fine.
    Files.createSymbolicLink(scene.resolve("meshes/alias.ply"), scene.resolve("meshes/tri.ply"));
    Files.writeString(
        xml,
        "<scene version=\"2.1.0\">"
            + METAL
            + "<shape type=\"ply\" id=\"ok\"><string name=\"filename\" value=\"./meshes//alias.ply\"/>"
            + "<ref id=\"metal\"/></shape></scene>");
    assertThat(MitsubaSceneReader.read(xml).object("ok").mesh()).isEqualTo(TRI);
  }

  @Test
  void sceneFolderRules() {
    assertThat(SceneFolder.normalize("./meshes//a.ply", "f")).isEqualTo("meshes/a.ply");
    assertThat(SceneFolder.normalize("meshes\\a.ply", "f")).isEqualTo("meshes/a.ply");
    assertThatThrownBy(() -> SceneFolder.normalize("", "f"))
        .hasMessageContaining("empty file name");
    assertThatThrownBy(() -> SceneFolder.normalize("a\0.ply", "f")).hasMessageContaining("NUL");
    // Only a leading drive letter makes ':' special.
    assertThat(SceneFolder.normalize("meshes/a:b.ply", "f")).isEqualTo("meshes/a:b.ply");
    assertThatThrownBy(() -> SceneFolder.normalize("./.", "f"))
        .hasMessageContaining("folder itself");
    // The classpath folder applies the same rules.
    SceneFolder cp =
        SceneFolder.classpath(getClass().getClassLoader(), BuiltinScenes.ROOT + "box/");
    assertThatThrownBy(() -> cp.open("../box_one_screen/meshes/screen.ply"))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.PATH_OUTSIDE_SCENE));
    assertThatThrownBy(() -> cp.open("meshes/none.ply"))
        .hasMessageContaining("classpath:org/radiotwin/scene/builtin/box/meshes/none.ply")
        .hasMessageContaining("resource not found");
  }

  @Test
  void builtinScenes() {
    assertThat(BuiltinScenes.names())
        .containsExactly(
            "box",
            "box_one_screen",
            "box_two_screens",
            "double_reflector",
            "floor_wall",
            "simple_reflector",
            "simple_street_canyon",
            "simple_street_canyon_with_cars",
            "simple_wedge",
            "triple_reflector");
    assertThatThrownBy(() -> BuiltinScenes.load("../munich"))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageStartingWith(
            "unknown built-in scene '../munich' (available: box, box_one_screen,")
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.UNKNOWN_BUILTIN_SCENE));
    assertThatThrownBy(() -> BuiltinScenes.load(null)).isInstanceOf(RadioTwinException.class);
  }
}
