package org.radiotwin.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

class ComplexArraysTest {

  private static double[] random(Random rnd, int doubles) {
    double[] a = new double[doubles];
    for (int i = 0; i < doubles; i++) {
      a[i] = rnd.nextGaussian();
    }
    return a;
  }

  private static Complex at(double[] a, int offset, int k) {
    return new Complex(a[offset + 2 * k], a[offset + 2 * k + 1]);
  }

  @Test
  void elementWiseKernelsMatchComplexRecordAtOffsets() {
    Random rnd = new Random(1);
    int n = 7;
    double[] a = random(rnd, 2 * n + 3);
    double[] b = random(rnd, 2 * n + 5);
    int ao = 3;
    int bo = 1;
    int oo = 2;
    double[] out = new double[2 * n + 4];
    Complex s = new Complex(0.3, -1.7);

    ComplexArrays.add(a, ao, b, bo, out, oo, n);
    for (int k = 0; k < n; k++) {
      assertClose(at(out, oo, k), at(a, ao, k).add(at(b, bo, k)));
    }
    ComplexArrays.sub(a, ao, b, bo, out, oo, n);
    for (int k = 0; k < n; k++) {
      assertClose(at(out, oo, k), at(a, ao, k).sub(at(b, bo, k)));
    }
    ComplexArrays.mul(a, ao, b, bo, out, oo, n);
    for (int k = 0; k < n; k++) {
      assertClose(at(out, oo, k), at(a, ao, k).mul(at(b, bo, k)));
    }
    ComplexArrays.mulConj(a, ao, b, bo, out, oo, n);
    for (int k = 0; k < n; k++) {
      assertClose(at(out, oo, k), at(a, ao, k).mul(at(b, bo, k).conj()));
    }
    ComplexArrays.scale(a, ao, s.re(), s.im(), out, oo, n);
    for (int k = 0; k < n; k++) {
      assertClose(at(out, oo, k), at(a, ao, k).mul(s));
    }
    ComplexArrays.scale(a, ao, -2.5, out, oo, n);
    for (int k = 0; k < n; k++) {
      assertClose(at(out, oo, k), at(a, ao, k).mul(-2.5));
    }
    double[] mag = new double[n + 1];
    ComplexArrays.abs2(a, ao, mag, 1, n);
    assertThat(mag[0]).isZero();
    for (int k = 0; k < n; k++) {
      assertThat(mag[1 + k]).isCloseTo(at(a, ao, k).abs2(), within(1e-15));
    }
  }

  @Test
  void kernelsTouchOnlyTheirRange() {
    double[] out = new double[8];
    java.util.Arrays.fill(out, 42);
    ComplexArrays.set(out, 2, 2, 1, -1);
    assertThat(out).containsExactly(42, 42, 1, -1, 1, -1, 42, 42);
  }

  @Test
  void outputMayAliasInput() {
    // (1+2j)(3−j) = 3 − j + 6j − 2j² = 5 + 5j, by hand.
    double[] a = {1, 2};
    double[] b = {3, -1};
    ComplexArrays.mul(a, 0, b, 0, a, 0, 1);
    assertThat(a).containsExactly(5, 5);
    // (5+5j)·conj(3−j) = (5+5j)(3+j) = 15 + 5j + 15j + 5j² = 10 + 20j.
    ComplexArrays.mulConj(a, 0, b, 0, a, 0, 1);
    assertThat(a).containsExactly(10, 20);
    ComplexArrays.scale(a, 0, 0, 1, a, 0, 1); // ·j
    assertThat(a).containsExactly(-20, 10);
  }

  @Test
  void dotProductsByHand() {
    // a = [1+2j, 3−j], b = [2−j, 1+j]
    // aᵀb = (1+2j)(2−j) + (3−j)(1+j) = (4+3j) + (4+2j) = 8+5j
    // aᴴb = (1−2j)(2−j) + (3+j)(1+j) = (0−5j) + (2+4j) = 2−j
    double[] a = {9, 1, 2, 3, -1};
    double[] b = {2, -1, 1, 1};
    double[] r = new double[2];
    ComplexArrays.dot(a, 1, b, 0, 2, r);
    assertThat(r).containsExactly(8, 5);
    ComplexArrays.dotConj(a, 1, b, 0, 2, r);
    assertThat(r).containsExactly(2, -1);
  }

