package org.radiotwin.calibration.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks every loss against a brute-force evaluation on the full sample vectors (independent of the
 * Gram-matrix shortcut) and its gradient against central differences.
 */
class LossesTest {

  /** A random campaign: M measurements, P paths, K tones in B sub-bands, one antenna pair. */
  static final class Synthetic {
    final int m = 3;
    final int p = 3;
    final int bands = 2;
    final int perBand = 24;
    final int k = bands * perBand;
    final double[] f = new double[k];
    final double[][] tau = new double[m][p];
    final double[][] y = new double[m][2 * k];
    final double[] coef;
    final ProjectedMeasurements data;

    Synthetic(long seed, boolean noiseless, double[][] truePhases) {
      SplittableRandom rnd = new SplittableRandom(seed);
      for (int i = 0; i < k; i++) {
        f[i] = 6e9 + (i - k / 2.0) * 1e6;
      }
      coef = new double[2 * m * p * bands];
      for (int mi = 0; mi < m; mi++) {
        for (int l = 0; l < p; l++) {
          tau[mi][l] = 50e-9 + 40e-9 * l + 5e-9 * rnd.nextDouble();
          for (int b = 0; b < bands; b++) {
            int i = 2 * ((mi * p + l) * bands + b);
            coef[i] = 0.5 + rnd.nextDouble();
            coef[i + 1] = rnd.nextDouble() - 0.5;
          }
        }
        // y = Σ_ℓ a·z·e + noise, or a random vector.
        for (int kk = 0; kk < k; kk++) {
          int b = kk / perBand;
          double re = 0;
          double im = 0;
          for (int l = 0; l < p; l++) {
            int i = 2 * ((mi * p + l) * bands + b);
            double ph = -2 * Math.PI * f[kk] * tau[mi][l] + truePhases[mi][l];
            re += coef[i] * Math.cos(ph) - coef[i + 1] * Math.sin(ph);
            im += coef[i] * Math.sin(ph) + coef[i + 1] * Math.cos(ph);
          }
          y[mi][2 * kk] = re + (noiseless ? 0 : 0.3 * rnd.nextGaussian());
          y[mi][2 * kk + 1] = im + (noiseless ? 0 : 0.3 * rnd.nextGaussian());
        }
      }
      int[] off = new int[m + 1];
      for (int mi = 0; mi < m; mi++) {
        off[mi + 1] = off[mi] + p;
      }
      double[] gram = new double[2 * m * bands * p * p];
      double[] proj = new double[2 * m * p * bands];
      double[] energy = new double[m * bands];
      for (int mi = 0; mi < m; mi++) {
        for (int b = 0; b < bands; b++) {
          for (int kk = b * perBand; kk < (b + 1) * perBand; kk++) {
            energy[mi * bands + b] +=
                y[mi][2 * kk] * y[mi][2 * kk] + y[mi][2 * kk + 1] * y[mi][2 * kk + 1];
            for (int l = 0; l < p; l++) {
              double c = Math.cos(2 * Math.PI * f[kk] * tau[mi][l]);
              double s = Math.sin(2 * Math.PI * f[kk] * tau[mi][l]);
              // conj(e_ℓ)·y with conj(e_ℓ) = e^{+jφ}
              int i = 2 * ((mi * p + l) * bands + b);
              proj[i] += c * y[mi][2 * kk] - s * y[mi][2 * kk + 1];
              proj[i + 1] += c * y[mi][2 * kk + 1] + s * y[mi][2 * kk];
              for (int l2 = 0; l2 < p; l2++) {
                double d = 2 * Math.PI * f[kk] * (tau[mi][l] - tau[mi][l2]);
                int g = 2 * (mi * bands * p * p + (b * p + l) * p + l2);
                gram[g] += Math.cos(d);
                gram[g + 1] += Math.sin(d);
              }
            }
          }
        }
      }
      double[] delays = new double[m * p];
      double[] spread = new double[m];
      for (int mi = 0; mi < m; mi++) {
        for (int l = 0; l < p; l++) {
          delays[mi * p + l] = tau[mi][l];
        }
        spread[mi] = 30e-9 + 10e-9 * mi;
      }
      data =
          new ProjectedMeasurements(
              off,
              1,
              new int[] {perBand, perBand},
              gram,
              proj,
              energy,
              noiseless ? 1e12 : 100,
              delays,
              spread);
    }

