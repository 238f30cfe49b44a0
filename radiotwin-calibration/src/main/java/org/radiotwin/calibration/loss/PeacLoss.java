package org.radiotwin.calibration.loss;

import java.util.Arrays;

/**
 * Phase-error-aware calibration (PEAC; Ruah et al., "Calibrating wireless ray tracing for digital
 * twinning using local phase error estimates", IEEE TMLCN 2024, arXiv:2312.12625): variational EM
 * over unknown per-path phase errors φ_{mℓ}, with the measurement model y_m = Σ_ℓ
 * h_{mℓ}(θ)e^{jφ_{mℓ}} + n_m, n ~ CN(0, σ²I), a von Mises prior φ ~ VM(0, κ₀) and von Mises
 * posteriors q(φ_{mℓ}) = VM(μ_{mℓ}, κ_{mℓ}), z̄_{mℓ} = E_q[e^{jφ}] = A(κ_{mℓ})e^{jμ_{mℓ}}
 * (METHODS.md §2).
 *
 * <ul>
 *   <li>E-step ({@link #beginIteration}): μ_m = arg[(HᴴH)⁻¹(Hᴴy_m + (σ²κ₀/2)·1)] over the paths
 *       with non-zero response, κ_{mℓ} = 2√(s−1)√s with s = max(1, ‖h_{mℓ}‖²/σ²); then κ₀ =
 *       A⁻¹(mean A(κ_{mℓ})cos μ_{mℓ}) (0 when that mean is ≤ 0).
 *   <li>M-step ({@link #evaluate}, minimised by one Adam step per iteration): L = mean_m [‖H z̄_m −
 *       y_m‖² + Σ_ℓ ‖h_{mℓ}‖²(1 − A(κ_{mℓ})²)]/‖y_m‖², the expected residual under q.
 * </ul>
 *
 * The noise variance per sample is taken from the measurements' SNR: σ_m² = (‖y_m‖²/L)/(1 + SNR)
 * (E‖y‖² = ‖h‖² + Lσ²). HᴴH gets a relative ridge of 10⁻¹² of its trace so that paths the band
 * cannot resolve keep a finite (if arbitrary) phase estimate.
 */
public final class PeacLoss implements CalibrationLoss {

  private static final double RIDGE = 1e-12;

  /** Mean-field sweeps after the closed-form phase estimate. */
  static final int SWEEPS = 10;

  private double kappa0;
  private double[] zbar = new double[0];
  private double[] meanLength = new double[0];
  private double[] gramCopy = new double[0];
  private double[] hyCopy = new double[0];

  /** PEAC starting from a uniform phase prior (κ₀ = 0). */
  public PeacLoss() {
    this(0);
  }

  /**
   * PEAC with a given initial prior concentration.
   *
   * @param initialKappa0 κ₀ ≥ 0 of the first E-step
   */
  public PeacLoss(double initialKappa0) {
    if (!(initialKappa0 >= 0)) {
      throw new IllegalArgumentException("κ0 must be ≥ 0, got " + initialKappa0);
    }
    this.kappa0 = initialKappa0;
  }

  @Override
  public String name() {
    return "PEAC";
  }

  /**
   * The prior concentration after the last M-step.
   *
   * @return κ₀
   */
  public double kappa0() {
    return kappa0;
  }

  /**
   * Posterior mean phasors z̄ (interleaved, one per path in the data's path order).
   *
   * @return a copy
   */
  public double[] posteriorMeans() {
    return zbar.clone();
  }

