package org.radiotwin.measure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;
import org.radiotwin.math.Vec3;

/**
 * An immutable set of wideband channel measurements: P positions (a transmitter and a receiver
 * position each), one shared frequency grid of K frequencies, and a complex channel sample H per
 * position, antenna pair and frequency.
 *
 * <p>Storage is a structure of primitive arrays: positions as packed {@code x,y,z} triples [m];
 * frequencies [Hz], strictly increasing and positive; samples interleaved {@code (re, im)} in the
 * order position, antenna pair, frequency, so that the sample of position p, antenna pair a and
 * frequency k has its real part at {@code 2·((p·A + a)·K + k)} and each frequency response is
 * contiguous (as {@code Channel.cfr} writes it). An antenna pair joins receive antenna r ∈ [0,
 * N_rx) and transmit antenna t ∈ [0, N_tx) as a = r·N_tx + t, the row-major order of the MIMO
 * channel matrix H[r][t]; single-antenna measurements have N_rx = N_tx = 1.
 *
 * <p>Every position carries an integer id (the position number of the campaign; unique in the set)
 * that survives slicing and file round trips. No two positions may have both the same transmitter
 * and the same receiver position. Samples are dimensionless channel gains (a VNA's S21), so |H|² is
 * a power gain; decibels appear only in method names that say so.
 *
 * <p>Every factory copies its arrays and every accessor returning an array returns a copy, so a set
 * shares nothing mutable with anyone; slices are new sets.
 */
public final class MeasurementSet {

  /** Largest number of complex samples (two doubles each in one Java array). */
  static final int MAX_SAMPLES = (Integer.MAX_VALUE - 8) / 2;

  private final int[] ids;
  private final double[] tx;
  private final double[] rx;
  private final double[] frequencies;
  private final int rxAntennas;
  private final int txAntennas;
  private final double[] samples;
  private final MeasurementMetadata metadata;

  private MeasurementSet(
      int[] ids,
      double[] tx,
      double[] rx,
      double[] frequencies,
      int rxAntennas,
      int txAntennas,
      double[] samples,
      MeasurementMetadata metadata) {
    this.ids = ids;
    this.tx = tx;
    this.rx = rx;
    this.frequencies = frequencies;
    this.rxAntennas = rxAntennas;
    this.txAntennas = txAntennas;
    this.samples = samples;
    this.metadata = metadata;
  }

  /**
   * Builds a set from packed arrays, which are copied.
   *
   * @param positionIds P distinct position ids
   * @param txXyz transmitter positions, 3P values x,y,z [m]
   * @param rxXyz receiver positions, 3P values x,y,z [m]
   * @param frequencies K frequencies [Hz], positive and strictly increasing
   * @param rxAntennas number of receive antennas N_rx ≥ 1
   * @param txAntennas number of transmit antennas N_tx ≥ 1
   * @param samples 2·P·N_rx·N_tx·K values, interleaved re/im in the order position, antenna pair,
   *     frequency (see the class comment)
   * @param metadata campaign metadata ({@link MeasurementMetadata#NONE} for none)
   * @return the set
   * @throws RadioTwinException naming the first problem: a null array, an empty set, a size that
   *     does not match, a value that is not finite, a non-positive or non-increasing frequency, a
   *     duplicate id, or two positions with the same transmitter and receiver positions
   */
  public static MeasurementSet of(
      int[] positionIds,
      double[] txXyz,
      double[] rxXyz,
      double[] frequencies,
      int rxAntennas,
      int txAntennas,
      double[] samples,
      MeasurementMetadata metadata) {
    requireNonNull(positionIds, "position ids");
    requireNonNull(txXyz, "tx positions");
    requireNonNull(rxXyz, "rx positions");
    requireNonNull(frequencies, "frequencies");
    requireNonNull(samples, "samples");
    return wrap(
        positionIds.clone(),
        txXyz.clone(),
        rxXyz.clone(),
        frequencies.clone(),
        rxAntennas,
        txAntennas,
        samples.clone(),
        metadata);
  }

