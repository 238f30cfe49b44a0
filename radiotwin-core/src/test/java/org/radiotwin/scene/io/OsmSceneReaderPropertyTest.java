package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.OsmTestSupport.Doc;

/**
 * Invariants of the extrusion on random convex footprints: the roof covers exactly the footprint
 * (area by the shoelace formula on the intended metric vertices), there are two wall triangles per
 * edge, all walls span base to top, and walls face outwards.
 */
class OsmSceneReaderPropertyTest {

  private static final OsmImportOptions OPTIONS =
      OsmImportOptions.defaults().withOrigin(OsmTestSupport.LAT0, OsmTestSupport.LON0);

  /** Shoelace area of a simple polygon given as x[], y[] (either orientation). */
  private static double shoelace(double[] x, double[] y) {
    double twice = 0;
    for (int i = 0; i < x.length; i++) {
      int j = (i + 1) % x.length;
      twice += x[i] * y[j] - x[j] * y[i];
    }
    return Math.abs(twice) / 2;
  }

  private static void check(
      double[] x, double[] y, boolean clockwise, double height, double centreX, double centreY) {
    int n = x.length;
    Doc doc = new Doc();
    long[] refs = new long[n + 1];
    for (int i = 0; i < n; i++) {
      int k = clockwise ? n - 1 - i : i;
      doc.node(i + 1, x[k], y[k]);
      refs[i] = i + 1;
    }
    refs[n] = 1;
    Scene scene =
        doc.way(5, refs, "building", "yes", "height", Double.toString(height)).read(OPTIONS);
    TriangleMesh walls = scene.object("building-5-wall").mesh();
    TriangleMesh roof = scene.object("building-5-roof").mesh();
    double area = shoelace(x, y);
    assertThat(roof.totalArea()).isEqualTo(area, within(1e-6 * area + 1e-6));
    assertThat(roof.triangleCount()).isEqualTo(n - 2);
    assertThat(walls.triangleCount()).isEqualTo(2 * n);
    assertThat(walls.bounds().min().z()).isEqualTo(0.0);
    assertThat(walls.bounds().max().z()).isEqualTo(height);
    for (int t = 0; t < walls.triangleCount(); t++) {
      // For a convex footprint, outward means away from any interior point such as the centre.
      int v = walls.index(t, 0);
      double dx = walls.coordinate(v, 0) - centreX;
      double dy = walls.coordinate(v, 1) - centreY;
      assertThat(walls.normal(t).x() * dx + walls.normal(t).y() * dy).isPositive();
      assertThat(walls.normal(t).z()).isEqualTo(0.0, within(1e-12));
    }
    for (int t = 0; t < roof.triangleCount(); t++) {
      assertThat(roof.normal(t).z()).isEqualTo(1.0, within(1e-12));
    }
  }

  @Property(tries = 60)
  void convexFootprints(
      @ForAll @Size(min = 3, max = 12) Set<@IntRange(min = 0, max = 359) Integer> angles,
      @ForAll @DoubleRange(min = 5, max = 200) double radius,
      @ForAll @DoubleRange(min = -300, max = 300) double cx,
      @ForAll @DoubleRange(min = -300, max = 300) double cy,
      @ForAll @DoubleRange(min = 1, max = 100) double height,
      @ForAll boolean clockwise) {
    // Distinct whole-degree angles on a circle: a strictly convex polygon.
    List<Integer> sorted = List.copyOf(new TreeSet<>(angles));
    int n = sorted.size();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double a = Math.toRadians(sorted.get(i));
      x[i] = cx + radius * Math.cos(a);
      y[i] = cy + radius * Math.sin(a);
    }
    // Points within a half circle leave the centre outside: use the vertex centroid instead.
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    check(x, y, clockwise, height, mx, my);
  }

  @Property(tries = 60)
  void rotatedRectangles(
      @ForAll @DoubleRange(min = 1, max = 150) double width,
      @ForAll @DoubleRange(min = 1, max = 150) double depth,
      @ForAll @DoubleRange(min = 0, max = 180) double rotationDeg,
      @ForAll @DoubleRange(min = -500, max = 500) double cx,
      @ForAll @DoubleRange(min = -500, max = 500) double cy,
      @ForAll boolean clockwise) {
    double[] u = {-width / 2, width / 2, width / 2, -width / 2};
    double[] v = {-depth / 2, -depth / 2, depth / 2, depth / 2};
    double[] x = new double[4];
    double[] y = new double[4];
    double c = Math.cos(Math.toRadians(rotationDeg));
    double s = Math.sin(Math.toRadians(rotationDeg));
    for (int i = 0; i < 4; i++) {
      x[i] = cx + c * u[i] - s * v[i];
      y[i] = cy + s * u[i] + c * v[i];
    }
    check(x, y, clockwise, 12.0, cx, cy);
    assertThat(shoelace(x, y)).isEqualTo(width * depth, within(1e-9 * width * depth));
  }
}
