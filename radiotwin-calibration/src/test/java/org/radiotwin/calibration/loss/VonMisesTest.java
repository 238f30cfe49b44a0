package org.radiotwin.calibration.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.assertj.core.data.Offset;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class VonMisesTest {

  // Reference values I1(κ)/I0(κ) computed with mpmath (30 digits): mp.besseli(1,k)/mp.besseli(0,k).
  @Test
  void ratioMatchesArbitraryPrecisionValues() {
    assertThat(VonMises.besselRatio(0)).isEqualTo(0.0);
    assertThat(VonMises.besselRatio(0.5)).isCloseTo(0.242499612580801945, within(1e-15));
    assertThat(VonMises.besselRatio(1)).isCloseTo(0.446389965896534507, within(1e-15));
    assertThat(VonMises.besselRatio(10)).isCloseTo(0.948599825954845959, within(1e-15));
    assertThat(VonMises.besselRatio(40)).isCloseTo(0.987419841336350658, within(1e-15));
    assertThat(VonMises.besselRatio(41)).isCloseTo(0.987728631014583841, within(1e-15));
    assertThat(VonMises.besselRatio(100)).isCloseTo(0.994987373005168766, within(1e-15));
  }

  @Test
  void complementIsRelativelyAccurateForHugeConcentrations() {
    // 1 − A(10⁶) = 5.00000125000125000195e−7 (mpmath).
    assertThat(VonMises.besselRatioComplement(1e6))
        .isCloseTo(5.00000125000125000195e-7, Percentage.withPercentage(1e-10));
    assertThat(VonMises.besselRatioComplement(100))
        .isCloseTo(0.00501262699483123441, Percentage.withPercentage(1e-10));
    assertThat(VonMises.besselRatioComplement(41))
        .isCloseTo(0.0122713689854161589, Percentage.withPercentage(1e-10));
  }

  @Test
  void seriesAndAsymptoticBranchesMeetAtTheSwitch() {
    double k = VonMises.SERIES_LIMIT;
    double below = VonMises.besselRatioComplement(Math.nextDown(k));
    double above = VonMises.besselRatioComplement(Math.nextUp(k));
    assertThat(above).isCloseTo(below, Percentage.withPercentage(1e-11));
  }

  @Test
  void inverseOfZeroAndNegativeIsZero() {
    assertThat(VonMises.inverseBesselRatio(0)).isZero();
    assertThat(VonMises.inverseBesselRatio(-0.2)).isZero();
  }

  @Property(tries = 300)
  void inverseRoundTrips(@ForAll @DoubleRange(min = -6, max = 6) double log10Kappa) {
    double kappa = Math.pow(10, log10Kappa);
    double r = VonMises.besselRatio(kappa);
    double back = VonMises.inverseBesselRatio(r);
    // Near A = 1 the round trip is limited by the rounding of r: Δκ/κ ≈ ulp(1)/(1 − r).
    double tol = 1e-9 + 4e-16 / VonMises.besselRatioComplement(kappa);
    assertThat(back).isCloseTo(kappa, Percentage.withPercentage(100 * tol));
  }

  @Property(tries = 100)
  void derivativeMatchesCentralDifferences(
      @ForAll @DoubleRange(min = -2, max = 5) double log10Kappa) {
    double kappa = Math.pow(10, log10Kappa);
    double h = 1e-4 * kappa;
    double fd =
        (VonMises.besselRatioComplement(kappa - h) - VonMises.besselRatioComplement(kappa + h))
            / (2 * h);
    assertThat(VonMises.besselRatioDerivative(kappa))
        .isCloseTo(fd, Offset.offset(1e-6 * fd + 1e-13));
  }
}
