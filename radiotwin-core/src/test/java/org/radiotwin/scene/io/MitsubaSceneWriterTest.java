package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.ScatteringPattern;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

class MitsubaSceneWriterTest {

  @TempDir Path dir;

  static Stream<String> builtins() {
    return BuiltinScenes.names().stream();
  }

  /** Same objects in the same order, bit-identical meshes, equal materials. */
  static void assertSameScene(Scene back, Scene original) {
    assertThat(back.objects())
        .extracting(SceneObject::name)
        .containsExactlyElementsOf(
            original.objects().stream().map(SceneObject::name).collect(Collectors.toList()));
    for (int i = 0; i < original.objects().size(); i++) {
      SceneObject a = original.objects().get(i);
      SceneObject b = back.objects().get(i);
      // TriangleMesh#equals compares the packed double coordinates and indices exactly.
      assertThat(b.mesh()).as(a.name()).isEqualTo(a.mesh());
      assertThat(b.material()).as(a.name()).isEqualTo(a.material());
    }
    assertThat(back.materials()).isEqualTo(original.materials());
  }

  @ParameterizedTest
  @MethodSource("builtins")
  void builtinScenesRoundTripExactly(String name) {
    Scene original = BuiltinScenes.load(name);
    Path xml = dir.resolve(name + ".xml");
    MitsubaSceneWriter.write(original, xml);
    assertSameScene(MitsubaSceneReader.read(xml), original);
  }

  @Test
  void etoileRoundTripsExactly() {
    Scene original = MitsubaSceneReader.read(PlyManifestTest.DATA.resolve("etoile/etoile.xml"));
    Path xml = dir.resolve("out/etoile.xml");
    assertThatThrownBy(() -> MitsubaSceneWriter.write(original, xml))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("does not exist");
    try {
      Files.createDirectories(xml.getParent());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    MitsubaSceneWriter.write(original, xml);
    assertSameScene(MitsubaSceneReader.read(xml), original);
  }

  @Test
  void writtenXmlHasSionnaLayout() throws IOException {
    TriangleMesh tri =
        new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
    Scene s =
        Scene.of(
            List.of(
                new SceneObject(
                    "wall", tri, RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK, 0.2)),
                new SceneObject(
                    "rough",
                    tri,
                    RadioMaterial.itu("rough", ItuMaterialType.CONCRETE).withScattering(0.3, 0.1)),
                new SceneObject(
                    "glass", tri, new RadioMaterial("custom", null, 4.5, 0.25, 0.05, 0.5, 0.2))));
    Path xml = dir.resolve("s.xml");
    MitsubaSceneWriter.write(s, xml);
    String text = Files.readString(xml);
    assertThat(text)
        .contains("<scene version=\"2.1.0\">")
        .contains(
            "<bsdf type=\"itu-radio-material\" id=\"itu_brick\">\n"
                + "        <string name=\"type\" value=\"brick\"/>\n"
                + "        <float name=\"thickness\" value=\"0.2\"/>\n"
                + "    </bsdf>")
        .contains("<float name=\"scattering_coefficient\" value=\"0.3\"/>")
        .contains("<float name=\"xpd_coefficient\" value=\"0.1\"/>")
        .contains("<bsdf type=\"radio-material\" id=\"custom\">")
        .contains("<float name=\"relative_permittivity\" value=\"4.5\"/>")
        .contains("<float name=\"conductivity\" value=\"0.25\"/>")
        .contains(
            "<shape type=\"ply\" id=\"mesh-wall\">\n"
                + "        <string name=\"filename\" value=\"meshes/wall.ply\"/>\n"
                + "        <boolean name=\"face_normals\" value=\"true\"/>\n"
                + "        <ref id=\"itu_brick\" name=\"bsdf\"/>\n"
                + "    </shape>");
    // The brick ITU material has no scattering: those floats are left out for it.
    assertThat(text.indexOf("scattering_coefficient")).isGreaterThan(text.indexOf("id=\"rough\""));
    assertSameScene(MitsubaSceneReader.read(xml), s);
  }

