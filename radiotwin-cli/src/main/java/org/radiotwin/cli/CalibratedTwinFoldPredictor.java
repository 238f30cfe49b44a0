package org.radiotwin.cli;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.radiotwin.antenna.ArrayGeometry;
import org.radiotwin.calibration.CalibrationParameters;
import org.radiotwin.calibration.Calibrator;
import org.radiotwin.calibration.loss.PowerLoss;
import org.radiotwin.calibration.loss.ProjectedMeasurements;
import org.radiotwin.calibration.optim.Adam;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.learn.task.BeamCodebook;
import org.radiotwin.learn.task.TwinRealitySite;
import org.radiotwin.learn.train.FoldPredictor;
import org.radiotwin.learn.train.LearningData;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Scene;

/**
 * The Cross-PPI fold predictor of seed 000 §IV: f⁽ᵏ⁾ is the twin calibrated without real fold k.
 * For fold k the twin's materials (η_r, σ of every material) are fitted by Adam on the power loss
 * of Hoydis et al. (IEEE TMLCN 2024, doi:10.1109/TMLCN.2024.3474639),
 *
 * <pre>
 *   L = mean_m |P_sim,m − P_meas,m| / (P_sim,m + P_meas,m),   P = (1/B)·Σ_b |w_bᴴh_m|²,
 * </pre>
 *
 * <p>over the real-training positions m of the other folds, P_meas from reality's beam gains in the
 * site survey and P_sim from the twin's channel h_m = Σ_ℓ a_ℓ(η)·e_ℓ (synthetic-array channel of
 * {@code SiteSurvey}, e_ℓ[k] = e^{−j2πfτ_ℓ}·e^{j(2π/λ)k̂_ℓᵀd_k}). The observable is the same
 * codebook power on both sides, so a twin equal to reality is already calibrated (loss 0; the fit
 * stops there). The calibrated twin then labels each query position with its best beam, one-hot.
 *
 * <p>The twin's paths to every grid position are traced once, with the site's solver settings, and
 * the per-position Gram matrices G[ℓ][ℓ′] = Σ_b conj(s_bℓ)s_bℓ′ of the beam-domain steering s_bℓ =
 * w_bᴴe_ℓ are computed once, so a calibration iteration costs one field evaluation with derivatives
 * and O(Σ_m P_m²) for the loss ({@link ProjectedMeasurements} with one block of B samples per
 * position). Each call is deterministic and independent of the thread count.
 */
final class CalibratedTwinFoldPredictor implements FoldPredictor {

  /** The fit is exact to rounding: a twin equal to reality stops before its first step. */
  private static final double EXACT_LOSS = 1e-12;

  private final TwinRealitySite site;
  private final SceneGeometry geometry;
  private final FieldEvaluator evaluator;
  private final BeamCodebook codebook;
  private final double frequency;
  private final int iterations;
  private final double learningRate;
  private final int[] usable;
  private final double[][] gram;
  private final int[] pathCounts;
  private final double[] measured;

  /**
   * Traces the twin to every position of the site once.
   *
   * @param twinScene the twin (the scene the site's twin survey was traced in)
   * @param site the traced site
   * @param iterations Adam steps per calibration ≥ 1
   * @param learningRate Adam step on the log-parameters &gt; 0
   * @param pool pool for the tracing
   * @param progress receives the fraction of the tracing done
   */
  CalibratedTwinFoldPredictor(
      Scene twinScene,
      TwinRealitySite site,
      int iterations,
      double learningRate,
      ForkJoinPool pool,
      DoubleConsumer progress) {
    if (iterations < 1 || !(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "twin calibration of the fold predictor",
          "needs at least 1 iteration and a positive learning rate");
    }
    this.site = site;
    this.iterations = iterations;
    this.learningRate = learningRate;
    TwinRealitySite.Settings s = site.settings();
    this.frequency = s.frequency();
    double lambda = PhysicalConstants.wavelength(frequency);
    this.codebook = new BeamCodebook(s.arrayRows(), s.arrayCols(), 0.5, lambda);
    // The same bare scene, solver and positions as SiteSurvey.trace, hence the same paths.
    Scene bare =
        twinScene.withoutDevices().withArrays(PlanarArray.isotropic(), PlanarArray.isotropic());
    this.geometry = SceneGeometry.of(bare);
    PathSet paths =
        new PathSolver(s.solver())
            .solve(geometry, s.basePosition().toArray(), site.twin().positions(), pool, progress);
    this.evaluator = FieldEvaluator.forScene(paths, geometry);
    this.usable = site.usable();
    this.gram = new double[usable.length][];
    this.pathCounts = new int[usable.length];
    this.measured = new double[usable.length];
    double[] weights = weights(codebook);
    double[] offsets = codebook.elementOffsets();
    int beams = codebook.size();
    pool.submit(
            () ->
                IntStream.range(0, usable.length)
                    .parallel()
                    .forEach(q -> prepare(q, paths, weights, offsets, lambda, beams)))
        .join();
  }

