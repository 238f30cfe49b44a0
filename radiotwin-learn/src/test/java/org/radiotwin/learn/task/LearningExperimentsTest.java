package org.radiotwin.learn.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radiotwin.learn.train.AdamConfig;
import org.radiotwin.learn.train.TrainingMethod;
import org.radiotwin.rt.PathSolverConfig;

/** Small versions of the two studies on the street canyon (coarse grid, few rays, few runs). */
class LearningExperimentsTest {

  private static TwinRealitySite site;

  @BeforeAll
  static void trace() {
    TwinRealitySite.Settings s =
        TwinRealitySite.Settings.defaults()
            .withCellSize(10)
            .withArray(4, 8)
            .withSolver(
                PathSolverConfig.defaults()
                    .withInteractions(true, true, false)
                    .withMaxDepth(2)
                    .withSamples(30_000, 5));
    site =
        TwinRealitySite.survey(
            TwinScenes.defaultTwin(),
            TwinScenes.defaultReality(0.3, 7),
            s,
            ForkJoinPool.commonPool(),
            f -> {});
  }

  /**
   * Beam selection, 2 % real labels. Asserted: with so few real labels every method that also uses
   * the twin beats ERM, and no method beats the optimal beam. The paper's ordering Cross-PPI &gt;
   * PPI &gt; ERM ≈ P-ERM is not asserted: with this twin (80–85 % of its best beams are reality's,
   * and they reach 96 % of the optimal rate) P-ERM is the best method — the bias PPI removes is
   * smaller than the variance its rectifier adds (see the README).
   */
  @Test
  void twinDataHelpsBeamSelectionWhenRealLabelsAreScarce() {
    BeamSelectionExperiment.Settings d = BeamSelectionExperiment.Settings.defaults(3);
    BeamSelectionExperiment.Settings s =
        new BeamSelectionExperiment.Settings(
            new double[] {0.02},
            3,
            3,
            0.3,
            new int[] {32},
            AdamConfig.of(250, 64, 0.05, 1e-5),
            5,
            0.5,
            30,
            100e6,
            7,
            d.methods(),
            true);
    BeamSelectionExperiment.Result r =
        BeamSelectionExperiment.run(site, s, ForkJoinPool.commonPool(), f -> {});
    double erm = r.curves().get(0).meanRate()[0];
    assertThat(r.curves().get(0).method()).isEqualTo("ERM");
    for (BeamSelectionExperiment.MethodCurve c : r.curves()) {
      assertThat(c.meanRate()[0]).as(c.method()).isLessThanOrEqualTo(r.optimalRate());
      if (!c.method().equals("ERM")) {
        assertThat(c.meanRate()[0]).as(c.method() + " vs ERM").isGreaterThan(erm + 0.5);
      }
    }
    assertThat(r.twinBeamRate()).isLessThanOrEqualTo(r.optimalRate());
  }

  /**
   * AoD prediction, 10 % real labels. Asserted: the twin's LoS directions are exact (the LoS path
   * is the strongest in both scenes), and PPI and CPPI beat ERM in both contexts. The paper's "PPI
   * worse than ERM in NLoS" does not appear: this twin's NLoS directions are off by only a few
   * degrees on average, far less than any model's NLoS error.
   */
  @Test
  void twinDataHelpsAodPredictionInBothContexts() {
    AodPredictionExperiment.Settings d = AodPredictionExperiment.Settings.defaults(3);
    AodPredictionExperiment.Settings s =
        new AodPredictionExperiment.Settings(
            0.1,
            3,
            3,
            0.3,
            new int[] {32},
            AdamConfig.of(250, 64, 0.05, 1e-5),
            List.of(TrainingMethod.ERM, TrainingMethod.PPI, TrainingMethod.CONTEXT_PPI),
            true,
            true);
    AodPredictionExperiment.Result r =
        AodPredictionExperiment.run(site, s, ForkJoinPool.commonPool(), f -> {});
    assertThat(r.twinMeanErrorDeg()[AodPredictionExperiment.LOS]).isLessThan(0.5);
    double[] erm = r.methods().get(0).meanErrorDeg();
    for (int m = 1; m < 3; m++) {
      double[] e = r.methods().get(m).meanErrorDeg();
      assertThat(e[0]).as(r.methods().get(m).method() + " LoS").isLessThan(erm[0]);
      assertThat(e[1]).as(r.methods().get(m).method() + " NLoS").isLessThan(erm[1]);
    }
    double[] lambda = r.methods().get(2).meanLambda();
    for (double l : lambda) {
      assertThat(l).isBetween(0.0, 1.0);
    }
  }

  @Test
  void runsAreReproducible() {
    AodPredictionExperiment.Settings s =
        new AodPredictionExperiment.Settings(
            0.2,
            2,
            11,
            0.3,
            new int[] {8},
            AdamConfig.of(30, 32, 0.05, 1e-5),
            List.of(TrainingMethod.PPI_PLUS_PLUS),
            true,
            true);
    double[] a =
        AodPredictionExperiment.run(site, s, ForkJoinPool.commonPool(), f -> {})
            .methods()
            .get(0)
            .positionErrorDeg();
    double[] b =
        AodPredictionExperiment.run(site, s, new ForkJoinPool(1), f -> {})
            .methods()
            .get(0)
            .positionErrorDeg();
    assertThat(Arrays.equals(a, b)).isTrue();
  }
}
