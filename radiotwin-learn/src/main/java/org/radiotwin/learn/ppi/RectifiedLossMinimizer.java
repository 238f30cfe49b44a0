package org.radiotwin.learn.ppi;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Minimises the rectified GLM loss of PPI++ by damped Newton iterations:
 *
 * <pre>
 *   L(θ) = λ/N Σ w̃_j ℓ(x̃_jᵀθ, f̃_j) − λ/n Σ w_i ℓ(x_iᵀθ, f_i) + 1/n Σ w_i ℓ(x_iᵀθ, Y_i)
 *   ∇L   = λ/N Σ w̃_j x̃_j(μ̃_j − f̃_j) + 1/n Σ w_i x_i((1 − λ)μ_i − Y_i + λ f_i)
 *   ∇²L  = λ/N Σ w̃_j μ'(η̃_j) x̃_jx̃_jᵀ + (1 − λ)/n Σ w_i μ'(η_i) x_ix_iᵀ
 * </pre>
 *
 * ppi_py minimises the same loss with L-BFGS-B (ftol = gtol = 10⁻¹⁵) from the labelled-only
 * maximum-likelihood fit; for λ ∈ [0, 1] the loss is convex and both reach the same minimiser, here
 * to ‖step‖ ≤ 10⁻¹³(1 + ‖θ‖) (quadratic convergence). For λ outside [0, 1] the Hessian may be
 * indefinite; a Levenberg shift then keeps the steps descending, starting from the labelled-only
 * fit like ppi_py.
 */
final class RectifiedLossMinimizer {

  private static final int MAX_ITERATIONS = 200;

  private RectifiedLossMinimizer() {}

  static double[] minimize(
      RegressionModel model,
      double[][] x,
      double[] y,
      double[] yhat,
      double[] w,
      double[][] xu,
      double[] yhatU,
      double[] wu,
      double lambda) {
    int d = x[0].length;
    double[] start = new double[d];
    if (lambda < 0 || lambda > 1) {
      try {
        start = run(model, x, y, yhat, w, xu, yhatU, wu, 0.0, new double[d]);
      } catch (RadioTwinException e) {
        start = new double[d];
      }
    }
    return run(model, x, y, yhat, w, xu, yhatU, wu, lambda, start);
  }

