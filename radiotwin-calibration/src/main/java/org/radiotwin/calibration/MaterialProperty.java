package org.radiotwin.calibration;

/**
 * A trainable electrical property of a radio material, with the map from an unconstrained
 * optimisation variable u ∈ ℝ to its admissible range (METHODS.md §2): η_r = 1 + e^u, σ = e^u
 * [S/m], S = 1/(1 + e^{−u}).
 */
public enum MaterialProperty {
  /** Real relative permittivity η_r &gt; 1. */
  RELATIVE_PERMITTIVITY("eta_r") {
    @Override
    public double value(double u) {
      return 1 + Math.exp(u);
    }

    @Override
    public double unconstrained(double value) {
      return Math.log(value - 1);
    }

    @Override
    public double derivative(double u) {
      return Math.exp(u);
    }

    @Override
    boolean admissible(double value) {
      return value > 1 && Double.isFinite(value);
    }
  },
  /** Conductivity σ &gt; 0 [S/m]. */
  CONDUCTIVITY("sigma") {
    @Override
    public double value(double u) {
      return Math.exp(u);
    }

    @Override
    public double unconstrained(double value) {
      return Math.log(value);
    }

    @Override
    public double derivative(double u) {
      return Math.exp(u);
    }

    @Override
    boolean admissible(double value) {
      return value > 0 && Double.isFinite(value);
    }
  },
  /** Scattering coefficient S ∈ (0, 1) of the diffuse-scattering model. */
  SCATTERING_COEFFICIENT("S") {
    @Override
    public double value(double u) {
      return u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u));
    }

    @Override
    public double unconstrained(double value) {
      return Math.log(value / (1 - value));
    }

    @Override
    public double derivative(double u) {
      double s = value(u);
      return s * (1 - s);
    }

    @Override
    boolean admissible(double value) {
      return value > 0 && value < 1;
    }
  };

  private final String symbol;

  MaterialProperty(String symbol) {
    this.symbol = symbol;
  }

  /**
   * Short symbol used in parameter names ({@code material.symbol}).
   *
   * @return eta_r, sigma or S
   */
  public String symbol() {
    return symbol;
  }

  /**
   * The property from the unconstrained variable.
   *
   * @param u unconstrained variable
   * @return the property value
   */
  public abstract double value(double u);

  /**
   * The unconstrained variable of a value.
   *
   * @param value admissible property value
   * @return u
   */
  public abstract double unconstrained(double value);

  /**
   * d value / du.
   *
   * @param u unconstrained variable
   * @return the derivative
   */
  public abstract double derivative(double u);

  abstract boolean admissible(double value);
}
