package org.radiotwin.learn.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MultilayerPerceptronTest {

  @Test
  void linearModelIsWxPlusB() {
    // g = W x + b with W = [[1, 2], [3, 4], [5, 6]], b = (0.5, −1, 2), x = (1, −2): by hand
    // g = (1 − 4 + 0.5, 3 − 8 − 1, 5 − 12 + 2) = (−2.5, −6, −5).
    MultilayerPerceptron m = MultilayerPerceptron.logisticRegression(2, 3);
    double[] theta = {1, 2, 3, 4, 5, 6, 0.5, -1, 2};
    double[] out = new double[3];
    m.forward(theta, new double[] {1, -2}, 0, out, new double[m.workspaceSize()]);
    assertThat(out).containsExactly(-2.5, -6, -5);
    assertThat(m.parameterCount()).isEqualTo(9);
  }

  @Test
  void crossEntropyOfKnownLogits() {
    // logits (0, ln 2): softmax = (1/3, 2/3); label class 1 → ℓ = ln(3/2), ∂ℓ/∂g = (1/3, −1/3).
    SoftmaxCrossEntropy ce = new SoftmaxCrossEntropy(2);
    double[] d = new double[2];
    double l = ce.evaluate(new double[] {0, Math.log(2)}, new double[] {0, 1}, 0, d);
    assertThat(l).isCloseTo(Math.log(1.5), within(1e-15));
    assertThat(d[0]).isCloseTo(1 / 3.0, within(1e-15));
    assertThat(d[1]).isCloseTo(-1 / 3.0, within(1e-15));
  }

  /** Back-propagation agrees with central finite differences of the loss, for any seed. */
  @Property(tries = 20)
  void gradientMatchesFiniteDifferences(
      @ForAll @IntRange(min = 0, max = 10_000) int seed, @ForAll boolean classification) {
    SplittableRandom rnd = new SplittableRandom(seed);
    MultilayerPerceptron m = new MultilayerPerceptron(3, 5, 4, classification ? 6 : 2);
    Loss loss = classification ? new SoftmaxCrossEntropy(6) : new SquaredError(2, 4);
    double[] theta = m.initialParameters(rnd);
    double[] x = {rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
    double[] y = new double[loss.labelDimension()];
    if (classification) {
      y[rnd.nextInt(6)] = 1;
    } else {
      y[0] = rnd.nextGaussian();
      y[1] = rnd.nextGaussian();
    }
    double[] ws = new double[m.workspaceSize()];
    double[] out = new double[m.outputDimension()];
    double[] dOut = new double[m.outputDimension()];
    double[] grad = new double[m.parameterCount()];
    m.forward(theta, x, 0, out, ws);
    loss.evaluate(out, y, 0, dOut);
    m.backward(theta, x, 0, dOut, 1, ws, grad);
    double h = 1e-6;
    for (int k = 0; k < theta.length; k++) {
      double t = theta[k];
      theta[k] = t + h;
      m.forward(theta, x, 0, out, ws);
      double lp = loss.evaluate(out, y, 0, null);
      theta[k] = t - h;
      m.forward(theta, x, 0, out, ws);
      double lm = loss.evaluate(out, y, 0, null);
      theta[k] = t;
      assertThat(grad[k]).isCloseTo((lp - lm) / (2 * h), within(1e-6));
    }
  }
}