  /**
   * Builds a single-antenna set without metadata, with position ids 0…P−1.
   *
   * @param txXyz transmitter positions, 3P values [m]
   * @param rxXyz receiver positions, 3P values [m]
   * @param frequencies K frequencies [Hz], positive and strictly increasing
   * @param samples 2·P·K values, interleaved re/im, position-major
   * @return the set
   * @throws RadioTwinException as {@link #of(int[], double[], double[], double[], int, int,
   *     double[], MeasurementMetadata)}
   */
  public static MeasurementSet of(
      double[] txXyz, double[] rxXyz, double[] frequencies, double[] samples) {
    requireNonNull(txXyz, "tx positions");
    int[] ids = new int[txXyz.length / 3];
    for (int p = 0; p < ids.length; p++) {
      ids[p] = p;
    }
    return of(ids, txXyz, rxXyz, frequencies, 1, 1, samples, MeasurementMetadata.NONE);
  }

  /** Validates and takes ownership of the arrays (readers and slices, which own fresh arrays). */
  static MeasurementSet wrap(
      int[] ids,
      double[] tx,
      double[] rx,
      double[] frequencies,
      int rxAntennas,
      int txAntennas,
      double[] samples,
      MeasurementMetadata metadata) {
    if (metadata == null) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "metadata", "must not be null (use NONE)");
    }
    int p = ids.length;
    int k = frequencies.length;
    if (p == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "measurement set", "it has no positions");
    }
    if (k == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "measurement set", "it has no frequencies");
    }
    if (rxAntennas < 1 || txAntennas < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "antenna counts",
          "need at least one receive and one transmit antenna, got "
              + rxAntennas
              + " x "
              + txAntennas);
    }
    checkSize("tx positions (3 per position)", 3L * p, tx.length);
    checkSize("rx positions (3 per position)", 3L * p, rx.length);
    long count = (long) p * rxAntennas * txAntennas * k;
    if (count > MAX_SAMPLES) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "measurement set",
          count + " samples exceed the limit of " + MAX_SAMPLES);
    }
    checkSize("samples (2 per position, antenna pair and frequency)", 2 * count, samples.length);
    checkFrequencies(frequencies);
    checkPositions(ids, tx, rx);
    int a = rxAntennas * txAntennas;
    for (int i = 0; i < samples.length; i++) {
      if (!Double.isFinite(samples[i])) {
        int c = i / 2;
        int pos = c / (a * k);
        throw new RadioTwinException(
            RadioTwinMessages.NOT_FINITE,
            String.format(
                Locale.ROOT,
                "%s of the sample at position index %d (id %d), antenna pair %d, frequency index %d",
                i % 2 == 0 ? "real part" : "imaginary part",
                pos,
                ids[pos],
                (c / k) % a,
                c % k),
            samples[i]);
      }
    }
    return new MeasurementSet(ids, tx, rx, frequencies, rxAntennas, txAntennas, samples, metadata);
  }

  private static void requireNonNull(Object array, String what) {
    if (array == null) {
      throw new RadioTwinException(RadioTwinMessages.INVALID_ARGUMENT, what, "must not be null");
    }
  }

  private static void checkSize(String what, long expected, int actual) {
    if (expected != actual) {
      if (expected > Integer.MAX_VALUE) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, what, "too many values: " + expected);
      }
      throw new RadioTwinException(RadioTwinMessages.SIZE_MISMATCH, what, (int) expected, actual);
    }
  }

  private static void checkFrequencies(double[] f) {
    for (int k = 0; k < f.length; k++) {
      if (!Double.isFinite(f[k])) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "frequency[" + k + "]", f[k]);
      }
      if (f[k] <= 0) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "frequency[" + k + "]",
            "must be positive, got " + f[k] + " Hz");
      }
      if (k > 0 && !(f[k] > f[k - 1])) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "frequency grid",
            String.format(
                Locale.ROOT,
                "must be strictly increasing, but frequency[%d] = %s Hz follows"
                    + " frequency[%d] = %s Hz",
                k,
                f[k],
                k - 1,
                f[k - 1]));
      }
    }
  }

  private static void checkPositions(int[] ids, double[] tx, double[] rx) {
    Map<Integer, Integer> byId = new HashMap<>();
    Map<PositionKey, Integer> byPosition = new HashMap<>();
    for (int p = 0; p < ids.length; p++) {
      for (int c = 0; c < 3; c++) {
        if (!Double.isFinite(tx[3 * p + c]) || !Double.isFinite(rx[3 * p + c])) {
          boolean txBad = !Double.isFinite(tx[3 * p + c]);
          throw new RadioTwinException(
              RadioTwinMessages.NOT_FINITE,
              String.format(
                  Locale.ROOT,
                  "%s %s of position index %d (id %d)",
                  txBad ? "tx" : "rx",
                  "xyz".charAt(c),
                  p,
                  ids[p]),
              txBad ? tx[3 * p + c] : rx[3 * p + c]);
        }
      }
      Integer previous = byId.put(ids[p], p);
      if (previous != null) {
        throw new RadioTwinException(
            RadioTwinMessages.DUPLICATE_NAME, "position id", Integer.toString(ids[p]));
      }
      PositionKey key = PositionKey.of(tx, rx, p);
      Integer same = byPosition.put(key, p);
      if (same != null) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "positions",
            String.format(
                Locale.ROOT,
                "ids %d and %d have the same tx %s and rx %s",
                ids[same],
                ids[p],
                key.tx(),
                key.rx()));
      }
    }
  }

  /** A transmitter–receiver pair as a hash key; −0.0 and 0.0 are the same coordinate. */
  record PositionKey(Vec3 tx, Vec3 rx) {
    static PositionKey of(double[] tx, double[] rx, int p) {
      // Adding 0.0 turns −0.0 into 0.0, so that the record's equals (Double.compare) agrees with
      // the geometry.
      return new PositionKey(
          new Vec3(tx[3 * p] + 0.0, tx[3 * p + 1] + 0.0, tx[3 * p + 2] + 0.0),
          new Vec3(rx[3 * p] + 0.0, rx[3 * p + 1] + 0.0, rx[3 * p + 2] + 0.0));
    }
  }

  /**
   * Starts a builder for a set on a frequency grid with one antenna at each end.
   *
   * @param frequencies K frequencies [Hz] (copied)
   * @return a builder
   */
  public static Builder builder(double[] frequencies) {
    return builder(frequencies, 1, 1);
  }

  /**
   * Starts a builder for a set on a frequency grid with antenna arrays.
   *
   * @param frequencies K frequencies [Hz] (copied)
   * @param rxAntennas receive antennas N_rx ≥ 1
   * @param txAntennas transmit antennas N_tx ≥ 1
   * @return a builder
   */
  public static Builder builder(double[] frequencies, int rxAntennas, int txAntennas) {
    requireNonNull(frequencies, "frequencies");
    return new Builder(frequencies.clone(), rxAntennas, txAntennas);
  }

  /** Collects positions one at a time; {@link #build()} validates everything. */
  public static final class Builder {
    private final double[] frequencies;
    private final int rxAntennas;
    private final int txAntennas;
    private int count;
    private int[] ids = new int[16];
    private double[] tx = new double[48];
    private double[] rx = new double[48];
    private double[] samples = new double[0];
    private MeasurementMetadata metadata = MeasurementMetadata.NONE;

    private Builder(double[] frequencies, int rxAntennas, int txAntennas) {
      this.frequencies = frequencies;
      this.rxAntennas = rxAntennas;
      this.txAntennas = txAntennas;
    }

    /**
     * Adds a position.
     *
     * @param id position id (unique in the set)
     * @param txPosition transmitter position [m]
     * @param rxPosition receiver position [m]
     * @param h its samples: 2·N_rx·N_tx·K values, interleaved re/im, antenna pair then frequency
     * @return this builder
     * @throws RadioTwinException if h has the wrong length
     */
    public Builder add(int id, Vec3 txPosition, Vec3 rxPosition, double[] h) {
      requireNonNull(h, "samples");
      requireNonNull(txPosition, "tx position");
      requireNonNull(rxPosition, "rx position");
      long per = 2L * rxAntennas * txAntennas * frequencies.length;
      checkSize("samples of position id " + id, per, h.length);
      if ((count + 1) * per > 2L * MAX_SAMPLES) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, "measurement set", "too many samples");
      }
      if (count == ids.length) {
        ids = Arrays.copyOf(ids, 2 * count);
        tx = Arrays.copyOf(tx, 6 * count);
        rx = Arrays.copyOf(rx, 6 * count);
      }
      if (samples.length < (count + 1) * per) {
        samples = Arrays.copyOf(samples, (int) Math.min(2L * MAX_SAMPLES, 2 * (count + 1) * per));
      }
      ids[count] = id;
      tx[3 * count] = txPosition.x();
      tx[3 * count + 1] = txPosition.y();
      tx[3 * count + 2] = txPosition.z();
      rx[3 * count] = rxPosition.x();
      rx[3 * count + 1] = rxPosition.y();
      rx[3 * count + 2] = rxPosition.z();
      System.arraycopy(h, 0, samples, (int) (count * per), h.length);
      count++;
      return this;
    }

    /**
     * Sets the metadata.
     *
     * @param m campaign metadata
     * @return this builder
     */
    public Builder metadata(MeasurementMetadata m) {
      this.metadata = m;
      return this;
    }

    /**
     * Builds the set.
     *
     * @return the set
     * @throws RadioTwinException as {@link MeasurementSet#of(int[], double[], double[], double[],
     *     int, int, double[], MeasurementMetadata)}
     */
    public MeasurementSet build() {
      long per = 2L * rxAntennas * txAntennas * frequencies.length;
      return wrap(
          Arrays.copyOf(ids, count),
          Arrays.copyOf(tx, 3 * count),
          Arrays.copyOf(rx, 3 * count),
          frequencies.clone(),
          rxAntennas,
          txAntennas,
          Arrays.copyOf(samples, (int) (count * per)),
          metadata);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sizes and positions

  /**
   * Number of positions P.
   *
   * @return P ≥ 1
   */
  public int positionCount() {
    return ids.length;
  }

  /**
   * Number of frequencies K.
   *
   * @return K ≥ 1
   */
  public int frequencyCount() {
    return frequencies.length;
  }

  /**
   * Number of receive antennas N_rx.
   *
   * @return N_rx ≥ 1
   */
  public int rxAntennaCount() {
    return rxAntennas;
  }

  /**
   * Number of transmit antennas N_tx.
   *
   * @return N_tx ≥ 1
   */
  public int txAntennaCount() {
    return txAntennas;
  }

  /**
   * Number of antenna pairs A = N_rx·N_tx.
   *
   * @return A ≥ 1
   */
  public int antennaPairCount() {
    return rxAntennas * txAntennas;
  }

  /**
   * Number of complex samples P·A·K.
   *
   * @return the sample count
   */
  public int sampleCount() {
    return samples.length / 2;
  }

  /**
   * Index of an antenna pair.
   *
   * @param rxAntenna receive antenna r ∈ [0, N_rx)
   * @param txAntenna transmit antenna t ∈ [0, N_tx)
   * @return a = r·N_tx + t
   */
  public int antennaPair(int rxAntenna, int txAntenna) {
    checkIndex("receive antenna", rxAntenna, rxAntennas);
    checkIndex("transmit antenna", txAntenna, txAntennas);
    return rxAntenna * txAntennas + txAntenna;
  }

  /**
   * The id of a position.
   *
   * @param p position index ∈ [0, P)
   * @return its id
   */
  public int positionId(int p) {
    checkIndex("position index", p, ids.length);
    return ids[p];
  }

  /**
   * The ids of every position, in order.
   *
   * @return a copy of the P ids
   */
  public int[] positionIds() {
    return ids.clone();
  }

  /**
   * Finds a position by id (linear search).
   *
   * @param id position id
   * @return its index, or −1 if no position has that id
   */
  public int indexOfId(int id) {
    for (int p = 0; p < ids.length; p++) {
      if (ids[p] == id) {
        return p;
      }
    }
    return -1;
  }

  /**
   * Transmitter position.
   *
   * @param p position index
   * @return the transmitter position [m]
   */
  public Vec3 txPosition(int p) {
    checkIndex("position index", p, ids.length);
    return new Vec3(tx[3 * p], tx[3 * p + 1], tx[3 * p + 2]);
  }

  /**
   * Receiver position.
   *
   * @param p position index
   * @return the receiver position [m]
   */
  public Vec3 rxPosition(int p) {
    checkIndex("position index", p, ids.length);
    return new Vec3(rx[3 * p], rx[3 * p + 1], rx[3 * p + 2]);
  }

  /**
   * Transmitter positions, packed.
   *
   * @return a copy of the 3P coordinates x,y,z [m]
   */
  public double[] txPositions() {
    return tx.clone();
  }

  /**
   * Receiver positions, packed.
   *
   * @return a copy of the 3P coordinates x,y,z [m]
   */
  public double[] rxPositions() {
    return rx.clone();
  }

  // ---------------------------------------------------------------------------------------------
  // Frequencies

  /**
   * One frequency of the grid.
   *
   * @param k frequency index ∈ [0, K)
   * @return f_k [Hz]
   */
  public double frequency(int k) {
    checkIndex("frequency index", k, frequencies.length);
    return frequencies[k];
  }

  /**
   * The frequency grid.
   *
   * @return a copy of the K frequencies [Hz]
   */
  public double[] frequencies() {
    return frequencies.clone();
  }

  /**
   * Lowest frequency.
   *
   * @return f_0 [Hz]
   */
  public double minFrequency() {
    return frequencies[0];
  }

  /**
   * Highest frequency.
   *
   * @return f_{K−1} [Hz]
   */
  public double maxFrequency() {
    return frequencies[frequencies.length - 1];
  }

  // ---------------------------------------------------------------------------------------------
  // Samples

  private int offset(int p, int a, int k) {
    checkIndex("position index", p, ids.length);
    checkIndex("antenna pair", a, rxAntennas * txAntennas);
    checkIndex("frequency index", k, frequencies.length);
    return 2 * ((p * rxAntennas * txAntennas + a) * frequencies.length + k);
  }

  private void requireSingleAntenna() {
    if (rxAntennas * txAntennas != 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "sample access",
          "the set has "
              + rxAntennas
              + " x "
              + txAntennas
              + " antennas: give the antenna pair index");
    }
  }

  /**
   * Real part of a sample.
   *
   * @param p position index
   * @param a antenna pair index (see {@link #antennaPair})
   * @param k frequency index
   * @return Re H
   */
  public double re(int p, int a, int k) {
    return samples[offset(p, a, k)];
  }

  /**
   * Imaginary part of a sample.
   *
   * @param p position index
   * @param a antenna pair index
   * @param k frequency index
   * @return Im H
   */
  public double im(int p, int a, int k) {
    return samples[offset(p, a, k) + 1];
  }

  /**
   * A sample as a complex number.
   *
   * @param p position index
   * @param a antenna pair index
   * @param k frequency index
   * @return H
   */
  public Complex sample(int p, int a, int k) {
    int o = offset(p, a, k);
    return new Complex(samples[o], samples[o + 1]);
  }

  /**
   * Power gain of a sample.
   *
   * @param p position index
   * @param a antenna pair index
   * @param k frequency index
   * @return |H|² (linear)
   */
  public double power(int p, int a, int k) {
    int o = offset(p, a, k);
    return samples[o] * samples[o] + samples[o + 1] * samples[o + 1];
  }

  /**
   * Real part of a single-antenna sample.
   *
   * @param p position index
   * @param k frequency index
   * @return Re H
   * @throws RadioTwinException if the set has more than one antenna pair
   */
  public double re(int p, int k) {
    requireSingleAntenna();
    return re(p, 0, k);
  }

  /**
   * Imaginary part of a single-antenna sample.
   *
   * @param p position index
   * @param k frequency index
   * @return Im H
   * @throws RadioTwinException if the set has more than one antenna pair
   */
  public double im(int p, int k) {
    requireSingleAntenna();
    return im(p, 0, k);
  }

  /**
   * A single-antenna sample.
   *
   * @param p position index
   * @param k frequency index
   * @return H
   * @throws RadioTwinException if the set has more than one antenna pair
   */
  public Complex sample(int p, int k) {
    requireSingleAntenna();
    return sample(p, 0, k);
  }

  /**
   * Power gain of a single-antenna sample.
   *
   * @param p position index
   * @param k frequency index
   * @return |H|²
   * @throws RadioTwinException if the set has more than one antenna pair
   */
  public double power(int p, int k) {
    requireSingleAntenna();
    return power(p, 0, k);
  }

  /**
   * Copies the frequency response of one position and antenna pair into a caller-owned buffer.
   *
   * @param p position index
   * @param a antenna pair index
   * @param dst destination, interleaved re/im
   * @param dstOffset index in dst of the real part of the first frequency
   */
  public void copyResponse(int p, int a, double[] dst, int dstOffset) {
    int o = offset(p, a, 0);
    int n = 2 * frequencies.length;
    if (dst == null || dstOffset < 0 || dstOffset > dst.length - n) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "destination",
          "needs " + n + " values from offset " + dstOffset);
    }
    System.arraycopy(samples, o, dst, dstOffset, n);
  }

  /**
   * All samples.
   *
   * @return a copy of the 2·P·A·K interleaved values, in storage order
   */
  public double[] copySamples() {
    return samples.clone();
  }

  /**
   * Mean power gain of a position over its antenna pairs and frequencies.
   *
   * @param p position index
   * @return (1/(A·K))·Σ_a Σ_k |H_{p,a,k}|² (linear)
   */
  public double meanPower(int p) {
    checkIndex("position index", p, ids.length);
    int n = rxAntennas * txAntennas * frequencies.length;
    int o = 2 * p * n;
    double sum = 0;
    for (int i = o; i < o + 2 * n; i += 2) {
      sum += samples[i] * samples[i] + samples[i + 1] * samples[i + 1];
    }
    return sum / n;
  }

  /**
   * Mean power gain of every position.
   *
   * @return P values {@link #meanPower(int)} (linear)
   */
  public double[] meanPowers() {
    double[] m = new double[ids.length];
    for (int p = 0; p < m.length; p++) {
      m[p] = meanPower(p);
    }
    return m;
  }

  /**
   * Mean power gain over the whole set.
   *
   * @return (1/(P·A·K))·Σ |H|² (linear)
   */
  public double meanPower() {
    double sum = 0;
    for (int i = 0; i < samples.length; i += 2) {
      sum += samples[i] * samples[i] + samples[i + 1] * samples[i + 1];
    }
    return sum / (0.5 * samples.length);
  }

  /**
   * The campaign metadata.
   *
   * @return the metadata ({@link MeasurementMetadata#NONE} when none)
   */
  public MeasurementMetadata metadata() {
    return metadata;
  }

  // ---------------------------------------------------------------------------------------------
  // Slices

  /**
   * The same measurements with other metadata.
   *
   * @param m new metadata
   * @return a new set
   */
  public MeasurementSet withMetadata(MeasurementMetadata m) {
    return wrap(ids, tx, rx, frequencies, rxAntennas, txAntennas, samples, m);
  }

  /**
   * A subset of positions, in the given order.
   *
   * @param indices position indices, distinct, each in [0, P), at least one
   * @return a new set with those positions (ids kept)
   * @throws RadioTwinException if an index is out of range or repeated, or none is given
   */
  public MeasurementSet selectPositions(int... indices) {
    if (indices == null || indices.length == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "position selection", "select at least one");
    }
    boolean[] seen = new boolean[ids.length];
    for (int p : indices) {
      checkIndex("position index", p, ids.length);
      if (seen[p]) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "position selection",
            "position index " + p + " is selected twice");
      }
      seen[p] = true;
    }
    int per = 2 * rxAntennas * txAntennas * frequencies.length;
    int n = indices.length;
    int[] newIds = new int[n];
    double[] newTx = new double[3 * n];
    double[] newRx = new double[3 * n];
    double[] newSamples = new double[n * per];
    for (int i = 0; i < n; i++) {
      int p = indices[i];
      newIds[i] = ids[p];
      System.arraycopy(tx, 3 * p, newTx, 3 * i, 3);
      System.arraycopy(rx, 3 * p, newRx, 3 * i, 3);
      System.arraycopy(samples, p * per, newSamples, i * per, per);
    }
    return wrap(
        newIds, newTx, newRx, frequencies.clone(), rxAntennas, txAntennas, newSamples, metadata);
  }

  /**
   * A contiguous range of positions.
   *
   * @param from first position index (inclusive)
   * @param to last position index (exclusive), from &lt; to ≤ P
   * @return a new set with positions from…to−1
   */
  public MeasurementSet slicePositions(int from, int to) {
    checkRange("position range", from, to, ids.length);
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return selectPositions(indices);
  }

  /**
   * A contiguous range of frequencies.
   *
   * @param from first frequency index (inclusive)
   * @param to last frequency index (exclusive), from &lt; to ≤ K
   * @return a new set on frequencies f_from…f_{to−1}
   */
  public MeasurementSet sliceFrequencies(int from, int to) {
    checkRange("frequency range", from, to, frequencies.length);
    int k = frequencies.length;
    int n = to - from;
    int sweeps = ids.length * rxAntennas * txAntennas;
    double[] newSamples = new double[2 * sweeps * n];
    for (int s = 0; s < sweeps; s++) {
      System.arraycopy(samples, 2 * (s * k + from), newSamples, 2 * s * n, 2 * n);
    }
    return wrap(
        ids.clone(),
        tx.clone(),
        rx.clone(),
        Arrays.copyOfRange(frequencies, from, to),
        rxAntennas,
        txAntennas,
        newSamples,
        metadata);
  }

  /**
   * The frequencies inside a band.
   *
   * @param fmin lower edge [Hz] (inclusive)
   * @param fmax upper edge [Hz] (inclusive)
   * @return a new set on the frequencies f with fmin ≤ f ≤ fmax
   * @throws RadioTwinException if the edges are not finite, fmin &gt; fmax, or no frequency lies in
   *     the band
   */
  public MeasurementSet selectBand(double fmin, double fmax) {
    if (!Double.isFinite(fmin) || !Double.isFinite(fmax) || fmin > fmax) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "band",
          "need finite fmin <= fmax, got " + fmin + " .. " + fmax + " Hz");
    }
    int from = 0;
    while (from < frequencies.length && frequencies[from] < fmin) {
      from++;
    }
    int to = from;
    while (to < frequencies.length && frequencies[to] <= fmax) {
      to++;
    }
    if (to == from) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "band " + fmin + " .. " + fmax + " Hz",
          "no measured frequency in it (grid " + minFrequency() + " .. " + maxFrequency() + " Hz)");
    }
    return sliceFrequencies(from, to);
  }

  private static void checkIndex(String what, int i, int n) {
    if (i < 0 || i >= n) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, what + " " + i, "must be in [0, " + n + ")");
    }
  }

  private static void checkRange(String what, int from, int to, int n) {
    if (from < 0 || to > n || from >= to) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          what + " [" + from + ", " + to + ")",
          "need 0 <= from < to <= " + n);
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Sets are equal when every id, position, frequency, sample (bit for bit) and metadata are. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof MeasurementSet)) {
      return false;
    }
    MeasurementSet s = (MeasurementSet) o;
    return rxAntennas == s.rxAntennas
        && txAntennas == s.txAntennas
        && Arrays.equals(ids, s.ids)
        && Arrays.equals(tx, s.tx)
        && Arrays.equals(rx, s.rx)
        && Arrays.equals(frequencies, s.frequencies)
        && Arrays.equals(samples, s.samples)
        && metadata.equals(s.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        rxAntennas,
        txAntennas,
        Arrays.hashCode(ids),
        Arrays.hashCode(tx),
        Arrays.hashCode(rx),
        Arrays.hashCode(frequencies),
        Arrays.hashCode(samples),
        metadata);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "MeasurementSet[%d positions, %d frequencies %.6g..%.6g GHz, %d x %d antennas%s]",
        ids.length,
        frequencies.length,
        minFrequency() / 1e9,
        maxFrequency() / 1e9,
        rxAntennas,
        txAntennas,
        metadata.campaign().isEmpty() ? "" : ", campaign '" + metadata.campaign() + "'");
  }

  // Package-private raw access for the writers (no copies of 16 MB arrays).

  double[] rawSamples() {
    return samples;
  }

  double[] rawTx() {
    return tx;
  }

  double[] rawRx() {
    return rx;
  }

  double[] rawFrequencies() {
    return frequencies;
  }
}