  @Property(tries = 100)
  void conjugateDotIsHermitian(
      @ForAll("seeds") long seed, @ForAll @IntRange(min = 0, max = 9) int n) {
    // aᴴb = conj(bᴴa) and aᴴa = ‖a‖² (real, non-negative).
    Random rnd = new Random(seed);
    double[] a = random(rnd, 2 * n);
    double[] b = random(rnd, 2 * n);
    double[] ab = new double[2];
    double[] ba = new double[2];
    ComplexArrays.dotConj(a, 0, b, 0, n, ab);
    ComplexArrays.dotConj(b, 0, a, 0, n, ba);
    assertThat(ab[0]).isCloseTo(ba[0], within(1e-12));
    assertThat(ab[1]).isCloseTo(-ba[1], within(1e-12));
    double[] aa = new double[2];
    ComplexArrays.dotConj(a, 0, a, 0, n, aa);
    double[] mag = new double[n];
    ComplexArrays.abs2(a, 0, mag, 0, n);
    double sum = 0;
    for (double m : mag) {
      sum += m;
    }
    assertThat(aa[0]).isCloseTo(sum, within(1e-12));
    assertThat(aa[1]).isZero();
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<Long> seeds() {
    return net.jqwik.api.Arbitraries.longs();
  }

  @Test
  void badRangesAreRejectedWithTheArgumentName() {
    double[] a = new double[4];
    double[] out = new double[2];
    assertThatThrownBy(() -> ComplexArrays.add(a, 0, a, 0, out, 0, 2))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("'out'")
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.INVALID_ARGUMENT));
    assertThatThrownBy(() -> ComplexArrays.mul(a, 1, a, 0, a, 0, 2))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("'a'");
    assertThatThrownBy(() -> ComplexArrays.set(a, -2, 1, 0, 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> ComplexArrays.abs2(a, 0, out, 0, 3))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> ComplexArrays.dot(a, 0, a, 0, 1, new double[1]))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("out2");
    assertThatThrownBy(() -> ComplexArrays.accumulatePhasor(new double[3], new double[2], 1, 0, 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> ComplexArrays.accumulatePhasorUniform(new double[4], 0, 1, 3, 1, 0, 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(
            () -> ComplexArrays.accumulatePhasorUniform(new double[4], 0, 1, -1, 1, 0, 0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("count");
  }

  @Test
  void phasorOfAQuarterCycleIsMinusJ() {
    // f·τ = 0.25 exactly: e^{−j2π/4} = −j; a = 2 + j gives (2 + j)(−j) = 1 − 2j.
    double[] out = {10, 20};
    ComplexArrays.accumulatePhasor(out, new double[] {0.5}, 2, 1, 0.5);
    assertThat(out[0]).isCloseTo(10 + 1, within(1e-15));
    assertThat(out[1]).isCloseTo(20 - 2, within(1e-15));
  }

  @Test
  void phasorPhaseIsExactForManyCycles() {
    // τ = 2⁻³⁰ s and f = 10000.75·2³⁰ Hz are exact doubles with f·τ = 10000.75 cycles exactly,
    // so e^{−j2π·10000.75} = e^{−j3π/2} = +j. A naive sin(2π·f·τ) loses ~1e-12 here (2π·10⁴
    // rounded to 53 bits); the cycle reduction keeps a few ulp.
    double tau = Math.scalb(1.0, -30);
    double f = 10000.75 * Math.scalb(1.0, 30);
    double[] out = new double[2];
    ComplexArrays.accumulatePhasor(out, new double[] {f}, 1, 0, tau);
    assertThat(out[0]).isCloseTo(0, within(1e-15));
    assertThat(out[1]).isCloseTo(1, within(1e-15));
    // Exact product not representable: τ = 1e-6 (nearest double), f = 9.999 GHz + 1 Hz.
    // Reference from the exact rational value of the two doubles (BigDecimal), reduced mod 1.
    double tau2 = 1e-6;
    double f2 = 9_999_000_001.0;
    java.math.BigDecimal cyc =
        new java.math.BigDecimal(f2).multiply(new java.math.BigDecimal(tau2));
    double frac = cyc.subtract(new java.math.BigDecimal(cyc.toBigInteger())).doubleValue();
    double[] out2 = new double[2];
    ComplexArrays.accumulatePhasor(out2, new double[] {f2}, 1, 0, tau2);
    assertThat(out2[0]).isCloseTo(Math.cos(-2 * Math.PI * frac), within(2e-15));
    assertThat(out2[1]).isCloseTo(Math.sin(-2 * Math.PI * frac), within(2e-15));
  }

  @Test
  void phasorsAccumulateLinearly() {
    double[] freqs = {1e9, 2.5e9, 3.75e9};
    double[] both = new double[6];
    ComplexArrays.accumulatePhasor(both, freqs, 0.5, -0.25, 3e-8);
    ComplexArrays.accumulatePhasor(both, freqs, -1, 2, 7.1e-8);
    for (int k = 0; k < freqs.length; k++) {
      Complex expected =
          new Complex(0.5, -0.25)
              .mul(Complex.expj(-2 * Math.PI * freqs[k] * 3e-8))
              .add(new Complex(-1, 2).mul(Complex.expj(-2 * Math.PI * freqs[k] * 7.1e-8)));
      // Naive reference: phases ≤ 2π·270 rad, so its own error is ≲ 1e-13.
      assertThat(both[2 * k]).isCloseTo(expected.re(), within(1e-12));
      assertThat(both[2 * k + 1]).isCloseTo(expected.im(), within(1e-12));
    }
  }

  /**
   * 8001 tones over 2–10 GHz at 1 MHz (the fading-sample grid of METHODS.md §3; all exact doubles):
   * the re-anchored recurrence matches the direct method to 1e-12 relative to |a|.
   */
  @Property(tries = 40)
  void uniformRecurrenceMatchesDirectOn8001Tones(
      @ForAll @DoubleRange(min = 0, max = 3000) @Scale(6) double tauNs,
      @ForAll @DoubleRange(min = -1, max = 1) @Scale(8) double ampRe,
      @ForAll @DoubleRange(min = -1, max = 1) @Scale(8) double ampIm) {
    double tau = tauNs * 1e-9;
    int count = 8001;
    double f0 = 2e9;
    double df = 1e6;
    double[] freqs = new double[count];
    for (int k = 0; k < count; k++) {
      freqs[k] = f0 + k * df;
    }
    double[] direct = new double[2 * count];
    double[] fast = new double[2 * count];
    ComplexArrays.accumulatePhasor(direct, freqs, ampRe, ampIm, tau);
    ComplexArrays.accumulatePhasorUniform(fast, f0, df, count, ampRe, ampIm, tau);
    double amp = Math.hypot(ampRe, ampIm);
    double maxErr = 0;
    for (int i = 0; i < 2 * count; i++) {
      maxErr = Math.max(maxErr, Math.abs(direct[i] - fast[i]));
    }
    assertThat(maxErr).isLessThanOrEqualTo(1e-12 * amp);
  }

  @Test
  void uniformHandlesShortAndRaggedLengths() {
    for (int count : new int[] {0, 1, 63, 64, 65, 130}) {
      double[] freqs = new double[count];
      for (int k = 0; k < count; k++) {
        freqs[k] = -5e6 + k * 15e3;
      }
      double[] direct = new double[2 * count + 2];
      double[] fast = new double[2 * count + 2];
      ComplexArrays.accumulatePhasor(direct, freqs, 1, 1, 2.7e-7);
      ComplexArrays.accumulatePhasorUniform(fast, -5e6, 15e3, count, 1, 1, 2.7e-7);
      for (int i = 0; i < direct.length; i++) {
        assertThat(fast[i]).isCloseTo(direct[i], within(1e-13));
      }
      assertThat(fast[2 * count]).isZero(); // past the end: untouched
    }
  }

  private static void assertClose(Complex actual, Complex expected) {
    assertThat(actual.re()).isCloseTo(expected.re(), within(1e-14));
    assertThat(actual.im()).isCloseTo(expected.im(), within(1e-14));
  }
}
