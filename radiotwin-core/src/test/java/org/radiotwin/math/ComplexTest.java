package org.radiotwin.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class ComplexTest {

  private static final Complex A = new Complex(1, 2);
  private static final Complex B = new Complex(3, -1);

  @Test
  void arithmeticByHand() {
    assertThat(A.add(B)).isEqualTo(new Complex(4, 1));
    assertThat(A.sub(B)).isEqualTo(new Complex(-2, 3));
    // (1+2j)(3−j) = 3 − j + 6j − 2j² = 5 + 5j
    assertThat(A.mul(B)).isEqualTo(new Complex(5, 5));
    // (1+2j)/(3−j) = (1+2j)(3+j)/10 = (1 + 7j)/10
    assertThat(A.div(B).re()).isCloseTo(0.1, within(1e-16));
    assertThat(A.div(B).im()).isCloseTo(0.7, within(1e-16));
    assertThat(A.add(2)).isEqualTo(new Complex(3, 2));
    assertThat(A.sub(2)).isEqualTo(new Complex(-1, 2));
    assertThat(A.mul(-2)).isEqualTo(new Complex(-2, -4));
    assertThat(A.div(2)).isEqualTo(new Complex(0.5, 1));
    assertThat(A.negate()).isEqualTo(new Complex(-1, -2));
    assertThat(A.conj()).isEqualTo(new Complex(1, -2));
    assertThat(Complex.J.mul(Complex.J)).isEqualTo(new Complex(-1, 0));
    assertThat(Complex.ofReal(4)).isEqualTo(new Complex(4, 0));
  }

  @Test
  void magnitudeAndArgument() {
    assertThat(new Complex(3, 4).abs()).isEqualTo(5);
    assertThat(new Complex(3, 4).abs2()).isEqualTo(25);
    // hypot: no overflow where re² would be infinite.
    assertThat(new Complex(3e200, 4e200).abs()).isCloseTo(5e200, within(1e186));
    assertThat(new Complex(-1, 0).arg()).isEqualTo(Math.PI);
    assertThat(new Complex(0, -2).arg()).isEqualTo(-Math.PI / 2);
  }

  @Test
  void polarAndExponential() {
    Complex p = Complex.polar(2, Math.PI / 6);
    assertThat(p.re()).isCloseTo(Math.sqrt(3), within(1e-15));
    assertThat(p.im()).isCloseTo(1, within(1e-15));
    // Euler: e^{jπ} = −1
    Complex e = new Complex(0, Math.PI).exp();
    assertThat(e.re()).isCloseTo(-1, within(1e-16));
    assertThat(e.im()).isCloseTo(0, within(1e-15));
    assertThat(Complex.expj(Math.PI / 2).re()).isCloseTo(0, within(1e-16));
    assertThat(new Complex(1, 0).exp().re()).isCloseTo(Math.E, within(1e-15));
  }

  @Test
  void squareRootBranch() {
    // Principal root, branch cut on the negative real axis: √(−4 ± 0j) = ±2j.
    assertThat(new Complex(-4, 0).sqrt()).isEqualTo(new Complex(0, 2));
    assertThat(new Complex(-4, -0.0).sqrt()).isEqualTo(new Complex(0, -2));
    assertThat(new Complex(4, 0).sqrt()).isEqualTo(new Complex(2, 0));
    assertThat(Complex.ZERO.sqrt()).isEqualTo(Complex.ZERO);
    // √(2j) = 1 + j; √(−2j) = 1 − j
    assertThat(new Complex(0, 2).sqrt().re()).isCloseTo(1, within(1e-15));
    assertThat(new Complex(0, 2).sqrt().im()).isCloseTo(1, within(1e-15));
    assertThat(new Complex(0, -2).sqrt().im()).isCloseTo(-1, within(1e-15));
    // Just above and below the cut: the imaginary part jumps sign, the real part stays ≥ 0.
    assertThat(new Complex(-4, 1e-12).sqrt().im()).isCloseTo(2, within(1e-12));
    assertThat(new Complex(-4, -1e-12).sqrt().im()).isCloseTo(-2, within(1e-12));
  }

  @Property(tries = 500)
  void squareRootSquaresBackWithNonNegativeRealPart(
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double re,
      @ForAll @DoubleRange(min = -1e6, max = 1e6) double im) {
    Complex z = new Complex(re, im);
    Complex s = z.sqrt();
    assertThat(s.re()).isGreaterThanOrEqualTo(0);
    assertThat(s.mul(s).sub(z).abs()).isLessThanOrEqualTo(1e-14 * Math.max(1, z.abs()));
  }

  @Test
  void smithDivisionAvoidsOverflow() {
    // Naive (a·conj(b))/|b|² overflows here: |b|² = 2e600.
    Complex big = new Complex(1e300, 1e300);
    assertThat(big.div(big)).isEqualTo(Complex.ONE);
    Complex q = new Complex(1e300, 0).div(new Complex(0, 1e300));
    assertThat(q.re()).isCloseTo(0, within(1e-16));
    assertThat(q.im()).isCloseTo(-1, within(1e-16));
    // And underflow: tiny divisors.
    Complex t = new Complex(1e-300, 1e-300).div(new Complex(1e-300, -1e-300));
    assertThat(t.re()).isCloseTo(0, within(1e-16));
    assertThat(t.im()).isCloseTo(1, within(1e-16));
  }

  @Property(tries = 500)
  void divisionInvertsMultiplication(
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double ar,
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double ai,
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double br,
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double bi) {
    Complex a = new Complex(ar, ai);
    Complex b = new Complex(br, bi);
    if (b.abs() < 1e-6) {
      return;
    }
    assertThat(a.div(b).mul(b).sub(a).abs()).isLessThanOrEqualTo(1e-13 * Math.max(1, a.abs()));
    // |ab| = |a||b|, conj(ab) = conj(a)conj(b)
    assertThat(a.mul(b).abs())
        .isCloseTo(a.abs() * b.abs(), within(1e-12 * (1 + a.abs() * b.abs())));
    // (numerically: record equality tells −0.0 from 0.0)
    assertThat(a.mul(b).conj().sub(a.conj().mul(b.conj())).abs()).isZero();
  }

  @Test
  void finitenessAndText() {
    assertThat(A.isFinite()).isTrue();
    assertThat(new Complex(Double.NaN, 0).isFinite()).isFalse();
    assertThat(new Complex(0, Double.POSITIVE_INFINITY).isFinite()).isFalse();
    assertThat(A.toString()).isEqualTo("1.0+2.0j");
    assertThat(B.toString()).isEqualTo("3.0-1.0j");
  }
}
