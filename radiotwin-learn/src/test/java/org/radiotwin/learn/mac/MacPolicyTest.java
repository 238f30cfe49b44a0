package org.radiotwin.learn.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MacPolicyTest {

  private static final MacSetting SETTING = MacSetting.paperDefaults();
  private static final MacModel TRUTH = MacModel.paperDefaults();

  @Test
  void tdmaThroughputMatchesTheAnalyticValue() {
    // λ = 0.4 per device, N = 4: 1 − 0.6⁴ = 0.8704 packets per slot (hand computation).
    assertThat(MacPolicy.tdmaThroughput(SETTING, TRUTH)).isCloseTo(0.8704, within(1e-12));
    PolicyEvaluation e =
        PolicyEvaluation.run(
            MacPolicy.tdma(), new MultipleAccessSystem(SETTING, TRUTH, 2), 1, 200_000, 1);
    // Delivery in slot t is Bernoulli(0.8704) with weak dependence: 5 σ ≈ 0.004.
    assertThat(e.throughput()).isCloseTo(0.8704, within(0.004));
    // Every arrival is delivered or overflows: 4·0.4 = 1.6 per slot.
    assertThat(e.throughput() + e.overflowRate()).isCloseTo(1.6, within(0.01));
  }

  @Test
  void alwaysTransmittingAlohaCollapses() {
    // p = 1: once three buffers are full nothing is ever delivered again (rows 3 and 4 → 0),
    // so the throughput vanishes and almost every arrival overflows.
    PolicyEvaluation e =
        PolicyEvaluation.run(
            MacPolicy.aloha(1), new MultipleAccessSystem(SETTING, TRUTH, 2), 1, 20_000, 2);
    assertThat(e.throughput()).isLessThan(0.01);
    assertThat(e.meanReward()).isCloseTo(-80, within(1.0));
  }
}
