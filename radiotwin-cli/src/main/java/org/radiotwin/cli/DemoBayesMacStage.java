package org.radiotwin.cli;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.radiotwin.learn.mac.BayesMacExperiment;

/**
 * Demo stage: the Bayesian digital twin for multiple access (seed 000 §III, Fig. 4) in reduced form
 * — policies trained on twins learnt from a few real slots, evaluated on the real system.
 */
final class DemoBayesMacStage implements DemoStage {

  @Override
  public String key() {
    return "bayesMac";
  }

  @Override
  public String title() {
    return "Bayesian twin for multiple access";
  }

  @Override
  public void run(DemoContext ctx, DoubleConsumer progress) {
    BayesMacExperiment.Config reduced = BayesMacExperiment.Config.reduced();
    BayesMacExperiment.Config config =
        reduced.with(reduced.dataSlots(), ctx.quick ? 6 : reduced.runs(), ctx.stageSeed(key()));
    BayesMacExperiment.Result r = BayesMacExperiment.run(config, progress);
    ctx.results.set(key(), BayesMacCommand.toJson(r));
    int[] slots = config.dataSlots();
    double[] bayes = r.methods().get("bayesian").meanReturn();
    double[] freq = r.methods().get("frequentist").meanReturn();
    int small = 1; // the second data size: a handful of real slots
    ctx.report
        .section(title())
        .text(
            String.format(
                Locale.ROOT,
                "Four devices share a slotted channel with multi-packet reception and correlated"
                    + " arrivals. The twin of the channel and of the arrivals is learnt from a"
                    + " few slots of real exploration (0 to %d); devices then learn their access"
                    + " policies by independent Q-learning on the twin, and are evaluated on the"
                    + " real system (mean reward per slot, %d runs per data size). The frequentist"
                    + " twin trains on one point estimate (MAP); the Bayesian twin trains on a"
                    + " fresh model sampled from its Dirichlet posterior every %d steps, so its"
                    + " policies hedge against what the few data cannot tell. TDMA and the best"
                    + " slotted ALOHA are fixed-schedule references.",
                slots[slots.length - 1],
                config.runs(),
                config.resampleEvery()))
        .number(
            String.format(Locale.ROOT, "Bayesian, %d real slots", slots[small]),
            String.format(Locale.ROOT, "%.1f", bayes[small]))
        .number(
            String.format(Locale.ROOT, "frequentist, %d real slots", slots[small]),
            String.format(Locale.ROOT, "%.1f", freq[small]))
        .number(
            String.format(Locale.ROOT, "Bayesian, %d real slots", slots[slots.length - 1]),
            String.format(Locale.ROOT, "%.1f", bayes[slots.length - 1]))
        .chart(
            "bayes-mac.png",
            "Mean reward per slot on the real system vs real data (seed 000 Fig. 4 right)",
            BayesMacCommand.returnChart(r))
        .chart(
            "posterior.png",
            "The twin's posterior over the reception model (seed 000 Fig. 4 left)",
            BayesMacCommand.posteriorChart(r));
  }
}
