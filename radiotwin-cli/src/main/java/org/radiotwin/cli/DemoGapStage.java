package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/** Demo stage 3: the sim-to-real gap of the uncalibrated twin at the measured positions. */
final class DemoGapStage implements DemoStage {

  @Override
  public String key() {
    return "gapBefore";
  }

  @Override
  public String title() {
    return "The sim-to-real gap before calibration";
  }

  @Override
  public void run(DemoContext ctx, DoubleConsumer progress) {
    DemoGap gap = DemoGap.of(ctx, ctx.site.twin(), DemoGap.all(ctx), progress);
    ctx.gapBefore = gap;
    ObjectNode r = ctx.results.putObject(key());
    put(r, gap);
    ctx.report
        .section(title())
        .text(
            "The twin is traced at the measured positions on the same frequency grid, without"
                + " noise, and its band-averaged received power is compared with the"
                + " measurement. The gap is largest where the twin's geometry or materials"
                + " matter most: behind the cars and in non-line-of-sight streets, where every"
                + " path has bounced off walls whose material the twin gets wrong.")
        .number("mean |gap|", db(gap.meanAbsDb(-1)))
        .number("LoS", db(gap.meanAbsDb(1)))
        .number("NLoS", db(gap.meanAbsDb(0)))
        .number("bias (twin − real)", db(gap.biasDb()))
        .number("positions the twin leaves dark", Integer.toString(gap.uncovered()))
        .svg(
            "gap-before.svg",
            "Twin minus measured band-averaged power at the measured positions [dB]",
            errorMap(ctx, gap))
        .chart("gap-contexts.png", "Mean absolute gap per context", contextChart(gap, null));
  }

  static void put(ObjectNode r, DemoGap gap) {
    r.put("meanAbsGapDb", gap.meanAbsDb(-1));
    r.put("meanAbsGapLosDb", gap.meanAbsDb(1));
    r.put("meanAbsGapNlosDb", gap.meanAbsDb(0));
    r.put("biasDb", gap.biasDb());
    r.put("positionsWithoutTwinPaths", gap.uncovered());
  }

  static String errorMap(DemoContext ctx, DemoGap gap) {
    return new SiteMap(ctx.site.reality())
        .values(ctx.site.users(ctx.measured), gap.errorDb(), ctx.site.gridSpacing(), "dB", true)
        .station(ctx.site.bs(), "BS")
        .svg();
  }

  /** Bars of the mean absolute gap per context; a second series when an "after" gap is given. */
  static CategoryChart contextChart(DemoGap before, DemoGap after) {
    CategoryChart c =
        new CategoryChartBuilder()
            .width(640)
            .height(400)
            .title("Sim-to-real power gap")
            .xAxisTitle("context")
            .yAxisTitle("mean |twin − real| [dB]")
            .build();
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    List<String> ctxs = List.of("all", "LoS", "NLoS");
    c.addSeries("before", ctxs, values(before));
    if (after != null) {
      c.addSeries("after", ctxs, values(after));
    }
    return c;
  }

  private static List<Double> values(DemoGap g) {
    return List.of(
        nanToZero(g.meanAbsDb(-1)), nanToZero(g.meanAbsDb(1)), nanToZero(g.meanAbsDb(0)));
  }

  private static double nanToZero(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  static String db(double v) {
    return String.format(Locale.ROOT, "%.2f dB", v);
  }
}