  /** Conjugate-free codebook weights w_b = a(k̂_b)/√N, packed 2N per beam (as BeamCodebook). */
  private static double[] weights(BeamCodebook cb) {
    int rows = cb.rows();
    int cols = cb.cols();
    int n = cb.size();
    double[] offsets = cb.elementOffsets();
    double[] w = new double[2 * n * n];
    double[] resp = new double[2 * n];
    double norm = 1 / Math.sqrt(n);
    for (int r = 0; r < rows; r++) {
      double cosTheta = -1 + (2.0 * r + 1) / rows;
      double sinTheta = Math.sqrt(1 - cosTheta * cosTheta);
      for (int c = 0; c < cols; c++) {
        double sinPhi = -1 + (2.0 * c + 1) / cols;
        double cosPhi = Math.sqrt(1 - sinPhi * sinPhi);
        ArrayGeometry.arrayResponse(
            offsets, cb.wavelength(), sinTheta * cosPhi, sinTheta * sinPhi, cosTheta, resp);
        int b = r * cols + c;
        for (int k = 0; k < 2 * n; k++) {
          w[2 * n * b + k] = norm * resp[k];
        }
      }
    }
    return w;
  }

  /** Gram matrix of the beam-domain steering and reality's codebook power at usable point q. */
  private void prepare(
      int q, PathSet paths, double[] weights, double[] offsets, double lambda, int beams) {
    int pos = usable[q];
    int link = paths.link(pos, 0);
    int first = paths.firstPath(link);
    int p = paths.pathCount(link);
    int n = beams;
    double[] steer = new double[2 * beams * p];
    double[] phases = new double[n];
    for (int l = 0; l < p; l++) {
      ArrayGeometry.syntheticPhases(
          offsets,
          lambda,
          paths.departure(first + l, 0),
          paths.departure(first + l, 1),
          paths.departure(first + l, 2),
          phases);
      double delayPhase = -2 * Math.PI * frequency * paths.delay(first + l);
      for (int b = 0; b < beams; b++) {
        int w0 = 2 * n * b;
        double re = 0;
        double im = 0;
        for (int k = 0; k < n; k++) {
          double ph = phases[k] + delayPhase;
          double er = Math.cos(ph);
          double ei = Math.sin(ph);
          double wr = weights[w0 + 2 * k];
          double wi = weights[w0 + 2 * k + 1];
          // conj(w)·e
          re += wr * er + wi * ei;
          im += wr * ei - wi * er;
        }
        steer[2 * (b * p + l)] = re;
        steer[2 * (b * p + l) + 1] = im;
      }
    }
    double[] g = new double[2 * p * p];
    for (int l = 0; l < p; l++) {
      for (int l2 = 0; l2 < p; l2++) {
        double gr = 0;
        double gi = 0;
        for (int b = 0; b < beams; b++) {
          double ar = steer[2 * (b * p + l)];
          double ai = steer[2 * (b * p + l) + 1];
          double br = steer[2 * (b * p + l2)];
          double bi = steer[2 * (b * p + l2) + 1];
          gr += ar * br + ai * bi;
          gi += ar * bi - ai * br;
        }
        g[2 * (l * p + l2)] = gr;
        g[2 * (l * p + l2) + 1] = gi;
      }
    }
    gram[q] = g;
    pathCounts[q] = p;
    double e = 0;
    for (int b = 0; b < beams; b++) {
      e += site.reality().beamGain(pos, b);
    }
    measured[q] = e;
  }

