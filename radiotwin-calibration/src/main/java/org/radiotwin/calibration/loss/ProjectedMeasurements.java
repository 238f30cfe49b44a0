package org.radiotwin.calibration.loss;

/**
 * Measurements reduced to what every calibration loss needs, for twin paths traced once.
 *
 * <p>Measurement m has P_m twin paths ℓ and its samples fall into C blocks c = (antenna pair,
 * sub-band) of K_c samples each; within a block a path's coefficient a_{mℓc} is constant, so the
 * path's response is h_{mℓ} = ⊕_c a_{mℓc}·e_{mℓc} with the delay steering vector e_{mℓc}[k] =
 * e^{−j2πf_kτ_{mℓ}} over the block's frequencies (METHODS.md §2). Every loss of the module is a
 * function of the coefficients and of three quantities fixed by the measurement and the traced
 * delays, computed once:
 *
 * <ul>
 *   <li>the Gram matrices G_{mc}[ℓ][ℓ′] = e_{mℓc}ᴴ e_{mℓ′c},
 *   <li>the projections g_{mℓc} = e_{mℓc}ᴴ y_{mc} of the measured response y on each steering
 *       vector,
 *   <li>the energies ‖y_{mc}‖².
 * </ul>
 *
 * Each loss evaluation then costs O(Σ_m P_m²·C), independent of the number of subcarriers. With
 * several antenna pairs the data may also carry each path's array response w_{ℓa} (unit norm over
 * the pairs), with which {@link UpecLoss} projects on delay and angle jointly.
 *
 * <p>Layouts (complex values interleaved re, im): coefficients and projections at {@code
 * 2·((pathOffset(m) + ℓ)·C + c)}; Gram entries at {@code gramOffset(m) + 2·((c·P_m + ℓ)·P_m + ℓ′)};
 * energies at {@code m·C + c}.
 */
public final class ProjectedMeasurements {

  private final int[] pathOffset;
  private final int[] gramOffset;
  private final int blocks;
  private final int antennaPairs;
  private final int[] blockSize;
  private final double[] gram;
  private final double[] projection;
  private final double[] energy;
  private final double snr;
  private final double[] delays;
  private final double[] measuredDelaySpread;
  private final double[] arrayResponse;

  /**
   * Wraps precomputed arrays, without path delays (losses that need them, the power loss with its
   * delay-spread term, then refuse the data).
   *
   * @param pathOffset M + 1 prefix sums of the path counts
   * @param antennaPairs number of antenna pairs (blocks are pair-major: c = pair·B + b)
   * @param blockSize K_c, samples per block
   * @param gram Gram matrices in the layout above
   * @param projection projections in the layout above
   * @param energy ‖y_{mc}‖²
   * @param snr the measurements' signal-to-noise ratio (linear; +∞ when noiseless)
   */
  public ProjectedMeasurements(
      int[] pathOffset,
      int antennaPairs,
      int[] blockSize,
      double[] gram,
      double[] projection,
      double[] energy,
      double snr) {
    this(pathOffset, antennaPairs, blockSize, gram, projection, energy, snr, null, null);
  }

  /**
   * Wraps precomputed arrays (not copied: the caller hands them over).
   *
   * @param pathOffset M + 1 prefix sums of the path counts
   * @param antennaPairs number of antenna pairs (blocks are pair-major: c = pair·B + b)
   * @param blockSize K_c, samples per block
   * @param gram Gram matrices in the layout above
   * @param projection projections in the layout above
   * @param energy ‖y_{mc}‖²
   * @param snr the measurements' signal-to-noise ratio (linear; +∞ when noiseless)
   * @param delays delay τ of every path [s] (path order), or null
   * @param measuredDelaySpread RMS delay spread of every measurement and antenna pair [s] (NaN
   *     where it could not be estimated), or null
   */
  public ProjectedMeasurements(
      int[] pathOffset,
      int antennaPairs,
      int[] blockSize,
      double[] gram,
      double[] projection,
      double[] energy,
      double snr,
      double[] delays,
      double[] measuredDelaySpread) {
    this(
        pathOffset,
        antennaPairs,
        blockSize,
        gram,
        projection,
        energy,
        snr,
        delays,
        measuredDelaySpread,
        null);
  }

