package org.radiotwin.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

/**
 * Renders a radio-map quantity in dB as a PNG heatmap (viridis colour map, colour bar, axes in
 * metres) with the footprints of the scene's objects that rise above the map plane drawn over it.
 */
final class HeatmapPlot {

  /** Viridis control points (matplotlib), 9 evenly spaced samples. */
  private static final int[][] VIRIDIS = {
    {68, 1, 84},
    {71, 44, 122},
    {59, 81, 139},
    {44, 113, 142},
    {33, 144, 141},
    {39, 173, 129},
    {92, 200, 99},
    {170, 220, 50},
    {253, 231, 37}
  };

  private HeatmapPlot() {}

  static Color colour(double t) {
    double x = Math.max(0, Math.min(1, t)) * (VIRIDIS.length - 1);
    int i = Math.min(VIRIDIS.length - 2, (int) x);
    double f = x - i;
    int[] a = VIRIDIS[i];
    int[] b = VIRIDIS[i + 1];
    return new Color(
        (int) Math.round(a[0] + f * (b[0] - a[0])),
        (int) Math.round(a[1] + f * (b[1] - a[1])),
        (int) Math.round(a[2] + f * (b[2] - a[2])));
  }

  /**
   * Writes the heatmap.
   *
   * @param file PNG file
   * @param grid the map grid (drawn axis-aligned in its own frame)
   * @param valuesDb one value per cell (−∞ or NaN: no coverage, drawn white)
   * @param title title line
   * @param unit colour-bar label
   * @param scene scene whose objects above the plane are drawn as footprints
   */
  static void write(
      Path file, RadioMapGrid grid, double[] valuesDb, String title, String unit, Scene scene) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : valuesDb) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (!(lo < hi)) {
      lo = Double.isFinite(lo) ? lo - 1 : -1;
      hi = lo + 2;
    }
    // Clip the colour range to the top 80 dB so the interesting part is visible.
    lo = Math.max(lo, hi - 80);
    write(file, grid, valuesDb, title, unit, scene, lo, hi);
  }

  /**
   * Writes the heatmap with a given colour range.
   *
   * @param file PNG file
   * @param grid the map grid
   * @param values one value per cell (NaN or infinite: drawn white)
   * @param title title line
   * @param unit colour-bar label
   * @param scene scene whose objects above the plane are drawn as footprints
   * @param lo value drawn with the first colour (smaller ones too)
   * @param hi value drawn with the last colour (larger ones too), &gt; lo
   */
  static void write(
      Path file,
      RadioMapGrid grid,
      double[] values,
      String title,
      String unit,
      Scene scene,
      double lo,
      double hi) {
    int nx = grid.nx();
    int ny = grid.ny();
    double[] valuesDb = values;
    int plotW = 720;
    int plotH = (int) Math.max(120, Math.round(plotW * (double) ny / nx));
    if (plotH > 900) {
      plotH = 900;
      plotW = (int) Math.max(120, Math.round(plotH * (double) nx / ny));
    }
    int left = 80;
    int top = 50;
    int right = 130;
    int bottom = 60;
    BufferedImage img =
        new BufferedImage(left + plotW + right, top + plotH + bottom, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    // Cells; row j = 0 at the bottom.
    for (int j = 0; j < ny; j++) {
      for (int i = 0; i < nx; i++) {
        double v = valuesDb[j * nx + i];
        if (!Double.isFinite(v)) {
          continue;
        }
        g.setColor(colour((v - lo) / (hi - lo)));
        int x0 = left + (int) Math.floor((double) i * plotW / nx);
        int x1 = left + (int) Math.floor((double) (i + 1) * plotW / nx);
        int y0 = top + plotH - (int) Math.floor((double) (j + 1) * plotH / ny);
        int y1 = top + plotH - (int) Math.floor((double) j * plotH / ny);
        g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
      }
    }
    // Footprints of everything above the plane, in the grid frame.
    g.setClip(left, top, plotW, plotH);
    g.setColor(new Color(40, 40, 40, 150));
    double cos = Math.cos(grid.yaw());
    double sin = Math.sin(grid.yaw());
    for (SceneObject o : scene.objects()) {
      TriangleMesh m = o.mesh();
      if (m.bounds().max().z() <= grid.z() || m.bounds().size().z() < 0.5) {
        continue; // ground planes and objects below the map do not block it
      }
      for (int t = 0; t < m.triangleCount(); t++) {
        Polygon p = new Polygon();
        for (int k = 0; k < 3; k++) {
          int vi = m.index(t, k);
          double dx = m.coordinate(vi, 0) - grid.centerX();
          double dy = m.coordinate(vi, 1) - grid.centerY();
          double u = cos * dx + sin * dy + grid.width() / 2;
          double w = -sin * dx + cos * dy + grid.height() / 2;
          p.addPoint(
              left + (int) Math.round(u / (nx * grid.cellSize()) * plotW),
              top + plotH - (int) Math.round(w / (ny * grid.cellSize()) * plotH));
        }
        g.fillPolygon(p);
      }
    }
    g.setClip(null);
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(left, top, plotW, plotH);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics fm = g.getFontMetrics();
    // Axes in metres from the grid's lower-left corner.
    double extX = nx * grid.cellSize();
    double extY = ny * grid.cellSize();
    double stepX = niceStep(extX / 6);
    for (double x = 0; x <= extX + 1e-9; x += stepX) {
      int px = left + (int) Math.round(x / extX * plotW);
      g.drawLine(px, top + plotH, px, top + plotH + 5);
      String s = fmt(x - grid.width() / 2 + (grid.yaw() == 0 ? grid.centerX() : 0));
      g.drawString(s, px - fm.stringWidth(s) / 2, top + plotH + 20);
    }
    double stepY = niceStep(extY / 6);
    for (double y = 0; y <= extY + 1e-9; y += stepY) {
      int py = top + plotH - (int) Math.round(y / extY * plotH);
      g.drawLine(left - 5, py, left, py);
      String s = fmt(y - grid.height() / 2 + (grid.yaw() == 0 ? grid.centerY() : 0));
      g.drawString(s, left - 8 - fm.stringWidth(s), py + 4);
    }
    g.drawString("x [m]", left + plotW / 2 - 15, top + plotH + 42);
    g.drawString("y [m]", 10, top + plotH / 2);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, left, 30);
    // Colour bar.
    int cbx = left + plotW + 30;
    for (int k = 0; k < plotH; k++) {
      g.setColor(colour(1 - (double) k / plotH));
      g.fillRect(cbx, top + k, 20, 1);
    }
    g.setColor(Color.BLACK);
    g.drawRect(cbx, top, 20, plotH);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    double step = niceStep((hi - lo) / 6);
    for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) {
      int py = top + plotH - (int) Math.round((v - lo) / (hi - lo) * plotH);
      g.drawLine(cbx + 20, py, cbx + 25, py);
      g.drawString(fmt(v), cbx + 28, py + 4);
    }
    g.drawString(unit, cbx - 5, top - 8);
    g.dispose();
    AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
  }

  private static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }

  private static String fmt(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9
        ? String.format(Locale.ROOT, "%d", (long) Math.rint(v))
        : String.format(Locale.ROOT, "%.1f", v);
  }
}
