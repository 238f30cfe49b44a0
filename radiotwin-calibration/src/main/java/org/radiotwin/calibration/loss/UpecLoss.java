package org.radiotwin.calibration.loss;

import java.util.Arrays;

/**
 * Uniform-phase-error calibration (UPEC; Ruah et al., IEEE TMLCN 2024, arXiv:2312.12625): with
 * phase errors assumed uniform, path powers add, so measurements and paths are compared after
 * projection on steering vectors s_q at the twin's path parameters:
 *
 * <pre>L = Σ_{m,q} (|s_qᴴy_m|² − Σ_ℓ |s_qᴴh_{mℓ}(θ)|²)² / Σ_{m,q} |s_qᴴy_m|⁴</pre>
 *
 * <p>With one antenna pair (or data without array responses) s_q is the delay steering vector
 * d(τ_q) over the whole band, one projection per antenna pair: with u_{qℓ} = s_qᴴh_ℓ = Σ_b
 * a_{ℓb}G_b[q][ℓ] and s_qᴴy = Σ_b g_{qb}, the gradient with respect to a_{ℓb} is −4Σ_q
 * r_q·u_{qℓ}·conj(G_b[q][ℓ])/D, r_q the bracket and D the denominator.
 *
 * <p>With A &gt; 1 antenna pairs and {@link ProjectedMeasurements#hasArrayResponse() array
 * responses}, the projection is joint on delay and angle: s_q = w_q ⊗ d(τ_q) over (antenna pair,
 * subcarrier), w_q the unit-norm array response of path q across the pairs, so s_qᴴy = Σ_a
 * conj(w_{qa})Σ_b g_{qab} and u_{qℓ} = Σ_{a,b} conj(w_{qa})·a_{ℓab}G_{ab}[q][ℓ]; one term per (m,
 * q) instead of one per (m, q, a), and the gradient with respect to a_{ℓab} is −4Σ_q
 * r_q·u_{qℓ}·w_{qa}·conj(G_{ab}[q][ℓ])/D. Two paths sharing a delay bin but arriving from different
 * directions (w_qᴴw_ℓ ≈ 0) are then compared with the measurements separately, as the paper's
 * delay-angle projections do. The loss only depends on |s_qᴴ·|², so the global phase of each w_q is
 * irrelevant.
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
    if (data.antennaPairCount() > 1 && data.hasArrayResponse()) {
      return evaluateJoint(data, coef, gradient);
    }
    int sub = data.subbandCount();
    int blocks = data.blockCount();
    double[] gram = data.gram();
    double[] proj = data.projection();
    int maxPaths = data.maxPathCount();
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

  /** The delay-angle version: one projection per (m, q) on w_q ⊗ d(τ_q). */
  private static double evaluateJoint(
      ProjectedMeasurements data, double[] coef, double[] gradient) {
    int sub = data.subbandCount();
    int blocks = data.blockCount();
    int pairs = data.antennaPairCount();
    double[] gram = data.gram();
    double[] proj = data.projection();
    double[] w = data.arrayResponse();
    int maxPaths = data.maxPathCount();
    double[] u = new double[2 * maxPaths * maxPaths];
    double[] r = new double[maxPaths];
    double num = 0;
    double den = 0;
    for (int m = 0; m < data.measurementCount(); m++) {
      for (int q = 0; q < data.pathCount(m); q++) {
        double y2 = jointMeasuredProjection(data, proj, w, data.pathOffset(m) + q);
        den += y2 * y2;
      }
    }
    if (!(den > 0)) {
      return 0;
    }
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      int off = data.pathOffset(m);
      int g0 = data.gramOffset(m);
      for (int q = 0; q < p; q++) {
        double s = 0;
        for (int l = 0; l < p; l++) {
          double ur = 0;
          double ui = 0;
          for (int a = 0; a < pairs; a++) {
            // Σ_b a_{ℓab}·G_{ab}[q][ℓ], then times conj(w_qa).
            double vr = 0;
            double vi = 0;
            for (int b = 0; b < sub; b++) {
              int c = a * sub + b;
              int gi = g0 + 2 * ((c * p + q) * p + l);
              int ci = 2 * ((off + l) * blocks + c);
              vr += coef[ci] * gram[gi] - coef[ci + 1] * gram[gi + 1];
              vi += coef[ci] * gram[gi + 1] + coef[ci + 1] * gram[gi];
            }
            int wi = 2 * ((off + q) * pairs + a);
            ur += w[wi] * vr + w[wi + 1] * vi;
            ui += w[wi] * vi - w[wi + 1] * vr;
          }
          u[2 * (q * p + l)] = ur;
          u[2 * (q * p + l) + 1] = ui;
          s += ur * ur + ui * ui;
        }
        r[q] = jointMeasuredProjection(data, proj, w, off + q) - s;
        num += r[q] * r[q];
      }
      if (gradient == null) {
        continue;
      }
      for (int l = 0; l < p; l++) {
        for (int a = 0; a < pairs; a++) {
          for (int b = 0; b < sub; b++) {
            int c = a * sub + b;
            double gr = 0;
            double gim = 0;
            for (int q = 0; q < p; q++) {
              int gi = g0 + 2 * ((c * p + q) * p + l);
              int wi = 2 * ((off + q) * pairs + a);
              double ur = u[2 * (q * p + l)];
              double ui = u[2 * (q * p + l) + 1];
              // t = u·w, then t·conj(G)
              double tr = ur * w[wi] - ui * w[wi + 1];
              double ti = ur * w[wi + 1] + ui * w[wi];
              gr += r[q] * (tr * gram[gi] + ti * gram[gi + 1]);
              gim += r[q] * (ti * gram[gi] - tr * gram[gi + 1]);
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

  /** |s_qᴴy|² = |Σ_a conj(w_qa)·Σ_b g_{q,a,b}|² for one path (global index). */
  private static double jointMeasuredProjection(
      ProjectedMeasurements data, double[] proj, double[] w, int path) {
    int sub = data.subbandCount();
    int pairs = data.antennaPairCount();
    double re = 0;
    double im = 0;
    for (int a = 0; a < pairs; a++) {
      double gr = 0;
      double gi = 0;
      for (int b = 0; b < sub; b++) {
        int i = 2 * (path * data.blockCount() + a * sub + b);
        gr += proj[i];
        gi += proj[i + 1];
      }
      int wi = 2 * (path * pairs + a);
      re += w[wi] * gr + w[wi + 1] * gi;
      im += w[wi] * gi - w[wi + 1] * gr;
    }
    return re * re + im * im;
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