  private static double[] run(
      RegressionModel model,
      double[][] x,
      double[] y,
      double[] yhat,
      double[] w,
      double[][] xu,
      double[] yhatU,
      double[] wu,
      double lambda,
      double[] start) {
    int d = start.length;
    double[] theta = start.clone();
    double[] grad = new double[d];
    double[][] hess = new double[d][d];
    double f = evaluate(model, x, y, yhat, w, xu, yhatU, wu, lambda, theta, grad, hess);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      double[] step = newtonStep(hess, grad);
      double slope = 0;
      double stepNorm = 0;
      double thetaNorm = 0;
      for (int j = 0; j < d; j++) {
        slope += grad[j] * step[j];
        stepNorm = Math.max(stepNorm, Math.abs(step[j]));
        thetaNorm = Math.max(thetaNorm, Math.abs(theta[j]));
      }
      if (stepNorm <= 1e-13 * (1 + thetaNorm)) {
        for (int j = 0; j < d; j++) {
          theta[j] += step[j];
        }
        return theta;
      }
      double t = 1;
      double[] trial = new double[d];
      double[] trialGrad = new double[d];
      double[][] trialHess = new double[d][d];
      while (true) {
        for (int j = 0; j < d; j++) {
          trial[j] = theta[j] + t * step[j];
        }
        double ft =
            evaluate(model, x, y, yhat, w, xu, yhatU, wu, lambda, trial, trialGrad, trialHess);
        boolean decreased = Double.isFinite(ft) && ft <= f + 1e-4 * t * slope;
        // Near the optimum the loss stops changing in floating point; accept a full Newton step
        // that does not increase it beyond rounding.
        boolean flat = t == 1 && Double.isFinite(ft) && ft <= f + 1e-14 * (1 + Math.abs(f));
        if (decreased || flat) {
          f = ft;
          System.arraycopy(trial, 0, theta, 0, d);
          System.arraycopy(trialGrad, 0, grad, 0, d);
          for (int a = 0; a < d; a++) {
            System.arraycopy(trialHess[a], 0, hess[a], 0, d);
          }
          break;
        }
        t *= 0.5;
        if (t < 1e-12) {
          return theta;
        }
      }
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        model.name().toLowerCase(java.util.Locale.ROOT) + " fit",
        "did not converge in "
            + MAX_ITERATIONS
            + " Newton iterations (separable data or no finite minimiser?)");
  }

  private static double[] newtonStep(double[][] hess, double[] grad) {
    int d = grad.length;
    double scale = 0;
    for (int j = 0; j < d; j++) {
      scale = Math.max(scale, Math.abs(hess[j][j]));
    }
    double shift = 0;
    for (int attempt = 0; attempt < 40; attempt++) {
      double[][] h = new double[d][d];
      for (int a = 0; a < d; a++) {
        for (int b = 0; b < d; b++) {
          h[a][b] = 0.5 * (hess[a][b] + hess[b][a]);
        }
        h[a][a] += shift;
      }
      try {
        double[] step =
            new CholeskyDecomposition(new Array2DRowRealMatrix(h, false), 1e-12, 0.0)
                .getSolver()
                .solve(new ArrayRealVector(grad))
                .toArray();
        for (int j = 0; j < d; j++) {
          step[j] = -step[j];
        }
        return step;
      } catch (MathIllegalArgumentException e) {
        shift = shift == 0 ? Math.max(scale, 1e-300) * 1e-10 : shift * 10;
      }
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT, "covariates", "the loss has no usable curvature");
  }

  /** Loss, gradient and Hessian at θ. */
  private static double evaluate(
      RegressionModel model,
      double[][] x,
      double[] y,
      double[] yhat,
      double[] w,
      double[][] xu,
      double[] yhatU,
      double[] wu,
      double lambda,
      double[] theta,
      double[] grad,
      double[][] hess) {
    int n = y.length;
    int bigN = yhatU.length;
    int d = theta.length;
    java.util.Arrays.fill(grad, 0);
    for (double[] row : hess) {
      java.util.Arrays.fill(row, 0);
    }
    double lossU = 0;
    for (int i = 0; i < bigN; i++) {
      double eta = GlmStatistics.dot(xu[i], theta);
      lossU += wu[i] * model.loss(eta, yhatU[i]);
      double r = lambda / bigN * wu[i] * (model.mean(eta) - yhatU[i]);
      double c = lambda / bigN * wu[i] * model.meanDerivative(eta);
      accumulate(grad, hess, xu[i], r, c);
    }
    double lossHat = 0;
    double lossY = 0;
    for (int i = 0; i < n; i++) {
      double eta = GlmStatistics.dot(x[i], theta);
      lossHat += w[i] * model.loss(eta, yhat[i]);
      lossY += w[i] * model.loss(eta, y[i]);
      double mu = model.mean(eta);
      double r = w[i] / n * ((1 - lambda) * mu - y[i] + lambda * yhat[i]);
      double c = (1 - lambda) / n * w[i] * model.meanDerivative(eta);
      accumulate(grad, hess, x[i], r, c);
    }
    for (int a = 0; a < d; a++) {
      if (!Double.isFinite(grad[a])) {
        return Double.NaN;
      }
    }
    return lambda / bigN * lossU - lambda / n * lossHat + lossY / n;
  }

  private static void accumulate(double[] grad, double[][] hess, double[] x, double r, double c) {
    for (int a = 0; a < x.length; a++) {
      grad[a] += r * x[a];
      double ca = c * x[a];
      for (int b = 0; b < x.length; b++) {
        hess[a][b] += ca * x[b];
      }
    }
  }
}
