package org.radiotwin.math;

import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.complex.FieldComplex;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Forward-mode derivatives for field evaluation and calibration, on top of Hipparchus rather than a
 * home-made dual-number type.
 *
 * <p>Hipparchus' {@link Gradient} is a value with the first partial derivatives with respect to n
 * independent variables (a dual number with n infinitesimal parts): every arithmetic operation and
 * elementary function propagates the partials by the chain rule. {@link FieldComplex}{@code
 * <Gradient>} is a complex number whose real and imaginary parts are such gradients, so any complex
 * expression written once over {@code FieldComplex<T extends CalculusFieldElement<T>>} (as {@code
 * FresnelCoefficients} and {@code SlabCoefficients} are) yields its value and its exact derivatives
 * with respect to the chosen parameters (e.g. η_r and σ of each material, METHODS.md §2) in one
 * pass. Forward mode suits this use: few parameters, many outputs.
 *
 * <p>This class only names the idioms: how to declare the i-th of n variables, constants, complex
 * numbers of gradients, and how to read values and partials back into primitive arrays.
 */
public final class Derivatives {

  private Derivatives() {}

  /**
   * The i-th of n independent variables: value {@code value}, ∂/∂x_i = 1, other partials 0.
   *
   * @param value value of the variable
   * @param index index i of the variable, in [0, n)
   * @param n number n of independent variables (free parameters)
   * @return the gradient
   */
  public static Gradient variable(double value, int index, int n) {
    checkCount(n);
    if (index < 0 || index >= n) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "variable index",
          index + " is outside [0, " + n + ")");
    }
    return Gradient.variable(n, index, value);
  }

  /**
   * A constant in a computation with n independent variables (all partials 0).
   *
   * @param value the constant
   * @param n number of independent variables
   * @return the gradient
   */
  public static Gradient constant(double value, int n) {
    checkCount(n);
    return Gradient.constant(n, value);
  }

  /**
   * A complex number from its real and imaginary gradients.
   *
   * @param re real part
   * @param im imaginary part (same number of variables as {@code re})
   * @return re + j·im
   */
  public static FieldComplex<Gradient> complex(Gradient re, Gradient im) {
    if (re.getFreeParameters() != im.getFreeParameters()) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "free parameters of the imaginary part",
          re.getFreeParameters(),
          im.getFreeParameters());
    }
    return new FieldComplex<>(re, im);
  }

  /**
   * A complex constant in a computation with n independent variables.
   *
   * @param value the constant
   * @param n number of independent variables
   * @return the complex gradient with zero partials
   */
  public static FieldComplex<Gradient> constant(Complex value, int n) {
    return new FieldComplex<>(constant(value.re(), n), constant(value.im(), n));
  }

  /**
   * The value of a complex gradient.
   *
   * @param z complex gradient
   * @return its value, without the partials
   */
  public static Complex value(FieldComplex<Gradient> z) {
    return new Complex(z.getRealPart().getValue(), z.getImaginaryPart().getValue());
  }

  /**
   * Writes the value of a complex gradient into a buffer.
   *
   * @param z complex gradient
   * @param out output; out[offset] = Re z, out[offset + 1] = Im z
   * @param offset where to write
   */
  public static void value(FieldComplex<Gradient> z, double[] out, int offset) {
    checkFits("out", out, offset, 2);
    out[offset] = z.getRealPart().getValue();
    out[offset + 1] = z.getImaginaryPart().getValue();
  }

  /**
   * The partial derivative ∂z/∂x_i = ∂Re z/∂x_i + j·∂Im z/∂x_i.
   *
   * @param z complex gradient
   * @param index variable index i
   * @return the complex partial derivative
   */
  public static Complex partial(FieldComplex<Gradient> z, int index) {
    int n = z.getRealPart().getFreeParameters();
    if (index < 0 || index >= n) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "variable index",
          index + " is outside [0, " + n + ")");
    }
    return new Complex(
        z.getRealPart().getPartialDerivative(index),
        z.getImaginaryPart().getPartialDerivative(index));
  }

  /**
   * Writes all n complex partial derivatives of a complex gradient, interleaved: out[offset + 2i] =
   * ∂Re z/∂x_i and out[offset + 2i + 1] = ∂Im z/∂x_i, without allocation.
   *
   * @param z complex gradient with n free parameters
   * @param out output, at least offset + 2n long
   * @param offset where to write
   */
  public static void partials(FieldComplex<Gradient> z, double[] out, int offset) {
    Gradient re = z.getRealPart();
    Gradient im = z.getImaginaryPart();
    int n = re.getFreeParameters();
    checkFits("out", out, offset, 2 * n);
    for (int i = 0; i < n; i++) {
      out[offset + 2 * i] = re.getPartialDerivative(i);
      out[offset + 2 * i + 1] = im.getPartialDerivative(i);
    }
  }

  private static void checkCount(int n) {
    if (n < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "number of variables",
          "must be non-negative, got " + n);
    }
  }

  private static void checkFits(String name, double[] array, int offset, int length) {
    if (offset < 0 || (long) offset + length > array.length) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "array '" + name + "'",
          length + " doubles from offset " + offset + " do not fit in its length " + array.length);
    }
  }
}
