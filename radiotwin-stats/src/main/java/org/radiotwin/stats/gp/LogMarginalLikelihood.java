package org.radiotwin.stats.gp;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRB;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The log marginal likelihood of a zero-mean Gaussian process and its analytic gradient (Rasmussen
 * and Williams 2006, eqs. 2.30 and 5.9):
 *
 * <pre>
 *   ln p(y | X, θ) = −½ yᵀα − Σ_i ln L_ii − (n/2) ln 2π,   α = K⁻¹y,  K = LLᵀ = K_θ(X, X) + a·I
 *   ∂/∂θ_k = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ_k)
 * </pre>
 *
 * with a the regularisation added to the diagonal (scikit-learn's {@code alpha}, 10⁻¹⁰ by default).
 * The Cholesky factor comes from EJML's blocked outer-product algorithm; when it fails (K not
 * numerically positive definite) a jitter of 10⁻¹⁰, 10⁻⁸, 10⁻⁶ times the mean diagonal is added in
 * turn before giving up. The n × n derivative matrices are never stored: the trace is accumulated
 * pair by pair over the upper triangle, rows in parallel on the common pool with a fixed-order
 * reduction (identical results for any number of threads).
 *
 * <p>One instance holds an n × n work space for one thread of optimisation; it is not thread-safe.
 */
public final class LogMarginalLikelihood {

  private static final double[] JITTER = {0, 1e-10, 1e-8, 1e-6};
  private static final double LN_2PI = Math.log(2 * Math.PI);

  private final double[][] x;
  private final double[] y;
  private final double alpha;
  private final int n;
  private final DMatrixRMaj k;
  private final DMatrixRMaj kInv;
  private final DMatrixRMaj lowerFactor;
  private final DMatrixRMaj rhs;
  private final DMatrixRMaj weights;
  private final LinearSolverChol_DDRB solver = new LinearSolverChol_DDRB();
  private double lastJitter;