  @Override
  public double[] predict(
      LearningData data, int[] realTraining, int[] synthetic, int[] queries, long seed) {
    RadioMaterial[] materials = calibrate(realTraining).materials();
    PathCoefficients a = evaluator.evaluate(frequency, materials, false);
    PathSet paths = evaluator.paths();
    int beams = codebook.size();
    double lambda = codebook.wavelength();
    double[] offsets = codebook.elementOffsets();
    double[] labels = new double[queries.length * beams];
    double[] h = new double[2 * beams];
    double[] gains = new double[beams];
    double[] phases = new double[beams];
    for (int i = 0; i < queries.length; i++) {
      // The same channel and codebook arithmetic as SiteSurvey.trace.
      Arrays.fill(h, 0);
      int link = paths.link(usable[queries[i]], 0);
      int p0 = paths.firstPath(link);
      for (int p = p0; p < p0 + paths.pathCount(link); p++) {
        double ar = a.re(p, 0, 0);
        double ai = a.im(p, 0, 0);
        double ph = -2 * Math.PI * frequency * paths.delay(p);
        double cr = ar * Math.cos(ph) - ai * Math.sin(ph);
        double ci = ar * Math.sin(ph) + ai * Math.cos(ph);
        ArrayGeometry.syntheticPhases(
            offsets,
            lambda,
            paths.departure(p, 0),
            paths.departure(p, 1),
            paths.departure(p, 2),
            phases);
        for (int k = 0; k < beams; k++) {
          double c = Math.cos(phases[k]);
          double s = Math.sin(phases[k]);
          h[2 * k] += cr * c - ci * s;
          h[2 * k + 1] += cr * s + ci * c;
        }
      }
      codebook.gains(h, gains);
      int best = 0;
      for (int b = 1; b < beams; b++) {
        if (gains[b] > gains[best]) {
          best = b;
        }
      }
      labels[i * beams + best] = 1;
    }
    return labels;
  }

  /**
   * Calibrates the twin's materials against reality's codebook powers at the given points.
   *
   * @param points indices into the usable positions
   * @return the parameters at their calibrated values
   */
  CalibrationParameters calibrate(int[] points) {
    CalibrationParameters params =
        CalibrationParameters.of(geometry, frequency, geometry.materialNames(), false);
    ProjectedMeasurements data = projected(points);
    PathSet paths = evaluator.paths();
    Calibrator.Twin twin =
        (materials, selected, coef, dcoef, withScattering) -> {
          PathCoefficients pc =
              evaluator.evaluateWithDerivatives(frequency, materials, selected, false);
          for (int m = 0; m < points.length; m++) {
            int first = paths.firstPath(paths.link(usable[points[m]], 0));
            for (int l = 0; l < data.pathCount(m); l++) {
              int i = 2 * (data.pathOffset(m) + l);
              coef[i] = pc.re(first + l, 0, 0);
              coef[i + 1] = pc.im(first + l, 0, 0);
              for (int j = 0; j < dcoef.length; j++) {
                var d = pc.derivative(j, first + l, 0, 0);
                dcoef[j][i] = d.re();
                dcoef[j][i + 1] = d.im();
              }
            }
          }
        };
    Calibrator.calibrate(
        data,
        twin,
        params,
        new PowerLoss(),
        new Calibrator.Settings(iterations, 0, Adam.Settings.of(learningRate), EXACT_LOSS),
        f -> {});
    return params;
  }

  /** The points' Gram matrices and powers as one-block measurements of B samples each. */
  private ProjectedMeasurements projected(int[] points) {
    int[] offset = new int[points.length + 1];
    int gramLength = 0;
    for (int m = 0; m < points.length; m++) {
      offset[m + 1] = offset[m] + pathCounts[points[m]];
      gramLength += gram[points[m]].length;
    }
    double[] g = new double[gramLength];
    double[] energy = new double[points.length];
    int at = 0;
    for (int m = 0; m < points.length; m++) {
      double[] gm = gram[points[m]];
      System.arraycopy(gm, 0, g, at, gm.length);
      at += gm.length;
      energy[m] = measured[points[m]];
    }
    return new ProjectedMeasurements(
        offset,
        1,
        new int[] {codebook.size()},
        g,
        new double[2 * offset[points.length]],
        energy,
        Double.POSITIVE_INFINITY);
  }
}
