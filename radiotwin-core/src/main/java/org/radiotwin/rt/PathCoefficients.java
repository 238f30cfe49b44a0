package org.radiotwin.rt;

import org.radiotwin.math.Complex;

/**
 * Complex path coefficients a for every path and antenna pair at one frequency, with optional exact
 * derivatives with respect to material parameters. Sionna RT's convention: a = (λ/4π)·C_Rᴴ T C_T /
 * L without the propagation phase e^{−j2πfτ}, which the channel adds.
 *
 * <p>Layout: interleaved (re, im) at index {@code 2·((path·numRxAnt + r)·numTxAnt + t)}; the
 * derivative with respect to parameter k at {@code k·2·size + that index}.
 */
public final class PathCoefficients {

  private final PathSet paths;
  private final double frequency;
  private final int numRxAnt;
  private final int numTxAnt;
  private final double[] a;
  private final double[] derivatives;
  private final int parameterCount;

  PathCoefficients(
      PathSet paths,
      double frequency,
      int numRxAnt,
      int numTxAnt,
      double[] a,
      double[] derivatives,
      int parameterCount) {
    this.paths = paths;
    this.frequency = frequency;
    this.numRxAnt = numRxAnt;
    this.numTxAnt = numTxAnt;
    this.a = a;
    this.derivatives = derivatives;
    this.parameterCount = parameterCount;
  }

  /**
   * The path geometry these coefficients belong to.
   *
   * @return the paths
   */
  public PathSet paths() {
    return paths;
  }

  /**
   * Carrier frequency.
   *
   * @return f [Hz]
   */
  public double frequency() {
    return frequency;
  }

  /**
   * Receive antennas per receiver.
   *
   * @return numRxAnt
   */
  public int rxAntennaCount() {
    return numRxAnt;
  }

  /**
   * Transmit antennas per transmitter.
   *
   * @return numTxAnt
   */
  public int txAntennaCount() {
    return numTxAnt;
  }

  /**
   * Index of a coefficient's real part in the interleaved layout.
   *
   * @param path path index
   * @param rxAnt receive antenna
   * @param txAnt transmit antenna
   * @return the index
   */
  public int index(int path, int rxAnt, int txAnt) {
    return 2 * ((path * numRxAnt + rxAnt) * numTxAnt + txAnt);
  }

  /**
   * Real part of a coefficient.
   *
   * @param path path index
   * @param rxAnt receive antenna
   * @param txAnt transmit antenna
   * @return Re a
   */
  public double re(int path, int rxAnt, int txAnt) {
    return a[index(path, rxAnt, txAnt)];
  }

  /**
   * Imaginary part of a coefficient.
   *
   * @param path path index
   * @param rxAnt receive antenna
   * @param txAnt transmit antenna
   * @return Im a
   */
  public double im(int path, int rxAnt, int txAnt) {
    return a[index(path, rxAnt, txAnt) + 1];
  }

  /**
   * A coefficient.
   *
   * @param path path index
   * @param rxAnt receive antenna
   * @param txAnt transmit antenna
   * @return a
   */
  public Complex a(int path, int rxAnt, int txAnt) {
    int i = index(path, rxAnt, txAnt);
    return new Complex(a[i], a[i + 1]);
  }

  /**
   * Number of parameters with derivatives (0 when none were asked for).
   *
   * @return parameter count
   */
  public int parameterCount() {
    return parameterCount;
  }

  /**
   * Derivative of a coefficient with respect to a parameter.
   *
   * @param parameter parameter index (see the evaluator's parameter list)
   * @param path path index
   * @param rxAnt receive antenna
   * @param txAnt transmit antenna
   * @return ∂a/∂θ_k
   */
  public Complex derivative(int parameter, int path, int rxAnt, int txAnt) {
    if (parameter < 0 || parameter >= parameterCount) {
      throw new IndexOutOfBoundsException("parameter " + parameter + " of " + parameterCount);
    }
    int i = parameter * a.length + index(path, rxAnt, txAnt);
    return new Complex(derivatives[i], derivatives[i + 1]);
  }

  /**
   * The interleaved coefficients (read-only by contract; not copied, for hot loops).
   *
   * @return the backing array
   */
  public double[] raw() {
    return a;
  }
}
