package org.radiotwin.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DelaySpreadTest {

  @Test
  void pulsePairEstimateMatchesTheDiscreteDelaySpread() {
    // Two resolved paths, powers 1 and 0.25 at 100 ns and 160 ns, 8 001 tones 100 kHz apart:
    // σ_τ = √(p1p2)/(p1+p2)·Δτ = (0.5/1.25)·60 ns = 24 ns. The cross-term leakage, ≈ 1/(πBΔτ)
    // = 0.7 % of the correlation for B = 800 MHz, bounds the accuracy to a few per cent.
    int k = 8001;
    double[] f = new double[k];
    double[] y = new double[2 * k];
    double[] amp = {1, 0.5};
    double[] tau = {100e-9, 160e-9};
    for (int i = 0; i < k; i++) {
      f[i] = 3.5e9 + 1e5 * i;
      for (int l = 0; l < 2; l++) {
        double ph = -2 * Math.PI * f[i] * tau[l];
        y[2 * i] += amp[l] * Math.cos(ph);
        y[2 * i + 1] += amp[l] * Math.sin(ph);
      }
    }
    assertThat(TwinCampaign.rmsDelaySpread(f, y, Double.POSITIVE_INFINITY))
        .isCloseTo(24e-9, within(0.6e-9));
    // A single path has no spread; a non-uniform grid has no estimate.
    double[] one = new double[2 * k];
    for (int i = 0; i < k; i++) {
      one[2 * i] = Math.cos(-2 * Math.PI * f[i] * 1e-7);
      one[2 * i + 1] = Math.sin(-2 * Math.PI * f[i] * 1e-7);
    }
    assertThat(TwinCampaign.rmsDelaySpread(f, one, Double.POSITIVE_INFINITY)).isLessThan(1e-10);
    double[] g = f.clone();
    g[5] += 1;
    assertThat(TwinCampaign.rmsDelaySpread(g, y, 100)).isNaN();
  }
}
