package org.radiotwin.calibration;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * One calibration parameter (after Orekit's ParameterDriver): a named property of one material, its
 * reference (initial) value, its current value, and whether it is selected for estimation. The
 * optimiser works on the unconstrained variable u of {@link MaterialProperty}; the physical value
 * is always admissible.
 */
public final class ParameterDriver {

  private final String material;
  private final MaterialProperty property;
  private final double referenceValue;
  private boolean selected;
  private double u;

  /**
   * A driver at its reference value.
   *
   * @param material material name
   * @param property the property
   * @param referenceValue initial value (admissible for the property)
   * @param selected whether it is estimated
   */
  public ParameterDriver(
      String material, MaterialProperty property, double referenceValue, boolean selected) {
    if (!property.admissible(referenceValue)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "initial " + property.symbol() + " of material '" + material + "'",
          referenceValue + " is outside the property's range");
    }
    this.material = material;
    this.property = property;
    this.referenceValue = referenceValue;
    this.selected = selected;
    this.u = property.unconstrained(referenceValue);
  }

  /**
   * Parameter name, {@code material.symbol}.
   *
   * @return the name
   */
  public String name() {
    return material + "." + property.symbol();
  }

  /**
   * Material name.
   *
   * @return the material
   */
  public String material() {
    return material;
  }

  /**
   * The property.
   *
   * @return the property
   */
  public MaterialProperty property() {
    return property;
  }

  /**
   * Initial value.
   *
   * @return the reference value
   */
  public double referenceValue() {
    return referenceValue;
  }

  /**
   * Whether the parameter is estimated.
   *
   * @return true when selected
   */
  public boolean isSelected() {
    return selected;
  }

  /**
   * Selects or freezes the parameter.
   *
   * @param select true to estimate it
   */
  public void setSelected(boolean select) {
    this.selected = select;
  }

  /**
   * Current physical value.
   *
   * @return the value
   */
  public double value() {
    return property.value(u);
  }

  /**
   * Current unconstrained variable.
   *
   * @return u
   */
  public double unconstrained() {
    return u;
  }

  /**
   * Sets the unconstrained variable.
   *
   * @param newU finite u
   */
  public void setUnconstrained(double newU) {
    if (!Double.isFinite(newU)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, name(), newU);
    }
    this.u = newU;
  }

  /**
   * d value / du at the current point.
   *
   * @return the derivative
   */
  public double derivative() {
    return property.derivative(u);
  }

  /** Back to the reference value. */
  public void reset() {
    this.u = property.unconstrained(referenceValue);
  }
}
