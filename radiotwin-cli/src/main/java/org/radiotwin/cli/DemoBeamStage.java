package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import org.radiotwin.learn.task.BeamSelectionExperiment;
import org.radiotwin.learn.task.TwinRealitySite;
import org.radiotwin.learn.train.AdamConfig;

/**
 * Demo stage 6: beam selection trained on twin labels plus a few real ones (seed 000 §IV, Fig. 5b)
 * with ERM, P-ERM, PPI, PPI++ and Cross-PPI, evaluated by the achievable rate on the reality's
 * channels.
 */
final class DemoBeamStage implements DemoStage {

  @Override
  public String key() {
    return "beams";
  }

  @Override
  public String title() {
    return "Beam selection with twin data and a few real labels";
  }

  @Override
  public void run(DemoContext ctx, DoubleConsumer progress) {
    DemoSite site = ctx.site;
    TwinRealitySite.Settings d = TwinRealitySite.Settings.defaults();
    TwinRealitySite.Settings siteSettings =
        new TwinRealitySite.Settings(
                site.bs(),
                d.frequency(),
                ctx.quick ? 6 : 4,
                DemoSite.USER_HEIGHT,
                d.margin(),
                d.arrayRows(),
                d.arrayCols(),
                d.solver())
            .withSolver(
                d.solver().withSamples(site.twinPaths().samplesPerSource(), ctx.stageSeed(key())));
    TwinRealitySite survey =
        TwinRealitySite.survey(
            site.twin(),
            site.reality(),
            siteSettings,
            ForkJoinPool.commonPool(),
            f -> progress.accept(0.4 * f));
    BeamSelectionExperiment.Settings b = BeamSelectionExperiment.Settings.defaults(ctx.seed);
    BeamSelectionExperiment.Settings settings =
        new BeamSelectionExperiment.Settings(
            ctx.quick ? new double[] {0.02, 0.1} : new double[] {0.01, 0.02, 0.05, 0.1, 0.2},
            ctx.quick ? 1 : 3,
            ctx.stageSeed(key()),
            b.testFraction(),
            b.hidden(),
            ctx.quick
                ? AdamConfig.of(150, b.adam().batchSize(), b.adam().learningRate(), b.adam().l2())
                : b.adam(),
            b.folds(),
            b.foldRealShare(),
            b.txPowerDbm(),
            b.bandwidthHz(),
            b.noiseFigureDb(),
            b.methods(),
            b.geometricFeatures());
    // Cross-PPI's fold predictors are the twin calibrated on the other folds' real powers.
    CalibratedTwinFoldPredictor folds =
        new CalibratedTwinFoldPredictor(
            site.twin(),
            survey,
            BeamSelectionCommand.FOLD_CALIBRATION_ITERATIONS,
            BeamSelectionCommand.FOLD_CALIBRATION_LEARNING_RATE,
            ForkJoinPool.commonPool(),
            f -> progress.accept(0.4 + 0.1 * f));
    BeamSelectionExperiment.Result r =
        BeamSelectionExperiment.run(
            survey,
            settings,
            folds,
            ForkJoinPool.commonPool(),
            f -> progress.accept(0.5 + 0.5 * f));

    ObjectNode o = ctx.results.putObject(key());
    o.set("realFractions", Json.MAPPER.valueToTree(r.realFractions()));
    o.put("positions", r.positions());
    o.put("testPositions", r.testPositions());
    o.put("beams", r.beams());
    o.put("optimalRate", r.optimalRate());
    o.put("twinBeamRate", r.twinBeamRate());
    o.put("twinLabelAgreement", r.twinLabelAgreement());
    ObjectNode methods = o.putObject("methods");
    List<String> header = new ArrayList<>(List.of("method"));
    for (double f : r.realFractions()) {
      header.add(String.format(Locale.ROOT, "%.0f %% real", 100 * f));
    }
    List<List<String>> rows = new ArrayList<>();
    for (BeamSelectionExperiment.MethodCurve c : r.curves()) {
      ObjectNode m = methods.putObject(c.method());
      m.set("mean", Json.MAPPER.valueToTree(c.meanRate()));
      m.set("ci", Json.MAPPER.valueToTree(c.ci()));
      List<String> row = new ArrayList<>(List.of(c.method()));
      for (double v : c.meanRate()) {
        row.add(String.format(Locale.ROOT, "%.2f", v));
      }
      rows.add(row);
    }
    ctx.report
        .section(title())
        .text(
            String.format(
                Locale.ROOT,
                "A %d × %d half-wavelength array at the base station serves users with %d beams"
                    + " of a steering codebook (%.0f GHz). The label is the best beam. The twin"
                    + " labels every training position for free; the reality labels only a"
                    + " fraction of them. ERM trains on the real labels only, P-ERM on both as if"
                    + " the twin were right, PPI and PPI++ rectify the twin's labels with the real"
                    + " ones, and Cross-PPI's fold predictors are the twin calibrated without each fold. The"
                    + " metric is the mean achievable rate on the reality's channels at %d test"
                    + " positions. The twin's own beams match reality's best beam at %.0f %% of"
                    + " positions, so here the twin's labels are good and trusting them (P-ERM)"
                    + " is hard to beat; PPI pays off when the twin is more wrong (see README).",
                d.arrayRows(),
                d.arrayCols(),
                r.beams(),
                d.frequency() / 1e9,
                r.testPositions(),
                100 * r.twinLabelAgreement()))
        .number("optimal beam", String.format(Locale.ROOT, "%.2f bit/s/Hz", r.optimalRate()))
        .number("twin's beam", String.format(Locale.ROOT, "%.2f bit/s/Hz", r.twinBeamRate()))
        .table(header, rows)
        .chart(
            "beams-rate.png",
            "Mean achievable rate vs fraction of real labels (seed 000 Fig. 5b)",
            BeamSelectionCommand.rateChart(r));
  }
}
