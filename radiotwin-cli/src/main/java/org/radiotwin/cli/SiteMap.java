package org.radiotwin.cli;

import java.awt.Color;
import java.util.Locale;
import org.radiotwin.geometry.BoundingBox;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.math.Vec3;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

/**
 * Top views of a site as SVG text: roofs of the buildings (upward-facing triangles above the
 * ground, shaded by height), the base station, and user positions either as plain markers or as
 * dots coloured by a value with a colour bar. SVG keeps the report self-contained and sharp at any
 * zoom.
 */
final class SiteMap {

  private static final double SCALE = 4.0; // pixels per metre
  private static final int MARGIN = 30;
  private static final int BAR = 90;

  private final Scene scene;
  private final double x0;
  private final double y0;
  private final double x1;
  private final double y1;
  private final StringBuilder body = new StringBuilder();
  private String legend = "";

  SiteMap(Scene scene) {
    this.scene = scene;
    BoundingBox b = scene.bounds();
    this.x0 = b.min().x();
    this.y0 = b.min().y();
    this.x1 = b.max().x();
    this.y1 = b.max().y();
    drawRoofs();
  }

  private double px(double x) {
    return MARGIN + (x - x0) * SCALE;
  }

  private double py(double y) {
    return MARGIN + (y1 - y) * SCALE;
  }

  private void drawRoofs() {
    double zTop = Math.max(1, scene.bounds().max().z());
    for (SceneObject o : scene.objects()) {
      TriangleMesh m = o.mesh();
      for (int t = 0; t < m.triangleCount(); t++) {
        Vec3 n = m.normal(t);
        Vec3 a = m.vertex(m.index(t, 0));
        Vec3 b = m.vertex(m.index(t, 1));
        Vec3 c = m.vertex(m.index(t, 2));
        double z = (a.z() + b.z() + c.z()) / 3;
        if (Math.abs(n.z()) < 0.5 || z < 0.5) {
          continue;
        }
        int grey = (int) Math.round(200 - 120 * Math.min(1, z / zTop));
        body.append(
            String.format(
                Locale.ROOT,
                "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"rgb(%d,%d,%d)\""
                    + " stroke=\"rgb(%d,%d,%d)\" stroke-width=\"0.5\"/>%n",
                px(a.x()),
                py(a.y()),
                px(b.x()),
                py(b.y()),
                px(c.x()),
                py(c.y()),
                grey,
                grey,
                grey,
                grey,
                grey,
                grey));
      }
    }
  }

