package org.radiotwin.stats.features;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.radiotwin.channel.EmpiricalDistribution;

class PowerQuantileFeaturesTest {

  @Test
  void levelsAreUniformInsideTheUnitInterval() {
    assertThat(PowerQuantileFeatures.levels(3, 0.25)).containsExactly(0.25, 0.5, 0.75);
    assertThat(PowerQuantileFeatures.levels(2, 0.01)).containsExactly(0.01, 0.99);
    assertThat(PowerQuantileFeatures.levels(1, 0.01)).containsExactly(0.01);
  }

  @Test
  void quantilesAreOrderStatistics() {
    double[] v = new double[100];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 - i; // 100 … 1, shuffled order does not matter
    }
    // Y_(⌈100·0.25⌉) = Y_(25) = 25, Y_(50) = 50, Y_(75) = 75.
    assertThat(PowerQuantileFeatures.quantilesDb(new EmpiricalDistribution(v), 3, 0.25))
        .containsExactly(25.0, 50.0, 75.0);
  }
}
