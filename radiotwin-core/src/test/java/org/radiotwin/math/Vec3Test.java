package org.radiotwin.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class Vec3Test {

  private static final Vec3 X = new Vec3(1, 0, 0);
  private static final Vec3 Y = new Vec3(0, 1, 0);
  private static final Vec3 Z = new Vec3(0, 0, 1);

  @Test
  void arithmeticByHand() {
    Vec3 a = new Vec3(1, 2, 3);
    Vec3 b = new Vec3(-4, 5, 0.5);
    assertThat(a.add(b)).isEqualTo(new Vec3(-3, 7, 3.5));
    assertThat(a.sub(b)).isEqualTo(new Vec3(5, -3, 2.5));
    assertThat(a.scale(2)).isEqualTo(new Vec3(2, 4, 6));
    assertThat(a.dot(b)).isEqualTo(-4 + 10 + 1.5);
    // (1,2,3)×(−4,5,0.5) = (2·0.5 − 3·5, 3·(−4) − 1·0.5, 1·5 − 2·(−4)) = (−14, −12.5, 13)
    assertThat(a.cross(b)).isEqualTo(new Vec3(-14, -12.5, 13));
    assertThat(new Vec3(2, 3, 6).norm()).isEqualTo(7);
    assertThat(new Vec3(1, 1, 1).distance(new Vec3(3, 4, 7))).isEqualTo(7);
    assertThat(a.toArray()).containsExactly(1, 2, 3);
    assertThat(a.get(0)).isEqualTo(1);
    assertThat(a.get(2)).isEqualTo(3);
  }

  @Test
  void rightHandedBasis() {
    assertThat(X.cross(Y)).isEqualTo(Z);
    assertThat(Y.cross(Z)).isEqualTo(X);
    assertThat(Z.cross(X)).isEqualTo(Y);
  }

  @Test
  void normalization() {
    Vec3 n = new Vec3(0, 3, -4).normalize();
    assertThat(n.y()).isCloseTo(0.6, within(1e-16));
    assertThat(n.z()).isCloseTo(-0.8, within(1e-16));
    assertThatThrownBy(Vec3.ZERO::normalize).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> X.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(new Vec3(0, Double.NaN, 0).isFinite()).isFalse();
    assertThat(X.isFinite()).isTrue();
  }

  @Property(tries = 300)
  void crossProductIsOrthogonalAndAntisymmetric(
      @ForAll @DoubleRange(min = -10, max = 10) double ax,
      @ForAll @DoubleRange(min = -10, max = 10) double ay,
      @ForAll @DoubleRange(min = -10, max = 10) double az,
      @ForAll @DoubleRange(min = -10, max = 10) double bx,
      @ForAll @DoubleRange(min = -10, max = 10) double by,
      @ForAll @DoubleRange(min = -10, max = 10) double bz) {
    Vec3 a = new Vec3(ax, ay, az);
    Vec3 b = new Vec3(bx, by, bz);
    Vec3 c = a.cross(b);
    assertThat(c.dot(a)).isCloseTo(0, within(1e-11));
    assertThat(c.dot(b)).isCloseTo(0, within(1e-11));
    assertThat(b.cross(a).add(c).norm()).isZero(); // exactly, but −0.0 ≠ 0.0 for equals
    // Lagrange: |a×b|² = |a|²|b|² − (a·b)²
    double lhs = c.dot(c);
    double rhs = a.dot(a) * b.dot(b) - a.dot(b) * a.dot(b);
    assertThat(lhs).isCloseTo(rhs, within(1e-9 * (1 + a.dot(a) * b.dot(b))));
  }
}
