package org.radiotwin.antenna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.Orientation;

class AntennaFramesTest {

  private static final double DEG = Math.PI / 180.0;

  /** r̂(θ, φ) = (sinθcosφ, sinθsinφ, cosθ). */
  private static double[] rHat(double theta, double phi) {
    return new double[] {
      Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)
    };
  }

  private static double[] rotate(double[] r, double[] v) {
    return new double[] {
      r[0] * v[0] + r[1] * v[1] + r[2] * v[2],
      r[3] * v[0] + r[4] * v[1] + r[5] * v[2],
      r[6] * v[0] + r[7] * v[1] + r[8] * v[2]
    };
  }

  @Test
  void thetaPhiAndSphericalBasisFollowSionna() {
    double[] a = new double[2];
    AntennaFrames.thetaPhi(0, 1, 0, a);
    assertThat(a).containsExactly(Math.PI / 2, Math.PI / 2);
    AntennaFrames.thetaPhi(0, 0, 1, a);
    assertThat(a).containsExactly(0.0, 0.0);
    AntennaFrames.thetaPhi(0, 0, -1, a);
    assertThat(a[0]).isEqualTo(Math.PI);
    // (1, 1, √2)/2: θ = 45°, φ = 45°; the scale does not matter.
    AntennaFrames.thetaPhi(3, 3, 3 * Math.sqrt(2), a);
    assertThat(a[0]).isCloseTo(45 * DEG, within(1e-15));
    assertThat(a[1]).isCloseTo(45 * DEG, within(1e-15));
    // θ = 90°, φ = 90°: θ̂ = (0, 0, −1), φ̂ = (−1, 0, 0).
    double[] t = new double[3];
    double[] p = new double[3];
    AntennaFrames.sphericalBasis(Math.PI / 2, Math.PI / 2, t, p);
    assertThat(t[0]).isCloseTo(0, within(1e-16));
    assertThat(t[1]).isCloseTo(0, within(1e-16));
    assertThat(t[2]).isEqualTo(-1.0);
    assertThat(p[0]).isEqualTo(-1.0);
    assertThat(p[1]).isCloseTo(0, within(1e-16));
    assertThat(p[2]).isZero();
  }

  @Test
  void rotationMatrixMatchesOrientation() {
    Orientation o = new Orientation(0.3, -1.1, 2.4);
    double[] r = new double[9];
    AntennaFrames.rotationMatrix(o, r);
    assertThat(r).containsExactly(o.rotationMatrix());
  }

  @Test
  void identityOrientationLeavesAnglesUnchanged() {
    double[] r = Orientation.IDENTITY.rotationMatrix();
    double[] a = new double[2];
    for (double theta : new double[] {0.2, 1.0, 2.0, 3.0}) {
      for (double phi : new double[] {-3.0, -1.0, 0.5, 2.9}) {
        double[] k = rHat(theta, phi);
        AntennaFrames.localAngles(r, k[0], k[1], k[2], a);
        assertThat(a[0]).isCloseTo(theta, within(1e-14));
        assertThat(a[1]).isCloseTo(phi, within(1e-14));
      }
    }
  }

  @Test
  void yawByNinetyDegreesPointsBoresightAlongPlusY() {
    double[] r = new Orientation(90 * DEG, 0, 0).rotationMatrix();
    double[] a = new double[2];
    AntennaFrames.localAngles(r, 0, 1, 0, a);
    assertThat(a[0]).isCloseTo(Math.PI / 2, within(1e-15));
    assertThat(a[1]).isCloseTo(0, within(1e-15));
    // So a yawed tr38901 element has its 8 dBi peak towards +y and −22 dBi towards −y.
    double[] f = new double[4];
    AntennaFrames.globalField(AntennaPattern.TR38901, 0, r, 0, 1, 0, f);
    assertThat(10 * Math.log10(f[0] * f[0] + f[2] * f[2])).isCloseTo(8, within(1e-12));
    AntennaFrames.globalField(AntennaPattern.TR38901, 0, r, 0, -1, 0, f);
    assertThat(10 * Math.log10(f[0] * f[0] + f[2] * f[2])).isCloseTo(-22, within(1e-12));
  }

  @Test
  void positivePitchTiltsTheBoresightDown() {
    // R_y(β)·x̂ = (cosβ, 0, −sinβ): β = 30° points the boresight 30° below the horizon (θ = 120°),
    // as TR 38.901 §7.1 and Sionna define the mechanical tilt.
    double[] r = new Orientation(0, 30 * DEG, 0).rotationMatrix();
    double[] f = new double[4];
    double[] k = rHat(120 * DEG, 0);
    AntennaFrames.globalField(AntennaPattern.TR38901, 0, r, k[0], k[1], k[2], f);
    assertThat(10 * Math.log10(f[0] * f[0] + f[2] * f[2])).isCloseTo(8, within(1e-12));
    // A vertically polarised element tilted in its vertical plane stays vertically polarised
    // there: θ̂′ at its boresight maps to the global θ̂ at θ = 120°.
    assertThat(f[0]).isCloseTo(Math.sqrt(Math.pow(10, 0.8)), within(1e-12));
    assertThat(f[2]).isCloseTo(0, within(1e-14));
  }

  @Test
  void rollingAVerticalIsotropicAntennaMakesItHorizontal() {
    // γ = 90° about the boresight x: R_x(90°) maps the local θ̂′ = −ẑ at the boresight to +ŷ, and
    // the global basis of k = +x is θ̂ = −ẑ, φ̂ = +ŷ; so (C_θ, C_φ) = (0, +1).
    double[] r = new Orientation(0, 0, 90 * DEG).rotationMatrix();
    double[] f = new double[4];
    AntennaFrames.globalField(AntennaPattern.ISO, 0, r, 1, 0, 0, f);
    assertThat(f[0]).isCloseTo(0, within(1e-15));
    assertThat(f[1]).isZero();
    assertThat(f[2]).isCloseTo(1, within(1e-15));
    assertThat(f[3]).isZero();
    // Rolling by −90° gives the opposite sign.
    AntennaFrames.globalField(AntennaPattern.ISO, 0, new Orientation(0, 0, -90 * DEG), 1, 0, 0, f);
    assertThat(f[2]).isCloseTo(-1, within(1e-15));
  }

  @Test
  void unrotatedDipoleKeepsItsLocalField() {
    double[] r = Orientation.IDENTITY.rotationMatrix();
    double[] f = new double[4];
    double[] k = rHat(50 * DEG, -120 * DEG);
    AntennaFrames.globalField(AntennaPattern.DIPOLE, 0, r, k[0], k[1], k[2], f);
    // √1.5·sin 50° = 1.2247449·0.7660444 = 0.9382090.
    assertThat(f[0]).isCloseTo(0.9382090, within(1e-7));
    assertThat(f[2]).isCloseTo(0, within(1e-15));
  }

  @Test
  void reversingTheDirectionNegatesPhiComponent() {
    double[] f = {1, 2, 3, 4};
    double[] k = rHat(1.0, 2.0);
    AntennaFrames.toIncomingBasis(k[0], k[1], k[2], f, 0);
    assertThat(f[0]).isCloseTo(1, within(1e-14));
    assertThat(f[1]).isCloseTo(2, within(1e-14));
    assertThat(f[2]).isCloseTo(-3, within(1e-14));
    assertThat(f[3]).isCloseTo(-4, within(1e-14));
    // At the pole the basis is the φ = 0 one on both sides (θ̂ = x̂ for +z and for −z).
    double[] g = {1, 0, 1, 0};
    AntennaFrames.toIncomingBasis(0, 0, 1, g, 0);
    assertThat(g[0]).isCloseTo(1, within(1e-14));
    assertThat(g[2]).isCloseTo(-1, within(1e-14));
  }

  @Test
  void rejectsShortBuffers() {
    assertThatThrownBy(() -> AntennaFrames.localAngles(new double[8], 1, 0, 0, new double[2]))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("rotation matrix");
    assertThatThrownBy(
            () ->
                AntennaFrames.globalField(
                    AntennaPattern.ISO, 0, new double[9], 1, 0, 0, new double[4], 1))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("field buffer");
    assertThatThrownBy(() -> AntennaFrames.thetaPhi(1, 0, 0, new double[1]))
        .isInstanceOf(RadioTwinException.class);
  }

  @Property(tries = 300)
  void globalFieldKeepsTheLocalPowerAndVector(
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double alpha,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double beta,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double gamma,
      @ForAll @DoubleRange(min = 0.01, max = 3.13) double theta,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double phi,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double slant,
      @ForAll AntennaPattern pattern) {
    double[] r = new Orientation(alpha, beta, gamma).rotationMatrix();
    double[] k = rHat(theta, phi);
    double[] local = new double[2];
    AntennaFrames.localAngles(r, k[0], k[1], k[2], local);
    double[] fl = new double[4];
    AntennaFieldPattern.field(pattern, slant, local[0], local[1], fl);
    double[] fg = new double[4];
    AntennaFrames.globalField(pattern, slant, r, k[0], k[1], k[2], fg);

    double powerLocal = fl[0] * fl[0] + fl[1] * fl[1] + fl[2] * fl[2] + fl[3] * fl[3];
    double powerGlobal = fg[0] * fg[0] + fg[1] * fg[1] + fg[2] * fg[2] + fg[3] * fg[3];
    assertThat(powerGlobal).isCloseTo(powerLocal, within(1e-12 * Math.max(1, powerLocal)));
    assertThat(powerLocal)
        .isCloseTo(
            AntennaFieldPattern.gain(pattern, local[0], local[1]),
            within(1e-12 * Math.max(1, powerLocal)));

    // The local direction maps back onto k.
    double[] back = rotate(r, rHat(local[0], local[1]));
    for (int i = 0; i < 3; i++) {
      assertThat(back[i]).isCloseTo(k[i], within(1e-12));
    }

    // The field vector itself: C′_θ·Rθ̂′ + C′_φ·Rφ̂′ = C_θ·θ̂ + C_φ·φ̂ (real parts; the built-in
    // patterns are real).
    double[] tl = new double[3];
    double[] pl = new double[3];
    AntennaFrames.sphericalBasis(local[0], local[1], tl, pl);
    double[] rtl = rotate(r, tl);
    double[] rpl = rotate(r, pl);
    double[] tg = new double[3];
    double[] pg = new double[3];
    AntennaFrames.sphericalBasis(theta, phi, tg, pg);
    for (int i = 0; i < 3; i++) {
      double expected = fl[0] * rtl[i] + fl[2] * rpl[i];
      double actual = fg[0] * tg[i] + fg[2] * pg[i];
      assertThat(actual).isCloseTo(expected, within(1e-12 * Math.max(1, Math.sqrt(powerLocal))));
    }
    assertThat(fg[1]).isZero();
    assertThat(fg[3]).isZero();
  }

  @Property(tries = 200)
  void yawingDeviceAndDirectionTogetherChangesNothing(
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double alpha,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double beta,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double gamma,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double delta,
      @ForAll @DoubleRange(min = 0.01, max = 3.13) double theta,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double phi,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double slant,
      @ForAll AntennaPattern pattern) {
    // R_z(δ)·R_z(α)R_y(β)R_x(γ) = R_z(α + δ)R_y(β)R_x(γ), and a yaw maps the global θ̂, φ̂ of k
    // onto
    // those of R_z(δ)k, so the components must be identical.
    double[] k = rHat(theta, phi);
    double[] kr = rHat(theta, phi + delta);
    double[] f1 = new double[4];
    double[] f2 = new double[4];
    AntennaFrames.globalField(
        pattern, slant, new Orientation(alpha, beta, gamma), k[0], k[1], k[2], f1);
    AntennaFrames.globalField(
        pattern, slant, new Orientation(alpha + delta, beta, gamma), kr[0], kr[1], kr[2], f2);
    // tr38901 has kinks (min(·, 30 dB)), but it is continuous, so rounding only moves it by ~1e-12.
    for (int i = 0; i < 4; i++) {
      assertThat(f2[i]).isCloseTo(f1[i], within(1e-9));
    }
  }
}
