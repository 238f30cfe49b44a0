package org.radiotwin.learn.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.model.Loss;
import org.radiotwin.learn.model.Model;
import org.radiotwin.learn.model.SoftmaxCrossEntropy;

/**
 * Trains a model with real samples (x_i, y_i), i ∈ R (n of them), and twin-labelled points (X̃_j,
 * f(X̃_j)), j ∈ S (N of them), by one of the objectives of seed 000 §IV (METHODS.md §4), each a
 * {@link WeightedSamples} sum minimised by {@link AdamTrainer}:
 *
 * <pre>
 *   ERM        (1/n)Σ_R ℓ(x_i, y_i)
 *   P-ERM      (1/(n+N))[Σ_R ℓ(x_i, y_i) + Σ_S ℓ(X̃_j, f(X̃_j))]
 *   PPI(λ)     (1/n)Σ_R ℓ(x_i, y_i) + λ[(1/N)Σ_S ℓ(X̃_j, f(X̃_j)) − (1/n)Σ_R ℓ(x_i, f(x_i))]
 *   PPI++      PPI(λ̂), λ̂ tuned at the PPI(1) solution (below)
 *   Cross-PPI  (1/n)Σ_R ℓ(x_i, y_i) + λ[(1/N)Σ_S (1/K)Σ_k ℓ(X̃_j, f⁽ᵏ⁾(X̃_j))
 *                                        − (1/n)Σ_k Σ_{i∈I_k} ℓ(x_i, f⁽ᵏ⁾(x_i))]
 *   CPPI       Σ_c p̂_c{(1/n_c)Σ_{R_c} ℓ(x_i, y_i) + λ_c[(1/N_c)Σ_{S_c} ℓ(X̃_j, f(X̃_j))
 *                                        − (1/n_c)Σ_{R_c} ℓ(x_i, f(x_i))]}
 * </pre>
 *
 * <p>Cross-PPI splits R into K folds I_k; f⁽ᵏ⁾ is a {@link FoldPredictor} fitted without fold k.
 * Because both losses are affine in the label up to a θ-independent term (cross-entropy is linear
 * in the label distribution, ‖g − y‖² = ‖g‖² − 2gᵀy + const), the K synthetic terms collapse into
 * one row with the fold-averaged label. CPPI weighs context c by p̂_c = N_c/N, its share of the
 * twin-labelled points; a context without real samples keeps its synthetic term only (nothing can
 * rectify it), one with a single real sample uses λ_c = 1.
 *
 * <p>A real point's terms ℓ(x_i, y_i) and −λℓ(x_i, f(x_i)) form one row group ({@link
 * WeightedSamples#groups()}), so minibatches see them together and they cancel where the twin is
 * right; split across minibatches they would add two large opposite gradients (weight 1/n each) to
 * the noise.
 *
 * <p><b>Tuned λ</b> (PPI++, CPPI): with per-sample gradients ∇ℓ(x, y) at a pilot θ̂ (the PPI(1)
 * solution), λ̂ = Σ_k Ĉov_R(∂_kℓ(x, y), ∂_kℓ(x, f(x))) / ((1 + n/N) Σ_k V̂ar_{R∪S}(∂_kℓ(x, f(x)))),
 * clipped to [0, 1] — the trace form of the optimal λ of Angelopoulos, Duchi &amp; Zrnic, "PPI++:
 * efficient prediction-powered inference" (arXiv:2311.01453, §2) with the Hessian replaced by the
 * identity, since the Hessian of a network is neither cheap nor reliably invertible. For CPPI the
 * same formula is applied within each context.
 */
public final class PredictionPoweredTraining {

  private final Model model;
  private final Loss loss;
  private final AdamTrainer trainer;
  private final int folds;
  private final FoldPredictor foldPredictor;

