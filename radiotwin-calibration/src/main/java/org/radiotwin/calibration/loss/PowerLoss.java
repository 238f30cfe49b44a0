package org.radiotwin.calibration.loss;

import java.util.Arrays;

/**
 * Power calibration loss of Hoydis et al. ("Learning radio environments by differentiable ray
 * tracing", IEEE TMLCN 2024, doi:10.1109/TMLCN.2024.3474639): with P the band-averaged received
 * power gain of a measurement and antenna pair,
 *
 * <pre>L = mean_{m,pair} |P_sim − P_meas| / (P_sim + P_meas)</pre>
 *
 * where P_sim = ‖Σ_ℓ h_ℓ‖²/K and P_meas = ‖y‖²/K. The denominator is held constant for the gradient
 * (as in the paper), so ∂L/∂P_sim = sign(P_sim − P_meas)/(P_sim + P_meas).
 *
 * <p>Optionally the same term on the RMS delay spread is added, mean |σ_sim − σ_meas|/(σ_sim +
 * σ_meas) over the measurements where σ_meas could be estimated: σ_sim from the twin's path
 * energies p_ℓ = Σ_c |a_ℓc|²K_c and delays (σ² = Σp_ℓτ_ℓ²/Σp_ℓ − τ̄²), σ_meas from the measured
 * response ({@code TwinCampaign}'s pulse-pair estimate).
 */
public final class PowerLoss implements CalibrationLoss {

  private final boolean withDelaySpread;

  /** The power term only. */
  public PowerLoss() {
    this(false);
  }

  /**
   * The power term, optionally plus the delay-spread term.
   *
   * @param withDelaySpread add the RMS delay spread term (needs path delays in the data)
   */
  public PowerLoss(boolean withDelaySpread) {
    this.withDelaySpread = withDelaySpread;
  }

  @Override
  public String name() {
    return withDelaySpread ? "power+delay-spread" : "power";
  }

  @Override
  public double evaluate(ProjectedMeasurements data, double[] coef, double[] gradient) {
    if (gradient != null) {
      Arrays.fill(gradient, 0, data.coefficientLength(), 0);
    }
    int pairs = data.antennaPairCount();
    int sub = data.subbandCount();
    int count = data.measurementCount() * pairs;
    double total = 0;
    int maxPaths = data.maxPathCount();
    double[] w = new double[2 * maxPaths];
    // G·w of every sub-band, kept from the loss pass for the gradient pass.
    double[][] v = new double[sub][2 * maxPaths];
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      for (int a = 0; a < pairs; a++) {
        double sim = 0;
        double meas = 0;
        int k = 0;
        for (int b = 0; b < sub; b++) {
          int c = a * sub + b;
          sim += data.quadraticForm(m, c, coef, null, w, v[b]);
          meas += data.energy(m, c);
          k += data.blockSize(c);
        }
        sim /= k;
        meas /= k;
        double den = sim + meas;
        if (den <= 0) {
          continue;
        }
        total += Math.abs(sim - meas) / den;
        if (gradient != null) {
          double s = Math.signum(sim - meas) / den / count * 2 / k;
          for (int b = 0; b < sub; b++) {
            int c = a * sub + b;
            double[] vb = v[b];
            for (int l = 0; l < p; l++) {
              int i = 2 * ((data.pathOffset(m) + l) * data.blockCount() + c);
              gradient[i] += s * vb[2 * l];
              gradient[i + 1] += s * vb[2 * l + 1];
            }
          }
        }
      }
    }
    if (withDelaySpread) {
      total += count * delaySpreadTerm(data, coef, gradient);
    }
    return total / count;
  }

  /** mean |σ_sim − σ_meas|/(σ_sim + σ_meas), adding its gradient into {@code gradient}. */
  private static double delaySpreadTerm(
      ProjectedMeasurements data, double[] coef, double[] gradient) {
    if (!data.hasDelays()) {
      throw new IllegalArgumentException("the delay-spread term needs path delays in the data");
    }
    int pairs = data.antennaPairCount();
    int sub = data.subbandCount();
    int blocks = data.blockCount();
    int valid = 0;
    for (int m = 0; m < data.measurementCount(); m++) {
      for (int a = 0; a < pairs; a++) {
        if (Double.isFinite(data.measuredDelaySpread(m, a))) {
          valid++;
        }
      }
    }
    if (valid == 0) {
      return 0;
    }
    double total = 0;
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      int off = data.pathOffset(m);
      for (int a = 0; a < pairs; a++) {
        double meas = data.measuredDelaySpread(m, a);
        if (!Double.isFinite(meas)) {
          continue;
        }
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        for (int l = 0; l < p; l++) {
          double e = 0;
          for (int b = 0; b < sub; b++) {
            int i = 2 * ((off + l) * blocks + a * sub + b);
            e += (coef[i] * coef[i] + coef[i + 1] * coef[i + 1]) * data.blockSize(a * sub + b);
          }
          double tau = data.delay(off + l);
          s0 += e;
          s1 += e * tau;
          s2 += e * tau * tau;
        }
        if (!(s0 > 0)) {
          continue;
        }
        double mean = s1 / s0;
        double sim = Math.sqrt(Math.max(0, s2 / s0 - mean * mean));
        double den = sim + meas;
        if (!(den > 0)) {
          continue;
        }
        total += Math.abs(sim - meas) / den;
        if (gradient == null || !(sim > 0)) {
          continue;
        }
        // ∂σ/∂p_ℓ = ((τ_ℓ − τ̄)² − σ²)/(2σ·Σp), ∂p_ℓ/∂a (as ∂/∂Re + j∂/∂Im) = 2·a·K_c.
        double outer = Math.signum(sim - meas) / den / valid;
        for (int l = 0; l < p; l++) {
          double d = data.delay(off + l) - mean;
          double dSigma = (d * d - sim * sim) / (2 * sim * s0);
          for (int b = 0; b < sub; b++) {
            int c = a * sub + b;
            int i = 2 * ((off + l) * blocks + c);
            double f = outer * dSigma * 2 * data.blockSize(c);
            gradient[i] += f * coef[i];
            gradient[i + 1] += f * coef[i + 1];
          }
        }
      }
    }
    return total / valid;
  }
}
