package org.radiotwin.cli;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.radiotwin.io.AtomicFiles;

/** Line plots (XChart) written as PNG through {@link AtomicFiles}. */
final class Plots {

  private Plots() {}

  static XYChart chart(String title, String xLabel, String yLabel) {
    XYChart c =
        new XYChartBuilder()
            .width(800)
            .height(520)
            .title(title)
            .xAxisTitle(xLabel)
            .yAxisTitle(yLabel)
            .build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setMarkerSize(0);
    c.getStyler().setPlotGridLinesVisible(true);
    return c;
  }

  static void line(XYChart c, String name, double[] x, double[] y) {
    XYSeries s = c.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
  }

  static void writePng(XYChart chart, Path file) {
    BufferedImage img = BitmapEncoder.getBufferedImage(chart);
    AtomicFiles.write(file, out -> ImageIO.write(img, "png", out));
  }

  /**
   * An empirical CDF as a step curve in dB on a log-probability-friendly linear axis.
   *
   * @param sortedDb ascending sample values [dB]
   * @param maxPoints at most this many points (the tails are kept)
   * @return {x, y}
   */
  static double[][] cdfCurve(double[] sortedDb, int maxPoints) {
    int n = sortedDb.length;
    int step = Math.max(1, n / maxPoints);
    int m = (n - 1) / step + 1;
    double[] x = new double[m];
    double[] y = new double[m];
    for (int k = 0; k < m; k++) {
      int i = Math.min(n - 1, k * step);
      x[k] = sortedDb[i];
      y[k] = (i + 1) / (double) n;
    }
    return new double[][] {x, y};
  }
}