  /**
   * Creates the work space.
   *
   * @param x training inputs, n rows of equal length (not copied; must not change)
   * @param y training targets (already normalised if the model normalises), length n
   * @param alpha value added to the diagonal of K, ≥ 0
   */
  public LogMarginalLikelihood(double[][] x, double[] y, double alpha) {
    if (x.length != y.length || x.length == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "training inputs vs targets", y.length, x.length);
    }
    if (!(alpha >= 0) || !Double.isFinite(alpha)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "alpha", alpha + " is not finite and ≥ 0");
    }
    this.x = x;
    this.y = y;
    this.alpha = alpha;
    this.n = y.length;
    this.k = new DMatrixRMaj(n, n);
    this.kInv = new DMatrixRMaj(n, n);
    this.lowerFactor = new DMatrixRMaj(n, n);
    this.rhs = new DMatrixRMaj(n, 1);
    this.weights = new DMatrixRMaj(n, 1);
  }

  /**
   * Number of training points.
   *
   * @return n
   */
  public int size() {
    return n;
  }

  /**
   * Jitter (relative to the mean diagonal) that the last successful factorisation needed.
   *
   * @return 0 when none was needed
   */
  public double lastJitter() {
    return lastJitter;
  }

  /**
   * Evaluates ln p(y | X, θ) and, when asked, its gradient with respect to ln θ.
   *
   * @param kernel covariance with hyper-parameters θ
   * @param gradient receives ∂/∂ln θ (length ≥ {@link Kernel#parameterCount()}), or null
   * @return the log marginal likelihood, −∞ when K cannot be factorised even with jitter
   */
  public double value(Kernel kernel, double[] gradient) {
    if (!factorise(kernel)) {
      if (gradient != null) {
        java.util.Arrays.fill(gradient, 0, kernel.parameterCount(), 0);
      }
      return Double.NEGATIVE_INFINITY;
    }
    double lml = logLikelihoodOfFactor();
    if (gradient != null) {
      @SuppressWarnings("unchecked")
      CholeskyDecomposition_F64<DMatrixRBlock> chol =
          (CholeskyDecomposition_F64<DMatrixRBlock>) solver.getDecomposition();
      MatrixOps_DDRB.convert(chol.getT(null), lowerFactor);
      CholeskyInverse.invert(lowerFactor.data, n, k.data, kInv.data);
      gradient(kernel, weights.data, gradient);
    }
    return lml;
  }

  /**
   * Factorises K for the final model.
   *
   * @param kernel covariance
   * @return {lower Cholesky factor L (row-major n × n), α = K⁻¹y (length n)}
   * @throws RadioTwinException if K is not positive definite even with jitter
   */
  Factor factor(Kernel kernel) {
    if (!factorise(kernel)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "Gaussian-process covariance",
          "not positive definite even with jitter 1e-6 × mean diagonal (duplicate inputs without"
              + " noise?) for kernel "
              + kernel);
    }
    @SuppressWarnings("unchecked")
    CholeskyDecomposition_F64<DMatrixRBlock> chol =
        (CholeskyDecomposition_F64<DMatrixRBlock>) solver.getDecomposition();
    DMatrixRMaj lower = MatrixOps_DDRB.convert(chol.getT(null), (DMatrixRMaj) null);
    return new Factor(lower.data, weights.data.clone(), lastJitter, logLikelihoodOfFactor());
  }

  /**
   * The lower Cholesky factor, α = K⁻¹y, the relative jitter that was needed and ln p(y | X, θ)
   * (the same value {@link #value} returns, so the final model needs one factorisation, not two).
   */
  record Factor(double[] lower, double[] alpha, double jitter, double logMarginalLikelihood) {}

  /** ln p(y | X, θ) from the current factorisation; {@link #factorise} must have succeeded. */
  private double logLikelihoodOfFactor() {
    double[] a = weights.data;
    double fit = 0;
    for (int i = 0; i < n; i++) {
      fit += y[i] * a[i];
    }
    return -0.5 * fit - 0.5 * logDeterminant() - 0.5 * n * LN_2PI;
  }

  private boolean factorise(Kernel kernel) {
    double[] kd = k.data;
    double[][] xs = x;
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              int row = i * n;
              for (int j = i; j < n; j++) {
                double v = kernel.value(xs[i], xs[j], i == j);
                kd[row + j] = v;
                kd[j * n + i] = v;
              }
            });
    double meanDiagonal = 0;
    for (int i = 0; i < n; i++) {
      kd[i * n + i] += alpha;
      meanDiagonal += kd[i * n + i];
    }
    meanDiagonal /= n;
    if (!Double.isFinite(meanDiagonal)) {
      return false;
    }
    double added = 0;
    for (double jitter : JITTER) {
      double extra = jitter * meanDiagonal - added;
      for (int i = 0; i < n; i++) {
        kd[i * n + i] += extra;
      }
      added += extra;
      if (solver.setA(k)) {
        System.arraycopy(y, 0, rhs.data, 0, n);
        solver.solve(rhs, weights);
        lastJitter = jitter;
        return allFinite(weights.data);
      }
    }
    return false;
  }

  private static boolean allFinite(double[] v) {
    for (double d : v) {
      if (!Double.isFinite(d)) {
        return false;
      }
    }
    return true;
  }

  private double logDeterminant() {
    @SuppressWarnings("unchecked")
    CholeskyDecomposition_F64<DMatrixRBlock> chol =
        (CholeskyDecomposition_F64<DMatrixRBlock>) solver.getDecomposition();
    DMatrixRBlock t = chol.getT(null);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.log(t.get(i, i));
    }
    return 2 * s;
  }

  private void gradient(Kernel kernel, double[] a, double[] gradient) {
    int p = kernel.parameterCount();
    double[] partial = new double[n * p];
    double[] inv = kInv.data;
    double[][] xs = x;
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              double[] dk = new double[p];
              int row = i * n;
              int out = i * p;
              for (int j = i; j < n; j++) {
                kernel.valueAndGradient(xs[i], xs[j], i == j, dk, 0);
                double w = (a[i] * a[j] - inv[row + j]) * (i == j ? 0.5 : 1.0);
                for (int q = 0; q < p; q++) {
                  partial[out + q] += w * dk[q];
                }
              }
            });
    java.util.Arrays.fill(gradient, 0, p, 0);
    for (int i = 0; i < n; i++) {
      for (int q = 0; q < p; q++) {
        gradient[q] += partial[i * p + q];
      }
    }
  }
}