  @Test
  void scatteringPatternsRoundTrip() throws IOException {
    TriangleMesh tri =
        new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
    RadioMaterial directive =
        RadioMaterial.itu("dir", ItuMaterialType.CONCRETE)
            .withScattering(0.4, 0.2)
            .withScatteringPattern(new ScatteringPattern.Directive(5));
    RadioMaterial back =
        new RadioMaterial("back", null, 3.5, 0.02, 0.1, 0.7, 0)
            .withScatteringPattern(new ScatteringPattern.Backscattering(3, 2, 0.25));
    Scene s =
        Scene.of(
            List.of(
                new SceneObject("a", tri, directive),
                new SceneObject("b", tri, back),
                new SceneObject("c", tri, RadioMaterial.itu("lam", ItuMaterialType.BRICK))));
    Path xml = dir.resolve("patterns.xml");
    MitsubaSceneWriter.write(s, xml);
    String text = Files.readString(xml);
    assertThat(text)
        .contains("<string name=\"scattering_pattern\" value=\"directive\"/>")
        .contains("<float name=\"alpha_r\" value=\"5\"/>")
        .contains("<string name=\"scattering_pattern\" value=\"backscattering\"/>")
        .contains("<float name=\"lambda\" value=\"0.25\"/>");
    assertSameScene(MitsubaSceneReader.read(xml), s);
    // A bad pattern names the file's material.
    Files.writeString(
        xml, text.replace("value=\"directive\"", "value=\"glossy\""), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> MitsubaSceneReader.read(xml))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("glossy")
        .hasMessageContaining("dir");
  }

  @Test
  void awkwardNamesAreSanitisedForFilesButKept(@TempDir Path out) throws IOException {
    TriangleMesh tri =
        new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
    RadioMaterial m = RadioMaterial.itu("m & <\"co\">", ItuMaterialType.METAL);
    Scene s =
        Scene.of(
            List.of(
                new SceneObject("a/b:c", tri, m),
                new SceneObject("A", tri, m),
                new SceneObject("a", tri, m),
                new SceneObject("..", tri, m),
                new SceneObject("con", tri, m),
                new SceneObject("tab\there", tri, m),
                new SceneObject("mesh-x", tri, m),
                new SceneObject("日本", tri, m)));
    Path xml = out.resolve("s.xml");
    MitsubaSceneWriter.write(s, xml);
    try (Stream<Path> files = Files.list(out.resolve("meshes"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "a_b_c.ply",
              "A.ply",
              "a_2.ply",
              "__.ply",
              "_con.ply",
              "tab_here.ply",
              "mesh-x.ply",
              "___2.ply");
    }
    assertSameScene(MitsubaSceneReader.read(xml), s);
  }

  @Test
  void failuresLeaveNoPartialOutput() throws IOException {
    TriangleMesh ok =
        new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
    TriangleMesh tooFar = new TriangleMesh(new double[] {1e39, 0, 0}, new int[0]);
    RadioMaterial m = RadioMaterial.itu("metal", ItuMaterialType.METAL);
    Scene bad =
        Scene.of(List.of(new SceneObject("first", ok, m), new SceneObject("second", tooFar, m)));
    Path xml = dir.resolve("bad.xml");
    assertThatThrownBy(() -> MitsubaSceneWriter.write(bad, xml))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("second.ply")
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.CANNOT_WRITE_FILE));
    try (Stream<Path> files = Files.walk(dir)) {
      // Nothing left: no XML, no mesh, no temporary file, not even the meshes folder.
      assertThat(files.filter(p -> !p.equals(dir))).isEmpty();
    }
    // A name XML cannot carry is refused before anything is written.
    Scene control = Scene.of(List.of(new SceneObject("bell\u0007", ok, m)));
    assertThatThrownBy(() -> MitsubaSceneWriter.write(control, xml)).hasMessageContaining("U+0007");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void overwritesAnEarlierExport() {
    Scene a = BuiltinScenes.load("box");
    Scene b = BuiltinScenes.load("box_one_screen");
    Path xml = dir.resolve("x.xml");
    MitsubaSceneWriter.write(a, xml);
    MitsubaSceneWriter.write(b, xml);
    assertSameScene(MitsubaSceneReader.read(xml), b);
  }
}
