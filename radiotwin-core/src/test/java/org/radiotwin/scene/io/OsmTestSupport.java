package org.radiotwin.scene.io;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.scene.Scene;

/** Helpers shared by the OSM reader tests: metric OSM documents, roof footprints, captured logs. */
final class OsmTestSupport {

  /** Origin of the test extract and of the generated documents. */
  static final double LAT0 = 57.0;

  static final double LON0 = 9.9;

  static final LocalTangentProjection PROJECTION = new LocalTangentProjection(LAT0, LON0);

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private OsmTestSupport() {}

  /** Builds an OSM document from node positions given in the local frame [m]. */
  static final class Doc {
    private final StringBuilder nodes = new StringBuilder();
    private final StringBuilder rest = new StringBuilder();

    Doc node(long id, double x, double y) {
      double[] ll = new double[2];
      PROJECTION.inverse(x, y, ll, 0);
      nodes.append(
          String.format(
              Locale.ROOT,
              "  <node id=\"%d\" lat=\"%s\" lon=\"%s\"/>%n",
              id,
              Double.toString(ll[0]),
              Double.toString(ll[1])));
      return this;
    }

    Doc way(long id, long[] refs, String... tags) {
      rest.append("  <way id=\"").append(id).append("\">\n");
      for (long r : refs) {
        rest.append("    <nd ref=\"").append(r).append("\"/>\n");
      }
      tags(tags);
      rest.append("  </way>\n");
      return this;
    }

    /** Members as "type:ref:role" strings. */
    Doc relation(long id, String[] members, String... tags) {
      rest.append("  <relation id=\"").append(id).append("\">\n");
      for (String m : members) {
        String[] p = m.split(":", -1);
        rest.append(
            String.format("    <member type=\"%s\" ref=\"%s\" role=\"%s\"/>%n", p[0], p[1], p[2]));
      }
      tags(tags);
      rest.append("  </relation>\n");
      return this;
    }

    private void tags(String... kv) {
      for (int i = 0; i < kv.length; i += 2) {
        rest.append(String.format("    <tag k=\"%s\" v=\"%s\"/>%n", kv[i], kv[i + 1]));
      }
    }

    String xml() {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<osm version=\"0.6\">\n"
          + nodes
          + rest
          + "</osm>\n";
    }

    Scene read(OsmImportOptions options) {
      return OsmSceneReader.read(
          new ByteArrayInputStream(xml().getBytes(StandardCharsets.UTF_8)), "test.osm", options);
    }
  }

  /** The horizontal region covered by the triangles of a mesh (union of their xy projections). */
  static Geometry footprint(TriangleMesh mesh) {
    List<Geometry> triangles = new ArrayList<>();
    for (int t = 0; t < mesh.triangleCount(); t++) {
      Coordinate[] c = new Coordinate[4];
      for (int k = 0; k < 3; k++) {
        int v = mesh.index(t, k);
        c[k] = new Coordinate(mesh.coordinate(v, 0), mesh.coordinate(v, 1));
      }
      c[3] = c[0];
      triangles.add(GEOMETRY.createPolygon(c));
    }
    return OverlayNGRobust.union(triangles);
  }

  /** Captures the formatted messages of the reader's logger while open. */
  static final class CapturedLog extends Handler implements AutoCloseable {
    private final Logger logger = Logger.getLogger(OsmSceneReader.class.getName());
    private final List<String> warnings = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    CapturedLog() {
      logger.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
        warnings.add(formatter.formatMessage(record));
      }
    }

    synchronized List<String> warnings() {
      return List.copyOf(warnings);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }
}