  @Override
  public void beginIteration(ProjectedMeasurements data, double[] coef) {
    int n = data.totalPaths();
    if (zbar.length != 2 * n) {
      zbar = new double[2 * n];
      meanLength = new double[n];
    }
    int blocks = data.blockCount();
    int maxPaths = data.maxPathCount();
    double[] hh = new double[2 * maxPaths * maxPaths];
    double[] rhs = new double[2 * maxPaths];
    int[] valid = new int[maxPaths];
    gramCopy = new double[2 * maxPaths * maxPaths];
    hyCopy = new double[2 * maxPaths];
    double[] gram = data.gram();
    double[] proj = data.projection();
    int samples = data.samplesPerMeasurement();
    double resultant = 0;
    int counted = 0;
    for (int m = 0; m < data.measurementCount(); m++) {
      int p = data.pathCount(m);
      int off = data.pathOffset(m);
      int g0 = data.gramOffset(m);
      double sigma2 = data.energy(m) / samples / (1 + data.snr());
      int nv = 0;
      for (int l = 0; l < p; l++) {
        double e = pathEnergy(data, coef, off + l);
        if (e > 0) {
          valid[nv++] = l;
        }
        // κ = 2√(s−1)√s, s = max(1, ‖h‖²/σ²)
        double s = sigma2 > 0 ? Math.max(1, e / sigma2) : Double.POSITIVE_INFINITY;
        double kappa = 2 * Math.sqrt(s - 1) * Math.sqrt(s);
        meanLength[off + l] =
            Double.isInfinite(kappa) ? 1 : 1 - VonMises.besselRatioComplement(kappa);
        zbar[2 * (off + l)] = meanLength[off + l];
        zbar[2 * (off + l) + 1] = 0;
      }
      if (nv == 0) {
        continue;
      }
      // (HᴴH)_{ij} = Σ_c conj(a_ic)G_c[i][j]a_jc, (Hᴴy)_i = Σ_c conj(a_ic)g_ic, over valid paths.
      Arrays.fill(hh, 0, 2 * nv * nv, 0);
      double prior = 0.5 * sigma2 * kappa0;
      for (int i = 0; i < nv; i++) {
        rhs[2 * i] = prior;
        rhs[2 * i + 1] = 0;
      }
      for (int c = 0; c < blocks; c++) {
        for (int i = 0; i < nv; i++) {
          int ai = 2 * ((off + valid[i]) * blocks + c);
          double xr = coef[ai];
          double xi = -coef[ai + 1];
          rhs[2 * i] += xr * proj[ai] - xi * proj[ai + 1];
          rhs[2 * i + 1] += xr * proj[ai + 1] + xi * proj[ai];
          for (int j = 0; j < nv; j++) {
            int aj = 2 * ((off + valid[j]) * blocks + c);
            int gi = g0 + 2 * ((c * p + valid[i]) * p + valid[j]);
            double tr = gram[gi] * coef[aj] - gram[gi + 1] * coef[aj + 1];
            double ti = gram[gi] * coef[aj + 1] + gram[gi + 1] * coef[aj];
            hh[2 * (i * nv + j)] += xr * tr - xi * ti;
            hh[2 * (i * nv + j) + 1] += xr * ti + xi * tr;
          }
        }
      }
      double trace = 0;
      for (int i = 0; i < nv; i++) {
        trace += hh[2 * (i * nv + i)];
      }
      for (int i = 0; i < nv; i++) {
        hh[2 * (i * nv + i)] += RIDGE * trace;
      }
      System.arraycopy(hh, 0, gramCopy, 0, 2 * nv * nv);
      System.arraycopy(rhs, 0, hyCopy, 0, 2 * nv);
      ComplexSolver.solveInPlace(hh, rhs, nv);
      for (int i = 0; i < nv; i++) {
        int l = off + valid[i];
        double mu = Math.atan2(rhs[2 * i + 1], rhs[2 * i]);
        zbar[2 * l] = meanLength[l] * Math.cos(mu);
        zbar[2 * l + 1] = meanLength[l] * Math.sin(mu);
      }
      refine(gramCopy, hyCopy, nv, valid, off, sigma2);
      for (int i = 0; i < nv; i++) {
        resultant += zbar[2 * (off + valid[i])];
        counted++;
      }
    }
    // M-step for the prior: κ₀ = A⁻¹(mean A(κ)cos μ).
    double r = counted == 0 ? 0 : resultant / counted;
    kappa0 = r > 0 ? VonMises.inverseBesselRatio(Math.min(r, 1 - 1e-15)) : 0;
  }

