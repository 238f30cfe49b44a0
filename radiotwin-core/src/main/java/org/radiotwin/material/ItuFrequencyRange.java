package org.radiotwin.material;

/**
 * One frequency range of an ITU-R P.2040-3 material (Table 3), in which η_r = a·f_GHz^b and σ =
 * c·f_GHz^d [S/m].
 *
 * @param a permittivity coefficient
 * @param b permittivity exponent
 * @param c conductivity coefficient [S/m]
 * @param d conductivity exponent
 * @param minGHz lower bound of validity [GHz], inclusive
 * @param maxGHz upper bound of validity [GHz], inclusive
 */
public record ItuFrequencyRange(
    double a, double b, double c, double d, double minGHz, double maxGHz) {

  /**
   * Whether a frequency lies in this range (bounds inclusive).
   *
   * @param fGHz frequency [GHz]
   * @return minGHz ≤ fGHz ≤ maxGHz
   */
  public boolean contains(double fGHz) {
    return fGHz >= minGHz && fGHz <= maxGHz;
  }

  /**
   * Distance of a frequency to the range on a log scale, 0 inside; used to pick the range to
   * extrapolate from.
   *
   * @param fGHz frequency [GHz]
   * @return |ln(f/bound)| to the nearest bound, 0 inside
   */
  public double logDistance(double fGHz) {
    if (contains(fGHz)) {
      return 0;
    }
    return fGHz < minGHz ? Math.log(minGHz / fGHz) : Math.log(fGHz / maxGHz);
  }

  /**
   * Relative permittivity η_r = a·f_GHz^b.
   *
   * @param fGHz frequency [GHz]
   * @return η_r
   */
  public double relativePermittivity(double fGHz) {
    return a * Math.pow(fGHz, b);
  }

  /**
   * Conductivity σ = c·f_GHz^d.
   *
   * @param fGHz frequency [GHz]
   * @return σ [S/m]
   */
  public double conductivity(double fGHz) {
    return c * Math.pow(fGHz, d);
  }

  @Override
  public String toString() {
    return minGHz + "–" + maxGHz + " GHz";
  }
}
