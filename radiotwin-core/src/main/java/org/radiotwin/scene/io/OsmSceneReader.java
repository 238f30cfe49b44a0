package org.radiotwin.scene.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.triangulate.polygon.ConstrainedDelaunayTriangulator;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

/**
 * Reads OpenStreetMap XML (the {@code .osm} format of the OSM API and of JOSM/Overpass exports)
 * into a scene of extruded buildings on a flat ground.
 *
 * <p><b>What becomes a building.</b> A closed way ({@code first ref == last ref}, at least three
 * distinct nodes) with a {@code building} tag of any value but {@code no}; and a relation tagged
 * {@code type=multipolygon} and {@code building}, whose {@code outer} (or role-less) member ways
 * are joined end to end into the outer rings and whose {@code inner} member ways into the holes.
 * Heights come from the building's own tags (a relation's tags, not its members'). Nodes' tags,
 * {@code building:part} and other features are ignored. Data problems that concern one building (an
 * unclosed outline, a reference to a node or way missing from the extract, an unusable height tag)
 * skip that building or that tag with a logged warning naming the OSM element; only an unreadable
 * file or a malformed node, way or relation raises an exception.
 *
 * <p><b>Heights</b> (flat roofs, m above the local ground z = 0). Top: the {@code height} tag
 * ({@code 12}, {@code 12 m}, {@code 12.5m}, {@code 40'}, {@code 40 ft}, {@code 12'6"}), else {@code
 * building:levels} × {@link OsmImportOptions#metresPerLevel()}, else {@link
 * OsmImportOptions#defaultHeight()}. {@code roof:levels} is ignored: the roof is modelled flat at
 * the top. Base: {@code min_height}, else {@code building:min_level} × metres per level, else 0.
 *
 * <p><b>Geometry.</b> Nodes are projected with a {@link LocalTangentProjection} (x east, y north;
 * by default centred on the lat/lon bounding box of all nodes of the file). Each footprint is made
 * valid with JTS's {@link GeometryFixer}, then oriented with outer rings counter-clockwise and
 * holes clockwise seen from above, so that the building material is always on the left of a ring's
 * direction of travel. Walls are one quad (two triangles) per ring edge from base to top, wound so
 * that their normal, (Δy, −Δx)/|Δ|, points to the right of the ring, away from the material: out of
 * the building for outer rings, into the courtyard for holes. Roofs are the footprint triangulated
 * by JTS's {@link ConstrainedDelaunayTriangulator} (holes included) at the top height, normals up.
 * There is no floor.
 *
 * <p><b>Objects.</b> A building becomes one object {@code building-<way id>} (relations: {@code
 * building-r<relation id>}, since way and relation ids are separate number spaces), or two, {@code
 * …-wall} and {@code …-roof}, when the wall and roof materials differ. With {@link
 * OsmImportOptions#groundPlane()}, a last object {@code ground}: a rectangle at z = 0 (two
 * triangles, normal up) covering the buildings' horizontal extent plus the ground margin.
 *
 * <p>The XML parser comes from {@link SecureXml#inputFactory()}; a document type declaration is
 * refused, which rules out XXE and entity-expansion ("billion laughs") attacks.
 */
public final class OsmSceneReader {

  private static final System.Logger LOG = System.getLogger(OsmSceneReader.class.getName());

  /** A plain decimal number, as OSM writes coordinates and tag values. */
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  /** A length with an optional unit: metres by default, or feet. */
  private static final Pattern LENGTH =
      Pattern.compile(
          "(\\d+\\.?\\d*|\\.\\d+)\\s*(m|metres|meters|'|ft|feet)?", Pattern.CASE_INSENSITIVE);

  /** Feet and inches, as in {@code 12'6"}. */
  private static final Pattern FEET_INCHES = Pattern.compile("(\\d+)'\\s*(\\d+\\.?\\d*)\"");

  /** International foot [m]. */
  private static final double METRES_PER_FOOT = 0.3048;

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private OsmSceneReader() {}