  /** Draws user positions as small markers; the selected ones as larger filled circles. */
  SiteMap users(double[] packed, boolean[] highlighted, String colour) {
    for (int i = 0; i < packed.length / 3; i++) {
      boolean h = highlighted != null && highlighted[i];
      body.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"%.2f\"/>%n",
              px(packed[3 * i]),
              py(packed[3 * i + 1]),
              h ? 3.5 : 1.6,
              h ? colour : "#555",
              h ? 0.95 : 0.6));
    }
    return this;
  }

  /**
   * Draws one dot per position coloured by its value on a viridis scale (or a diverging
   * blue–white–red scale centred on 0 when {@code diverging}), with a colour bar.
   *
   * @param packed positions, x, y, z each [m]
   * @param values one value per position (non-finite: not drawn)
   * @param spacing spacing of the positions' grid [m] (sets the dot size)
   * @param unit colour-bar label
   * @param diverging centre the scale on 0
   * @return this
   */
  SiteMap values(double[] packed, double[] values, double spacing, String unit, boolean diverging) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    return values(packed, values, spacing, unit, diverging, lo, hi);
  }

  /**
   * Like {@link #values(double[], double[], double, String, boolean)} with a given colour range, so
   * that several maps share one scale.
   *
   * @param packed positions, x, y, z each [m]
   * @param values one value per position (non-finite: not drawn)
   * @param spacing spacing of the positions' grid [m]
   * @param unit colour-bar label
   * @param diverging centre the scale on 0 (then the range is ±max(|lo|, |hi|))
   * @param lo value at the bottom of the colour bar
   * @param hi value at the top of the colour bar
   * @return this
   */
  SiteMap values(
      double[] packed,
      double[] values,
      double spacing,
      String unit,
      boolean diverging,
      double lo,
      double hi) {
    if (diverging) {
      double m = Math.max(1e-9, Math.max(Math.abs(lo), Math.abs(hi)));
      lo = -m;
      hi = m;
    } else if (!(lo < hi)) {
      lo = Double.isFinite(lo) ? lo - 1 : 0;
      hi = lo + 2;
    }
    double r = Math.max(2.5, 0.45 * SCALE * spacing);
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        continue;
      }
      double t = (values[i] - lo) / (hi - lo);
      body.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n",
              px(packed[3 * i]),
              py(packed[3 * i + 1]),
              r,
              hex(diverging ? diverging(t) : HeatmapPlot.colour(t))));
    }
    legend = colourBar(lo, hi, unit, diverging);
    return this;
  }

  /** Draws the base station as a red triangle with a label. */
  SiteMap station(Vec3 p, String label) {
    double x = px(p.x());
    double y = py(p.y());
    body.append(
        String.format(
            Locale.ROOT,
            "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"#d62728\" stroke=\"black\"/>%n"
                + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-family=\"sans-serif\">%s</text>%n",
            x,
            y - 8,
            x - 7,
            y + 6,
            x + 7,
            y + 6,
            x + 9,
            y - 8,
            HtmlReport.escape(label)));
    return this;
  }

  /** The SVG document. */
  String svg() {
    int w = (int) Math.ceil(2 * MARGIN + (x1 - x0) * SCALE) + BAR;
    int h = (int) Math.ceil(2 * MARGIN + (y1 - y0) * SCALE);
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
            w,
            h,
            w,
            h));
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#f4f4ef\""
                + " stroke=\"#999\"/>%n",
            MARGIN,
            MARGIN,
            (x1 - x0) * SCALE,
            (y1 - y0) * SCALE));
    s.append(body);
    s.append(scaleBar());
    s.append(legend);
    s.append("</svg>\n");
    return s.toString();
  }

  private String scaleBar() {
    double len = 20 * SCALE;
    double y = MARGIN + (y1 - y0) * SCALE - 10;
    return String.format(
        Locale.ROOT,
        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\" stroke-width=\"2\"/>"
            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" font-family=\"sans-serif\">20 m</text>%n",
        MARGIN + 10,
        y,
        MARGIN + 10 + len,
        y,
        MARGIN + 10,
        y - 4);
  }

  private String colourBar(double lo, double hi, String unit, boolean diverging) {
    double x = 2 * MARGIN + (x1 - x0) * SCALE + 10;
    double top = MARGIN + 20;
    double height = (y1 - y0) * SCALE - 40;
    StringBuilder s = new StringBuilder();
    int steps = 40;
    for (int k = 0; k < steps; k++) {
      double t = 1 - (k + 0.5) / steps;
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"16\" height=\"%.2f\" fill=\"%s\"/>%n",
              x,
              top + k * height / steps,
              height / steps + 0.5,
              hex(diverging ? diverging(t) : HeatmapPlot.colour(t))));
    }
    s.append(label(x + 20, top + 4, String.format(Locale.ROOT, "%.1f", hi)));
    s.append(label(x + 20, top + height, String.format(Locale.ROOT, "%.1f", lo)));
    s.append(label(x - 4, top - 8, unit));
    return s.toString();
  }

  private static String label(double x, double y, String text) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" font-family=\"sans-serif\">%s</text>%n",
        x,
        y,
        HtmlReport.escape(text));
  }

  private static Color diverging(double t) {
    double u = Math.max(0, Math.min(1, t));
    Color blue = new Color(33, 102, 172);
    Color white = new Color(247, 247, 247);
    Color red = new Color(178, 24, 43);
    return u < 0.5 ? mix(blue, white, u / 0.5) : mix(white, red, (u - 0.5) / 0.5);
  }

  private static Color mix(Color a, Color b, double f) {
    return new Color(
        (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
        (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
        (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
  }

  private static String hex(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