    /** h_ℓ of measurement mi for the given coefficients, over all tones. */
    double[] path(double[] a, int mi, int l) {
      double[] h = new double[2 * k];
      for (int kk = 0; kk < k; kk++) {
        int i = 2 * ((mi * p + l) * bands + kk / perBand);
        double ph = -2 * Math.PI * f[kk] * tau[mi][l];
        h[2 * kk] = a[i] * Math.cos(ph) - a[i + 1] * Math.sin(ph);
        h[2 * kk + 1] = a[i] * Math.sin(ph) + a[i + 1] * Math.cos(ph);
      }
      return h;
    }
  }

  private static double[][] zeros() {
    return new double[3][3];
  }

  @Test
  void peocMatchesTheDirectResidual() {
    Synthetic s = new Synthetic(3, false, zeros());
    double[] a = perturbed(s.coef, 7);
    double num = 0;
    double den = 0;
    for (int m = 0; m < s.m; m++) {
      double[] sum = new double[2 * s.k];
      for (int l = 0; l < s.p; l++) {
        double[] h = s.path(a, m, l);
        for (int i = 0; i < sum.length; i++) {
          sum[i] += h[i];
        }
      }
      for (int i = 0; i < sum.length; i++) {
        num += (s.y[m][i] - sum[i]) * (s.y[m][i] - sum[i]);
        den += s.y[m][i] * s.y[m][i];
      }
    }
    assertThat(new PeocLoss().evaluate(s.data, a, null)).isCloseTo(num / den, within(1e-10));
  }

  @Test
  void upecMatchesTheDirectProjections() {
    Synthetic s = new Synthetic(4, false, zeros());
    double[] a = perturbed(s.coef, 8);
    double num = 0;
    double den = 0;
    for (int m = 0; m < s.m; m++) {
      for (int q = 0; q < s.p; q++) {
        double[] e = s.path(ones(s), m, q);
        double yq = abs2(dotConj(e, s.y[m]));
        double sum = 0;
        for (int l = 0; l < s.p; l++) {
          sum += abs2(dotConj(e, s.path(a, m, l)));
        }
        num += (yq - sum) * (yq - sum);
        den += yq * yq;
      }
    }
    assertThat(new UpecLoss().evaluate(s.data, a, null)).isCloseTo(num / den, within(1e-9));
  }

  @Test
  void gradientsMatchCentralDifferences() {
    Synthetic s = new Synthetic(5, false, zeros());
    double[] a = perturbed(s.coef, 9);
    for (CalibrationLoss loss :
        new CalibrationLoss[] {new PeocLoss(), new UpecLoss(), new PeacLoss()}) {
      loss.beginIteration(s.data, a);
      double[] g = new double[a.length];
      loss.evaluate(s.data, a, g);
      for (int i = 0; i < a.length; i++) {
        double h = 1e-6;
        double[] ap = a.clone();
        double[] am = a.clone();
        ap[i] += h;
        am[i] -= h;
        double fd = (loss.evaluate(s.data, ap, null) - loss.evaluate(s.data, am, null)) / (2 * h);
        assertThat(g[i])
            .as(loss.name() + " coefficient " + i)
            .isCloseTo(fd, within(1e-6 + 1e-5 * Math.abs(fd)));
      }
    }
  }

  @Test
  void powerGradientHoldsTheDenominatorConstant() {
    Synthetic s = new Synthetic(6, false, zeros());
    double[] a = perturbed(s.coef, 10);
    double[] g = new double[a.length];
    PowerLoss loss = new PowerLoss();
    loss.evaluate(s.data, a, g);
    for (int i = 0; i < a.length; i++) {
      int m = i / (2 * s.p * s.bands);
      double h = 1e-6;
      double[] ap = a.clone();
      double[] am = a.clone();
      ap[i] += h;
      am[i] -= h;
      double dSim = (simPower(s, ap, m) - simPower(s, am, m)) / (2 * h);
      double sim = simPower(s, a, m);
      double meas = 0;
      for (double v : s.y[m]) {
        meas += v * v;
      }
      meas /= s.k;
      double expected = Math.signum(sim - meas) / (sim + meas) * dSim / s.m;
      assertThat(g[i]).isCloseTo(expected, within(1e-7));
    }
  }

