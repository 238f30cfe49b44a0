package org.radiotwin.learn.mac;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndependentQLearningTest {

  private static final MacSetting SETTING = MacSetting.paperDefaults();
  private static final MacModel TRUTH = MacModel.paperDefaults();

  @Test
  void learnsToBeatTdmaAndAlohaOnTheTrueSystem() {
    MultipleAccessSystem real = new MultipleAccessSystem(SETTING, TRUTH, 2);
    double tdma = PolicyEvaluation.run(MacPolicy.tdma(), real, 1, 8000, 99).meanReward();
    double aloha = PolicyEvaluation.run(MacPolicy.aloha(0.55), real, 1, 8000, 99).meanReward();
    // Reference values on this system: TDMA ≈ 7, best ALOHA ≈ −2.5 reward per slot.
    assertThat(tdma).isBetween(5.0, 9.0);
    for (long seed = 1; seed <= 4; seed++) {
      TabularPolicy p =
          IndependentQLearning.train(
              SETTING, rng -> TRUTH, 0, IndependentQLearning.Settings.defaults(), seed);
      double v = PolicyEvaluation.run(p, real, 1, 8000, 99).meanReward();
      assertThat(v).as("seed %d", seed).isGreaterThan(tdma + 4).isGreaterThan(aloha + 10);
    }
  }

  @Test
  void sameSeedSamePolicy() {
    TwinPosterior prior = new TwinPosterior(SETTING, 0.01);
    IndependentQLearning.Settings s = IndependentQLearning.Settings.defaults().withSlots(5000);
    TabularPolicy a = IndependentQLearning.train(SETTING, prior::sample, 200, s, 5);
    TabularPolicy b = IndependentQLearning.train(SETTING, prior::sample, 200, s, 5);
    for (int i = 0; i < 4; i++) {
      for (int o = 0; o < 12; o++) {
        for (int act = 0; act < 2; act++) {
          assertThat(a.value(i, o, act)).isEqualTo(b.value(i, o, act));
        }
      }
    }
  }
}
