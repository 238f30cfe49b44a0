package org.radiotwin.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radiotwin.calibration.loss.CalibrationLoss;
import org.radiotwin.calibration.loss.PowerLoss;
import org.radiotwin.calibration.optim.Adam;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.measure.CampaignSimulator;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;

/**
 * Calibration of the scattering coefficient S: builtin:simple_reflector (a 1 m² metal plate in z =
 * 0) whose truth has S = 0.5 and whose twin starts at S = 0.2 with the true η_r and σ, both traced
 * with diffuse paths.
 */
class ScatteringCalibrationTest {

  static final String PLATE = "reflector-mat";
  static final double TRUE_S = 0.5;
  static final double START_S = 0.2;

  static final PathSolverConfig PATHS =
      PathSolverConfig.defaults().withMaxDepth(1).withSamples(20_000, 5).withDiffuse(true);

  static TwinCampaign campaign;

  static Scene withS(double s) {
    Scene scene = SceneLoader.load("builtin:simple_reflector");
    RadioMaterial m = scene.materials().get(PLATE);
    return scene.withMaterial(m.withScattering(s, m.xpdCoefficient()));
  }

  @BeforeAll
  static void measure() {
    // One transmitter 3 m above the plate, receivers around it at 1.5–2.5 m height, so that each
    // sees the line of sight, the plate's specular reflection and its diffuse paths.
    int n = 8;
    double[] tx = new double[3 * n];
    double[] rx = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double phi = 2 * Math.PI * i / n;
      tx[3 * i] = -1;
      tx[3 * i + 2] = 3;
      rx[3 * i] = 1.5 * Math.cos(phi) + 0.5;
      rx[3 * i + 1] = 1.5 * Math.sin(phi);
      rx[3 * i + 2] = 1.5 + 0.125 * i;
    }
    CampaignSimulator.Settings settings =
        new CampaignSimulator.Settings(
            3.45e9, 3.55e9, 21, Double.POSITIVE_INFINITY, 0, 1, PATHS, false);
    MeasurementSet set = CampaignSimulator.simulate(withS(TRUE_S), tx, rx, settings, f -> {});
    campaign = TwinCampaign.trace(withS(START_S), set, PATHS, 50e6, 60, false, f -> {});
  }

  static CalibrationParameters parameters() {
    return CalibrationParameters.of(campaign.geometry(), 3.5e9, List.of(PLATE), false, true);
  }

  @Test
  void powerLossGradientWithRespectToAllThreeParametersMatchesFiniteDifferences() {
    CalibrationParameters p = parameters();
    assertThat(p.trainsScattering()).isTrue();
    assertThat(p.slotsPerMaterial()).isEqualTo(3);
    assertThat(p.selectedDrivers().stream().map(ParameterDriver::name))
        .containsExactly(PLATE + ".eta_r", PLATE + ".sigma", PLATE + ".S");
    CalibrationLoss loss = new PowerLoss();
    int n = campaign.data().coefficientLength();
    double[] coef = new double[n];
    double[][] dcoef = new double[3][n];
    double[] grad = new double[n];
    campaign.evaluate(p.materials(), p.selectedMaterialIndices(), coef, dcoef, true);
    loss.evaluate(campaign.data(), coef, grad);
    double[] slot = new double[3];
    for (int j = 0; j < 3; j++) {
      for (int i = 0; i < n; i++) {
        slot[j] += grad[i] * dcoef[j][i];
      }
    }
    double[] analytic = p.chainRule(slot);
    // The power loss holds its denominators P_sim + P_meas constant in the gradient (Hoydis et
    // al.), so the finite differences are taken of L with the denominators frozen at the start;
    // there it equals the loss itself. One antenna pair: predictedPowers are the P_sim of the loss.
    double[] measured = campaign.measuredPowers();
    double[] start = campaign.predictedPowers(coef);
    double l0 = loss.evaluate(campaign.data(), coef, null);
    assertThat(frozenPowerLoss(start, measured, start)).isCloseTo(l0, within(1e-12 * l0));
    double[] u = p.unconstrained();
    for (int j = 0; j < 3; j++) {
      double h = 1e-5;
      double[] up = u.clone();
      double[] um = u.clone();
      up[j] += h;
      um[j] -= h;
      p.setUnconstrained(up);
      campaign.evaluate(p.materials(), p.selectedMaterialIndices(), coef, null);
      double lp = frozenPowerLoss(campaign.predictedPowers(coef), measured, start);
      p.setUnconstrained(um);
      campaign.evaluate(p.materials(), p.selectedMaterialIndices(), coef, null);
      double lm = frozenPowerLoss(campaign.predictedPowers(coef), measured, start);
      p.setUnconstrained(u);
      double fd = (lp - lm) / (2 * h);
      // The metal plate's η_r (≈ 1) and σ (≈ 10⁷ S/m) barely matter: their gradients are tiny.
      assertThat(analytic[j]).isCloseTo(fd, within(1e-5 * Math.abs(fd) + 1e-10));
    }
    // The twin is too specular (S = 0.2 < 0.5): the loss decreases as S grows.
    assertThat(analytic[2]).isNegative();
  }

  /** mean_m |P_sim − P_meas| / (P_start + P_meas). */
  static double frozenPowerLoss(double[] sim, double[] meas, double[] start) {
    double l = 0;
    for (int m = 0; m < sim.length; m++) {
      l += Math.abs(sim[m] - meas[m]) / (start[m] + meas[m]);
    }
    return l / sim.length;
  }

  @Test
  void powerCalibrationRecoversTheScatteringCoefficient() {
    CalibrationParameters p = parameters();
    // Only S is wrong; η_r and σ start (and should stay) at the truth.
    p.driver(PLATE, MaterialProperty.RELATIVE_PERMITTIVITY).setSelected(false);
    p.driver(PLATE, MaterialProperty.CONDUCTIVITY).setSelected(false);
    CalibrationResult r =
        Calibrator.calibrate(
            campaign,
            p,
            new PowerLoss(),
            new Calibrator.Settings(150, 0, Adam.Settings.of(0.05)),
            f -> {});
    assertThat(r.parameterNames()).containsExactly(PLATE + ".S");
    assertThat(r.initialValues()[0]).isCloseTo(START_S, within(1e-12));
    assertThat(p.driver(PLATE, MaterialProperty.SCATTERING_COEFFICIENT).value())
        .isCloseTo(TRUE_S, within(0.02 * TRUE_S));
    assertThat(r.finalLoss()).isLessThan(0.05 * r.initialLoss());
    // The calibrated scene carries the new S, and the untouched properties.
    Scene calibrated = p.applyTo(withS(START_S));
    RadioMaterial m = calibrated.materials().get(PLATE);
    assertThat(m.scatteringCoefficient()).isCloseTo(TRUE_S, within(0.02 * TRUE_S));
    assertThat(m.thickness()).isEqualTo(0.01);
  }

  @Test
  void aMaterialWithoutScatteringCannotTrainIt() {
    Scene scene = SceneLoader.load("builtin:simple_reflector");
    var g = org.radiotwin.rt.SceneGeometry.of(scene);
    assertThatThrownBy(() -> CalibrationParameters.of(g, 3.5e9, List.of(PLATE), false, true))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining(PLATE)
        .hasMessageContaining("(0, 1)");
    // Without S the layout stays (η_r, σ), and the untrained S of a material stays 0.
    CalibrationParameters p = CalibrationParameters.of(g, 3.5e9, List.of(PLATE), false);
    assertThat(p.trainsScattering()).isFalse();
    assertThat(p.slotsPerMaterial()).isEqualTo(2);
    assertThat(p.materials()[0].scatteringCoefficient()).isZero();
  }
}