  /**
   * Wraps precomputed arrays (not copied: the caller hands them over), with the array response of
   * every path across the antenna pairs, which the uniform-phase loss uses to project on angle as
   * well as on delay.
   *
   * @param pathOffset M + 1 prefix sums of the path counts
   * @param antennaPairs number of antenna pairs (blocks are pair-major: c = pair·B + b)
   * @param blockSize K_c, samples per block
   * @param gram Gram matrices in the layout above
   * @param projection projections in the layout above
   * @param energy ‖y_{mc}‖²
   * @param snr the measurements' signal-to-noise ratio (linear; +∞ when noiseless)
   * @param delays delay τ of every path [s] (path order), or null
   * @param measuredDelaySpread RMS delay spread of every measurement and antenna pair [s] (NaN
   *     where it could not be estimated), or null
   * @param arrayResponse w_{ℓa} of every path ℓ and antenna pair a (interleaved at {@code 2·(path·A
   *     + a)}, each path's vector of unit norm), or null
   */
  public ProjectedMeasurements(
      int[] pathOffset,
      int antennaPairs,
      int[] blockSize,
      double[] gram,
      double[] projection,
      double[] energy,
      double snr,
      double[] delays,
      double[] measuredDelaySpread,
      double[] arrayResponse) {
    this.arrayResponse = arrayResponse;
    this.delays = delays;
    this.measuredDelaySpread = measuredDelaySpread;
    this.pathOffset = pathOffset;
    this.blocks = blockSize.length;
    this.antennaPairs = antennaPairs;
    this.blockSize = blockSize;
    this.gram = gram;
    this.projection = projection;
    this.energy = energy;
    this.snr = snr;
    int m = pathOffset.length - 1;
    this.gramOffset = new int[m + 1];
    for (int i = 0; i < m; i++) {
      int p = pathOffset[i + 1] - pathOffset[i];
      gramOffset[i + 1] = gramOffset[i] + 2 * blocks * p * p;
    }
    if (gram.length != gramOffset[m]
        || projection.length != 2 * pathOffset[m] * blocks
        || energy.length != m * blocks
        || blocks % antennaPairs != 0
        || (delays != null && delays.length != pathOffset[m])
        || (measuredDelaySpread != null && measuredDelaySpread.length != m * antennaPairs)
        || (arrayResponse != null && arrayResponse.length != 2 * pathOffset[m] * antennaPairs)) {
      throw new IllegalArgumentException("inconsistent projected measurement arrays");
    }
  }

  /**
   * Number of measurements M.
   *
   * @return M
   */
  public int measurementCount() {
    return pathOffset.length - 1;
  }

  /**
   * Total number of paths Σ_m P_m.
   *
   * @return the number of paths
   */
  public int totalPaths() {
    return pathOffset[pathOffset.length - 1];
  }

  /**
   * Length of a coefficient array (doubles): 2·(Σ_m P_m)·C.
   *
   * @return the length
   */
  public int coefficientLength() {
    return 2 * totalPaths() * blocks;
  }

  /**
   * Index of the first path of a measurement.
   *
   * @param m measurement
   * @return Σ_{i&lt;m} P_i
   */
  public int pathOffset(int m) {
    return pathOffset[m];
  }

  /**
   * Number of paths of a measurement.
   *
   * @param m measurement
   * @return P_m
   */
  public int pathCount(int m) {
    return pathOffset[m + 1] - pathOffset[m];
  }

  /**
   * Number of blocks C.
   *
   * @return C
   */
  public int blockCount() {
    return blocks;
  }

  /**
   * Number of antenna pairs.
   *
   * @return A
   */
  public int antennaPairCount() {
    return antennaPairs;
  }

  /**
   * Number of sub-bands B = C/A.
   *
   * @return B
   */
  public int subbandCount() {
    return blocks / antennaPairs;
  }

  /**
   * Samples in a block.
   *
   * @param c block
   * @return K_c
   */
  public int blockSize(int c) {
    return blockSize[c];
  }

  /**
   * Offset of measurement m's Gram matrices in {@link #gram()}.
   *
   * @param m measurement
   * @return the offset
   */
  public int gramOffset(int m) {
    return gramOffset[m];
  }

  /**
   * Gram matrices (read-only by contract).
   *
   * @return the backing array
   */
  public double[] gram() {
    return gram;
  }

