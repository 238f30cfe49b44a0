package org.radiotwin.learn.ppi;

/**
 * The PPI++ power-tuning parameter of an M-estimator (ppi_py's {@code _calc_lam_glm}).
 *
 * <p>With per-sample loss gradients g<sub>i</sub> = ∇ℓ(θ; X<sub>i</sub>, Y<sub>i</sub>),
 * ĝ<sub>i</sub> = ∇ℓ(θ; X<sub>i</sub>, f(X<sub>i</sub>)) on the n labelled samples, g̃<sub>j</sub>
 * on the N unlabelled ones, and the inverse Hessian V:
 *
 * <pre>
 *   C = (1/n) Σ (g_i − ḡ)(ĝ_i − ĝ̄)ᵀ + (ĝ_i − ĝ̄)(g_i − ḡ)ᵀ
 *   S = sample covariance (ddof 1) of the n + N rows [ĝ; g̃]
 *   overall:       λ = tr(V C V) / (2 (1 + n/N) tr(V S V))
 *   coordinate c:  λ = v_cᵀ C v_c / (2 (1 + n/N) v_cᵀ S v_c),  v_c = V e_c
 *   element:       λ_j = (V C V)_jj / (2 (1 + n/N) (V S V)_jj)
 * </pre>
 *
 * then clipped to [0, 1] when asked (Angelopoulos, Duchi, Zrnic, PPI++, arXiv:2311.01453, §2 and
 * §6). Differences from ppi_py 0.2.3: (1) for one coordinate ppi_py 0.2.3 evaluates {@code
 * inv_hessian[coord, coord] @ …}, which raises for every dimension; this class uses v<sub>c</sub> =
 * V e<sub>c</sub>, the formula of ppi_py before 0.2; (2) a 0/0 ratio (predictions without spread)
 * gives λ = 0 (the classical estimator) instead of NaN.
 */
public final class TunedLambda {

  private TunedLambda() {}

  /**
   * Computes λ.
   *
   * @param grads n×d gradients on the labels
   * @param gradsHat n×d gradients on the predictions of the labelled samples
   * @param gradsHatUnlabeled N×d gradients on the predictions of the unlabelled samples
   * @param invHessian d×d inverse Hessian V
   * @param coordinate coordinate whose variance is minimised, or −1 for the total
   * @param mode overall (one value) or element (one per coordinate)
   * @param clip whether to clip to [0, 1]
   * @return λ: one value (overall) or d values (element)
   */
  public static double[] compute(
      double[][] grads,
      double[][] gradsHat,
      double[][] gradsHatUnlabeled,
      double[][] invHessian,
      int coordinate,
      LambdaMode mode,
      boolean clip) {
    int n = grads.length;
    int bigN = gradsHatUnlabeled.length;
    int d = invHessian.length;
    double[] gm = columnMeans(grads);
    double[] hm = columnMeans(gradsHat);
    double[][] cov = new double[d][d];
    for (int i = 0; i < n; i++) {
      for (int a = 0; a < d; a++) {
        double ga = grads[i][a] - gm[a];
        double ha = gradsHat[i][a] - hm[a];
        for (int b = 0; b < d; b++) {
          cov[a][b] += ga * (gradsHat[i][b] - hm[b]) + ha * (grads[i][b] - gm[b]);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        cov[a][b] *= 1.0 / n;
      }
    }
    double[][] all = new double[n + bigN][];
    System.arraycopy(gradsHat, 0, all, 0, n);
    System.arraycopy(gradsHatUnlabeled, 0, all, n, bigN);
    double[][] varHat = Linear.covariance(all);
    double factor = 2 * (1 + ((double) n / bigN));
    double[] lambda;
    if (mode == LambdaMode.ELEMENT) {
      double[][] num = Linear.sandwich(invHessian, cov);
      double[][] den = Linear.sandwich(invHessian, varHat);
      lambda = new double[d];
      for (int j = 0; j < d; j++) {
        lambda[j] = num[j][j] / (factor * den[j][j]);
      }
    } else if (coordinate >= 0) {
      if (coordinate >= d) {
        throw new org.radiotwin.errors.RadioTwinException(
            org.radiotwin.errors.RadioTwinMessages.INVALID_ARGUMENT,
            "coordinate",
            coordinate + " is outside 0.." + (d - 1));
      }
      double[] v = new double[d];
      for (int a = 0; a < d; a++) {
        v[a] = invHessian[a][coordinate];
      }
      lambda = new double[] {Linear.quadratic(v, cov) / (factor * Linear.quadratic(v, varHat))};
    } else {
      double num = Linear.trace(Linear.sandwich(invHessian, cov));
      double den = factor * Linear.trace(Linear.sandwich(invHessian, varHat));
      lambda = new double[] {num / den};
    }
    for (int j = 0; j < lambda.length; j++) {
      if (Double.isNaN(lambda[j])) {
        lambda[j] = 0;
      } else if (clip) {
        lambda[j] = Math.min(1.0, Math.max(0.0, lambda[j]));
      }
    }
    return lambda;
  }

  private static double[] columnMeans(double[][] m) {
    int d = m[0].length;
    double[] s = new double[d];
    for (double[] r : m) {
      for (int j = 0; j < d; j++) {
        s[j] += r[j];
      }
    }
    for (int j = 0; j < d; j++) {
      s[j] /= m.length;
    }
    return s;
  }
}
