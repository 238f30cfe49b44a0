package org.radiotwin.material;

import org.radiotwin.math.Complex;

/**
 * A material's electrical properties at one frequency.
 *
 * @param frequency frequency [Hz]
 * @param relativePermittivity real relative permittivity η_r
 * @param conductivity conductivity σ [S/m]
 * @param complexRelativePermittivity η = η_r − jσ/(ε0·2πf)
 * @param extrapolated true when an ITU material was evaluated outside its validity ranges
 */
public record ElectricalProperties(
    double frequency,
    double relativePermittivity,
    double conductivity,
    Complex complexRelativePermittivity,
    boolean extrapolated) {}