  @Override
  public double evaluate(ProjectedMeasurements data, double[] coef, double[] gradient) {
    if (zbar.length != 2 * data.totalPaths()) {
      beginIteration(data, coef);
    }
    if (gradient != null) {
      Arrays.fill(gradient, 0, data.coefficientLength(), 0);
    }
    int blocks = data.blockCount();
    int maxPaths = data.maxPathCount();
    double[] w = new double[2 * maxPaths];
    double[] v = new double[2 * maxPaths];
    double[] z = new double[2 * maxPaths];
    double[] g = data.projection();
    int mCount = data.measurementCount();
    double total = 0;
    for (int m = 0; m < mCount; m++) {
      int p = data.pathCount(m);
      int off = data.pathOffset(m);
      double norm = data.energy(m);
      if (!(norm > 0)) {
        continue;
      }
      System.arraycopy(zbar, 2 * off, z, 0, 2 * p);
      double sum = 0;
      for (int c = 0; c < blocks; c++) {
        double q = data.quadraticForm(m, c, coef, z, w, v);
        double lin = 0;
        for (int l = 0; l < p; l++) {
          int i = 2 * ((off + l) * blocks + c);
          lin += w[2 * l] * g[i] + w[2 * l + 1] * g[i + 1];
          double a2 = meanLength[off + l] * meanLength[off + l];
          double k = data.blockSize(c);
          sum += (coef[i] * coef[i] + coef[i + 1] * coef[i + 1]) * k * (1 - a2);
          if (gradient != null) {
            // 2·conj(z)(v − g) + 2·a·K·(1 − A²), over M·‖y_m‖²
            double dr = v[2 * l] - g[i];
            double di = v[2 * l + 1] - g[i + 1];
            double zr = z[2 * l];
            double zi = -z[2 * l + 1];
            double s = 2 / (mCount * norm);
            gradient[i] = s * (zr * dr - zi * di + coef[i] * k * (1 - a2));
            gradient[i + 1] = s * (zr * di + zi * dr + coef[i + 1] * k * (1 - a2));
          }
        }
        sum += q - 2 * lin + data.energy(m, c);
      }
      total += sum / norm;
    }
    return total / mCount;
  }

  /**
   * Coordinate-ascent sweeps of the mean-field update μ_ℓ = arg[κ₀ + (2/σ²)·((Hᴴy)_ℓ −
   * Σ_{ℓ′≠ℓ}(HᴴH)_{ℓℓ′}z̄_{ℓ′})] from the closed-form start. The closed form solves the relaxed
   * problem (z ∈ ℂ^P instead of |z_ℓ| = 1); when the band cannot resolve the paths HᴴH is nearly
   * singular and noise dominates its phases, while these sweeps (each the exact von Mises conjugate
   * update of one path given the others, so the expected residual never increases) keep every
   * phasor on the unit circle. At a noiseless optimum both agree.
   */
  private void refine(double[] hh, double[] hy, int nv, int[] valid, int off, double sigma2) {
    if (nv < 2) {
      return;
    }
    double prior = 0.5 * sigma2 * kappa0;
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int i = 0; i < nv; i++) {
        // hy already holds (Hᴴy)_i + σ²κ₀/2; remove the other paths' explained part.
        double er = hy[2 * i];
        double ei = hy[2 * i + 1];
        for (int j = 0; j < nv; j++) {
          if (j == i) {
            continue;
          }
          int zj = 2 * (off + valid[j]);
          double gr = hh[2 * (i * nv + j)];
          double gi = hh[2 * (i * nv + j) + 1];
          er -= gr * zbar[zj] - gi * zbar[zj + 1];
          ei -= gr * zbar[zj + 1] + gi * zbar[zj];
        }
        int l = off + valid[i];
        if (er == 0 && ei == 0 && prior == 0) {
          continue;
        }
        double mu = Math.atan2(ei, er);
        zbar[2 * l] = meanLength[l] * Math.cos(mu);
        zbar[2 * l + 1] = meanLength[l] * Math.sin(mu);
      }
    }
  }

  private static double pathEnergy(ProjectedMeasurements data, double[] coef, int path) {
    double e = 0;
    int blocks = data.blockCount();
    for (int c = 0; c < blocks; c++) {
      int i = 2 * (path * blocks + c);
      e += (coef[i] * coef[i] + coef[i + 1] * coef[i + 1]) * data.blockSize(c);
    }
    return e;
  }
}
