package org.radiotwin.scene.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.ScatteringPattern;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

/**
 * Writes a scene as a Sionna RT / Mitsuba 3 XML file plus one binary PLY per object in a {@code
 * meshes/} folder next to it, the layout of Sionna's example scenes, so that both Sionna's {@code
 * load_scene()} and {@link MitsubaSceneReader} read it back.
 *
 * <p>Output: {@code <scene version="2.1.0">}; one {@code <bsdf>} per material, named by the
 * material name: ITU materials as {@code itu-radio-material} with {@code type} and {@code
 * thickness} (plus {@code scattering_coefficient} / {@code xpd_coefficient} when non-zero), custom
 * materials as {@code radio-material} with all five parameters; one {@code <shape type="ply"
 * id="mesh-NAME">} per object with {@code meshes/FILE.ply} (world coordinates, no transform),
 * {@code face_normals} and a reference to its material. FILE is the object name restricted to
 * letters, digits, {@code _ - .} (other characters become {@code _}, Windows device names get a
 * {@code _} prefix, case-insensitive clashes get {@code _2}, {@code _3}, …); the shape id keeps the
 * exact name, so the objects read back under the same names.
 *
 * <p>Numbers are written in Java's shortest round-trip form, so materials read back equal. Mesh
 * coordinates are float32 (see {@link PlyWriter}): geometry loaded from float32 PLYs reads back
 * bit-identical.
 *
 * <p>Every file is first written to a temporary sibling and renamed into place only when all of
 * them are complete, the XML last: a failure while writing leaves no partial output. Existing files
 * of the same names are replaced; other files in {@code meshes/} are left alone.
 *
 * <p>Caveat for Sionna: Sionna turns any bsdf whose id starts with {@code itu_} or {@code mat-itu_}
 * into an ITU material, so a custom material with such a name would not survive a trip through
 * Sionna (it does through RadioTwin).
 */
public final class MitsubaSceneWriter {

  /** Folder of the meshes, relative to the XML. */
  public static final String MESH_FOLDER = "meshes";

