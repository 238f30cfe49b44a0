package org.radiotwin.calibration.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The delay-angle UPEC of {@link UpecLoss} with antenna arrays: against a brute-force evaluation on
 * the full (antenna pair, subcarrier) vectors s_q = w_q ⊗ d(τ_q), its gradient against central
 * differences, and the separation of two paths that share a delay but not a direction.
 */
class UpecArrayTest {

  /**
   * M measurements of P paths seen by a uniform linear array of A = 4 half-wavelength-spaced
   * elements (one side; w_{ℓa} = e^{jπ a sin θ_ℓ}/2), K tones in B sub-bands.
   */
  static final class ArraySynthetic {
    final int m;
    final int p;
    final int pairs = 4;
    final int bands = 2;
    final int perBand = 16;
    final int k = bands * perBand;
    final double[] f = new double[k];
    final double[][] tau;
    final double[][] w;
    final double[][] y;
    final double[] coef;
    final ProjectedMeasurements joint;
    final ProjectedMeasurements delayOnly;

    /**
     * @param tau delays [m][p] [s]
     * @param sinTheta sin θ of every path [m][p]
     * @param gain true path gains |g_ℓ| [m][p]
     * @param seed phases of the true gains, and noise
     * @param noise standard deviation of the additive noise per sample (re and im)
     */
    ArraySynthetic(double[][] tau, double[][] sinTheta, double[][] gain, long seed, double noise) {
      SplittableRandom rnd = new SplittableRandom(seed);
      this.m = tau.length;
      this.p = tau[0].length;
      this.tau = tau;
      for (int i = 0; i < k; i++) {
        f[i] = 3.5e9 + (i - k / 2.0) * 2e6;
      }
      int blocks = pairs * bands;
      w = new double[m * p][2 * pairs];
      coef = new double[2 * m * p * blocks];
      y = new double[m][2 * pairs * k];
      for (int mi = 0; mi < m; mi++) {
        for (int l = 0; l < p; l++) {
          double ph0 = 2 * Math.PI * rnd.nextDouble();
          for (int a = 0; a < pairs; a++) {
            double ph = Math.PI * a * sinTheta[mi][l];
            w[mi * p + l][2 * a] = 0.5 * Math.cos(ph);
            w[mi * p + l][2 * a + 1] = 0.5 * Math.sin(ph);
            for (int b = 0; b < bands; b++) {
              // a_{ℓab} = g_ℓ·e^{jφ_ℓ}·e^{jπ a sinθ} with a slight sub-band dependence.
              double g = gain[mi][l] * (1 + 0.05 * b);
              int i = 2 * ((mi * p + l) * blocks + a * bands + b);
              coef[i] = g * Math.cos(ph0 + ph);
              coef[i + 1] = g * Math.sin(ph0 + ph);
            }
          }
        }
        for (int a = 0; a < pairs; a++) {
          double[] sum = new double[2 * k];
          for (int l = 0; l < p; l++) {
            double[] h = path(coef, mi, l, a);
            for (int i = 0; i < sum.length; i++) {
              sum[i] += h[i];
            }
          }
          for (int i = 0; i < 2 * k; i++) {
            y[mi][2 * a * k + i] = sum[i] + noise * rnd.nextGaussian();
          }
        }
      }
      int[] off = new int[m + 1];
      int[] gramOff = new int[m + 1];
      for (int mi = 0; mi < m; mi++) {
        off[mi + 1] = off[mi] + p;
        gramOff[mi + 1] = gramOff[mi] + 2 * blocks * p * p;
      }
      double[] gram = new double[gramOff[m]];
      double[] proj = new double[2 * m * p * blocks];
      double[] energy = new double[m * blocks];
      double[] response = new double[2 * m * p * pairs];
      for (int mi = 0; mi < m; mi++) {
        for (int l = 0; l < p; l++) {
          System.arraycopy(w[mi * p + l], 0, response, 2 * (mi * p + l) * pairs, 2 * pairs);
        }
        for (int a = 0; a < pairs; a++) {
          for (int b = 0; b < bands; b++) {
            int c = a * bands + b;
            for (int kk = b * perBand; kk < (b + 1) * perBand; kk++) {
              double yr = y[mi][2 * (a * k + kk)];
              double yi = y[mi][2 * (a * k + kk) + 1];
              energy[mi * blocks + c] += yr * yr + yi * yi;
              for (int q = 0; q < p; q++) {
                double eq = -2 * Math.PI * f[kk] * tau[mi][q];
                int i = 2 * ((mi * p + q) * blocks + c);
                // conj(e_q)·y
                proj[i] += Math.cos(eq) * yr + Math.sin(eq) * yi;
                proj[i + 1] += Math.cos(eq) * yi - Math.sin(eq) * yr;
                for (int l = 0; l < p; l++) {
                  double d = -2 * Math.PI * f[kk] * (tau[mi][l] - tau[mi][q]);
                  int gi = gramOff[mi] + 2 * ((c * p + q) * p + l);
                  gram[gi] += Math.cos(d);
                  gram[gi + 1] += Math.sin(d);
                }
              }
            }
          }
        }
      }
      int[] sizes = new int[blocks];
      java.util.Arrays.fill(sizes, perBand);
      joint =
          new ProjectedMeasurements(
              off, pairs, sizes, gram, proj, energy, 1e12, null, null, response);
      delayOnly = new ProjectedMeasurements(off, pairs, sizes, gram, proj, energy, 1e12);
    }

