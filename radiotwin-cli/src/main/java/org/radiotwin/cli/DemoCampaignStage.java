package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.radiotwin.measure.CampaignSimulator;

/**
 * Demo stage 2: a small real measurement campaign, simulated from the reality as a vector network
 * analyser would record it (wideband sweeps with noise) at randomly chosen user positions.
 */
final class DemoCampaignStage implements DemoStage {

  /** Signal-to-noise ratio of the simulated sweeps [dB]. */
  static final double SNR_DB = 25;

  @Override
  public String key() {
    return "campaign";
  }

  @Override
  public String title() {
    return "A small measurement campaign";
  }

  @Override
  public void run(DemoContext ctx, DoubleConsumer progress) {
    DemoSite site = ctx.site;
    int m = Math.min(site.userCount(), ctx.quick ? 24 : 60);
    ctx.measured = sample(site.userCount(), m, new SplittableRandom(ctx.stageSeed(key())));
    CampaignSimulator.Settings settings =
        new CampaignSimulator.Settings(
            site.fStart(),
            site.fStop(),
            site.subcarriers(),
            SNR_DB,
            0,
            ctx.stageSeed(key()),
            site.realityPaths(),
            false);
    ctx.campaign =
        CampaignSimulator.simulate(
            site.reality(), site.users(ctx.measured), site.bsRepeated(m), settings, progress);

    ObjectNode r = ctx.results.putObject(key());
    r.put("positions", m);
    r.put("frequencies", site.subcarriers());
    r.put("fStartHz", site.fStart());
    r.put("fStopHz", site.fStop());
    r.put("snrDb", SNR_DB);
    boolean[] chosen = new boolean[site.userCount()];
    for (int i : ctx.measured) {
      chosen[i] = true;
    }
    ctx.report
        .section(title())
        .text(
            String.format(
                Locale.ROOT,
                "We measure the reality at %d randomly chosen user positions: one sweep of %d"
                    + " frequencies from %s to %s per position (as a vector network analyser"
                    + " records it), with complex Gaussian noise at %.0f dB SNR. These are the only"
                    + " real data the following stages see.",
                m,
                site.subcarriers(),
                CliChecks.formatFrequency(site.fStart()),
                CliChecks.formatFrequency(site.fStop()),
                SNR_DB))
        .number("measured positions", Integer.toString(m))
        .number("samples per sweep", Integer.toString(site.subcarriers()))
        .svg(
            "campaign.svg",
            "Measured positions (orange) among all user positions",
            new SiteMap(site.reality())
                .users(site.users(), chosen, "#ff7f0e")
                .station(site.bs(), "BS")
                .svg());
  }

  /** k distinct indices out of n, in increasing order (partial Fisher–Yates). */
  static int[] sample(int n, int k, SplittableRandom rnd) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + rnd.nextInt(n - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] out = Arrays.copyOf(all, k);
    Arrays.sort(out);
    return out;
  }
}