  private static final Set<String> WINDOWS_DEVICES =
      Set.of(
          "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7",
          "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

  private MitsubaSceneWriter() {}

  /**
   * Writes a scene.
   *
   * @param scene the scene (its devices and arrays are not part of the format and are not written)
   * @param xmlFile destination XML, in an existing folder; meshes go to {@code meshes/} in the same
   *     folder (created if needed)
   * @throws RadioTwinException CANNOT_WRITE_FILE on an I/O error, a name XML cannot represent or a
   *     coordinate outside the float32 range
   */
  public static void write(Scene scene, Path xmlFile) {
    Path xml = xmlFile.toAbsolutePath();
    Path dir = xml.getParent();
    if (dir == null) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_WRITE_FILE, xmlFile.toString(), "not a file path");
    }
    if (!Files.isDirectory(dir)) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_WRITE_FILE,
          xmlFile.toString(),
          "folder " + dir + " does not exist");
    }
    Path meshDir = dir.resolve(MESH_FOLDER);
    List<String> files = fileNames(scene.objects());
    byte[] text = xml(scene, files, xmlFile.toString()).getBytes(StandardCharsets.UTF_8);

    boolean createdDir = !Files.isDirectory(meshDir);
    List<Path[]> pending = new ArrayList<>(); // {temporary, destination}
    try {
      if (createdDir) {
        Files.createDirectory(meshDir);
      }
      for (int i = 0; i < files.size(); i++) {
        SceneObject o = scene.objects().get(i);
        Path target = meshDir.resolve(files.get(i));
        Path temp =
            PlyWriter.writeTemporary(
                target,
                out ->
                    PlyWriter.write(
                        o.mesh(), out, PlyWriter.Format.BINARY_LITTLE_ENDIAN, target.toString()));
        pending.add(new Path[] {temp, target});
      }
      pending.add(new Path[] {PlyWriter.writeTemporary(xml, out -> out.write(text)), xml});
    } catch (IOException | RuntimeException e) {
      for (Path[] p : pending) {
        PlyWriter.deleteQuietly(p[0]);
      }
      if (createdDir) {
        PlyWriter.deleteQuietly(meshDir); // only succeeds if still empty
      }
      if (e instanceof RadioTwinException) {
        throw (RadioTwinException) e;
      }
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_WRITE_FILE, meshDir.toString(), PlyReader.describe(e));
    }
    for (int i = 0; i < pending.size(); i++) {
      try {
        PlyWriter.moveIntoPlace(pending.get(i)[0], pending.get(i)[1]);
      } catch (RadioTwinException e) {
        for (int j = i + 1; j < pending.size(); j++) {
          PlyWriter.deleteQuietly(pending.get(j)[0]);
        }
        throw e;
      }
    }
  }

  /** Unique, portable mesh file names, in object order. */
  static List<String> fileNames(List<SceneObject> objects) {
    List<String> names = new ArrayList<>(objects.size());
    Set<String> taken = new HashSet<>();
    for (SceneObject o : objects) {
      String base = sanitize(o.name());
      String candidate = base;
      for (int k = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); k++) {
        candidate = base + "_" + k;
      }
      names.add(candidate + ".ply");
    }
    return names;
  }

  /** A portable file name stem for an object name. */
  static String sanitize(String name) {
    StringBuilder sb = new StringBuilder(Math.min(name.length(), 100));
    for (int i = 0; i < name.length() && sb.length() < 100; i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-'
              || c == '.';
      sb.append(ok ? c : '_');
    }
    // No hidden files, no "." or "..", no trailing dots (Windows drops them).
    while (sb.length() > 0 && sb.charAt(0) == '.') {
      sb.setCharAt(0, '_');
    }
    while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '.') {
      sb.setCharAt(sb.length() - 1, '_');
    }
    String s = sb.length() == 0 ? "object" : sb.toString();
    int dot = s.indexOf('.');
    String stem = (dot < 0 ? s : s.substring(0, dot)).toLowerCase(Locale.ROOT);
    return WINDOWS_DEVICES.contains(stem) ? "_" + s : s;
  }

  /** The pattern as the reader takes it; nothing for the default Lambertian pattern. */
  private static void scatteringPattern(StringBuilder sb, ScatteringPattern p) {
    if (p instanceof ScatteringPattern.Directive d) {
      property(sb, "string", "scattering_pattern", d.kind());
      property(sb, "float", "alpha_r", Integer.toString(d.alphaR()));
    } else if (p instanceof ScatteringPattern.Backscattering b) {
      property(sb, "string", "scattering_pattern", b.kind());
      property(sb, "float", "alpha_r", Integer.toString(b.alphaR()));
      property(sb, "float", "alpha_i", Integer.toString(b.alphaI()));
      property(sb, "float", "lambda", num(b.lambda()));
    }
  }

  private static String xml(Scene scene, List<String> files, String target) {
    StringBuilder sb = new StringBuilder(256 + 256 * scene.objects().size());
    sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<scene version=\"2.1.0\">\n");
    sb.append("    <!-- written by RadioTwin -->\n\n");
    sb.append("<!-- Materials -->\n\n");
    for (RadioMaterial m : scene.materials().values()) {
      String id = escape(m.name(), target);
      if (m.isItu()) {
        sb.append("    <bsdf type=\"itu-radio-material\" id=\"").append(id).append("\">\n");
        property(sb, "string", "type", m.ituType().sionnaName());
        property(sb, "float", "thickness", num(m.thickness()));
        if (m.scatteringCoefficient() != 0) {
          property(sb, "float", "scattering_coefficient", num(m.scatteringCoefficient()));
        }
        if (m.xpdCoefficient() != 0) {
          property(sb, "float", "xpd_coefficient", num(m.xpdCoefficient()));
        }
      } else {
        sb.append("    <bsdf type=\"radio-material\" id=\"").append(id).append("\">\n");
        property(sb, "float", "relative_permittivity", num(m.customRelativePermittivity()));
        property(sb, "float", "conductivity", num(m.customConductivity()));
        property(sb, "float", "thickness", num(m.thickness()));
        property(sb, "float", "scattering_coefficient", num(m.scatteringCoefficient()));
        property(sb, "float", "xpd_coefficient", num(m.xpdCoefficient()));
      }
      scatteringPattern(sb, m.scatteringPattern());
      sb.append("    </bsdf>\n");
    }
    sb.append("\n<!-- Shapes -->\n\n");
    for (int i = 0; i < files.size(); i++) {
      SceneObject o = scene.objects().get(i);
      sb.append("    <shape type=\"ply\" id=\"mesh-")
          .append(escape(o.name(), target))
          .append("\">\n");
      property(sb, "string", "filename", MESH_FOLDER + "/" + files.get(i));
      property(sb, "boolean", "face_normals", "true");
      sb.append("        <ref id=\"")
          .append(escape(o.material().name(), target))
          .append("\" name=\"bsdf\"/>\n");
      sb.append("    </shape>\n");
    }
    sb.append("</scene>\n");
    return sb.toString();
  }

  private static void property(StringBuilder sb, String tag, String name, String value) {
    // Values here are numbers, ITU names and sanitised file names: nothing to escape.
    sb.append("        <")
        .append(tag)
        .append(" name=\"")
        .append(name)
        .append("\" value=\"")
        .append(value)
        .append("\"/>\n");
  }

  private static String num(double v) {
    return Double.toString(v);
  }

  /** Escapes text for a double-quoted XML 1.0 attribute. */
  static String escape(String s, String target) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\t':
        case '\n':
        case '\r':
          // Escaped, or attribute-value normalisation would turn them into spaces.
          sb.append("&#").append((int) c).append(';');
          break;
        default:
          boolean legal =
              (c >= 0x20 && c < 0xD800)
                  || (c >= 0xE000 && c <= 0xFFFD)
                  || (Character.isHighSurrogate(c)
                      && i + 1 < s.length()
                      && Character.isLowSurrogate(s.charAt(i + 1)));
          if (!legal) {
            throw new RadioTwinException(
                RadioTwinMessages.CANNOT_WRITE_FILE,
                target,
                "name '"
                    + PlyReader.abbreviate(s)
                    + "' contains character U+"
                    + String.format(Locale.ROOT, "%04X", (int) c)
                    + ", which XML cannot represent");
          }
          sb.append(c);
          if (Character.isHighSurrogate(c)) {
            sb.append(s.charAt(++i));
          }
      }
    }
    return sb.toString();
  }
}
