package org.radiotwin.calibration.optim;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The Adam optimiser (Kingma &amp; Ba, "Adam: a method for stochastic optimization", ICLR 2015,
 * arXiv:1412.6980), with optional clipping of the gradient's Euclidean norm:
 *
 * <pre>
 * g ← g·min(1, c/‖g‖);  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;
 * θ ← θ − α·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
 * </pre>
 *
 * Hipparchus has no Adam; this is the textbook algorithm, with the state (m, v, t) owned by the
 * instance so that one instance drives one optimisation.
 */
public final class Adam {

  /**
   * Adam's settings.
   *
   * @param learningRate step size α &gt; 0 (in the unconstrained parameters' units)
   * @param beta1 decay of the first moment, in [0, 1)
   * @param beta2 decay of the second moment, in [0, 1)
   * @param epsilon denominator guard ε &gt; 0
   * @param clipNorm largest gradient norm c (+∞ for no clipping)
   */
  public record Settings(
      double learningRate, double beta1, double beta2, double epsilon, double clipNorm) {

    /** Validates the settings. */
    public Settings {
      if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, "learning rate", learningRate + " must be > 0");
      }
      if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "Adam decay rates",
            "β1 = " + beta1 + " and β2 = " + beta2 + " must be in [0, 1)");
      }
      if (!(epsilon > 0) || !(clipNorm > 0)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, "Adam ε and clip norm", "must be > 0");
      }
    }

    /**
     * The paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 10⁻⁸, no clipping.
     *
     * @param learningRate step size α
     * @return the settings
     */
    public static Settings of(double learningRate) {
      return new Settings(learningRate, 0.9, 0.999, 1e-8, Double.POSITIVE_INFINITY);
    }

    /**
     * The same settings with gradient clipping.
     *
     * @param norm largest gradient norm
     * @return a copy
     */
    public Settings withClipNorm(double norm) {
      return new Settings(learningRate, beta1, beta2, epsilon, norm);
    }
  }

  private final Settings settings;
  private final double[] m;
  private final double[] v;
  private int t;
  private double beta1Power = 1;
  private double beta2Power = 1;

  /**
   * A fresh optimiser.
   *
   * @param settings the settings
   * @param dimension number of parameters
   */
  public Adam(Settings settings, int dimension) {
    this.settings = settings;
    this.m = new double[dimension];
    this.v = new double[dimension];
  }

  /**
   * Number of steps taken.
   *
   * @return t
   */
  public int steps() {
    return t;
  }

  /**
   * One step: updates {@code theta} in place from the gradient (not modified).
   *
   * @param theta parameters, updated
   * @param gradient ∂loss/∂θ
   */
  public void step(double[] theta, double[] gradient) {
    if (theta.length != m.length || gradient.length != m.length) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "Adam parameters", m.length, theta.length);
    }
    double norm = 0;
    for (double g : gradient) {
      norm += g * g;
    }
    norm = Math.sqrt(norm);
    double clip = norm > settings.clipNorm() ? settings.clipNorm() / norm : 1;
    t++;
    beta1Power *= settings.beta1();
    beta2Power *= settings.beta2();
    double b1 = settings.beta1();
    double b2 = settings.beta2();
    for (int i = 0; i < theta.length; i++) {
      double g = gradient[i] * clip;
      m[i] = b1 * m[i] + (1 - b1) * g;
      v[i] = b2 * v[i] + (1 - b2) * g * g;
      double mHat = m[i] / (1 - beta1Power);
      double vHat = v[i] / (1 - beta2Power);
      theta[i] -= settings.learningRate() * mHat / (Math.sqrt(vHat) + settings.epsilon());
    }
  }
}
