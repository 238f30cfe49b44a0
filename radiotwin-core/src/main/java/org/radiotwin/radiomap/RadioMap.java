package org.radiotwin.radiomap;

/**
 * Radio-map results on a {@link RadioMapGrid}, per transmitter and cell: path gain (linear, the
 * incoherent sum of path powers Σ|a|² as in Sionna RT), RMS delay spread, line-of-sight flag and
 * the directions of the strongest path (departure at the transmitter, arrival at the cell, θ zenith
 * and φ azimuth in radians, NaN where no path arrives). Received power and SINR follow from the
 * transmit powers and the thermal noise k·T·B.
 */
public final class RadioMap {

  /** Boltzmann's constant [J/K]. */
  public static final double BOLTZMANN = 1.380649e-23;

  private final RadioMapGrid grid;
  private final double[] txPowerDbm;
  private final double noisePower;
  private final double[][] pathGain;
  private final double[][] delaySpread;
  private final boolean[][] los;
  private final double[][] aodTheta;
  private final double[][] aodPhi;
  private final double[][] aoaTheta;
  private final double[][] aoaPhi;

  RadioMap(
      RadioMapGrid grid,
      double[] txPowerDbm,
      double noisePower,
      double[][] pathGain,
      double[][] delaySpread,
      boolean[][] los,
      double[][] aodTheta,
      double[][] aodPhi,
      double[][] aoaTheta,
      double[][] aoaPhi) {
    this.grid = grid;
    this.txPowerDbm = txPowerDbm;
    this.noisePower = noisePower;
    this.pathGain = pathGain;
    this.delaySpread = delaySpread;
    this.los = los;
    this.aodTheta = aodTheta;
    this.aodPhi = aodPhi;
    this.aoaTheta = aoaTheta;
    this.aoaPhi = aoaPhi;
  }

  /**
   * The grid.
   *
   * @return grid
   */
  public RadioMapGrid grid() {
    return grid;
  }

  /**
   * Number of transmitters.
   *
   * @return numTx
   */
  public int transmitterCount() {
    return pathGain.length;
  }

  /**
   * Thermal noise power k·T·B.
   *
   * @return noise [W]
   */
  public double noisePower() {
    return noisePower;
  }

  /**
   * Path gain of a cell.
   *
   * @param tx transmitter index
   * @param cell cell index j·nx + i
   * @return Σ|a|² (linear)
   */
  public double pathGain(int tx, int cell) {
    return pathGain[tx][cell];
  }

  /**
   * Path gain in dB.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return 10·log10(path gain) (−∞ without paths)
   */
  public double pathGainDb(int tx, int cell) {
    return 10 * Math.log10(pathGain[tx][cell]);
  }

  /**
   * Received signal strength.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return P_tx + path gain [dBm]
   */
  public double rssDbm(int tx, int cell) {
    return txPowerDbm[tx] + pathGainDb(tx, cell);
  }

  private double rssWatt(int tx, int cell) {
    return Math.pow(10, (txPowerDbm[tx] - 30) / 10) * pathGain[tx][cell];
  }

  /**
   * The transmitter with the strongest received power at a cell.
   *
   * @param cell cell index
   * @return transmitter index, −1 where none reaches
   */
  public int bestServer(int cell) {
    int best = -1;
    double p = 0;
    for (int t = 0; t < pathGain.length; t++) {
      double v = rssWatt(t, cell);
      if (v > p) {
        p = v;
        best = t;
      }
    }
    return best;
  }

  /**
   * SINR with the best server as signal and every other transmitter as interference.
   *
   * @param cell cell index
   * @return S/(I + N) [dB] (−∞ where no transmitter reaches)
   */
  public double sinrDb(int cell) {
    int best = bestServer(cell);
    if (best < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    double interference = 0;
    for (int t = 0; t < pathGain.length; t++) {
      if (t != best) {
        interference += rssWatt(t, cell);
      }
    }
    return 10 * Math.log10(rssWatt(best, cell) / (interference + noisePower));
  }

  /**
   * RMS delay spread.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return σ_τ [s], NaN without paths
   */
  public double rmsDelaySpread(int tx, int cell) {
    return delaySpread[tx][cell];
  }

  /**
   * Whether a line-of-sight path reaches the cell.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return LoS flag
   */
  public boolean los(int tx, int cell) {
    return los[tx][cell];
  }

  /**
   * Zenith angle of departure of the strongest path.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return θ_t [rad], NaN without paths
   */
  public double aodTheta(int tx, int cell) {
    return aodTheta[tx][cell];
  }

  /**
   * Azimuth of departure of the strongest path.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return φ_t [rad], NaN without paths
   */
  public double aodPhi(int tx, int cell) {
    return aodPhi[tx][cell];
  }

  /**
   * Zenith angle of arrival of the strongest path.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return θ_r [rad], NaN without paths
   */
  public double aoaTheta(int tx, int cell) {
    return aoaTheta[tx][cell];
  }

  /**
   * Azimuth of arrival of the strongest path.
   *
   * @param tx transmitter index
   * @param cell cell index
   * @return φ_r [rad], NaN without paths
   */
  public double aoaPhi(int tx, int cell) {
    return aoaPhi[tx][cell];
  }
}
