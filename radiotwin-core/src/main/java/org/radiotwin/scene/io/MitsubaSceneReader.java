package org.radiotwin.scene.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.Transform;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.ScatteringPattern;
import org.radiotwin.math.Vec3;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads a Sionna RT / Mitsuba 3 scene: an XML file naming PLY meshes and radio materials.
 *
 * <p>What is read, and how it maps to a {@link Scene}:
 *
 * <ul>
 *   <li>{@code <scene version="…">} is the root. {@code <default name= value=>} defines a
 *       parameter; {@code $name} in any later attribute value is replaced by its value (Mitsuba's
 *       substitution; an unknown {@code $name} is left as written). {@code <integrator>}, {@code
 *       <emitter>}, {@code <sensor>}, {@code <film>}, {@code <sampler>}, {@code <rfilter>}, {@code
 *       <texture>} and {@code <medium>} are rendering settings and are ignored.
 *   <li>Top-level {@code <bsdf id=…>} elements are materials, named by their id:
 *       <ul>
 *         <li>{@code itu-radio-material}: {@code <string name="type">} (an ITU-R P.2040 name such
 *             as {@code concrete}) and optional floats {@code thickness} [m] (default 0.1), {@code
 *             scattering_coefficient} and {@code xpd_coefficient} (default 0);
 *         <li>{@code radio-material}: floats {@code relative_permittivity} (default 1), {@code
 *             conductivity} [S/m] (default 0), {@code thickness} [m] (default 0.1), {@code
 *             scattering_coefficient} and {@code xpd_coefficient} (default 0);
 *         <li>any other type is a visual BSDF (Blender's {@code twosided}/{@code diffuse}, …),
 *             mapped as Sionna RT's {@code process_xml()} does: an id {@code mat-itu_X} or {@code
 *             itu_X} gives the ITU material X (an explicit {@code type} string or {@code thickness}
 *             float inside the BSDF take precedence, thickness defaults to 0.1 m); any other id
 *             gives vacuum (η_r = 1, σ = 0, thickness 0.1 m), which does not interact with radio
 *             waves.
 *       </ul>
 *   <li>{@code <shape type="ply">} is an object: {@code <string name="filename">} (resolved inside
 *       the scene folder, see {@link SceneFolder}), its material by {@code <ref id=…/>} or by a
 *       nested {@code <bsdf>} (named by its id, or {@code mat-<object name>} without one), an
 *       optional {@code <transform name="to_world">} whose {@code <matrix value="16 numbers"/>},
 *       {@code <translate>}, {@code <rotate>} (angle in degrees about {@code x}/{@code y}/{@code
 *       z}/{@code axis}/{@code value}) and {@code <scale>} operations are applied in document order
 *       (each after the previous ones, p ↦ T_n·…·T_1·p), and an optional {@code <boolean
 *       name="flip_normals">} that reverses the winding. The object is named after the shape id
 *       without a leading {@code mesh-} (Sionna's rule), or after the file name without extension
 *       for a shape without id. Two shapes with the same object name are an error, as in Sionna.
 * </ul>
 *
 * <p>The XML parser refuses DTDs, so external entities (XXE) and entity expansion bombs never reach
 * the scene ({@link SecureXml}). Every problem is a {@link RadioTwinException} naming the XML file
 * and the element.
 *
 * <p>References: Mitsuba 3 scene format,
 * https://mitsuba.readthedocs.io/en/stable/src/key_topics/scene_format.html; Sionna RT 1.0 {@code
 * sionna/rt/scene.py} (process_xml).
 */
public final class MitsubaSceneReader {

  private static final Set<String> IGNORED =
      Set.of("integrator", "emitter", "sensor", "film", "sampler", "rfilter", "texture", "medium");

  private static final Set<String> PROPERTY_TAGS = Set.of("string", "float", "integer");

  private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

  private static final Pattern VERSION = Pattern.compile("\\d{1,4}(\\.\\d{1,4}){0,2}");

  private MitsubaSceneReader() {}

