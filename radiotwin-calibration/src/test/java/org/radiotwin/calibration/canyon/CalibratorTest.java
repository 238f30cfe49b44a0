package org.radiotwin.calibration.canyon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.radiotwin.calibration.CalibrationMethod;
import org.radiotwin.calibration.CalibrationParameters;
import org.radiotwin.calibration.CalibrationResult;
import org.radiotwin.calibration.Calibrator;
import org.radiotwin.calibration.MaterialProperty;
import org.radiotwin.calibration.TwinCampaign;
import org.radiotwin.calibration.loss.CalibrationLoss;
import org.radiotwin.calibration.loss.PeocLoss;
import org.radiotwin.calibration.optim.Adam;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathSet;

/** The calibrator end to end on the canyon twin, where reality is the twin itself. */
class CalibratorTest {

  /** Measurements of the twin geometry (no wall error) with the true material, at 60 dB SNR. */
  static TwinCampaign selfCampaign(double bandwidth) {
    CanyonStudy.Settings s =
        new CanyonStudy.Settings(new double[] {bandwidth}, 1, 3, 12, 30e3, 60, 0, 0.05, 50e6);
    CanyonStudy.Draw d = CanyonStudy.Draw.of(s.measurements(), 3);
    CanyonStudy.Draw self =
        new CanyonStudy.Draw(
            d.rx(),
            FieldEvaluator.forScene(d.twinPaths(), d.twinGeometry()),
            d.twinGeometry(),
            d.twinPaths());
    MeasurementSet set = CanyonStudy.measure(s, self, bandwidth, 4);
    return TwinCampaign.of(
        d.twinGeometry(),
        new PathSet[] {d.twinPaths()},
        new int[set.positionCount()],
        IntStream.range(0, set.positionCount()).toArray(),
        set,
        50e6,
        60,
        false);
  }

  @Test
  void chainRuleGradientMatchesFiniteDifferencesOfTheLoss() {
    TwinCampaign c = selfCampaign(20e6);
    CalibrationParameters p = CanyonStudy.parameters(c.geometry());
    CalibrationLoss loss = new PeocLoss();
    int n = c.data().coefficientLength();
    double[] coef = new double[n];
    double[][] dcoef = new double[2][n];
    double[] grad = new double[n];
    c.evaluate(p.materials(), p.selectedMaterialIndices(), coef, dcoef);
    loss.evaluate(c.data(), coef, grad);
    double[] slot = new double[2];
    for (int j = 0; j < 2; j++) {
      for (int i = 0; i < n; i++) {
        slot[j] += grad[i] * dcoef[j][i];
      }
    }
    double[] analytic = p.chainRule(slot);
    double[] u = p.unconstrained();
    for (int j = 0; j < 2; j++) {
      double h = 1e-5;
      double[] up = u.clone();
      double[] um = u.clone();
      up[j] += h;
      um[j] -= h;
      p.setUnconstrained(up);
      c.evaluate(p.materials(), p.selectedMaterialIndices(), coef, null);
      double lp = loss.evaluate(c.data(), coef, null);
      p.setUnconstrained(um);
      c.evaluate(p.materials(), p.selectedMaterialIndices(), coef, null);
      double lm = loss.evaluate(c.data(), coef, null);
      p.setUnconstrained(u);
      double fd = (lp - lm) / (2 * h);
      assertThat(analytic[j]).isCloseTo(fd, within(1e-6 * Math.abs(fd) + 1e-12));
    }
  }

  @Test
  void coherentCalibrationRecoversTheTrueMaterialWithoutGeometryError() {
    TwinCampaign c = selfCampaign(20e6);
    CalibrationParameters p = CanyonStudy.parameters(c.geometry());
    CalibrationResult r =
        Calibrator.calibrate(
            c,
            p,
            CalibrationMethod.PEOC.newLoss(),
            new Calibrator.Settings(400, 0, Adam.Settings.of(0.05)),
            f -> {});
    // Truth (METHODS.md §2): η_r = 5.31, σ = 0.0326·6^0.8095 = 0.1388 S/m at 6 GHz.
    assertThat(p.driver("wall", MaterialProperty.RELATIVE_PERMITTIVITY).value())
        .isCloseTo(5.31, within(0.05));
    assertThat(p.driver("wall", MaterialProperty.CONDUCTIVITY).value())
        .isCloseTo(CanyonScenario.trueConductivity(6e9), within(0.005));
    assertThat(r.finalLoss()).isLessThan(1e-4);
    assertThat(r.parameterNames()).isEqualTo(List.of("wall.eta_r", "wall.sigma"));
    assertThat(r.history()).hasSize(401);
    assertThat(r.initialValues()[0]).isCloseTo(3, within(1e-12));
    assertThat(r.initialValues()[1]).isCloseTo(0.1, within(1e-12));
  }
}
