package org.radiotwin.calibration.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;

class AdamTest {

  @Test
  void firstStepMovesEveryParameterByTheLearningRate() {
    // After one step, m̂ = g and v̂ = g², so the step is α·g/(|g| + ε) ≈ α·sign(g) (Kingma & Ba
    // §2).
    Adam adam = new Adam(Adam.Settings.of(0.1), 2);
    double[] x = {1, -2};
    adam.step(x, new double[] {3, -1e-3});
    assertThat(x[0]).isCloseTo(0.9, within(1e-9));
    assertThat(x[1]).isCloseTo(-1.9, within(1e-5));
  }

  @Test
  void minimisesAnIllConditionedQuadratic() {
    Adam adam = new Adam(Adam.Settings.of(0.05), 2);
    double[] x = {3, -4};
    for (int i = 0; i < 3000; i++) {
      adam.step(x, new double[] {2 * x[0], 200 * (x[1] - 1)});
    }
    assertThat(x[0]).isCloseTo(0, within(1e-3));
    assertThat(x[1]).isCloseTo(1, within(1e-3));
  }

  @Test
  void clippingScalesTheGradientBeforeTheMoments() {
    // With clipping at 1 a gradient (3, 4) becomes (0.6, 0.8); the first step is still ≈ α·sign.
    Adam a = new Adam(Adam.Settings.of(0.1).withClipNorm(1), 2);
    double[] x = {0, 0};
    a.step(x, new double[] {3, 4});
    assertThat(x[0]).isCloseTo(-0.1, within(1e-7));
    a.step(x, new double[] {0, 0});
    // Second step: m = 0.9·0.06… only the clipped history remains, so the move is below α.
    assertThat(x[0]).isBetween(-0.2, -0.1);
    assertThat(a.steps()).isEqualTo(2);
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> Adam.Settings.of(0)).isInstanceOf(RadioTwinException.class);
    assertThatThrownBy(() -> new Adam.Settings(0.1, 1, 0.9, 1e-8, 1))
        .isInstanceOf(RadioTwinException.class);
  }
}
