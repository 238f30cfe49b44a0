package org.radiotwin.learn.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;

class MultipleAccessSystemTest {

  private static final MacSetting SETTING = MacSetting.paperDefaults();

  /** Deterministic statistics: reception row 2 delivers both, row 3 none; fixed arrivals. */
  private static MacModel deterministic(int pattern0, int pattern1) {
    double[] a0 = new double[4];
    double[] a1 = new double[4];
    a0[pattern0] = 1;
    a1[pattern1] = 1;
    return new MacModel(
        new double[][] {{1}, {0, 1}, {0, 0, 1}, {1, 0, 0, 0}, {1, 0, 0, 0, 0}},
        new double[][] {a0, a1});
  }

  @Test
  void twoSendersBothDeliveredThenOneArrival() {
    // Hand computation: buffers (1,1,0,0), devices 0 and 1 send, row 2 delivers both → (0,0,0,0);
    // cluster {0,1} pattern 1 = device 0 receives → (1,0,0,0); cluster {2,3} nothing.
    // Reward 50·2 − 50·0 = 100, feedback SUCCESS.
    MultipleAccessSystem s = new MultipleAccessSystem(SETTING, deterministic(1, 0), 2);
    s.setBuffers(1, 1, 0, 0);
    double r = s.step(new boolean[] {true, true, false, false}, new SplittableRandom(1));
    assertThat(r).isEqualTo(100);
    assertThat(s.lastSent()).isEqualTo(2);
    assertThat(s.lastDelivered()).isEqualTo(2);
    assertThat(s.lastOverflows()).isZero();
    assertThat(s.feedback()).isEqualTo(MultipleAccessSystem.FEEDBACK_SUCCESS);
    assertThat(s.acknowledged(0)).isTrue();
    assertThat(s.acknowledged(1)).isTrue();
    assertThat(new int[] {s.buffer(0), s.buffer(1), s.buffer(2), s.buffer(3)})
        .containsExactly(1, 0, 0, 0);
    assertThat(s.slot()).isEqualTo(1);
  }

  @Test
  void threeSendersCollideAndArrivalsOverflow() {
    // Buffers (1,1,1,0), devices 0,1,2 send, row 3 delivers none → buffers unchanged;
    // cluster {0,1} pattern 2 = device 1 receives → overflow; cluster {2,3} pattern 3 = both
    // receive → device 2 overflows, device 3 stores. Reward −50·2 = −100, feedback COLLISION.
    MultipleAccessSystem s = new MultipleAccessSystem(SETTING, deterministic(2, 3), 2);
    s.setBuffers(1, 1, 1, 0);
    double r = s.step(new boolean[] {true, true, true, false}, new SplittableRandom(1));
    assertThat(r).isEqualTo(-100);
    assertThat(s.lastSent()).isEqualTo(3);
    assertThat(s.lastDelivered()).isZero();
    assertThat(s.lastOverflows()).isEqualTo(2);
    assertThat(s.feedback()).isEqualTo(MultipleAccessSystem.FEEDBACK_COLLISION);
    assertThat(new int[] {s.buffer(0), s.buffer(1), s.buffer(2), s.buffer(3)})
        .containsExactly(1, 1, 1, 1);
  }

  @Test
  void idleSlotCostsOneAndEmptyBuffersCannotSend() {
    MultipleAccessSystem s = new MultipleAccessSystem(SETTING, deterministic(0, 0), 2);
    double r = s.step(new boolean[] {true, true, true, true}, new SplittableRandom(1));
    assertThat(r).isEqualTo(-1);
    assertThat(s.lastSent()).isZero();
    assertThat(s.feedback()).isEqualTo(MultipleAccessSystem.FEEDBACK_IDLE);
  }

  @Test
  void deliveryAndOverflowInTheSameSlotAddUp() {
    // Buffers (1,0,1,0): device 0 sends alone (row 1 delivers), device 2 waits; cluster {2,3}
    // pattern 1 → device 2 overflows. Reward 50 − 50 = 0, not the idle −1.
    MultipleAccessSystem s = new MultipleAccessSystem(SETTING, deterministic(0, 1), 2);
    s.setBuffers(1, 0, 1, 0);
    double r = s.step(new boolean[] {true, false, false, false}, new SplittableRandom(1));
    assertThat(r).isZero();
    assertThat(s.lastDelivered()).isEqualTo(1);
    assertThat(s.lastOverflows()).isEqualTo(1);
  }

