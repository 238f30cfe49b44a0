package org.radiotwin.learn.ppi;

/**
 * Per-sample loss gradients and the inverse Hessian at a point estimate (ppi_py's {@code
 * _ols_get_stats}, {@code _logistic_get_stats}, {@code _poisson_get_stats}).
 *
 * @param grads n×d gradients w<sub>i</sub>x<sub>i</sub>(μ<sub>i</sub> − Y<sub>i</sub>)
 * @param gradsHat n×d gradients w<sub>i</sub>x<sub>i</sub>(μ<sub>i</sub> − f<sub>i</sub>)
 * @param gradsHatUnlabeled N×d gradients on the unlabelled predictions (zeros when unused)
 * @param invHessian d×d inverse of the Hessian of the pooled loss
 */
record GlmStatistics(
    double[][] grads, double[][] gradsHat, double[][] gradsHatUnlabeled, double[][] invHessian) {

  /**
   * Computes the statistics. The Hessian is Σ w̃ μ'(η̃) x̃x̃ᵀ/(N + n) + Σ w μ'(η) xxᵀ/(N + n) when
   * the unlabelled data are used, Σ w μ'(η) xxᵀ/n otherwise.
   */
  static GlmStatistics at(
      RegressionModel model,
      double[] theta,
      double[][] x,
      double[] y,
      double[] yhat,
      double[] w,
      double[][] xu,
      double[] yhatU,
      double[] wu,
      boolean useUnlabeled) {
    int n = y.length;
    int bigN = yhatU.length;
    int d = theta.length;
    double[][] hessian = new double[d][d];
    double[][] gu = new double[bigN][d];
    if (useUnlabeled) {
      for (int i = 0; i < bigN; i++) {
        double eta = dot(xu[i], theta);
        double c = wu[i] / (bigN + n) * model.meanDerivative(eta);
        addOuter(hessian, c, xu[i]);
        double r = model.mean(eta) - yhatU[i];
        for (int j = 0; j < d; j++) {
          gu[i][j] = wu[i] * xu[i][j] * r;
        }
      }
    }
    double[][] g = new double[n][d];
    double[][] gh = new double[n][d];
    for (int i = 0; i < n; i++) {
      double eta = dot(x[i], theta);
      double c = (useUnlabeled ? w[i] / (bigN + n) : w[i] / n) * model.meanDerivative(eta);
      addOuter(hessian, c, x[i]);
      double mu = model.mean(eta);
      for (int j = 0; j < d; j++) {
        g[i][j] = w[i] * x[i][j] * (mu - y[i]);
        gh[i][j] = w[i] * x[i][j] * (mu - yhat[i]);
      }
    }
    return new GlmStatistics(g, gh, gu, Linear.inverse(hessian, "Hessian of the loss"));
  }

  /**
   * Standard errors of the sandwich Σ = V (n/N Cov(λ g̃) + Cov(g − λ ĝ)) V / n (sample
   * covariances).
   */
  double[] standardErrors(double lambda) {
    int n = grads.length;
    int bigN = gradsHatUnlabeled.length;
    int d = invHessian.length;
    double[][] scaledU = new double[bigN][d];
    for (int i = 0; i < bigN; i++) {
      for (int j = 0; j < d; j++) {
        scaledU[i][j] = lambda * gradsHatUnlabeled[i][j];
      }
    }
    double[][] diff = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        diff[i][j] = grads[i][j] - lambda * gradsHat[i][j];
      }
    }
    double[][] varU = bigN > 1 ? Linear.covariance(scaledU) : new double[d][d];
    double[][] var = Linear.covariance(diff);
    double[][] middle = new double[d][d];
    double ratio = (double) n / bigN;
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        middle[a][b] = ratio * varU[a][b] + var[a][b];
      }
    }
    double[][] sigma = Linear.sandwich(invHessian, middle);
    double[] se = new double[d];
    for (int j = 0; j < d; j++) {
      se[j] = Math.sqrt(sigma[j][j] / n);
    }
    return se;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  private static void addOuter(double[][] m, double c, double[] v) {
    for (int a = 0; a < v.length; a++) {
      double ca = c * v[a];
      for (int b = 0; b < v.length; b++) {
        m[a][b] += ca * v[b];
      }
    }
  }
}