  /**
   * A training set-up.
   *
   * @param model model (with the loss's output dimension)
   * @param loss per-sample loss
   * @param trainer optimiser
   * @param folds K of Cross-PPI, ≥ 2 (fewer when there are fewer real samples)
   * @param foldPredictor f⁽ᵏ⁾ of Cross-PPI
   */
  public PredictionPoweredTraining(
      Model model, Loss loss, AdamTrainer trainer, int folds, FoldPredictor foldPredictor) {
    if (folds < 2) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "Cross-PPI folds " + folds, "must be ≥ 2");
    }
    this.model = model;
    this.loss = loss;
    this.trainer = trainer;
    this.folds = folds;
    this.foldPredictor = foldPredictor;
  }

  /**
   * A fitted model.
   *
   * @param parameters θ̂
   * @param lambdas λ used: one value (PPI, PPI++, Cross-PPI), one per context (CPPI), none (ERM,
   *     P-ERM)
   */
  public record Fit(double[] parameters, double[] lambdas) {}

  /**
   * The model.
   *
   * @return the model
   */
  public Model model() {
    return model;
  }

  /**
   * Trains with a method.
   *
   * @param method objective
   * @param data pool
   * @param real indices R of the real samples (n ≥ 1)
   * @param synthetic indices S of the twin-labelled points
   * @param seed seed of initialisation, minibatches and folds
   * @return the fit
   */
  public Fit fit(TrainingMethod method, LearningData data, int[] real, int[] synthetic, long seed) {
    if (real.length == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "real samples", "need at least one");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    long trainSeed = rnd.nextLong();
    switch (method) {
      case ERM:
        return new Fit(
            trainer.train(model, loss, ermObjective(data, real), trainSeed), new double[0]);
      case PSEUDO_ERM:
        return new Fit(
            trainer.train(model, loss, pseudoErmObjective(data, real, synthetic), trainSeed),
            new double[0]);
      case PPI:
        return ppi(data, real, synthetic, 1, trainSeed);
      case PPI_PLUS_PLUS:
        {
          double[] pilot = ppi(data, real, synthetic, 1, trainSeed).parameters();
          double lambda =
              tunedLambda(
                  pilot,
                  data,
                  real,
                  rows(data.twinLabels(), real, data.labelDimension()),
                  synthetic,
                  rows(data.twinLabels(), synthetic, data.labelDimension()));
          return ppi(data, real, synthetic, lambda, rnd.nextLong());
        }
      case CROSS_PPI:
        return crossPpi(data, real, synthetic, 1, rnd);
      case CONTEXT_PPI:
        {
          double[] pilot = ppi(data, real, synthetic, 1, trainSeed).parameters();
          double[] lambdas = contextLambdas(pilot, data, real, synthetic);
          WeightedSamples obj = contextObjective(data, real, synthetic, lambdas);
          return new Fit(trainer.train(model, loss, obj, rnd.nextLong()), lambdas);
        }
      default:
        throw new IllegalStateException(method.toString());
    }
  }

  private Fit ppi(LearningData data, int[] real, int[] synthetic, double lambda, long seed) {
    int m = data.labelDimension();
    WeightedSamples obj =
        ppiObjective(
            data,
            real,
            rows(data.twinLabels(), real, m),
            synthetic,
            rows(data.twinLabels(), synthetic, m),
            lambda);
    return new Fit(trainer.train(model, loss, obj, seed), new double[] {lambda});
  }

  private Fit crossPpi(
      LearningData data, int[] real, int[] synthetic, double lambda, SplittableRandom rnd) {
    int m = data.labelDimension();
    int n = real.length;
    int k = Math.min(folds, n);
    int[] shuffled = real.clone();
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    double[] realF = new double[n * m];
    double[] synthF = new double[synthetic.length * m];
    int[] realOrder = new int[n];
    int pos = 0;
    for (int fold = 0; fold < k; fold++) {
      int lo = fold * n / k;
      int hi = (fold + 1) * n / k;
      int[] held = Arrays.copyOfRange(shuffled, lo, hi);
      int[] others = new int[n - (hi - lo)];
      System.arraycopy(shuffled, 0, others, 0, lo);
      System.arraycopy(shuffled, hi, others, lo, n - hi);
      int[] queries = new int[held.length + synthetic.length];
      System.arraycopy(held, 0, queries, 0, held.length);
      System.arraycopy(synthetic, 0, queries, held.length, synthetic.length);
      double[] labels = foldPredictor.predict(data, others, synthetic, queries, rnd.nextLong());
      System.arraycopy(labels, 0, realF, pos * m, held.length * m);
      for (int q = 0; q < held.length; q++) {
        realOrder[pos + q] = held[q];
      }
      pos += held.length;
      for (int v = 0; v < synthF.length; v++) {
        synthF[v] += labels[held.length * m + v] / k;
      }
    }
    WeightedSamples obj = ppiObjective(data, realOrder, realF, synthetic, synthF, lambda);
    return new Fit(trainer.train(model, loss, obj, rnd.nextLong()), new double[] {lambda});
  }

  /**
   * The ERM objective (1/n)Σ_R ℓ(x_i, y_i).
   *
   * @param data pool
   * @param real R
   * @return the rows
   */
  public static WeightedSamples ermObjective(LearningData data, int[] real) {
    int d = data.featureDimension();
    int m = data.labelDimension();
    WeightedSamples.Builder b = new WeightedSamples.Builder(d, m);
    for (int i : real) {
      b.add(data.features(), i * d, data.realLabels(), i * m, 1.0 / real.length);
    }
    return b.build();
  }

  /**
   * The P-ERM objective: real and synthetic rows pooled with equal weights 1/(n + N).
   *
   * @param data pool
   * @param real R
   * @param synthetic S
   * @return the rows
   */
  public static WeightedSamples pseudoErmObjective(LearningData data, int[] real, int[] synthetic) {
    int d = data.featureDimension();
    int m = data.labelDimension();
    double w = 1.0 / (real.length + synthetic.length);
    WeightedSamples.Builder b = new WeightedSamples.Builder(d, m);
    for (int i : real) {
      b.add(data.features(), i * d, data.realLabels(), i * m, w);
    }
    for (int j : synthetic) {
      b.add(data.features(), j * d, data.twinLabels(), j * m, w);
    }
    return b.build();
  }

  /**
   * The rectified objective (1/n)Σ ℓ(x_i, y_i) + λ[(1/N)Σ ℓ(X̃_j, f̃_j) − (1/n)Σ ℓ(x_i, f_i)].
   *
   * @param data pool
   * @param real R
   * @param realPredictions f_i, packed in the order of {@code real}
   * @param synthetic S
   * @param syntheticPredictions f̃_j, packed in the order of {@code synthetic}
   * @param lambda λ
   * @return the rows
   */
  public static WeightedSamples ppiObjective(
      LearningData data,
      int[] real,
      double[] realPredictions,
      int[] synthetic,
      double[] syntheticPredictions,
      double lambda) {
    int d = data.featureDimension();
    int m = data.labelDimension();
    int n = real.length;
    WeightedSamples.Builder b = new WeightedSamples.Builder(d, m);
    for (int q = 0; q < n; q++) {
      int i = real[q];
      b.addGrouped(data.features(), i * d, data.realLabels(), i * m, 1.0 / n, q);
      if (synthetic.length > 0) {
        b.addGrouped(data.features(), i * d, realPredictions, q * m, -lambda / n, q);
      }
    }
    for (int q = 0; q < synthetic.length; q++) {
      b.add(
          data.features(),
          synthetic[q] * d,
          syntheticPredictions,
          q * m,
          lambda / synthetic.length);
    }
    return b.build();
  }

  /**
   * The CPPI objective with given λ_c.
   *
   * @param data pool
   * @param real R
   * @param synthetic S
   * @param lambdas λ_c per context
   * @return the rows
   */
  public static WeightedSamples contextObjective(
      LearningData data, int[] real, int[] synthetic, double[] lambdas) {
    int d = data.featureDimension();
    int m = data.labelDimension();
    int contexts = data.contextCount();
    int[] nc = count(data, real);
    int[] sc = count(data, synthetic);
    WeightedSamples.Builder b = new WeightedSamples.Builder(d, m);
    for (int c = 0; c < contexts; c++) {
      if (sc[c] == 0 && nc[c] == 0) {
        continue;
      }
      // p̂_c from the twin-labelled points, which cover the population; from the real ones when
      // there are none.
      double p =
          synthetic.length > 0 ? sc[c] / (double) synthetic.length : nc[c] / (double) real.length;
      double lambda = nc[c] == 0 ? 1 : lambdas[c];
      for (int i : real) {
        if (data.context()[i] == c) {
          b.addGrouped(data.features(), i * d, data.realLabels(), i * m, p / nc[c], i);
          if (sc[c] > 0) {
            b.addGrouped(data.features(), i * d, data.twinLabels(), i * m, -p * lambda / nc[c], i);
          }
        }
      }
      for (int j : synthetic) {
        if (data.context()[j] == c) {
          b.add(data.features(), j * d, data.twinLabels(), j * m, p * lambda / sc[c]);
        }
      }
    }
    return b.build();
  }

  /**
   * Per-context λ_c: the tuned λ of the class comment within each context; 1 for a context with
   * fewer than two real samples.
   *
   * @param pilot θ̂ at which the gradients are taken
   * @param data pool
   * @param real R
   * @param synthetic S
   * @return λ_c per context
   */
  public double[] contextLambdas(double[] pilot, LearningData data, int[] real, int[] synthetic) {
    int m = data.labelDimension();
    double[] lambdas = new double[data.contextCount()];
    for (int c = 0; c < lambdas.length; c++) {
      int[] rc = inContext(data, real, c);
      int[] sc = inContext(data, synthetic, c);
      lambdas[c] =
          rc.length < 2 || sc.length == 0
              ? 1
              : tunedLambda(
                  pilot,
                  data,
                  rc,
                  rows(data.twinLabels(), rc, m),
                  sc,
                  rows(data.twinLabels(), sc, m));
    }
    return lambdas;
  }

  /**
   * The power-tuned λ̂ of the class comment.
   *
   * @param theta pilot θ̂
   * @param data pool
   * @param real R (n ≥ 2)
   * @param realPredictions f(x_i) in the order of {@code real}
   * @param synthetic S
   * @param syntheticPredictions f(X̃_j) in the order of {@code synthetic}
   * @return λ̂ in [0, 1]
   */
  public double tunedLambda(
      double[] theta,
      LearningData data,
      int[] real,
      double[] realPredictions,
      int[] synthetic,
      double[] syntheticPredictions) {
    int p = model.parameterCount();
    int d = data.featureDimension();
    int m = data.labelDimension();
    int n = real.length;
    double[] gy = new double[p];
    double[] gf = new double[p];
    double[] sumY = new double[p];
    double[] sumF = new double[p];
    double[] sumYf = new double[p];
    double[] sumAllF = new double[p];
    double[] sumAllF2 = new double[p];
    double[] ws = new double[model.workspaceSize()];
    double[] out = new double[model.outputDimension()];
    double[] dOut = new double[model.outputDimension()];
    for (int q = 0; q < n; q++) {
      int i = real[q];
      gradient(theta, data.features(), i * d, data.realLabels(), i * m, out, dOut, ws, gy);
      gradient(theta, data.features(), i * d, realPredictions, q * m, out, dOut, ws, gf);
      for (int k = 0; k < p; k++) {
        sumY[k] += gy[k];
        sumF[k] += gf[k];
        sumYf[k] += gy[k] * gf[k];
        sumAllF[k] += gf[k];
        sumAllF2[k] += gf[k] * gf[k];
      }
    }
    for (int q = 0; q < synthetic.length; q++) {
      int j = synthetic[q];
      gradient(theta, data.features(), j * d, syntheticPredictions, q * m, out, dOut, ws, gf);
      for (int k = 0; k < p; k++) {
        sumAllF[k] += gf[k];
        sumAllF2[k] += gf[k] * gf[k];
      }
    }
    int all = n + synthetic.length;
    double cov = 0;
    double var = 0;
    for (int k = 0; k < p; k++) {
      cov += sumYf[k] / n - (sumY[k] / n) * (sumF[k] / n);
      double mean = sumAllF[k] / all;
      var += sumAllF2[k] / all - mean * mean;
    }
    double ratio = synthetic.length == 0 ? Double.POSITIVE_INFINITY : n / (double) synthetic.length;
    double lambda = cov / ((1 + ratio) * var);
    return Double.isFinite(lambda) ? Math.max(0, Math.min(1, lambda)) : 0;
  }

  private void gradient(
      double[] theta,
      double[] x,
      int xOff,
      double[] labels,
      int labelOff,
      double[] out,
      double[] dOut,
      double[] ws,
      double[] grad) {
    Arrays.fill(grad, 0);
    model.forward(theta, x, xOff, out, ws);
    loss.evaluate(out, labels, labelOff, dOut);
    model.backward(theta, x, xOff, dOut, 1, ws, grad);
  }

  /**
   * Labels the model predicts at points: one-hot argmax for a {@link SoftmaxCrossEntropy} loss, the
   * raw outputs otherwise.
   *
   * @param model model
   * @param loss its loss
   * @param theta parameters
   * @param data pool
   * @param points indices
   * @return labels packed row-major, points.length·labelDimension values
   */
  public static double[] predictLabels(
      Model model, Loss loss, double[] theta, LearningData data, int[] points) {
    int d = data.featureDimension();
    int m = data.labelDimension();
    boolean classes = loss instanceof SoftmaxCrossEntropy;
    double[] ws = new double[model.workspaceSize()];
    double[] out = new double[model.outputDimension()];
    double[] labels = new double[points.length * m];
    for (int q = 0; q < points.length; q++) {
      model.forward(theta, data.features(), points[q] * d, out, ws);
      if (classes) {
        labels[q * m + SoftmaxCrossEntropy.argmax(out, m)] = 1;
      } else {
        System.arraycopy(out, 0, labels, q * m, m);
      }
    }
    return labels;
  }

  static double[] rows(double[] labels, int[] points, int m) {
    double[] out = new double[points.length * m];
    for (int q = 0; q < points.length; q++) {
      System.arraycopy(labels, points[q] * m, out, q * m, m);
    }
    return out;
  }

  private static int[] count(LearningData data, int[] points) {
    int[] c = new int[data.contextCount()];
    for (int i : points) {
      c[data.context()[i]]++;
    }
    return c;
  }

  private static int[] inContext(LearningData data, int[] points, int c) {
    return Arrays.stream(points).filter(i -> data.context()[i] == c).toArray();
  }
}
