package org.radiotwin.material;

import java.util.Objects;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;
import org.radiotwin.math.PhysicalConstants;

/**
 * A radio material, as in Sionna RT: either an ITU-R P.2040-3 material (frequency-dependent η_r and
 * σ) or a custom one with constant η_r and σ; both with a slab thickness, a scattering coefficient
 * S ∈ [0, 1], a cross-polarisation discrimination coefficient K_x ∈ [0, 1] and a diffuse scattering
 * pattern f_s ({@link ScatteringPattern}, Lambertian unless set).
 *
 * <p>The complex relative permittivity follows Sionna's convention η = η_r − jσ/(ε0·ω), ω = 2πf.
 *
 * @param name material name as the scene knows it (e.g. {@code itu_concrete}, {@code
 *     mat-itu_brick})
 * @param ituType the ITU type, or null for a custom material
 * @param customRelativePermittivity η_r of a custom material (ignored for ITU materials)
 * @param customConductivity σ [S/m] of a custom material (ignored for ITU materials)
 * @param thickness slab thickness d [m], ≥ 0
 * @param scatteringCoefficient S ∈ [0, 1]
 * @param xpdCoefficient K_x ∈ [0, 1]
 * @param scatteringPattern the pattern f_s of the diffusely scattered power
 */
public record RadioMaterial(
    String name,
    ItuMaterialType ituType,
    double customRelativePermittivity,
    double customConductivity,
    double thickness,
    double scatteringCoefficient,
    double xpdCoefficient,
    ScatteringPattern scatteringPattern) {

  /** Sionna RT's default slab thickness [m]. */
  public static final double DEFAULT_THICKNESS = 0.1;

  private static final System.Logger LOG = System.getLogger(RadioMaterial.class.getName());

  /** Validates every parameter. */
  public RadioMaterial {
    if (name == null || name.isBlank()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "material name", "must not be empty");
    }
    check(name, "thickness", thickness, 0, Double.POSITIVE_INFINITY);
    check(name, "scattering coefficient", scatteringCoefficient, 0, 1);
    check(name, "XPD coefficient", xpdCoefficient, 0, 1);
    Objects.requireNonNull(scatteringPattern, "scatteringPattern");
    if (ituType == null) {
      check(name, "relative permittivity", customRelativePermittivity, 0, Double.MAX_VALUE);
      check(name, "conductivity", customConductivity, 0, Double.MAX_VALUE);
    }
  }

  /**
   * A material with the Lambertian scattering pattern (the constructor of the materials without a
   * pattern).
   *
   * @param name material name
   * @param ituType the ITU type, or null for a custom material
   * @param customRelativePermittivity η_r of a custom material
   * @param customConductivity σ [S/m] of a custom material
   * @param thickness slab thickness d [m]
   * @param scatteringCoefficient S ∈ [0, 1]
   * @param xpdCoefficient K_x ∈ [0, 1]
   */
  public RadioMaterial(
      String name,
      ItuMaterialType ituType,
      double customRelativePermittivity,
      double customConductivity,
      double thickness,
      double scatteringCoefficient,
      double xpdCoefficient) {
    this(
        name,
        ituType,
        customRelativePermittivity,
        customConductivity,
        thickness,
        scatteringCoefficient,
        xpdCoefficient,
        ScatteringPattern.LAMBERTIAN);
  }

  private static void check(String material, String what, double v, double lo, double hi) {
    if (!Double.isFinite(v) && !(v == Double.POSITIVE_INFINITY && hi == v)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, what + " of " + material, v);
    }
    if (v < lo || v > hi) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          what + " of material '" + material + "'",
          v + " is outside [" + lo + ", " + hi + "]");
    }
  }

  /**
   * An ITU material with Sionna's default thickness (0.1 m), no scattering and no XPD.
   *
   * @param name material name
   * @param type ITU type
   * @return the material
   */
  public static RadioMaterial itu(String name, ItuMaterialType type) {
    return itu(name, type, DEFAULT_THICKNESS);
  }

  /**
   * An ITU material, no scattering and no XPD.
   *
   * @param name material name
   * @param type ITU type
   * @param thickness slab thickness [m]
   * @return the material
   */
  public static RadioMaterial itu(String name, ItuMaterialType type, double thickness) {
    Objects.requireNonNull(type, "type");
    return new RadioMaterial(name, type, 0, 0, thickness, 0, 0);
  }

  /**
   * A custom material with frequency-independent η_r and σ.
   *
   * @param name material name
   * @param relativePermittivity η_r ≥ 0 (1 for vacuum)
   * @param conductivity σ ≥ 0 [S/m]
   * @param thickness slab thickness [m]
   * @return the material
   */
  public static RadioMaterial custom(
      String name, double relativePermittivity, double conductivity, double thickness) {
    return new RadioMaterial(name, null, relativePermittivity, conductivity, thickness, 0, 0);
  }

  /**
   * Vacuum: η_r = 1, σ = 0. Sionna gives this to visual materials that name no ITU type.
   *
   * @param name material name
   * @return a transparent material of thickness 0.1 m
   */
  public static RadioMaterial vacuum(String name) {
    return custom(name, 1, 0, DEFAULT_THICKNESS);
  }

  /**
   * Whether this is an ITU material.
   *
   * @return true when {@link #ituType()} is not null
   */
  public boolean isItu() {
    return ituType != null;
  }

  /**
   * Electrical properties at a frequency; an ITU material outside its ranges is an error.
   *
   * @param frequency frequency [Hz]
   * @return η_r, σ and η at that frequency
   * @throws RadioTwinException if the frequency is outside an ITU material's ranges
   */
  public ElectricalProperties evaluate(double frequency) {
    return evaluate(frequency, false);
  }

  /**
   * Electrical properties at a frequency.
   *
   * @param frequency frequency [Hz], positive
   * @param allowExtrapolation evaluate ITU materials outside their ranges with the nearest range's
   *     formula (a warning is logged) instead of failing
   * @return η_r, σ and η = η_r − jσ/(ε0·2πf)
   */
  public ElectricalProperties evaluate(double frequency, boolean allowExtrapolation) {
    if (!(frequency > 0) || !Double.isFinite(frequency)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "frequency for material '" + name + "'",
          "must be a positive finite number of Hz, got " + frequency);
    }
    double etaR;
    double sigma;
    boolean extrapolated = false;
    if (ituType != null) {
      ItuFrequencyRange range;
      try {
        range = ituType.rangeFor(frequency, allowExtrapolation);
      } catch (RadioTwinException e) {
        // Re-raise naming the scene's material, not only its ITU type.
        throw new RadioTwinException(
            e,
            RadioTwinMessages.FREQUENCY_OUT_OF_RANGE,
            frequency / 1e9,
            name,
            ituType.sionnaName(),
            ituType.ranges().stream()
                .map(ItuFrequencyRange::toString)
                .reduce((x, y) -> x + ", " + y)
                .orElse(""));
      }
      double fGHz = frequency / 1e9;
      extrapolated = !range.contains(fGHz);
      if (extrapolated) {
        LOG.log(
            System.Logger.Level.WARNING,
            "material ''{0}'' ({1}) extrapolated to {2} GHz from its range {3}",
            name,
            ituType.sionnaName(),
            fGHz,
            range);
      }
      etaR = range.relativePermittivity(fGHz);
      sigma = range.conductivity(fGHz);
    } else {
      etaR = customRelativePermittivity;
      sigma = customConductivity;
    }
    return new ElectricalProperties(
        frequency, etaR, sigma, complexRelativePermittivity(etaR, sigma, frequency), extrapolated);
  }

  /**
   * Complex relative permittivity η = η_r − jσ/(ε0·2πf) (Sionna RT / ITU-R P.2040 convention).
   *
   * @param relativePermittivity η_r
   * @param conductivity σ [S/m]
   * @param frequency f [Hz]
   * @return η
   */
  public static Complex complexRelativePermittivity(
      double relativePermittivity, double conductivity, double frequency) {
    double omega = 2 * Math.PI * frequency;
    return new Complex(relativePermittivity, -conductivity / (PhysicalConstants.EPSILON_0 * omega));
  }

  /**
   * The same material under another name.
   *
   * @param newName name
   * @return a copy named {@code newName}
   */
  public RadioMaterial withName(String newName) {
    return new RadioMaterial(
        newName,
        ituType,
        customRelativePermittivity,
        customConductivity,
        thickness,
        scatteringCoefficient,
        xpdCoefficient,
        scatteringPattern);
  }

  /**
   * The same material with another thickness.
   *
   * @param newThickness thickness [m]
   * @return a copy
   */
  public RadioMaterial withThickness(double newThickness) {
    return new RadioMaterial(
        name,
        ituType,
        customRelativePermittivity,
        customConductivity,
        newThickness,
        scatteringCoefficient,
        xpdCoefficient,
        scatteringPattern);
  }

  /**
   * The same material with other scattering and XPD coefficients.
   *
   * @param s scattering coefficient S ∈ [0, 1]
   * @param xpd cross-polarisation discrimination coefficient K_x ∈ [0, 1]
   * @return a copy
   */
  public RadioMaterial withScattering(double s, double xpd) {
    return new RadioMaterial(
        name,
        ituType,
        customRelativePermittivity,
        customConductivity,
        thickness,
        s,
        xpd,
        scatteringPattern);
  }

  /**
   * The same material with another diffuse scattering pattern.
   *
   * @param pattern the pattern f_s
   * @return a copy
   */
  public RadioMaterial withScatteringPattern(ScatteringPattern pattern) {
    return new RadioMaterial(
        name,
        ituType,
        customRelativePermittivity,
        customConductivity,
        thickness,
        scatteringCoefficient,
        xpdCoefficient,
        pattern);
  }

  /**
   * A short description of the type: the ITU name, or {@code custom}.
   *
   * @return e.g. {@code itu_concrete} or {@code custom}
   */
  public String typeLabel() {
    return ituType != null ? "itu_" + ituType.sionnaName() : "custom";
  }
}