  @Test
  void observationPacksBufferFeedbackAndParity() {
    MultipleAccessSystem s = new MultipleAccessSystem(SETTING, deterministic(1, 0), 2);
    assertThat(s.observationCount()).isEqualTo(2 * 3 * 2);
    s.setBuffers(1, 1, 0, 0);
    // slot 0, feedback idle: device 0 → (1·3 + 0)·2 + 0 = 6; device 2 → 0.
    assertThat(s.observation(0)).isEqualTo(6);
    assertThat(s.observation(2)).isZero();
    s.step(new boolean[] {true, true, false, false}, new SplittableRandom(1));
    // slot 1, feedback success (1), device 0 full again: (1·3 + 1)·2 + 1 = 9.
    assertThat(s.observation(0)).isEqualTo(9);
    assertThat(s.bufferLevelOf(9)).isEqualTo(1);
    assertThat(s.observation(1)).isEqualTo((0 * 3 + 1) * 2 + 1);
  }

  @Test
  void partialDeliveryPicksAUniformSender() {
    // Row 2 = {1: 1}: exactly one of two senders is delivered, each with probability 1/2.
    MacModel m =
        new MacModel(
            new double[][] {{1}, {0, 1}, {0, 1, 0}, {1, 0, 0, 0}, {1, 0, 0, 0, 0}},
            new double[][] {{1, 0, 0, 0}, {1, 0, 0, 0}});
    MultipleAccessSystem s = new MultipleAccessSystem(SETTING, m, 1);
    SplittableRandom rng = new SplittableRandom(7);
    int first = 0;
    int trials = 20_000;
    for (int t = 0; t < trials; t++) {
      s.setBuffers(1, 0, 0, 1);
      s.step(new boolean[] {true, true, true, true}, rng);
      assertThat(s.buffer(0) + s.buffer(3)).isEqualTo(1);
      assertThat(s.feedback()).isEqualTo(MultipleAccessSystem.FEEDBACK_COLLISION);
      first += s.acknowledged(0) ? 1 : 0;
    }
    // Binomial(20 000, 1/2): 5 standard deviations = 354.
    assertThat(first).isCloseTo(trials / 2, within(354));
  }

  @Test
  void arrivalMarginalsOfThePaperModel() {
    // (1,0) and (0,1) each 0.4 → every device receives with probability 0.4.
    MacModel m = MacModel.paperDefaults();
    for (int d = 0; d < 4; d++) {
      assertThat(m.arrivalProbability(SETTING, d)).isCloseTo(0.4, within(1e-15));
    }
    // E[D | 2] = 0.8·1 + 0.2·2 = 1.2.
    assertThat(m.expectedDelivered(2)).isCloseTo(1.2, within(1e-15));
    assertThat(m.expectedDelivered(3)).isZero();
  }

  @Test
  void badModelsAndSettingsAreRejected() {
    assertThatThrownBy(
            () ->
                new MacModel(
                        new double[][] {{1}, {0, 1}, {0, 0.5, 0.4}, {1, 0, 0, 0}, {1, 0, 0, 0, 0}},
                        new double[][] {{1, 0, 0, 0}, {1, 0, 0, 0}})
                    .validate(SETTING, "model.json"))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("model.json: reception[2]")
        .hasMessageContaining("sum to 1");
    assertThatThrownBy(
            () ->
                new MacModel(new double[][] {{1}, {0, 1}}, new double[][] {{1, 0, 0, 0}})
                    .validate(SETTING, "m"))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("reception rows");
    assertThatThrownBy(() -> new MacSetting(4, 1, new int[][] {{0, 1}, {1, 2}}, 50, 50, -1, 0.95))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("clusters[1]");
    assertThatThrownBy(() -> new MacSetting(4, 1, new int[][] {{0, 1}, {2}}, 50, 50, -1, 0.95))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("device 3 is in no cluster");
  }
}
