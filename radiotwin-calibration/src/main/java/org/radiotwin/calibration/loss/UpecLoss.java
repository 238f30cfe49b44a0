package org.radiotwin.calibration.loss;

import java.util.Arrays;

/**
 * Uniform-phase-error calibration (UPEC; Ruah et al., IEEE TMLCN 2024, arXiv:2312.12625): with
 * phase errors assumed uniform, path powers add, so measurements and paths are compared after
 * projection on delay steering vectors s_q at the twin's path delays τ_q (over the whole band, per
 * antenna pair):
 *
 * <pre>L = Σ_{m,q} (|s_qᴴy_m|² − Σ_ℓ |s_qᴴh_{mℓ}(θ)|²)² / Σ_{m,q} |s_qᴴy_m|⁴</pre>
 *
 * With u_{qℓ} = s_qᴴh_ℓ = Σ_b a_{ℓb}G_b[q][ℓ] and s_qᴴy = Σ_b g_{qb}, the gradient with respect to
 * a_{ℓb} is −4Σ_q r_q·u_{qℓ}·conj(G_b[q][ℓ])/D, r_q the bracket and D the denominator. Angle
 * projections for arrays are not formed: each antenna pair is projected on delay separately.
 */
public final class UpecLoss implements CalibrationLoss {

  @Override
  public String name() {
    return "UPEC";
  }

  @Override
  public double evaluate(ProjectedMeasurements data, double[] coef, double[] gradient) {
    if (gradient != null) {
      Arrays.fill(gradient, 0, data.coefficientLength(), 0);
    }
    int sub = data.subbandCount();
    int blocks = data.blockCount();
    double[] gram = data.gram();
    double[] proj = data.projection();
    int maxPaths = PowerLoss.maxPaths(data);
    double[] u = new double[2 * maxPaths * maxPaths];
    double[] r = new double[maxPaths];
    double num = 0;
    double den = 0;
    // First pass: D. Second pass: numerator and gradient (needs D).
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      for (int a = 0; a < data.antennaPairCount(); a++) {
        for (int q = 0; q < p; q++) {
          double y2 = measuredProjection(data, proj, m, q, a * sub, sub);
          den += y2 * y2;
        }
      }
    }
    if (!(den > 0)) {
      return 0;
    }
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      int off = data.pathOffset(m);
      int g0 = data.gramOffset(m);
      for (int a = 0; a < data.antennaPairCount(); a++) {
        for (int q = 0; q < p; q++) {
          double s = 0;
          for (int l = 0; l < p; l++) {
            double ur = 0;
            double ui = 0;
            for (int b = 0; b < sub; b++) {
              int c = a * sub + b;
              int gi = g0 + 2 * ((c * p + q) * p + l);
              int ci = 2 * ((off + l) * blocks + c);
              ur += coef[ci] * gram[gi] - coef[ci + 1] * gram[gi + 1];
              ui += coef[ci] * gram[gi + 1] + coef[ci + 1] * gram[gi];
            }
            u[2 * (q * p + l)] = ur;
            u[2 * (q * p + l) + 1] = ui;
            s += ur * ur + ui * ui;
          }
          r[q] = measuredProjection(data, proj, m, q, a * sub, sub) - s;
          num += r[q] * r[q];
        }
        if (gradient == null) {
          continue;
        }
        for (int l = 0; l < p; l++) {
          for (int b = 0; b < sub; b++) {
            int c = a * sub + b;
            double gr = 0;
            double gim = 0;
            for (int q = 0; q < p; q++) {
              int gi = g0 + 2 * ((c * p + q) * p + l);
              double ur = u[2 * (q * p + l)];
              double ui = u[2 * (q * p + l) + 1];
              // u·conj(G)
              gr += r[q] * (ur * gram[gi] + ui * gram[gi + 1]);
              gim += r[q] * (ui * gram[gi] - ur * gram[gi + 1]);
            }
            int ci = 2 * ((off + l) * blocks + c);
            gradient[ci] = -4 * gr / den;
            gradient[ci + 1] = -4 * gim / den;
          }
        }
      }
    }
    return num / den;
  }

  /** |s_qᴴy|² = |Σ_b g_{q,b}|² over the sub-bands of one antenna pair. */
  private static double measuredProjection(
      ProjectedMeasurements data, double[] proj, int m, int q, int c0, int sub) {
    double re = 0;
    double im = 0;
    for (int b = 0; b < sub; b++) {
      int i = 2 * ((data.pathOffset(m) + q) * data.blockCount() + c0 + b);
      re += proj[i];
      im += proj[i + 1];
    }
    return re * re + im * im;
  }
}
