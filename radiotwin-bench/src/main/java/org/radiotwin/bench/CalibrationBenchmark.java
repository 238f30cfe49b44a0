package org.radiotwin.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radiotwin.calibration.CalibrationParameters;
import org.radiotwin.calibration.TwinCampaign;
import org.radiotwin.calibration.canyon.CanyonStudy;
import org.radiotwin.calibration.loss.PeacLoss;
import org.radiotwin.material.RadioMaterial;

/**
 * One PEAC iteration of the canyon study (seed 000 Fig. 3) at a given bandwidth with 50
 * measurements: field evaluation with exact derivatives per 50 MHz sub-band, the E-step and the
 * M-step loss with its gradient (the Adam update itself is a handful of flops). At 500 MHz the
 * campaign has 16 667 subcarriers × 50 positions; the measurements are projected once ({@link
 * #project}), so an iteration does not touch the subcarriers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CalibrationBenchmark {

  /** Measurement bandwidth [Hz]. */
  @Param({"5e8"})
  public double bandwidth;

  private CanyonStudy.Settings settings;
  private TwinCampaign campaign;
  private RadioMaterial[] materials;
  private int[] selected;
  private double[] coef;
  private double[][] dcoef;
  private double[] grad;
  private PeacLoss loss;

  /** Traces the canyon and projects the measurements once. */
  @Setup(Level.Trial)
  public void setUp() {
    settings = CanyonStudy.Settings.paper(1);
    campaign = CanyonStudy.campaign(settings, 1, bandwidth);
    CalibrationParameters p = CanyonStudy.parameters(campaign.geometry());
    materials = p.materials();
    selected = p.selectedMaterialIndices();
    int n = campaign.data().coefficientLength();
    coef = new double[n];
    dcoef = new double[2 * selected.length][n];
    grad = new double[n];
    loss = new PeacLoss();
  }

  /**
   * One PEAC iteration: coefficients and derivatives, E-step, loss and gradient, chain rule.
   *
   * @return ∂L/∂η_r (kept alive)
   */
  @Benchmark
  public double peacIteration() {
    campaign.evaluate(materials, selected, coef, dcoef);
    loss.beginIteration(campaign.data(), coef);
    loss.evaluate(campaign.data(), coef, grad);
    double s = 0;
    for (int i = 0; i < grad.length; i++) {
      s += grad[i] * dcoef[0][i];
    }
    return s;
  }

  /**
   * The one-time cost: ray tracing reality and the twin, simulating the measurements and projecting
   * them on the twin's paths (Gram matrices and projections over all subcarriers).
   *
   * @return the campaign (kept alive)
   */
  @Benchmark
  @Warmup(iterations = 1, time = 2)
  @Measurement(iterations = 3, time = 2)
  public TwinCampaign project() {
    return CanyonStudy.campaign(settings, 2, bandwidth);
  }
}
