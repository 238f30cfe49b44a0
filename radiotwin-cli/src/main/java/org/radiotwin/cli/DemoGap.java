package org.radiotwin.cli;

import java.util.function.DoubleConsumer;
import org.radiotwin.measure.CampaignSimulator;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.scene.Scene;

/**
 * The sim-to-real power gap at measured positions: the twin's band-averaged received power against
 * the measured one, in dB, overall and per context (line of sight or not).
 *
 * @param errorDb twin minus measured band-averaged power per position [dB]
 * @param los the twin's line-of-sight flag per position
 */
record DemoGap(double[] errorDb, boolean[] los) {

  /**
   * Evaluates a twin at the positions of a campaign, on the same frequency grid, without noise.
   *
   * @param ctx demo run
   * @param twin twin scene
   * @param positions indices into the campaign's positions
   * @param progress fraction done
   * @return the gap at those positions
   */
  static DemoGap of(DemoContext ctx, Scene twin, int[] positions, DoubleConsumer progress) {
    DemoSite site = ctx.site;
    int[] users = new int[positions.length];
    for (int k = 0; k < positions.length; k++) {
      users[k] = ctx.measured[positions[k]];
    }
    CampaignSimulator.Settings settings =
        new CampaignSimulator.Settings(
            site.fStart(),
            site.fStop(),
            site.subcarriers(),
            Double.POSITIVE_INFINITY,
            0,
            0,
            site.twinPaths(),
            false);
    MeasurementSet predicted =
        CampaignSimulator.simulate(
            twin, site.users(users), site.bsRepeated(users.length), settings, progress);
    double[] err = new double[positions.length];
    boolean[] los = new boolean[positions.length];
    for (int k = 0; k < positions.length; k++) {
      err[k] =
          10 * Math.log10(predicted.meanPower(k))
              - 10 * Math.log10(ctx.campaign.meanPower(positions[k]));
      los[k] = site.los()[users[k]];
    }
    return new DemoGap(err, los);
  }

  /**
   * The gap at a subset of the positions.
   *
   * @param positions indices into this gap's positions
   * @return the gap there
   */
  DemoGap select(int[] positions) {
    double[] e = new double[positions.length];
    boolean[] l = new boolean[positions.length];
    for (int k = 0; k < positions.length; k++) {
      e[k] = errorDb[positions[k]];
      l[k] = los[positions[k]];
    }
    return new DemoGap(e, l);
  }

  /** Every position index of the campaign. */
  static int[] all(DemoContext ctx) {
    int[] p = new int[ctx.measured.length];
    for (int k = 0; k < p.length; k++) {
      p[k] = k;
    }
    return p;
  }

  /**
   * Mean absolute gap over the positions of a context where the twin predicts any signal.
   *
   * @param context 1 line of sight, 0 not, −1 all
   * @return mean |gap| [dB] (NaN when no such position)
   */
  double meanAbsDb(int context) {
    double s = 0;
    int n = 0;
    for (int k = 0; k < errorDb.length; k++) {
      if (Double.isFinite(errorDb[k]) && (context < 0 || los[k] == (context == 1))) {
        s += Math.abs(errorDb[k]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Mean signed gap (bias) over the positions where the twin predicts any signal [dB]. */
  double biasDb() {
    double s = 0;
    int n = 0;
    for (double e : errorDb) {
      if (Double.isFinite(e)) {
        s += e;
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** Number of positions where the twin finds no path at all (its power is zero). */
  int uncovered() {
    int n = 0;
    for (double e : errorDb) {
      n += Double.isFinite(e) ? 0 : 1;
    }
    return n;
  }
}