  /**
   * Reads an OSM XML file.
   *
   * @param osmFile the {@code .osm} file
   * @param options import options
   * @return the scene: building objects in file order (ways, then relations), then the ground
   * @throws RadioTwinException if the file cannot be read, declares a DTD, is not well-formed XML
   *     or holds a node, way or relation with a malformed id, reference or coordinate
   */
  public static Scene read(Path osmFile, OsmImportOptions options) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(osmFile))) {
      return read(in, osmFile.toString(), options);
    } catch (IOException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, osmFile, String.valueOf(e.getMessage()));
    }
  }

  /**
   * Reads OSM XML from a stream (not closed here).
   *
   * @param in the XML
   * @param sourceName name of the source, used in messages
   * @param options import options
   * @return the scene: building objects in file order (ways, then relations), then the ground
   * @throws RadioTwinException if the XML declares a DTD, is not well-formed or holds a node, way
   *     or relation with a malformed id, reference or coordinate
   */
  public static Scene read(InputStream in, String sourceName, OsmImportOptions options) {
    OsmData data = new OsmParser(sourceName).parse(in);
    if (data.nodes.isEmpty()) {
      LOG.log(System.Logger.Level.WARNING, "{0}: no nodes, empty scene", sourceName);
      return Scene.empty();
    }
    LocalTangentProjection projection =
        options.projection() != null
            ? options.projection()
            : new LocalTangentProjection(
                0.5 * (data.minLat + data.maxLat), 0.5 * (data.minLon + data.maxLon));
    return new SceneAssembler(sourceName, data, projection, options).assemble();
  }

  // ------------------------------------------------------------------ parsed data

  private record LatLon(double lat, double lon) {}

  private record Way(long id, long[] refs, Map<String, String> tags) {}

  private record Member(String type, long ref, String role) {}

  private record Relation(long id, List<Member> members, Map<String, String> tags) {}

  /** Everything the scene needs from the file, in file order. */
  private static final class OsmData {
    final Map<Long, LatLon> nodes = new HashMap<>();
    final Map<Long, Way> ways = new LinkedHashMap<>();
    final Map<Long, Relation> relations = new LinkedHashMap<>();
    double minLat = Double.POSITIVE_INFINITY;
    double maxLat = Double.NEGATIVE_INFINITY;
    double minLon = Double.POSITIVE_INFINITY;
    double maxLon = Double.NEGATIVE_INFINITY;
  }

  // ------------------------------------------------------------------ streaming parser

  /** One pass of StAX events; keeps nodes, ways (refs and tags) and relations. */
  private static final class OsmParser {
    private final String source;
    private XMLStreamReader xml;
    private String kind;
    private long id;
    private String idText;
    private final List<Long> refs = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private Map<String, String> tags = new HashMap<>();

    OsmParser(String source) {
      this.source = source;
    }

    OsmData parse(InputStream in) {
      OsmData data = new OsmData();
      try {
        xml = SecureXml.inputFactory().createXMLStreamReader(in);
        try {
          boolean root = true;
          while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
              throw malformed(
                  "DOCTYPE at " + line(), "document type declarations are refused (untrusted XML)");
            } else if (event == XMLStreamConstants.START_ELEMENT) {
              if (root && !"osm".equals(xml.getLocalName())) {
                throw malformed("<" + xml.getLocalName() + ">", "root element is not <osm>");
              }
              root = false;
              start(data);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
              end(data);
            }
          }
        } finally {
          xml.close();
        }
      } catch (XMLStreamException e) {
        Location at = e.getLocation();
        String where =
            at == null ? "XML" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber();
        String why = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        throw new RadioTwinException(e, RadioTwinMessages.MALFORMED_FILE, source, where, why);
      }
      return data;
    }

    private void start(OsmData data) {
      switch (xml.getLocalName()) {
        case "node" -> {
          begin("node");
          double lat = coordinate("lat", 90);
          double lon = coordinate("lon", 180);
          data.nodes.put(id, new LatLon(lat, lon));
          data.minLat = Math.min(data.minLat, lat);
          data.maxLat = Math.max(data.maxLat, lat);
          data.minLon = Math.min(data.minLon, lon);
          data.maxLon = Math.max(data.maxLon, lon);
        }
        case "way", "relation" -> begin(xml.getLocalName());
        case "nd" -> {
          if ("way".equals(kind)) {
            refs.add(longAttribute("ref"));
          }
        }
        case "member" -> {
          if ("relation".equals(kind)) {
            String type = String.valueOf(xml.getAttributeValue(null, "type"));
            String role = xml.getAttributeValue(null, "role");
            members.add(new Member(type, longAttribute("ref"), role == null ? "" : role));
          }
        }
        case "tag" -> {
          String k = xml.getAttributeValue(null, "k");
          String v = xml.getAttributeValue(null, "v");
          if (kind != null && k != null && v != null) {
            tags.put(k, v);
          }
        }
        default -> {
          // <osm>, <bounds>, <note>, <meta>, ...: nothing to keep
        }
      }
    }

    private void begin(String elementKind) {
      kind = elementKind;
      idText = xml.getAttributeValue(null, "id");
      id = longAttribute("id");
      refs.clear();
      members.clear();
      tags = new HashMap<>();
    }

    private void end(OsmData data) {
      String name = xml.getLocalName();
      if (!name.equals(kind)) {
        return;
      }
      if ("way".equals(kind)) {
        long[] r = refs.stream().mapToLong(Long::longValue).toArray();
        data.ways.put(id, new Way(id, r, Map.copyOf(tags)));
      } else if ("relation".equals(kind)) {
        data.relations.put(id, new Relation(id, List.copyOf(members), Map.copyOf(tags)));
      }
      kind = null;
    }

    private String element() {
      return kind + (idText != null ? " " + idText.trim() : "") + " (line " + line() + ")";
    }

    private int line() {
      return xml.getLocation().getLineNumber();
    }

    private String attribute(String name) {
      String v = xml.getAttributeValue(null, name);
      if (v == null) {
        throw malformed(element(), "missing attribute '" + name + "'");
      }
      return v;
    }

    private long longAttribute(String name) {
      String v = attribute(name).trim();
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw malformed(element(), name + " '" + v + "' is not an integer");
      }
    }

    private double coordinate(String name, double limit) {
      String v = attribute(name).trim();
      if (!DECIMAL.matcher(v).matches()) {
        throw malformed(element(), name + " '" + v + "' is not a number");
      }
      double d = Double.parseDouble(v);
      if (!(Math.abs(d) <= limit)) {
        throw malformed(element(), name + " " + v + " is outside [-" + limit + ", " + limit + "]");
      }
      return d;
    }

    private RadioTwinException malformed(String where, String why) {
      return new RadioTwinException(RadioTwinMessages.MALFORMED_FILE, source, where, why);
    }
  }

  // ------------------------------------------------------------------ geometry

  /** Turns parsed buildings into scene objects. */
  private static final class SceneAssembler {
    private final String source;
    private final OsmData data;
    private final LocalTangentProjection projection;
    private final OsmImportOptions options;
    private final List<SceneObject> objects = new ArrayList<>();
    private final Envelope extent = new Envelope();
    private final double[] xy = new double[2];
    private int skipped;

    SceneAssembler(
        String source, OsmData data, LocalTangentProjection projection, OsmImportOptions options) {
      this.source = source;
      this.data = data;
      this.projection = projection;
      this.options = options;
    }

    Scene assemble() {
      for (Way w : data.ways.values()) {
        if (isBuilding(w.tags())) {
          String what = "way " + w.id();
          add("building-" + w.id(), what, wayFootprint(w, what), w.tags());
        }
      }
      for (Relation r : data.relations.values()) {
        if (isBuilding(r.tags()) && "multipolygon".equals(r.tags().get("type"))) {
          String what = "relation " + r.id();
          add("building-r" + r.id(), what, relationFootprint(r, what), r.tags());
        }
      }
      int buildings = objects.size();
      if (options.groundPlane()) {
        if (extent.isNull()) {
          LOG.log(System.Logger.Level.WARNING, "{0}: no buildings, no ground added", source);
        } else {
          objects.add(ground());
        }
      }
      LOG.log(
          System.Logger.Level.INFO,
          "{0}: {1} building objects, {2} buildings skipped, projection {3}",
          source,
          buildings,
          skipped,
          projection);
      return Scene.of(objects);
    }

    private static boolean isBuilding(Map<String, String> tags) {
      String b = tags.get("building");
      return b != null && !"no".equalsIgnoreCase(b.trim());
    }

    private void skip(String what, String why) {
      skipped++;
      LOG.log(System.Logger.Level.WARNING, "{0}: building {1} skipped: {2}", source, what, why);
    }

    private Geometry wayFootprint(Way w, String what) {
      long[] refs = w.refs();
      if (refs.length < 2 || refs[0] != refs[refs.length - 1]) {
        skip(what, "outline is not closed");
        return null;
      }
      return ringPolygon(refs, what);
    }

    private Geometry relationFootprint(Relation r, String what) {
      List<long[]> outer = new ArrayList<>();
      List<long[]> inner = new ArrayList<>();
      for (Member m : r.members()) {
        boolean isInner = "inner".equals(m.role());
        if (!"way".equals(m.type())
            || !(isInner || "outer".equals(m.role()) || m.role().isEmpty())) {
          continue;
        }
        Way w = data.ways.get(m.ref());
        if (w == null) {
          skip(what, "member way " + m.ref() + " is not in the file");
          return null;
        }
        (isInner ? inner : outer).add(w.refs());
      }
      List<long[]> outerRings = assembleRings(outer);
      List<long[]> innerRings = assembleRings(inner);
      if (outer.isEmpty() || outerRings == null || innerRings == null) {
        skip(what, outer.isEmpty() ? "no outer way" : "member ways do not join into closed rings");
        return null;
      }
      Geometry shells = union(outerRings, what);
      Geometry holes = union(innerRings, what);
      if (shells == null || holes == null) {
        return null;
      }
      return OverlayNGRobust.overlay(shells, holes, OverlayNG.DIFFERENCE);
    }

    /**
     * Joins ways end to end (reversing some if needed) into closed rings; null if one stays open.
     */
    private static List<long[]> assembleRings(List<long[]> pieces) {
      List<long[]> rings = new ArrayList<>();
      boolean[] used = new boolean[pieces.size()];
      for (int i = 0; i < pieces.size(); i++) {
        if (used[i]) {
          continue;
        }
        used[i] = true;
        List<Long> ring = new ArrayList<>();
        append(ring, pieces.get(i), false);
        while (ring.isEmpty() || !ring.get(0).equals(ring.get(ring.size() - 1))) {
          int next = -1;
          boolean reversed = false;
          long end = ring.isEmpty() ? Long.MIN_VALUE : ring.get(ring.size() - 1);
          for (int j = 0; j < pieces.size() && next < 0; j++) {
            long[] p = pieces.get(j);
            if (!used[j] && p.length > 0 && (p[0] == end || p[p.length - 1] == end)) {
              next = j;
              reversed = p[0] != end;
            }
          }
          if (next < 0) {
            return null;
          }
          used[next] = true;
          append(ring, pieces.get(next), reversed);
          ring.remove(ring.size() - pieces.get(next).length); // the shared end node, once
        }
        rings.add(ring.stream().mapToLong(Long::longValue).toArray());
      }
      return rings;
    }

    private static void append(List<Long> ring, long[] piece, boolean reversed) {
      for (int k = 0; k < piece.length; k++) {
        ring.add(piece[reversed ? piece.length - 1 - k : k]);
      }
    }

    private Geometry union(List<long[]> rings, String what) {
      List<Geometry> parts = new ArrayList<>();
      for (long[] ring : rings) {
        Geometry g = ringPolygon(ring, what);
        if (g == null) {
          return null;
        }
        parts.add(g);
      }
      return parts.isEmpty() ? GEOMETRY.createPolygon() : OverlayNGRobust.union(parts);
    }

    /** The valid polygon(s) enclosed by a closed ring of node ids; null (skipped) if unusable. */
    private Geometry ringPolygon(long[] ring, String what) {
      if (ring.length < 4) {
        skip(what, "an outline has fewer than 3 distinct nodes");
        return null;
      }
      Coordinate[] c = new Coordinate[ring.length];
      for (int i = 0; i < ring.length; i++) {
        LatLon p = data.nodes.get(ring[i]);
        if (p == null) {
          skip(what, "node " + ring[i] + " is not in the file");
          return null;
        }
        projection.forward(p.lat(), p.lon(), xy, 0);
        c[i] = new Coordinate(xy[0], xy[1]);
      }
      return GeometryFixer.fix(GEOMETRY.createPolygon(c));
    }

    private void add(String name, String what, Geometry footprint, Map<String, String> tags) {
      if (footprint == null) {
        return;
      }
      List<Polygon> polygons = new ArrayList<>();
      for (int i = 0; i < footprint.getNumGeometries(); i++) {
        if (footprint.getGeometryN(i) instanceof Polygon p && p.getArea() > 0) {
          polygons.add(p);
        }
      }
      if (polygons.isEmpty()) {
        skip(what, "footprint has no area");
        return;
      }
      double top = top(tags, what);
      double base = base(tags, what);
      if (!(top > base)) {
        skip(what, "base " + base + " m is not below top " + top + " m");
        return;
      }
      TriangleMesh walls = walls(polygons, base, top);
      TriangleMesh roof = roof(polygons, top);
      if (options.wallMaterial().equals(options.roofMaterial())) {
        objects.add(
            new SceneObject(name, TriangleMesh.concat(walls, roof), options.wallMaterial()));
      } else {
        objects.add(new SceneObject(name + "-wall", walls, options.wallMaterial()));
        objects.add(new SceneObject(name + "-roof", roof, options.roofMaterial()));
      }
      extent.expandToInclude(footprint.getEnvelopeInternal());
    }

    private double top(Map<String, String> tags, String what) {
      double h = tagValue(tags, "height", what, true);
      if (!Double.isNaN(h)) {
        return h;
      }
      double levels = tagValue(tags, "building:levels", what, false);
      return Double.isNaN(levels) ? options.defaultHeight() : levels * options.metresPerLevel();
    }

    private double base(Map<String, String> tags, String what) {
      double h = tagValue(tags, "min_height", what, true);
      if (!Double.isNaN(h)) {
        return h;
      }
      double levels = tagValue(tags, "building:min_level", what, false);
      return Double.isNaN(levels) ? 0 : levels * options.metresPerLevel();
    }

    /** A non-negative tag value (NaN when absent or unusable, with a warning for the latter). */
    private double tagValue(Map<String, String> tags, String key, String what, boolean length) {
      String v = tags.get(key);
      if (v == null) {
        return Double.NaN;
      }
      double d = length ? parseLength(v) : parseDecimal(v);
      if (Double.isNaN(d)) {
        LOG.log(
            System.Logger.Level.WARNING,
            "{0}: {1}: tag {2}=''{3}'' is not usable, ignored",
            source,
            what,
            key,
            v);
      }
      return d;
    }

    private static TriangleMesh walls(List<Polygon> polygons, double base, double top) {
      int points = 0;
      for (Polygon p : polygons) {
        points += p.getNumPoints() - 1 - p.getNumInteriorRing();
      }
      double[] v = new double[6 * points];
      int[] idx = new int[6 * points];
      int nv = 0;
      int ni = 0;
      for (Polygon p : polygons) {
        for (int r = -1; r < p.getNumInteriorRing(); r++) {
          LinearRing ring = r < 0 ? p.getExteriorRing() : p.getInteriorRingN(r);
          Coordinate[] c = ring.getCoordinates();
          // Material on the left of the direction of travel: shell CCW, holes CW.
          if (Orientation.isCCW(c) != (r < 0)) {
            c = c.clone();
            for (int i = 0, j = c.length - 1; i < j; i++, j--) {
              Coordinate t = c[i];
              c[i] = c[j];
              c[j] = t;
            }
          }
          int n = c.length - 1;
          int first = nv;
          for (int k = 0; k < n; k++) {
            // Vertex first + 2k at the base, first + 2k + 1 at the top of ring point k.
            v[3 * nv] = c[k].x;
            v[3 * nv + 1] = c[k].y;
            v[3 * nv + 2] = base;
            v[3 * nv + 3] = c[k].x;
            v[3 * nv + 4] = c[k].y;
            v[3 * nv + 5] = top;
            nv += 2;
          }
          for (int k = 0; k < n; k++) {
            if (c[k].equals2D(c[k + 1])) {
              continue;
            }
            int a = first + 2 * k;
            int b = first + 2 * ((k + 1) % n);
            // (a, b, b_top) and (a, b_top, a_top): normal (Δy, −Δx, 0), right of travel.
            idx[ni++] = a;
            idx[ni++] = b;
            idx[ni++] = b + 1;
            idx[ni++] = a;
            idx[ni++] = b + 1;
            idx[ni++] = a + 1;
          }
        }
      }
      return new TriangleMesh(v, Arrays.copyOf(idx, ni));
    }

    private static TriangleMesh roof(List<Polygon> polygons, double top) {
      Geometry triangles =
          ConstrainedDelaunayTriangulator.triangulate(
              GEOMETRY.createMultiPolygon(polygons.toArray(new Polygon[0])));
      int nt = triangles.getNumGeometries();
      double[] v = new double[9 * nt];
      int[] idx = new int[3 * nt];
      int count = 0;
      for (int t = 0; t < nt; t++) {
        Coordinate[] c = triangles.getGeometryN(t).getCoordinates();
        int turn = Orientation.index(c[0], c[1], c[2]);
        if (turn == Orientation.COLLINEAR) {
          continue;
        }
        // Counter-clockwise seen from above, so the normal points up.
        Coordinate[] ccw =
            turn == Orientation.COUNTERCLOCKWISE ? c : new Coordinate[] {c[0], c[2], c[1]};
        for (int k = 0; k < 3; k++) {
          int i = 3 * count + k;
          v[3 * i] = ccw[k].x;
          v[3 * i + 1] = ccw[k].y;
          v[3 * i + 2] = top;
          idx[i] = i;
        }
        count++;
      }
      return new TriangleMesh(Arrays.copyOf(v, 9 * count), Arrays.copyOf(idx, 3 * count));
    }

    private SceneObject ground() {
      double m = options.groundMargin();
      double x0 = extent.getMinX() - m;
      double x1 = extent.getMaxX() + m;
      double y0 = extent.getMinY() - m;
      double y1 = extent.getMaxY() + m;
      TriangleMesh mesh =
          new TriangleMesh(
              new double[] {x0, y0, 0, x1, y0, 0, x1, y1, 0, x0, y1, 0},
              new int[] {0, 1, 2, 0, 2, 3});
      return new SceneObject("ground", mesh, options.groundMaterial());
    }
  }

  // ------------------------------------------------------------------ tag values

  /**
   * Parses an OSM length tag ({@code height}, {@code min_height}): a non-negative number in metres
   * with an optional unit {@code m}, or in feet with {@code '}, {@code ft} or {@code feet}, or feet
   * and inches {@code 12'6"}.
   *
   * @param value tag value
   * @return the length [m], or NaN if the value is not such a length
   */
  static double parseLength(String value) {
    String v = value.trim();
    Matcher fi = FEET_INCHES.matcher(v);
    if (fi.matches()) {
      return (Double.parseDouble(fi.group(1)) + Double.parseDouble(fi.group(2)) / 12)
          * METRES_PER_FOOT;
    }
    Matcher m = LENGTH.matcher(v);
    if (!m.matches()) {
      return Double.NaN;
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "m" : m.group(2).toLowerCase(Locale.ROOT);
    return unit.startsWith("m") ? number : number * METRES_PER_FOOT;
  }

  /**
   * Parses a non-negative decimal tag value ({@code building:levels}).
   *
   * @param value tag value
   * @return the number, or NaN if the value is not a non-negative decimal
   */
  static double parseDecimal(String value) {
    String v = value.trim();
    if (!DECIMAL.matcher(v).matches()) {
      return Double.NaN;
    }
    double d = Double.parseDouble(v);
    return d >= 0 && Double.isFinite(d) ? d : Double.NaN;
  }
}
