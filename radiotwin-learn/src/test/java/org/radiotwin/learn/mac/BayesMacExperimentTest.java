package org.radiotwin.learn.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BayesMacExperimentTest {

  private static BayesMacExperiment.Config small() {
    BayesMacExperiment.Config d = BayesMacExperiment.Config.defaults();
    return d.with(new int[] {0, 2, 200}, 16, 7)
        .with(
            d.setting(),
            d.trueModel(),
            d.priorConcentration(),
            d.resampleEvery(),
            d.explorationProbability(),
            d.learning().withSlots(20_000),
            1,
            4000);
  }

  @Test
  void bayesianBeatsFrequentistWithLittleDataAndBothConvergeWithMore() {
    BayesMacExperiment.Result r = BayesMacExperiment.run(small(), f -> {});
    var bayes = r.methods().get("bayesian");
    var freq = r.methods().get("frequentist");
    var tdma = r.methods().get("tdma");
    // No data: the MAP twin is uniform (E[D | 4] = 2), trains "always transmit" and collapses on
    // the real system (≈ −80 per slot); posterior samples expose the Bayesian policy to channels
    // that punish collisions. The paired difference is significant.
    assertThat(r.bayesMinusFrequentist()[0] - r.bayesMinusFrequentistCi()[0]).isPositive();
    assertThat(freq.meanReturn()[0]).isLessThan(-60);
    // Mean over the small data sizes: Bayesian ≥ frequentist.
    assertThat(r.bayesMinusFrequentist()[0] + r.bayesMinusFrequentist()[1]).isPositive();
    // 200 real slots: both twins beat TDMA clearly, and are within a few units of each other.
    assertThat(bayes.meanReturn()[2]).isGreaterThan(tdma.meanReturn()[2] + 5);
    assertThat(freq.meanReturn()[2]).isGreaterThan(tdma.meanReturn()[2] + 5);
    assertThat(Math.abs(r.bayesMinusFrequentist()[2])).isLessThan(4);
    // References: TDMA throughput analytic, ALOHA's best p in the middle of the grid.
    assertThat(tdma.throughput()[0]).isCloseTo(r.tdmaAnalyticThroughput(), within(0.02));
    assertThat(r.alohaProbability()).isBetween(0.3, 0.8);
    assertThat(r.posteriors()).hasSize(2);
    assertThat(r.posteriors().get(0).dataSlots()).isEqualTo(2);
    assertThat(r.posteriors().get(1).trueExpectedDelivered()[2]).isCloseTo(1.2, within(1e-12));
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() throws Exception {
    BayesMacExperiment.Config c = BayesMacExperiment.Config.reduced().with(new int[] {0, 3}, 3, 1);
    BayesMacExperiment.Result common = BayesMacExperiment.run(c, f -> {});
    ForkJoinPool one = new ForkJoinPool(1);
    try {
      BayesMacExperiment.Result single = one.submit(() -> BayesMacExperiment.run(c, f -> {})).get();
      for (String m : BayesMacExperiment.METHODS) {
        assertThat(single.methods().get(m).runReturns())
            .isDeepEqualTo(common.methods().get(m).runReturns());
      }
    } finally {
      one.shutdown();
    }
  }
}
