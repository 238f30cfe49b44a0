package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.radiotwin.stats.experiment.ModelSelection;
import org.radiotwin.stats.experiment.RadioStatsExperiment;
import org.radiotwin.stats.experiment.RadioStatsResult;
import org.radiotwin.stats.experiment.SiteSweep;
import org.radiotwin.stats.gp.KernelFamily;

/**
 * Demo stage 5: seed 004 on the demo site — maps of the ε-quantile of the fading power predicted by
 * the geometry-informed GP (the uncalibrated twin's own power quantiles as features) against the
 * twin alone and a position-only GP, and URLLC rates selected from them with a guarantee.
 */
final class DemoRadioStatsStage implements DemoStage {

  private static final double EPSILON = 0.01;
  private static final double DELTA = 0.05;

  @Override
  public String key() {
    return "radioStats";
  }

  @Override
  public String title() {
    return "Channel-statistics maps and URLLC rates with a guarantee";
  }

  @Override
  public void run(DemoContext ctx, DoubleConsumer progress) {
    DemoSite site = ctx.site;
    // Only positions both scenes cover: the twin must give features and the reality a quantile.
    int[] coveredUsers = site.coveredUsers();
    int positions = Math.min(coveredUsers.length, ctx.quick ? 60 : 127);
    int[] chosen =
        DemoCampaignStage.sample(
            coveredUsers.length, positions, new SplittableRandom(ctx.stageSeed(key())));
    for (int k = 0; k < chosen.length; k++) {
      chosen[k] = coveredUsers[chosen[k]];
    }
    int train = ctx.quick ? 40 : 50;
    int calibration = 20; // split conformal needs m ≥ 1/δ − 1 = 19 at δ = 0.05
    RadioStatsExperiment.Settings settings =
        new RadioStatsExperiment.Settings(
            site.twin(),
            site.reality(),
            site.twinPaths(),
            site.realityPaths(),
            site.bs().toArray(),
            site.users(chosen),
            SiteSweep.frequencies(2e9, 10e9, ctx.quick ? 2001 : 8001),
            EPSILON,
            DELTA,
            train,
            calibration,
            ctx.quick ? 4 : 20,
            ctx.stageSeed(key()),
            ctx.quick ? new int[] {2, 4} : new int[] {2, 4, 8},
            List.of(KernelFamily.parse("matern32-ard"), KernelFamily.parse("rbf-ard")),
            ctx.quick ? 1 : 2,
            20,
            1000,
            new double[] {0.01, 0.02, 0.05, 0.1, 0.2},
            ModelSelection.MARGINAL_LIKELIHOOD);
    RadioStatsResult r = RadioStatsExperiment.run(settings, progress);

    ObjectNode o = ctx.results.putObject(key());
    o.put("positions", positions);
    o.put("train", train);
    o.put("calibration", calibration);
    o.put("runs", r.runs());
    o.put("epsilon", EPSILON);
    o.put("delta", DELTA);
    ObjectNode med = o.putObject("medianAbsErrorDb");
    r.errors().forEach((k, v) -> med.put(k, v.medianAbsErrorDb()));
    ObjectNode rates = o.putObject("rates");
    List<List<String>> rows = new ArrayList<>();
    r.rates()
        .forEach(
            (k, v) -> {
              ObjectNode m = rates.putObject(k);
              m.put("meanNormalizedRate", v.meanNormalizedRate());
              m.put("violationRate", v.violationRate());
              rows.add(
                  List.of(
                      k,
                      String.format(Locale.ROOT, "%.2f", v.meanNormalizedRate()),
                      String.format(Locale.ROOT, "%.1f %%", 100 * v.violationRate())));
            });

    RadioStatsResult.PositionMap pm = r.map();
    double[] errProposed = absErrors(pm, "proposed");
    double[] errPosition = absErrors(pm, "positionOnly");
    ctx.report
        .section(title())
        .text(
            String.format(
                Locale.ROOT,
                "Ultra-reliable links need the ε-quantile q_ε of the fading power (ε = %.2g) at"
                    + " every position, but measuring it takes thousands of samples per"
                    + " position. Following seed 004 we measure the reality's wideband response"
                    + " (2–10 GHz, frequency as a proxy for space) at %d of %d positions and"
                    + " predict ln q_ε elsewhere with a Gaussian process whose inputs are the"
                    + " position and K power quantiles of the uncalibrated twin's own wideband"
                    + " response there (K and the kernel chosen by marginal likelihood). Rates"
                    + " are then chosen as R̂ = log2(1 + ρ·exp(μ + σΦ⁻¹(δ))) with δ = %.2g; the"
                    + " conformal variant backs the predictive quantile off on %d held-out"
                    + " positions so that the violation rate stays ≤ δ even if the GP is"
                    + " misspecified. %d random train/test splits.",
                EPSILON,
                train,
                positions,
                DELTA,
                calibration,
                r.runs()))
        .number(
            "median error, proposed",
            DemoGapStage.db(r.errors().get("proposed").medianAbsErrorDb()))
        .number("twin only", DemoGapStage.db(r.errors().get("twinOnly").medianAbsErrorDb()))
        .number(
            "position-only GP", DemoGapStage.db(r.errors().get("positionOnly").medianAbsErrorDb()))
        .table(List.of("rate method", "mean R̂/C_ε", "violations"), rows)
        .svg(
            "quantile-map.svg",
            "Measured ε-quantile of the fading power at the studied positions [dB]",
            new SiteMap(site.reality())
                .values(pm.positions(), pm.truthDb(), site.gridSpacing(), "dB", false)
                .station(site.bs(), "BS")
                .svg())
        .svg(
            "quantile-error-proposed.svg",
            "|error| of the predicted quantile, geometry-informed GP (first split, test positions)",
            errorMap(ctx, pm, errProposed, errPosition))
        .svg(
            "quantile-error-position.svg",
            "|error| of the predicted quantile, position-only GP (same split)",
            errorMap(ctx, pm, errPosition, errProposed))
        .chart(
            "quantile-error-cdf.png",
            "CDF of the absolute error of ln q_ε (seed 004 Fig. 4)",
            RadioStatsExperimentCommand.errorCdfChart(r))
        .chart(
            "rate-cdf.png",
            "CDF of the normalised rate R̂/C_ε (seed 004 Fig. 5)",
            RadioStatsExperimentCommand.rateCdfChart(r));
  }

  private static double[] absErrors(RadioStatsResult.PositionMap pm, String method) {
    double[] pred = pm.predictedDb().get(method);
    double[] e = new double[pm.truthDb().length];
    for (int i = 0; i < e.length; i++) {
      e[i] = pm.training()[i] ? Double.NaN : Math.abs(pred[i] - pm.truthDb()[i]);
    }
    return e;
  }

  /** An error map on a scale shared with the other method's map, from 0 to the larger maximum. */
  private static String errorMap(
      DemoContext ctx, RadioStatsResult.PositionMap pm, double[] err, double[] other) {
    double hi = 1e-9;
    for (double[] e : new double[][] {err, other}) {
      for (double v : e) {
        if (Double.isFinite(v)) {
          hi = Math.max(hi, v);
        }
      }
    }
    return new SiteMap(ctx.site.reality())
        .values(pm.positions(), err, ctx.site.gridSpacing(), "|error| dB", false, 0, hi)
        .station(ctx.site.bs(), "BS")
        .svg();
  }
}
