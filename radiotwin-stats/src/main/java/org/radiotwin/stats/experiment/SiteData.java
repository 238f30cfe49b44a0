package org.radiotwin.stats.experiment;

/**
 * What the twin and the (simulated) measurement campaign give at every position of a site.
 *
 * @param positions packed user positions [m]
 * @param accessPoint access-point position [m]
 * @param frequencies the band [Hz]
 * @param twinSortedDb the twin's normalised power samples per position, ascending [dB]
 * @param twinLogQuantile ln q̂_ε of the twin's samples per position (benchmark 1)
 * @param truthLogQuantile ln q̂_ε of the measured samples per position (the GP target and the
 *     ground truth of C_ε)
 * @param pilotSortedPowers local power samples per position for the order-statistic rate, drawn
 *     with replacement from the measured ones, ascending (linear)
 * @param meanPower mean measured power per position (linear)
 */
public record SiteData(
    double[] positions,
    double[] accessPoint,
    double[] frequencies,
    double[][] twinSortedDb,
    double[] twinLogQuantile,
    double[] truthLogQuantile,
    double[][] pilotSortedPowers,
    double[] meanPower) {

  /**
   * Number of positions.
   *
   * @return P
   */
  public int size() {
    return truthLogQuantile.length;
  }
}