  /**
   * Projections g (read-only by contract).
   *
   * @return the backing array
   */
  public double[] projection() {
    return projection;
  }

  /**
   * Energy ‖y_{mc}‖².
   *
   * @param m measurement
   * @param c block
   * @return the energy
   */
  public double energy(int m, int c) {
    return energy[m * blocks + c];
  }

  /**
   * Energy of a whole measurement, Σ_c ‖y_{mc}‖².
   *
   * @param m measurement
   * @return the energy
   */
  public double energy(int m) {
    double s = 0;
    for (int c = 0; c < blocks; c++) {
      s += energy[m * blocks + c];
    }
    return s;
  }

  /**
   * Number of samples of a measurement Σ_c K_c.
   *
   * @return L
   */
  public int samplesPerMeasurement() {
    int s = 0;
    for (int k : blockSize) {
      s += k;
    }
    return s;
  }

  /**
   * Whether path delays and measured delay spreads are available.
   *
   * @return true when both are
   */
  public boolean hasDelays() {
    return delays != null && measuredDelaySpread != null;
  }

  /**
   * Delay of a path.
   *
   * @param path path index (Σ_{i&lt;m} P_i + ℓ)
   * @return τ [s]
   */
  public double delay(int path) {
    return delays[path];
  }

  /**
   * Measured RMS delay spread.
   *
   * @param m measurement
   * @param pair antenna pair
   * @return σ_τ [s], NaN when not estimable
   */
  public double measuredDelaySpread(int m, int pair) {
    return measuredDelaySpread[m * antennaPairs + pair];
  }

  /**
   * Whether the array response of every path across the antenna pairs is available.
   *
   * @return true when it is
   */
  public boolean hasArrayResponse() {
    return arrayResponse != null;
  }

  /**
   * Array responses w_{ℓa} (read-only by contract), interleaved at {@code 2·(path·A + a)}.
   *
   * @return the backing array, or null
   */
  public double[] arrayResponse() {
    return arrayResponse;
  }

  /**
   * Signal-to-noise ratio of the measurements (linear).
   *
   * @return SNR
   */
  public double snr() {
    return snr;
  }

  /**
   * The largest path count of any measurement (at least 1): the size of per-measurement work
   * buffers.
   *
   * @return max_m P_m, at least 1
   */
  public int maxPathCount() {
    int max = 1;
    for (int m = 0; m < measurementCount(); m++) {
      max = Math.max(max, pathCount(m));
    }
    return max;
  }

  /**
   * For measurement m and block c: w_ℓ = a_ℓ·z_ℓ, v = G·w and returns Q = wᴴGw; fills {@code v}
   * (2·P_m doubles). z = null means z_ℓ = 1.
   *
   * @param m measurement
   * @param c block
   * @param coef coefficients
   * @param z interleaved z (2·P_m) or null
   * @param w work buffer (2·P_m), receives w
   * @param v receives G·w
   * @return wᴴGw (real, ≥ 0)
   */
  public double quadraticForm(int m, int c, double[] coef, double[] z, double[] w, double[] v) {
    int p = pathCount(m);
    int off = pathOffset[m];
    for (int l = 0; l < p; l++) {
      int i = 2 * ((off + l) * blocks + c);
      double ar = coef[i];
      double ai = coef[i + 1];
      if (z == null) {
        w[2 * l] = ar;
        w[2 * l + 1] = ai;
      } else {
        w[2 * l] = ar * z[2 * l] - ai * z[2 * l + 1];
        w[2 * l + 1] = ar * z[2 * l + 1] + ai * z[2 * l];
      }
    }
    int g0 = gramOffset[m] + 2 * c * p * p;
    double q = 0;
    for (int l = 0; l < p; l++) {
      double vr = 0;
      double vi = 0;
      int row = g0 + 2 * l * p;
      for (int l2 = 0; l2 < p; l2++) {
        double gr = gram[row + 2 * l2];
        double gi = gram[row + 2 * l2 + 1];
        vr += gr * w[2 * l2] - gi * w[2 * l2 + 1];
        vi += gr * w[2 * l2 + 1] + gi * w[2 * l2];
      }
      v[2 * l] = vr;
      v[2 * l + 1] = vi;
      q += w[2 * l] * vr + w[2 * l + 1] * vi;
    }
    return q;
  }
}
