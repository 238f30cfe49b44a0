package org.radiotwin.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;

class JonesMatrixTest {

  // A = [[1+j, 2], [0, −j]], B = [[1, j], [3, 1−j]]
  private static final JonesMatrix A =
      JonesMatrix.of(new Complex(1, 1), new Complex(2, 0), Complex.ZERO, new Complex(0, -1));
  private static final JonesMatrix B =
      JonesMatrix.of(Complex.ONE, Complex.J, new Complex(3, 0), new Complex(1, -1));

  @Test
  void productByHand() {
    // AB00 = (1+j)·1 + 2·3 = 7+j;  AB01 = (1+j)·j + 2(1−j) = 1−j
    // AB10 = 0·1 + (−j)·3 = −3j;   AB11 = 0·j + (−j)(1−j) = −1−j
    JonesMatrix ab = A.multiply(B);
    assertThat(ab)
        .isEqualTo(
            JonesMatrix.of(
                new Complex(7, 1), new Complex(1, -1), new Complex(0, -3), new Complex(-1, -1)));
    assertThat(JonesMatrix.IDENTITY.multiply(A)).isEqualTo(A);
    assertThat(A.multiply(JonesMatrix.IDENTITY)).isEqualTo(A);
  }

  @Test
  void traceDeterminantAndAdjointByHand() {
    // tr A = (1+j) + (−j) = 1;  det A = (1+j)(−j) − 2·0 = 1 − j
    assertThat(A.trace()).isEqualTo(new Complex(1, 0));
    assertThat(A.determinant()).isEqualTo(new Complex(1, -1));
    // Aᴴ = [[1−j, 0], [2, j]]
    // (compared numerically: record equality tells −0.0 from 0.0)
    assertClose(
        A.conjugateTranspose(),
        JonesMatrix.of(new Complex(1, -1), Complex.ZERO, new Complex(2, 0), Complex.J),
        0);
    assertThat(A.get(0, 1)).isEqualTo(new Complex(2, 0));
    assertThat(A.get(1, 1)).isEqualTo(new Complex(0, -1));
    // ‖A‖_F² = |1+j|² + 4 + 0 + 1 = 7
    assertThat(A.frobeniusNorm()).isCloseTo(Math.sqrt(7), within(1e-15));
  }

  @Test
  void applyByHand() {
    // A·(1, j) = ((1+j)·1 + 2j, −j·j) = (1+3j, 1)
    Complex[] v = A.apply(Complex.ONE, Complex.J);
    assertThat(v).containsExactly(new Complex(1, 3), new Complex(1, 0));
    double[] packed = new double[8];
    A.toPacked(packed, 0);
    double[] vec = {1, 0, 0, 1};
    JonesMatrix.apply(packed, 0, vec, 0, vec, 0); // aliased output
    assertThat(vec).containsExactly(1, 3, 1, 0);
  }

  @Test
  void diagonalAndScale() {
    JonesMatrix d = JonesMatrix.diag(new Complex(-0.5, 0.1), new Complex(0.3, -0.2));
    assertThat(d.get(0, 1)).isEqualTo(Complex.ZERO);
    assertThat(d.get(1, 0)).isEqualTo(Complex.ZERO);
    assertThat(d.determinant().re()).isCloseTo(-0.5 * 0.3 + 0.1 * 0.2, within(1e-16));
    JonesMatrix s = A.scale(Complex.J);
    assertThat(s.get(0, 0)).isEqualTo(new Complex(-1, 1));
    assertThat(s.get(1, 1)).isEqualTo(new Complex(1, 0));
  }

  @Test
  void rotationsComposeAndAreUnitary() {
    JonesMatrix r = JonesMatrix.rotation(0.3).multiply(JonesMatrix.rotation(0.5));
    assertClose(r, JonesMatrix.rotation(0.8), 1e-15);
    assertClose(r.conjugateTranspose().multiply(r), JonesMatrix.IDENTITY, 1e-15);
    assertThat(JonesMatrix.rotation(0.8).determinant().re()).isCloseTo(1, within(1e-15));
    // Rotation by 90°: the first basis vector goes to the second.
    Complex[] v = JonesMatrix.rotation(Math.PI / 2).apply(Complex.ONE, Complex.ZERO);
    assertThat(v[0].abs()).isLessThan(1e-16);
    assertThat(v[1].re()).isCloseTo(1, within(1e-16));
  }

  @Property(tries = 200)
  void algebraicIdentities(@ForAll long seed) {
    Random rnd = new Random(seed);
    JonesMatrix a = random(rnd);
    JonesMatrix b = random(rnd);
    JonesMatrix c = random(rnd);
    // (AB)ᴴ = BᴴAᴴ, (AB)C = A(BC), det(AB) = det A·det B
    assertClose(
        a.multiply(b).conjugateTranspose(),
        b.conjugateTranspose().multiply(a.conjugateTranspose()),
        1e-12);
    assertClose(a.multiply(b).multiply(c), a.multiply(b.multiply(c)), 1e-12);
    Complex detAb = a.multiply(b).determinant();
    Complex prod = a.determinant().mul(b.determinant());
    assertThat(detAb.sub(prod).abs()).isLessThan(1e-12);
  }

  @Property(tries = 100)
  void packedKernelMatchesRecord(
      @ForAll long seed, @ForAll @DoubleRange(min = 0, max = 1) double aliasChoice) {
    Random rnd = new Random(seed);
    JonesMatrix a = random(rnd);
    JonesMatrix b = random(rnd);
    double[] buf = new double[3 + 8 + 8 + 8];
    a.toPacked(buf, 3);
    b.toPacked(buf, 11);
    int outOffset = aliasChoice < 0.33 ? 3 : aliasChoice < 0.66 ? 11 : 19;
    JonesMatrix.mul(buf, 3, buf, 11, buf, outOffset);
    assertThat(JonesMatrix.fromPacked(buf, outOffset)).isEqualTo(a.multiply(b));
  }

  @Test
  void badIndicesAndBuffersAreRejected() {
    assertThatThrownBy(() -> A.get(2, 0)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> A.get(0, -1)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> JonesMatrix.mul(new double[8], 0, new double[8], 1, new double[8], 0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("'b'");
    assertThatThrownBy(() -> JonesMatrix.fromPacked(new double[7], 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> A.toPacked(new double[8], 1)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(
            () -> JonesMatrix.apply(new double[8], 0, new double[3], 0, new double[4], 0))
        .isInstanceOf(RadioTwinException.class);
  }

  private static JonesMatrix random(Random rnd) {
    return new JonesMatrix(
        rnd.nextGaussian(),
        rnd.nextGaussian(),
        rnd.nextGaussian(),
        rnd.nextGaussian(),
        rnd.nextGaussian(),
        rnd.nextGaussian(),
        rnd.nextGaussian(),
        rnd.nextGaussian());
  }

  private static void assertClose(JonesMatrix actual, JonesMatrix expected, double tol) {
    double[] x = new double[8];
    double[] y = new double[8];
    actual.toPacked(x, 0);
    expected.toPacked(y, 0);
    for (int i = 0; i < 8; i++) {
      assertThat(x[i]).as("entry %d", i).isCloseTo(y[i], within(tol));
    }
  }
}
