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
 */
public final class PowerLoss implements CalibrationLoss {

  @Override
  public String name() {
    return "power";
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
    int maxPaths = maxPaths(data);
    double[] w = new double[2 * maxPaths];
    double[] v = new double[2 * maxPaths];
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      for (int a = 0; a < pairs; a++) {
        double sim = 0;
        double meas = 0;
        int k = 0;
        for (int b = 0; b < sub; b++) {
          int c = a * sub + b;
          sim += data.quadraticForm(m, c, coef, null, w, v);
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
            data.quadraticForm(m, c, coef, null, w, v);
            for (int l = 0; l < p; l++) {
              int i = 2 * ((data.pathOffset(m) + l) * data.blockCount() + c);
              gradient[i] += s * v[2 * l];
              gradient[i + 1] += s * v[2 * l + 1];
            }
          }
        }
      }
    }
    return total / count;
  }

  static int maxPaths(ProjectedMeasurements data) {
    int max = 1;
    for (int m = 0; m < data.measurementCount(); m++) {
      max = Math.max(max, data.pathCount(m));
    }
    return max;
  }
}