  /**
   * Reads a scene file; meshes are resolved in its folder.
   *
   * @param xmlFile the scene XML
   * @return the scene (objects in document order)
   * @throws RadioTwinException if the XML or a mesh cannot be read or is invalid, or a mesh
   *     reference leaves the scene folder
   */
  public static Scene read(Path xmlFile) {
    Path abs = xmlFile.toAbsolutePath();
    Path parent = abs.getParent();
    SceneFolder folder = SceneFolder.of(parent == null ? abs : parent);
    try (InputStream in = Files.newInputStream(xmlFile)) {
      return read(in, xmlFile.toString(), folder);
    } catch (NoSuchFileException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, xmlFile.toString(), "file not found");
    } catch (IOException | SecurityException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, xmlFile.toString(), PlyReader.describe(e));
    }
  }

  /**
   * Reads a scene from a stream.
   *
   * @param xml the scene XML (not closed)
   * @param sourceName name of the XML for messages
   * @param folder where the meshes the scene references are
   * @return the scene (objects in document order)
   * @throws RadioTwinException if the XML or a mesh cannot be read or is invalid, or a mesh
   *     reference leaves the scene folder
   */
  public static Scene read(InputStream xml, String sourceName, SceneFolder folder) {
    Document doc;
    try {
      doc = SecureXml.documentBuilder().parse(xml, "");
    } catch (SAXParseException e) {
      String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber();
      String msg = PlyReader.describe(e);
      if (msg.contains("DOCTYPE")) {
        msg = "DOCTYPE declarations are not allowed (DTDs and entities are refused for security)";
      }
      throw new RadioTwinException(e, RadioTwinMessages.MALFORMED_FILE, sourceName, where, msg);
    } catch (SAXException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.MALFORMED_FILE, sourceName, "XML", PlyReader.describe(e));
    } catch (IOException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, sourceName, PlyReader.describe(e));
    }
    return new Reader(sourceName, folder).scene(doc.getDocumentElement());
  }

  /** State of one read. */
  private static final class Reader {
    private final String source;
    private final SceneFolder folder;
    private final Map<String, String> defaults = new HashMap<>();
    private final Map<String, RadioMaterial> bsdfs = new LinkedHashMap<>();
    private final Map<String, TriangleMesh> meshes = new HashMap<>();

    Reader(String source, SceneFolder folder) {
      this.source = source;
      this.folder = folder;
    }

    private RadioTwinException malformed(String where, String problem) {
      return new RadioTwinException(RadioTwinMessages.MALFORMED_FILE, source, where, problem);
    }

    // -------------------------------------------------------------- attributes

    /** Attribute value after $parameter substitution, or null if absent. */
    private String attr(Element e, String name) {
      if (!e.hasAttribute(name)) {
        return null;
      }
      String v = e.getAttribute(name);
      if (defaults.isEmpty() || v.indexOf('$') < 0) {
        return v;
      }
      Matcher m = PARAMETER.matcher(v);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        String value = defaults.get(m.group(1));
        m.appendReplacement(sb, Matcher.quoteReplacement(value != null ? value : m.group()));
      }
      m.appendTail(sb);
      return sb.toString();
    }

    private String required(Element e, String name, String where) {
      String v = attr(e, name);
      if (v == null) {
        throw malformed(where, "<" + e.getTagName() + "> has no '" + name + "' attribute");
      }
      return v;
    }

    private double number(String text, String where, String what) {
      String t = text.strip();
      if (!PlyReader.isDecimal(t)) {
        throw malformed(
            where,
            what
                + " '"
                + PlyReader.abbreviate(text)
                + "' is not a number"
                + (t.contains("$") ? " (undefined parameter?)" : ""));
      }
      double v = Double.parseDouble(t);
      if (!Double.isFinite(v)) {
        throw malformed(where, what + " '" + PlyReader.abbreviate(text) + "' is out of range");
      }
      return v;
    }

    private double[] numbers(String text, String where, String what) {
      String t = text.strip();
      if (t.isEmpty()) {
        return new double[0];
      }
      String[] parts = t.split("[\\s,]+");
      if (parts.length > 16) {
        throw malformed(where, what + " has " + parts.length + " values, at most 16 expected");
      }
      double[] v = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        v[i] = number(parts[i], where, what);
      }
      return v;
    }

    private static List<Element> children(Element e) {
      List<Element> list = new ArrayList<>();
      for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeType() == Node.ELEMENT_NODE) {
          list.add((Element) n);
        }
      }
      return list;
    }

    // -------------------------------------------------------------- scene

    Scene scene(Element root) {
      if (!"scene".equals(root.getTagName())) {
        throw malformed(
            "root element",
            "expected <scene>, found <" + PlyReader.abbreviate(root.getTagName()) + ">");
      }
      String version = root.hasAttribute("version") ? root.getAttribute("version") : null;
      if (version != null && !VERSION.matcher(version.strip()).matches()) {
        throw malformed("<scene>", "invalid version '" + PlyReader.abbreviate(version) + "'");
      }
      List<Element> top = children(root);
      // Parameters first, then materials, so references may come in any order.
      for (Element e : top) {
        if ("default".equals(e.getTagName())) {
          String name = required(e, "name", "<default>");
          String where = "<default name=\"" + PlyReader.abbreviate(name) + "\">";
          if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw malformed(where, "invalid parameter name");
          }
          if (defaults.containsKey(name)) {
            throw malformed(where, "parameter defined twice");
          }
          defaults.put(name, required(e, "value", where));
        }
      }
      for (Element e : top) {
        if ("bsdf".equals(e.getTagName())) {
          String id = attr(e, "id");
          if (id == null || id.isBlank()) {
            throw malformed(
                "<bsdf type=\"" + PlyReader.abbreviate(e.getAttribute("type")) + "\">",
                "a top-level bsdf needs an id");
          }
          addBsdf(id, material(e, id));
        }
      }
      List<SceneObject> objects = new ArrayList<>();
      Map<String, String> shapeOfObject = new HashMap<>();
      for (Element e : top) {
        String tag = e.getTagName();
        switch (tag) {
          case "default":
          case "bsdf":
            break;
          case "shape":
            SceneObject o = shape(e);
            String previous = shapeOfObject.putIfAbsent(o.name(), shapeLabel(e));
            if (previous != null) {
              throw malformed(
                  shapeLabel(e),
                  "object name '"
                      + o.name()
                      + "' is already used by "
                      + previous
                      + " (object names must be unique)");
            }
            objects.add(o);
            break;
          default:
            if (!IGNORED.contains(tag)) {
              throw malformed(
                  "<" + PlyReader.abbreviate(tag) + ">",
                  "unsupported element (a scene holds bsdf, shape, default, integrator, emitter,"
                      + " sensor elements)");
            }
        }
      }
      try {
        return Scene.of(objects);
      } catch (RadioTwinException e) {
        throw new RadioTwinException(
            e, RadioTwinMessages.MALFORMED_FILE, source, "scene", e.getMessage());
      }
    }

    private void addBsdf(String id, RadioMaterial m) {
      if (bsdfs.putIfAbsent(id, m) != null) {
        throw malformed("<bsdf id=\"" + PlyReader.abbreviate(id) + "\">", "duplicate bsdf id");
      }
    }

    // -------------------------------------------------------------- materials

    /** Reads the float/string properties of a bsdf (direct children only). */
    private Map<String, Element> properties(Element bsdf, String where) {
      Map<String, Element> props = new HashMap<>();
      for (Element c : children(bsdf)) {
        String name = attr(c, "name");
        if (name != null && PROPERTY_TAGS.contains(c.getTagName()) && props.put(name, c) != null) {
          throw malformed(where, "property '" + PlyReader.abbreviate(name) + "' given twice");
        }
      }
      return props;
    }

    private double floatProperty(
        Map<String, Element> props, String name, double fallback, String where) {
      Element e = props.get(name);
      if (e == null) {
        return fallback;
      }
      if ("string".equals(e.getTagName())) {
        throw malformed(where, "property '" + name + "' must be a <float>");
      }
      return number(required(e, "value", where), where, "property '" + name + "'");
    }

    private RadioMaterial material(Element bsdf, String name) {
      String type = attr(bsdf, "type");
      String where = "<bsdf id=\"" + PlyReader.abbreviate(name) + "\">";
      if (type == null) {
        throw malformed(where, "bsdf has no type");
      }
      Map<String, Element> props = properties(bsdf, where);
      try {
        switch (type) {
          case "itu-radio-material":
            {
              Element t = props.get("type");
              if (t == null || !"string".equals(t.getTagName())) {
                throw malformed(
                    where, "itu-radio-material needs <string name=\"type\" value=\"…\"/>");
              }
              ItuMaterialType itu = ituType(required(t, "value", where), where);
              return RadioMaterial.itu(name, itu, floatProperty(props, "thickness", 0.1, where))
                  .withScattering(
                      floatProperty(props, "scattering_coefficient", 0, where),
                      floatProperty(props, "xpd_coefficient", 0, where))
                  .withScatteringPattern(scatteringPattern(props, where));
            }
          case "radio-material":
            return RadioMaterial.custom(
                    name,
                    floatProperty(props, "relative_permittivity", 1, where),
                    floatProperty(props, "conductivity", 0, where),
                    floatProperty(props, "thickness", 0.1, where))
                .withScattering(
                    floatProperty(props, "scattering_coefficient", 0, where),
                    floatProperty(props, "xpd_coefficient", 0, where))
                .withScatteringPattern(scatteringPattern(props, where));
          default:
            return visualMaterial(name, props, where);
        }
      } catch (RadioTwinException e) {
        if (e.getSpecifier() == RadioTwinMessages.MALFORMED_FILE) {
          throw e;
        }
        // Parameter validation (negative thickness, coefficient > 1, …) reported with the file.
        throw new RadioTwinException(
            e, RadioTwinMessages.MALFORMED_FILE, source, where, e.getMessage());
      }
    }

    /**
     * The diffuse scattering pattern: {@code <string name="scattering_pattern"
     * value="lambertian|directive|backscattering"/>} with the floats {@code alpha_r}, {@code
     * alpha_i} and {@code lambda} (the arguments of Sionna RT's pattern classes); Lambertian when
     * absent.
     */
    private ScatteringPattern scatteringPattern(Map<String, Element> props, String where) {
      Element p = props.get("scattering_pattern");
      if (p == null) {
        return ScatteringPattern.LAMBERTIAN;
      }
      if (!"string".equals(p.getTagName())) {
        throw malformed(where, "property 'scattering_pattern' must be a <string>");
      }
      String kind = required(p, "value", where).trim().toLowerCase(Locale.ROOT);
      String spec =
          switch (kind) {
            case "lambertian" -> kind;
            case "directive" -> kind + ":" + exponent(props, "alpha_r", where);
            case "backscattering" ->
                kind
                    + ":"
                    + exponent(props, "alpha_r", where)
                    + ","
                    + exponent(props, "alpha_i", where)
                    + ","
                    + floatProperty(props, "lambda", 1, where);
            default ->
                throw malformed(
                    where,
                    "scattering_pattern '"
                        + kind
                        + "' is not lambertian, directive or backscattering");
          };
      return ScatteringPattern.parse(spec);
    }

    private String exponent(Map<String, Element> props, String name, String where) {
      double v = floatProperty(props, name, 1, where);
      if (v != Math.rint(v)) {
        throw malformed(where, "property '" + name + "' must be an integer, got " + v);
      }
      return Long.toString((long) v);
    }

    /** Sionna's process_xml() mapping of a visual BSDF to a radio material. */
    private RadioMaterial visualMaterial(String name, Map<String, Element> props, String where) {
      String n = name.startsWith("mat-") ? name.substring(4) : name;
      if (!n.startsWith("itu_")) {
        return RadioMaterial.vacuum(name);
      }
      String typeName = n.substring(4);
      Element t = props.get("type");
      if (t != null && "string".equals(t.getTagName())) {
        typeName = required(t, "value", where);
      }
      return RadioMaterial.itu(
          name, ituType(typeName, where), floatProperty(props, "thickness", 0.1, where));
    }

    private ItuMaterialType ituType(String typeName, String where) {
      ItuMaterialType t = ItuMaterialType.find(typeName);
      if (t == null) {
        throw malformed(
            where,
            "unknown ITU material type '"
                + PlyReader.abbreviate(typeName)
                + "' (known: "
                + Stream.of(ItuMaterialType.values())
                    .map(ItuMaterialType::sionnaName)
                    .collect(Collectors.joining(", "))
                + ")");
      }
      return t;
    }

    // -------------------------------------------------------------- shapes

    private String shapeLabel(Element shape) {
      String id = attr(shape, "id");
      return id != null
          ? "shape '" + PlyReader.abbreviate(id) + "'"
          : "shape without id (type '" + PlyReader.abbreviate(shape.getAttribute("type")) + "')";
    }

    private SceneObject shape(Element shape) {
      String where = shapeLabel(shape);
      String type = attr(shape, "type");
      if (!"ply".equals(type)) {
        throw malformed(
            where,
            type == null
                ? "shape has no type"
                : "unsupported shape type '"
                    + PlyReader.abbreviate(type)
                    + "' (only 'ply' meshes are supported)");
      }
      String filename = null;
      RadioMaterial material = null;
      Transform toWorld = Transform.IDENTITY;
      boolean flip = false;
      boolean transformSeen = false;
      Element nested = null;
      for (Element c : children(shape)) {
        String name = attr(c, "name");
        switch (c.getTagName()) {
          case "string":
            if ("filename".equals(name)) {
              if (filename != null) {
                throw malformed(where, "filename given twice");
              }
              filename = required(c, "value", where);
            }
            break;
          case "boolean":
            if ("flip_normals".equals(name)) {
              flip = bool(required(c, "value", where), where);
            }
            break;
          case "ref":
            {
              String id = required(c, "id", where);
              if (name != null && !"bsdf".equals(name)) {
                break; // a reference to something other than a material
              }
              RadioMaterial m = bsdfs.get(id);
              if (m == null) {
                throw malformed(
                    where, "references unknown bsdf '" + PlyReader.abbreviate(id) + "'");
              }
              material = single(material, m, where);
              break;
            }
          case "bsdf":
            if (nested != null || material != null) {
              throw malformed(where, "only one bsdf can be assigned to a shape");
            }
            nested = c;
            break;
          case "transform":
            if (!"to_world".equals(name)) {
              throw malformed(
                  where,
                  "unsupported transform name '"
                      + PlyReader.abbreviate(String.valueOf(name))
                      + "' (expected to_world)");
            }
            if (transformSeen) {
              throw malformed(where, "to_world given twice");
            }
            transformSeen = true;
            toWorld = transform(c, where);
            break;
          default:
            break; // face_normals, emitters and other rendering properties
        }
      }
      if (filename == null) {
        throw malformed(where, "ply shape has no <string name=\"filename\">");
      }
      String objectName = objectName(shape, filename);
      if (objectName.isBlank()) {
        throw malformed(where, "object name is empty");
      }
      if (nested != null) {
        // Named by its id like a top-level bsdf, or after the object when it has none.
        String id = attr(nested, "id");
        boolean hasId = id != null && !id.isBlank();
        RadioMaterial m = material(nested, hasId ? id : "mat-" + objectName);
        if (hasId) {
          addBsdf(id, m);
        }
        material = single(material, m, where);
      }
      if (material == null) {
        throw malformed(where, "shape has no material (<ref id=…/> or nested <bsdf>)");
      }
      TriangleMesh mesh = mesh(filename, where);
      if (flip) {
        int[] idx = mesh.copyIndices();
        for (int t = 0; t < idx.length; t += 3) {
          int tmp = idx[t + 1];
          idx[t + 1] = idx[t + 2];
          idx[t + 2] = tmp;
        }
        mesh = new TriangleMesh(mesh.copyVertices(), idx);
      }
      try {
        mesh = mesh.transformed(toWorld);
        return new SceneObject(objectName, mesh, material);
      } catch (RadioTwinException e) {
        throw new RadioTwinException(
            e, RadioTwinMessages.MALFORMED_FILE, source, where, e.getMessage());
      }
    }

    private RadioMaterial single(RadioMaterial previous, RadioMaterial m, String where) {
      if (previous != null) {
        throw malformed(where, "only one bsdf can be assigned to a shape");
      }
      return m;
    }

    private String objectName(Element shape, String filename) {
      String id = attr(shape, "id");
      if (id != null) {
        return id.startsWith("mesh-") ? id.substring(5) : id;
      }
      String f = filename.replace('\\', '/');
      f = f.substring(f.lastIndexOf('/') + 1);
      int dot = f.lastIndexOf('.');
      return dot > 0 ? f.substring(0, dot) : f;
    }

    private boolean bool(String v, String where) {
      switch (v.strip().toLowerCase(Locale.ROOT)) {
        case "true":
          return true;
        case "false":
          return false;
        default:
          throw malformed(where, "'" + PlyReader.abbreviate(v) + "' is not a boolean");
      }
    }

    /** A mesh file, read once per scene however many shapes use it (meshes are immutable). */
    private TriangleMesh mesh(String reference, String where) {
      TriangleMesh cached = meshes.get(reference);
      if (cached != null) {
        return cached;
      }
      InputStream in;
      try {
        in = folder.open(reference);
      } catch (RadioTwinException e) {
        String ref = PlyReader.abbreviate(reference);
        if (e.getSpecifier() == RadioTwinMessages.PATH_OUTSIDE_SCENE) {
          throw new RadioTwinException(e, RadioTwinMessages.PATH_OUTSIDE_SCENE, source, reference);
        }
        if (e.getSpecifier() == RadioTwinMessages.MALFORMED_FILE) {
          throw new RadioTwinException(
              e,
              RadioTwinMessages.MALFORMED_FILE,
              source,
              where,
              "bad mesh file reference '" + ref + "': " + e.getMessage());
        }
        throw new RadioTwinException(
            e,
            RadioTwinMessages.CANNOT_READ_FILE,
            source,
            where + ": mesh file '" + ref + "': " + e.getMessage());
      }
      TriangleMesh mesh;
      try (in) {
        mesh = PlyReader.read(in, folder.describe(reference));
      } catch (IOException e) {
        throw new RadioTwinException(
            e,
            RadioTwinMessages.CANNOT_READ_FILE,
            folder.describe(reference),
            PlyReader.describe(e));
      }
      meshes.put(reference, mesh);
      return mesh;
    }

    // -------------------------------------------------------------- transforms

    private Transform transform(Element t, String shape) {
      Transform m = Transform.IDENTITY;
      for (Element op : children(t)) {
        String where = shape + ", <" + PlyReader.abbreviate(op.getTagName()) + ">";
        Transform step;
        switch (op.getTagName()) {
          case "translate":
            step = Transform.translation(vector(op, 0, where));
            break;
          case "scale":
            {
              String value = attr(op, "value");
              if (value != null) {
                double[] v = numbers(value, where, "scale");
                if (v.length == 1) {
                  step = Transform.scaling(new Vec3(v[0], v[0], v[0]));
                } else if (v.length == 3) {
                  step = Transform.scaling(new Vec3(v[0], v[1], v[2]));
                } else {
                  throw malformed(where, "scale value needs 1 or 3 numbers, got " + v.length);
                }
              } else {
                step = Transform.scaling(vector(op, 1, where));
              }
              break;
            }
          case "rotate":
            {
              String axisText = attr(op, "axis");
              Vec3 axis;
              if (axisText != null) {
                double[] a = numbers(axisText, where, "axis");
                if (a.length != 3) {
                  throw malformed(where, "rotation axis needs 3 numbers, got " + a.length);
                }
                axis = new Vec3(a[0], a[1], a[2]);
              } else {
                axis = vector(op, 0, where);
              }
              double angle = number(required(op, "angle", where), where, "angle");
              if (axis.x() == 0 && axis.y() == 0 && axis.z() == 0) {
                throw malformed(where, "rotation axis is the zero vector");
              }
              try {
                step = Transform.rotation(axis, Math.toRadians(angle));
              } catch (RadioTwinException e) {
                throw new RadioTwinException(
                    e, RadioTwinMessages.MALFORMED_FILE, source, where, e.getMessage());
              }
              break;
            }
          case "matrix":
            {
              double[] v = numbers(required(op, "value", where), where, "matrix");
              if (v.length == 9) {
                v = new double[] {v[0], v[1], v[2], 0, v[3], v[4], v[5], 0, v[6], v[7], v[8], 0};
              } else if (v.length != 16) {
                throw malformed(where, "matrix needs 16 (or 9) numbers, got " + v.length);
              }
              try {
                step = Transform.ofRowMajor(v);
              } catch (RadioTwinException e) {
                throw new RadioTwinException(
                    e, RadioTwinMessages.MALFORMED_FILE, source, where, e.getMessage());
              }
              break;
            }
          default:
            throw malformed(
                where, "unsupported transform operation (use matrix, translate, rotate, scale)");
        }
        try {
          m = m.then(step);
        } catch (RadioTwinException e) {
          throw new RadioTwinException(
              e, RadioTwinMessages.MALFORMED_FILE, source, where, e.getMessage());
        }
      }
      return m;
    }

    /** A vector from value="x y z" or x=, y=, z= attributes (missing ones take {@code fill}). */
    private Vec3 vector(Element op, double fill, String where) {
      String value = attr(op, "value");
      if (value != null) {
        double[] v = numbers(value, where, "value");
        if (v.length != 3) {
          throw malformed(where, "value needs 3 numbers, got " + v.length);
        }
        return new Vec3(v[0], v[1], v[2]);
      }
      double[] c = {fill, fill, fill};
      String[] names = {"x", "y", "z"};
      for (int i = 0; i < 3; i++) {
        String a = attr(op, names[i]);
        if (a != null) {
          c[i] = number(a, where, names[i]);
        }
      }
      return new Vec3(c[0], c[1], c[2]);
    }
  }
}