  @Test
  void delaySpreadGradientHoldsTheDenominatorConstant() {
    Synthetic s = new Synthetic(13, false, zeros());
    double[] a = perturbed(s.coef, 14);
    double[] gPower = new double[a.length];
    double[] gBoth = new double[a.length];
    new PowerLoss().evaluate(s.data, a, gPower);
    double both = new PowerLoss(true).evaluate(s.data, a, gBoth);
    double term = 0;
    for (int m = 0; m < s.m; m++) {
      double sim = spread(s, a, m);
      double meas = s.data.measuredDelaySpread(m, 0);
      term += Math.abs(sim - meas) / (sim + meas) / s.m;
      for (int i = 2 * m * s.p * s.bands; i < 2 * (m + 1) * s.p * s.bands; i++) {
        double h = 1e-7;
        double[] ap = a.clone();
        double[] am = a.clone();
        ap[i] += h;
        am[i] -= h;
        double dSim = (spread(s, ap, m) - spread(s, am, m)) / (2 * h);
        double expected = Math.signum(sim - meas) / (sim + meas) * dSim / s.m;
        assertThat(gBoth[i] - gPower[i]).isCloseTo(expected, within(1e-7));
      }
    }
    assertThat(both - new PowerLoss().evaluate(s.data, a, null)).isCloseTo(term, within(1e-12));
  }

  /** σ_τ from path energies Σ_b |a|²K_b, computed directly. */
  private static double spread(Synthetic s, double[] a, int m) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    for (int l = 0; l < s.p; l++) {
      double e = 0;
      for (int b = 0; b < s.bands; b++) {
        int i = 2 * ((m * s.p + l) * s.bands + b);
        e += (a[i] * a[i] + a[i + 1] * a[i + 1]) * s.perBand;
      }
      s0 += e;
      s1 += e * s.tau[m][l];
      s2 += e * s.tau[m][l] * s.tau[m][l];
    }
    return Math.sqrt(s2 / s0 - (s1 / s0) * (s1 / s0));
  }

  @Test
  void peacEStepRecoversNoiselessPhases() {
    double[][] phases = {{0.3, -2.0, 1.1}, {2.9, 0.1, -0.7}, {-1.5, 1.5, 0.0}};
    Synthetic s = new Synthetic(11, true, phases);
    PeacLoss loss = new PeacLoss();
    loss.beginIteration(s.data, s.coef);
    double[] z = loss.posteriorMeans();
    for (int m = 0; m < s.m; m++) {
      for (int l = 0; l < s.p; l++) {
        int i = 2 * (m * s.p + l);
        assertThat(Math.atan2(z[i + 1], z[i])).isCloseTo(phases[m][l], within(1e-6));
        assertThat(Math.hypot(z[i], z[i + 1])).isCloseTo(1, within(1e-6));
      }
    }
    // At the true coefficients and phases the expected residual vanishes.
    assertThat(loss.evaluate(s.data, s.coef, null)).isLessThan(1e-9);
  }

  private static double simPower(Synthetic s, double[] a, int m) {
    double[] sum = new double[2 * s.k];
    for (int l = 0; l < s.p; l++) {
      double[] h = s.path(a, m, l);
      for (int i = 0; i < sum.length; i++) {
        sum[i] += h[i];
      }
    }
    double p = 0;
    for (double v : sum) {
      p += v * v;
    }
    return p / s.k;
  }

  private static double[] ones(Synthetic s) {
    double[] o = new double[s.coef.length];
    for (int i = 0; i < o.length; i += 2) {
      o[i] = 1;
    }
    return o;
  }

  private static double[] perturbed(double[] c, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] out = c.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= 0.7 + 0.6 * r.nextDouble();
    }
    return out;
  }

  private static double[] dotConj(double[] a, double[] b) {
    double re = 0;
    double im = 0;
    for (int i = 0; i < a.length; i += 2) {
      re += a[i] * b[i] + a[i + 1] * b[i + 1];
      im += a[i] * b[i + 1] - a[i + 1] * b[i];
    }
    return new double[] {re, im};
  }

  private static double abs2(double[] z) {
    return z[0] * z[0] + z[1] * z[1];
  }
}
