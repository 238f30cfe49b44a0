package org.radiotwin.calibration.loss;

import java.util.Arrays;

/**
 * Phase-error-oblivious calibration (PEOC; Ruah et al., "Calibrating wireless ray tracing for
 * digital twinning using local phase error estimates", IEEE TMLCN 2024, arXiv:2312.12625): coherent
 * least squares on the frequency responses,
 *
 * <pre>L = Σ_m ‖y_m − Σ_ℓ h_{mℓ}(θ)‖² / Σ_m ‖y_m‖²</pre>
 *
 * With the Gram form ‖y − Σ_ℓ h_ℓ‖² = Σ_c [wᴴG_cw − 2Re(wᴴg_c) + ‖y_c‖²], w = a_c, its gradient
 * with respect to a_{ℓc} is 2((G_c a_c)_ℓ − g_{ℓc})/Σ_m‖y_m‖².
 */
public final class PeocLoss implements CalibrationLoss {

  @Override
  public String name() {
    return "PEOC";
  }

  @Override
  public double evaluate(ProjectedMeasurements data, double[] coef, double[] gradient) {
    if (gradient != null) {
      Arrays.fill(gradient, 0, data.coefficientLength(), 0);
    }
    double norm = 0;
    for (int m = 0; m < data.measurementCount(); m++) {
      norm += data.energy(m);
    }
    int maxPaths = data.maxPathCount();
    double[] w = new double[2 * maxPaths];
    double[] v = new double[2 * maxPaths];
    double[] g = data.projection();
    double total = 0;
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      for (int c = 0; c < data.blockCount(); c++) {
        double q = data.quadraticForm(m, c, coef, null, w, v);
        double lin = 0;
        for (int l = 0; l < p; l++) {
          int i = 2 * ((data.pathOffset(m) + l) * data.blockCount() + c);
          lin += w[2 * l] * g[i] + w[2 * l + 1] * g[i + 1];
          if (gradient != null) {
            gradient[i] = 2 * (v[2 * l] - g[i]) / norm;
            gradient[i + 1] = 2 * (v[2 * l + 1] - g[i + 1]) / norm;
          }
        }
        total += q - 2 * lin + data.energy(m, c);
      }
    }
    return total / norm;
  }
}
