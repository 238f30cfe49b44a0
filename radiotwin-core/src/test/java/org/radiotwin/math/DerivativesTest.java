package org.radiotwin.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.complex.FieldComplex;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

class DerivativesTest {

  @Test
  void variablesAndConstants() {
    Gradient x = Derivatives.variable(2.5, 1, 3);
    assertThat(x.getValue()).isEqualTo(2.5);
    assertThat(x.getFreeParameters()).isEqualTo(3);
    assertThat(x.getGradient()).containsExactly(0, 1, 0);
    Gradient k = Derivatives.constant(-4, 3);
    assertThat(k.getValue()).isEqualTo(-4);
    assertThat(k.getGradient()).containsExactly(0, 0, 0);
    // d(x²·k)/dx = 2xk = −20 at x = 2.5
    assertThat(x.multiply(x).multiply(k).getPartialDerivative(1)).isEqualTo(-20);
  }

  @Test
  void badIndicesAreRejected() {
    assertThatThrownBy(() -> Derivatives.variable(1, 2, 2))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("[0, 2)");
    assertThatThrownBy(() -> Derivatives.variable(1, -1, 2)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> Derivatives.constant(1, -1)).isInstanceOf(RadioTwinException.class);
    FieldComplex<Gradient> z = Derivatives.constant(Complex.ONE, 2);
    assertThatThrownBy(() -> Derivatives.partial(z, 2)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> Derivatives.partials(z, new double[3], 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(
            () -> Derivatives.complex(Derivatives.constant(1, 2), Derivatives.constant(1, 3)))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.SIZE_MISMATCH));
  }

  @Test
  void squareOfAComplexVariableByHand() {
    // z = x + jy, z² = x² − y² + 2jxy; ∂z²/∂x = 2x + 2jy, ∂z²/∂y = −2y + 2jx. At (3, −2):
    // z² = 5 − 12j, ∂/∂x = 6 − 4j, ∂/∂y = 4 + 6j.
    FieldComplex<Gradient> z =
        Derivatives.complex(Derivatives.variable(3, 0, 2), Derivatives.variable(-2, 1, 2));
    FieldComplex<Gradient> z2 = z.multiply(z);
    assertThat(Derivatives.value(z2)).isEqualTo(new Complex(5, -12));
    assertThat(Derivatives.partial(z2, 0)).isEqualTo(new Complex(6, -4));
    assertThat(Derivatives.partial(z2, 1)).isEqualTo(new Complex(4, 6));
    double[] buf = new double[7];
    Derivatives.value(z2, buf, 1);
    Derivatives.partials(z2, buf, 3);
    assertThat(buf).containsExactly(0, 5, -12, 6, -4, 4, 6);
  }

  /** Cauchy–Riemann: for analytic g, ∂g/∂x = g′(z) and ∂g/∂y = j·g′(z); here g = exp. */
  @Property(tries = 100)
  void exponentialSatisfiesCauchyRiemann(
      @ForAll @DoubleRange(min = -3, max = 3) double x,
      @ForAll @DoubleRange(min = -10, max = 10) double y) {
    FieldComplex<Gradient> z =
        Derivatives.complex(Derivatives.variable(x, 0, 2), Derivatives.variable(y, 1, 2));
    FieldComplex<Gradient> g = z.exp();
    Complex expected = new Complex(x, y).exp();
    Complex dx = Derivatives.partial(g, 0);
    Complex dy = Derivatives.partial(g, 1);
    double tol = 1e-13 * expected.abs();
    assertThat(Derivatives.value(g).sub(expected).abs()).isLessThanOrEqualTo(tol);
    assertThat(dx.sub(expected).abs()).isLessThanOrEqualTo(tol);
    assertThat(dy.sub(expected.mul(Complex.J)).abs()).isLessThanOrEqualTo(tol);
  }
}
