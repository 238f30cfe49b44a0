package org.radiotwin.antenna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Polarization;

class ArrayGeometryTest {

  private static final double LAMBDA = 0.0857; // 3.5 GHz

  private static final PlanarArray ONE_BY_TWO =
      new PlanarArray(1, 2, 0.5, 0.5, AntennaPattern.ISO, Polarization.V);

  @Test
  void oneByTwoArrayElementsSitAtQuarterWavelengths() {
    // Columns along y, centred: (c − (cols − 1)/2)·0.5λ = ∓λ/4.
    double[] d = ArrayGeometry.globalElementOffsets(ONE_BY_TWO, Orientation.IDENTITY, LAMBDA);
    assertThat(d).hasSize(6);
    assertThat(d[0]).isZero();
    assertThat(d[1]).isCloseTo(-LAMBDA / 4, within(1e-17));
    assertThat(d[2]).isZero();
    assertThat(d[3]).isZero();
    assertThat(d[4]).isCloseTo(LAMBDA / 4, within(1e-17));
    assertThat(d[5]).isZero();
  }

  @Test
  void yawRotatesTheOffsets() {
    // R_z(90°) maps (0, ∓λ/4, 0) to (±λ/4, 0, 0).
    double[] d =
        ArrayGeometry.globalElementOffsets(ONE_BY_TWO, new Orientation(Math.PI / 2, 0, 0), LAMBDA);
    assertThat(d[0]).isCloseTo(LAMBDA / 4, within(1e-17));
    assertThat(d[1]).isCloseTo(0, within(1e-17));
    assertThat(d[3]).isCloseTo(-LAMBDA / 4, within(1e-17));
    assertThat(d[4]).isCloseTo(0, within(1e-17));
  }

  @Test
  void broadsideAndEndfirePhases() {
    double[] d = ArrayGeometry.globalElementOffsets(ONE_BY_TWO, Orientation.IDENTITY, LAMBDA);
    double[] phases = new double[2];
    // Broadside (k̂ = +x): both elements are at the same distance, phases 0.
    ArrayGeometry.syntheticPhases(d, LAMBDA, 1, 0, 0, phases);
    assertThat(phases).containsExactly(0.0, 0.0);
    // Along the array (k̂ = +y): (2π/λ)(∓λ/4) = ∓π/2, a difference of π.
    ArrayGeometry.syntheticPhases(d, LAMBDA, 0, 1, 0, phases);
    assertThat(phases[0]).isCloseTo(-Math.PI / 2, within(1e-14));
    assertThat(phases[1]).isCloseTo(Math.PI / 2, within(1e-14));
    assertThat(phases[1] - phases[0]).isCloseTo(Math.PI, within(1e-14));
    assertThat(ArrayGeometry.syntheticPhase(d, 1, LAMBDA, 0, 1, 0))
        .isCloseTo(Math.PI / 2, within(1e-14));
    // Response exp(jφ): (0, −1) and (0, +1).
    double[] a = new double[4];
    ArrayGeometry.arrayResponse(d, LAMBDA, 0, 1, 0, a);
    assertThat(a[0]).isCloseTo(0, within(1e-15));
    assertThat(a[1]).isCloseTo(-1, within(1e-15));
    assertThat(a[2]).isCloseTo(0, within(1e-15));
    assertThat(a[3]).isCloseTo(1, within(1e-15));
  }

  @Test
  void dualPolarisedElementsShareTheirPosition() {
    PlanarArray a = new PlanarArray(2, 3, 0.5, 0.7, AntennaPattern.TR38901, Polarization.CROSS);
    double[] d = ArrayGeometry.globalElementOffsets(a, new Orientation(0.4, 0.2, -0.3), LAMBDA);
    assertThat(d).hasSize(3 * 12);
    for (int e = 0; e < 12; e += 2) {
      for (int i = 0; i < 3; i++) {
        assertThat(d[3 * e + i]).isEqualTo(d[3 * (e + 1) + i]);
      }
    }
  }

  @Property(tries = 100)
  void phaseIsTheFarFieldPathLengthDifference(
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double alpha,
      @ForAll @DoubleRange(min = -1.5, max = 1.5) double beta,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double gamma,
      @ForAll @DoubleRange(min = 0.1, max = 3.0) double theta,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double phi) {
    // A far point P = L·k̂ (L = 10 km): element k's exact path |P − d_k| is shorter than L by
    // k̂ᵀd_k − O(|d|²/L), so exp(−j2π|P − d_k|/λ) = exp(−j2πL/λ)·exp(+j·phase_k) up to ~1e-6 rad.
    PlanarArray a = new PlanarArray(2, 2, 0.5, 0.5, AntennaPattern.ISO, Polarization.VH);
    double[] d = ArrayGeometry.globalElementOffsets(a, new Orientation(alpha, beta, gamma), LAMBDA);
    double[] k = {
      Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi), Math.cos(theta)
    };
    double distance = 1e4;
    double[] phases = new double[a.elementCount()];
    ArrayGeometry.syntheticPhases(d, LAMBDA, k[0], k[1], k[2], phases);
    for (int e = 0; e < a.elementCount(); e++) {
      double dx = distance * k[0] - d[3 * e];
      double dy = distance * k[1] - d[3 * e + 1];
      double dz = distance * k[2] - d[3 * e + 2];
      double shortening = distance - Math.sqrt(dx * dx + dy * dy + dz * dz);
      assertThat(2 * Math.PI / LAMBDA * shortening).isCloseTo(phases[e], within(1e-5));
    }
  }

  @Property(tries = 100)
  void broadsideWaveHasZeroPhaseForAnyOrientation(
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double alpha,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double beta,
      @ForAll @DoubleRange(min = -3.14, max = 3.14) double gamma,
      @ForAll @IntRange(min = 1, max = 4) int rows,
      @ForAll @IntRange(min = 1, max = 4) int cols) {
    // The elements lie in the local y–z plane, normal to the boresight R·x̂.
    PlanarArray a = new PlanarArray(rows, cols, 0.5, 0.5, AntennaPattern.ISO, Polarization.V);
    double[] r = new Orientation(alpha, beta, gamma).rotationMatrix();
    double[] d = ArrayGeometry.globalElementOffsets(a, r, LAMBDA);
    double[] phases = new double[a.elementCount()];
    ArrayGeometry.syntheticPhases(d, LAMBDA, r[0], r[3], r[6], phases);
    for (double p : phases) {
      assertThat(p).isCloseTo(0, within(1e-12));
    }
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(
            () -> ArrayGeometry.globalElementOffsets(ONE_BY_TWO, Orientation.IDENTITY, 0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("wavelength");
    assertThatThrownBy(
            () -> ArrayGeometry.globalElementOffsets(ONE_BY_TWO, Orientation.IDENTITY, Double.NaN))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(
            () -> ArrayGeometry.syntheticPhases(new double[5], LAMBDA, 1, 0, 0, new double[2]))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("multiple of 3");
    assertThatThrownBy(
            () -> ArrayGeometry.syntheticPhases(new double[6], LAMBDA, 1, 0, 0, new double[1]))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("phase buffer");
    assertThatThrownBy(() -> ArrayGeometry.syntheticPhase(new double[6], 2, LAMBDA, 1, 0, 0))
        .isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(
            () -> ArrayGeometry.arrayResponse(new double[6], LAMBDA, 1, 0, 0, new double[3]))
        .isInstanceOf(RadioTwinException.class);
  }
}