    /** h_ℓ of measurement mi at pair a over all tones, for coefficients c. */
    double[] path(double[] c, int mi, int l, int a) {
      int blocks = pairs * bands;
      double[] h = new double[2 * k];
      for (int kk = 0; kk < k; kk++) {
        int i = 2 * ((mi * p + l) * blocks + a * bands + kk / perBand);
        double ph = -2 * Math.PI * f[kk] * tau[mi][l];
        h[2 * kk] = c[i] * Math.cos(ph) - c[i + 1] * Math.sin(ph);
        h[2 * kk + 1] = c[i] * Math.sin(ph) + c[i + 1] * Math.cos(ph);
      }
      return h;
    }

    /** s_qᴴx with s_q = w_q ⊗ d(τ_q), x over (pair, tone) (pair-major), as (re, im). */
    double[] project(int mi, int q, double[] x) {
      double re = 0;
      double im = 0;
      for (int a = 0; a < pairs; a++) {
        double wr = w[mi * p + q][2 * a];
        double wi = w[mi * p + q][2 * a + 1];
        for (int kk = 0; kk < k; kk++) {
          double ph = -2 * Math.PI * f[kk] * tau[mi][q];
          double sr = wr * Math.cos(ph) - wi * Math.sin(ph);
          double si = wr * Math.sin(ph) + wi * Math.cos(ph);
          double xr = x[2 * (a * k + kk)];
          double xi = x[2 * (a * k + kk) + 1];
          re += sr * xr + si * xi;
          im += sr * xi - si * xr;
        }
      }
      return new double[] {re, im};
    }

    /** The full-vector h_ℓ over (pair, tone). */
    double[] fullPath(double[] c, int mi, int l) {
      double[] h = new double[2 * pairs * k];
      for (int a = 0; a < pairs; a++) {
        System.arraycopy(path(c, mi, l, a), 0, h, 2 * a * k, 2 * k);
      }
      return h;
    }
  }

  private static double abs2(double[] z) {
    return z[0] * z[0] + z[1] * z[1];
  }

  private static ArraySynthetic generic(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[][] tau = new double[2][3];
    double[][] sin = new double[2][3];
    double[][] gain = new double[2][3];
    for (int mi = 0; mi < 2; mi++) {
      for (int l = 0; l < 3; l++) {
        tau[mi][l] = 40e-9 + 25e-9 * l + 10e-9 * rnd.nextDouble();
        sin[mi][l] = 2 * rnd.nextDouble() - 1;
        gain[mi][l] = 0.3 + rnd.nextDouble();
      }
    }
    return new ArraySynthetic(tau, sin, gain, seed, 0.2);
  }

