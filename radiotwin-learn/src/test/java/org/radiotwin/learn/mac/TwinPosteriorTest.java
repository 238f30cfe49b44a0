package org.radiotwin.learn.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TwinPosteriorTest {

  private static final MacSetting SETTING = MacSetting.paperDefaults();

  private static ExplorationLog handLog() {
    return new ExplorationLog(
        List.of(
            new ExplorationLog.Slot(0, 0, new int[] {1, 2}),
            new ExplorationLog.Slot(2, 1, new int[] {1, 0}),
            new ExplorationLog.Slot(2, 2, new int[] {2, 2}),
            new ExplorationLog.Slot(1, 1, new int[] {0, 2}),
            new ExplorationLog.Slot(2, 1, new int[] {1, 1})));
  }

  @Test
  void countsAndClosedFormPosteriorMeans() {
    TwinPosterior p = TwinPosterior.fromLog(SETTING, 0.01, handLog());
    // Row 2 saw D = 1 twice and D = 2 once; row 1 saw D = 1 once; rows 3, 4 nothing.
    assertThat(p.receptionRow(2).counts()).containsExactly(0, 2, 1);
    assertThat(p.receptionRow(1).counts()).containsExactly(0, 1);
    assertThat(p.receptionRow(3).total()).isZero();
    // Cluster 0 patterns 1,1,2,0,1 → counts (1, 3, 1, 0); cluster 1: 2,0,2,2,1 → (1, 1, 3, 0).
    assertThat(p.arrivalPmf(0).counts()).containsExactly(1, 3, 1, 0);
    assertThat(p.arrivalPmf(1).counts()).containsExactly(1, 1, 3, 0);
    MacModel mean = p.mean();
    // (α + n)/(Kα + n): row 2 → (0.01, 2.01, 1.01)/3.03; rows 3 and 4 uniform.
    assertThat(mean.reception()[2])
        .containsExactly(new double[] {0.01 / 3.03, 2.01 / 3.03, 1.01 / 3.03}, within(1e-15));
    assertThat(mean.reception()[3])
        .containsExactly(new double[] {0.25, 0.25, 0.25, 0.25}, within(1e-15));
    assertThat(mean.arrivals()[0])
        .containsExactly(
            new double[] {1.01 / 5.04, 3.01 / 5.04, 1.01 / 5.04, 0.01 / 5.04}, within(1e-15));
    assertThat(mean.reception()[0]).containsExactly(1.0);
  }

  @Test
  void mlAndMapModels() {
    TwinPosterior p = TwinPosterior.fromLog(SETTING, 0.01, handLog());
    MacModel ml = p.maximumLikelihood();
    assertThat(ml.reception()[2])
        .containsExactly(new double[] {0, 2 / 3.0, 1 / 3.0}, within(1e-15));
    assertThat(ml.arrivals()[1]).containsExactly(new double[] {0.2, 0.2, 0.6, 0}, within(1e-15));
    assertThat(ml.reception()[4])
        .containsExactly(new double[] {0.2, 0.2, 0.2, 0.2, 0.2}, within(0.0));
    MacModel map = p.maximumAPosteriori();
    // Face {1, 2} of row 2: (α + n − 1) = (1.01, 0.01) / 1.02.
    assertThat(map.reception()[2])
        .containsExactly(new double[] {0, 1.01 / 1.02, 0.01 / 1.02}, within(1e-15));
    assertThat(map.reception()[1]).containsExactly(new double[] {0, 1}, within(1e-15));
    // Cluster 0 counts (1, 3, 1, 0) → (0.01, 2.01, 0.01, 0)/2.03.
    assertThat(map.arrivals()[0])
        .containsExactly(new double[] {0.01 / 2.03, 2.01 / 2.03, 0.01 / 2.03, 0}, within(1e-15));
    map.validate(SETTING, "map");
  }

  @Test
  void manyDataConcentrateOnTheTruth() {
    MacModel truth = MacModel.paperDefaults();
    MultipleAccessSystem real = new MultipleAccessSystem(SETTING, truth, 2);
    ExplorationLog log = ExplorationLog.collect(real, 20_000, 0.5, new SplittableRandom(9));
    TwinPosterior p = TwinPosterior.fromLog(SETTING, 0.01, log);
    MacModel sample = p.sample(new SplittableRandom(10));
    assertThat(sample.expectedDelivered(2)).isCloseTo(1.2, within(0.03));
    assertThat(sample.arrivals()[0][1]).isCloseTo(0.4, within(0.03));
    assertThat(p.maximumLikelihood().reception()[3][0]).isEqualTo(1.0);
    assertThat(p.receptionRow(4).total()).isPositive();
  }

  @Test
  void samplingIsDeterministicPerSeed() {
    TwinPosterior p = TwinPosterior.fromLog(SETTING, 0.01, handLog());
    assertThat(p.sample(new SplittableRandom(4))).isEqualTo(p.sample(new SplittableRandom(4)));
  }
}
