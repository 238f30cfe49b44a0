package org.radiotwin.learn.ppi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;

/** CSV reading, quantile p-values and the rectified-loss solver outside λ ∈ [0, 1]. */
class PpiCsvAndEdgesTest {

  @Test
  void readsHeaderCommentsAndQuotedNames() {
    PpiTable t =
        PpiCsv.parse(
            "t.csv", List.of("# comment", "\"Y\", Yhat ,X0", "", "1, 2.5, 1", "3,-4e-1,1"));
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(t.columnNames()).containsExactly("Y", "Yhat", "X0");
    assertThat(t.column("Yhat")).containsExactly(2.5, -0.4);
    assertThat(t.indexedColumns("X")).containsExactly("X0");
    assertThat(t.matrix(List.of("X0", "Y"))[1]).containsExactly(1, 3);
  }

  @Test
  void malformedFilesNameFileAndLine() {
    assertThatThrownBy(() -> PpiCsv.parse("a.csv", List.of("Y,Y", "1,2")))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("a.csv")
        .hasMessageContaining("duplicate column 'Y'");
    assertThatThrownBy(() -> PpiCsv.parse("b.csv", List.of("Y,Yhat", "1,2", "3")))
        .hasMessageContaining("b.csv: line 3: expected 2 values");
    assertThatThrownBy(() -> PpiCsv.parse("c.csv", List.of("Y", "NaN")))
        .hasMessageContaining("not a finite number");
    assertThatThrownBy(() -> PpiCsv.parse("d.csv", List.of("Y")))
        .hasMessageContaining("no data rows");
    assertThatThrownBy(() -> PpiCsv.parse("e.csv", List.of())).hasMessageContaining("empty file");
    assertThatThrownBy(() -> PpiCsv.parse("f.csv", List.of("Y", "1")).column("Yhat"))
        .hasMessageContaining("f.csv: header: no column 'Yhat' (columns: Y)");
  }

  @Test
  void quantilePValueIsTheTestTheIntervalInverts() {
    PpiTable l = PpiPyParityTest.table("mean_labeled.csv");
    PpiTable u = PpiPyParityTest.table("mean_unlabeled.csv");
    double[] y = l.column("Y");
    double[] f = l.column("Yhat");
    double[] fu = u.column("Yhat");
    PpiResult r = PpiQuantile.confidenceInterval(y, f, fu, null, null, 0.5, 0.1, false);
    double inside = 0.5 * (r.ciLower()[0] + r.ciUpper()[0]);
    assertThat(PpiQuantile.pValue(y, f, fu, null, null, 0.5, inside)).isGreaterThan(0.1);
    double below = r.ciLower()[0] - 0.5;
    double above = r.ciUpper()[0] + 0.5;
    assertThat(PpiQuantile.pValue(y, f, fu, null, null, 0.5, below)).isLessThanOrEqualTo(0.1);
    assertThat(PpiQuantile.pValue(y, f, fu, null, null, 0.5, above)).isLessThanOrEqualTo(0.1);
    assertThat(r.estimate()[0]).isBetween(r.ciLower()[0], r.ciUpper()[0]);
  }

  @Test
  void rectifiedLogisticLossIsStationaryForLambdaAboveOne() {
    PpiTable l = PpiPyParityTest.table("logistic_labeled.csv");
    PpiTable u = PpiPyParityTest.table("logistic_unlabeled.csv");
    List<String> xs = l.indexedColumns("X");
    double[][] x = l.matrix(xs);
    double[][] xu = u.matrix(xs);
    double[] y = l.column("Y");
    double[] f = l.column("Yhat");
    double[] fu = u.column("Yhat");
    double lambda = 1.3;
    RegressionData d = new RegressionData(x, y, f, xu, fu, null, null);
    double[] theta =
        PpiRegression.pointEstimate(RegressionModel.LOGISTIC, d, PowerTuning.fixed(1.3));
    // ∇L = λ/N Σ x̃(μ̃ − f̃) + 1/n Σ x((1 − λ)μ − Y + λf) must vanish at the estimate.
    int n = y.length;
    int bigN = fu.length;
    for (int j = 0; j < theta.length; j++) {
      double g = 0;
      for (int i = 0; i < bigN; i++) {
        double mu = 1 / (1 + Math.exp(-GlmStatistics.dot(xu[i], theta)));
        g += lambda / bigN * xu[i][j] * (mu - fu[i]);
      }
      for (int i = 0; i < n; i++) {
        double mu = 1 / (1 + Math.exp(-GlmStatistics.dot(x[i], theta)));
        g += 1.0 / n * x[i][j] * ((1 - lambda) * mu - y[i] + lambda * f[i]);
      }
      assertThat(g).isCloseTo(0, within(1e-12));
    }
  }

  @Test
  void separableLabelsHaveNoClassicalLogisticFit() {
    double[][] x = {{1, -2}, {1, -1}, {1, 1}, {1, 2}};
    double[] y = {0, 0, 1, 1};
    assertThatThrownBy(
            () ->
                ClassicalInference.regression(
                    RegressionModel.LOGISTIC, x, y, null, 0.1, Alternative.TWO_SIDED, Double.NaN))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("did not converge");
  }
}