  private static double[] perturbed(double[] a, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= 1 + 0.3 * (rnd.nextDouble() - 0.5);
      out[i] += 0.05 * (rnd.nextDouble() - 0.5);
    }
    return out;
  }

  @Test
  void jointLossMatchesTheFullVectorProjections() {
    ArraySynthetic s = generic(11);
    double[] a = perturbed(s.coef, 12);
    double num = 0;
    double den = 0;
    for (int mi = 0; mi < s.m; mi++) {
      for (int q = 0; q < s.p; q++) {
        double yq = abs2(s.project(mi, q, s.y[mi]));
        double sum = 0;
        for (int l = 0; l < s.p; l++) {
          sum += abs2(s.project(mi, q, s.fullPath(a, mi, l)));
        }
        num += (yq - sum) * (yq - sum);
        den += yq * yq;
      }
    }
    assertThat(num / den).isGreaterThan(1e-3);
    assertThat(new UpecLoss().evaluate(s.joint, a, null)).isCloseTo(num / den, within(1e-9));
  }

  @Test
  void jointGradientMatchesCentralDifferences() {
    ArraySynthetic s = generic(13);
    double[] a = perturbed(s.coef, 14);
    UpecLoss loss = new UpecLoss();
    double[] g = new double[a.length];
    loss.evaluate(s.joint, a, g);
    double largest = 0;
    for (int i = 0; i < a.length; i++) {
      double h = 1e-6;
      double[] ap = a.clone();
      double[] am = a.clone();
      ap[i] += h;
      am[i] -= h;
      double fd = (loss.evaluate(s.joint, ap, null) - loss.evaluate(s.joint, am, null)) / (2 * h);
      largest = Math.max(largest, Math.abs(fd));
      assertThat(g[i]).as("coefficient " + i).isCloseTo(fd, within(1e-7 + 1e-5 * Math.abs(fd)));
    }
    // The check must have something to check.
    assertThat(largest).isGreaterThan(1e-3);
  }

  /**
   * Two paths with the same delay, from broadside (sin θ = 0) and from sin θ = 1/2: for a
   * four-element half-wavelength array their responses are orthogonal (Σ_a e^{jπa/2} = 1 + j − 1 −
   * j = 0). The delay-only projection mixes them, and its loss depends on the two path powers only
   * through their sum, so it cannot tell the true powers (1, 0.4) from the exchanged ones (0.4, 1);
   * the delay-angle projection sees each path alone: zero loss at the truth, whatever the phases.
   */
  @Test
  void angleProjectionSeparatesPathsSharingADelay() {
    double[][] tau = {{60e-9, 60e-9}};
    double[][] sin = {{0, 0.5}};
    double[][] gain = {{1, 0.4}};
    ArraySynthetic s = new ArraySynthetic(tau, sin, gain, 21, 0);
    // The twin's coefficients with other phases (uniform phase errors), true and exchanged powers.
    double[] truth = rephased(s, new double[] {1, 1}, 22);
    double[] exchanged = rephased(s, new double[] {0.4, 2.5}, 22);
    UpecLoss loss = new UpecLoss();
    double jointTruth = loss.evaluate(s.joint, truth, null);
    double jointExchanged = loss.evaluate(s.joint, exchanged, null);
    double delayTruth = loss.evaluate(s.delayOnly, truth, null);
    double delayExchanged = loss.evaluate(s.delayOnly, exchanged, null);
    assertThat(jointTruth).isLessThan(1e-20);
    assertThat(jointExchanged).isGreaterThan(0.1);
    assertThat(delayTruth).isGreaterThan(1e-3);
    assertThat(delayExchanged).isCloseTo(delayTruth, within(1e-12));
  }

  /** The true coefficients of path ℓ scaled by {@code scale[ℓ]} and turned by a random e^{jψ_ℓ}. */
  private static double[] rephased(ArraySynthetic s, double[] scale, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] out = new double[s.coef.length];
    int blocks = s.pairs * s.bands;
    for (int l = 0; l < s.p; l++) {
      double psi = 2 * Math.PI * rnd.nextDouble();
      for (int c = 0; c < blocks; c++) {
        int i = 2 * (l * blocks + c);
        double re = s.coef[i];
        double im = s.coef[i + 1];
        out[i] = scale[l] * (re * Math.cos(psi) - im * Math.sin(psi));
        out[i + 1] = scale[l] * (re * Math.sin(psi) + im * Math.cos(psi));
      }
    }
    return out;
  }
}
