package org.radiotwin.learn.ppi;

/**
 * Generalised linear models of PPI regression: mean μ(η) and its derivative (the Hessian weight) as
 * functions of the linear predictor η = xᵀθ, and the loss ℓ(η, y) whose gradient is x(μ(η) − y).
 */
public enum RegressionModel {
  /** Ordinary least squares: μ = η, ℓ = (η − y)²/2. */
  LINEAR {
    @Override
    double mean(double eta) {
      return eta;
    }

    @Override
    double meanDerivative(double eta) {
      return 1;
    }

    @Override
    double loss(double eta, double y) {
      return 0.5 * (eta - y) * (eta - y);
    }
  },
  /** Logistic regression: μ = 1/(1 + e<sup>−η</sup>), ℓ = log(1 + e<sup>η</sup>) − yη. */
  LOGISTIC {
    @Override
    double mean(double eta) {
      // ppi_py's safe_expit, exp(−logaddexp(0, −η)), without overflow on either side.
      if (eta >= 0) {
        return 1 / (1 + Math.exp(-eta));
      }
      double e = Math.exp(eta);
      return e / (1 + e);
    }

    @Override
    double meanDerivative(double eta) {
      double m = mean(eta);
      return m * (1 - m);
    }

    @Override
    double loss(double eta, double y) {
      double softplus = eta > 35 ? eta + Math.exp(-eta) : Math.log1p(Math.exp(eta));
      return softplus - y * eta;
    }
  },
  /** Poisson regression with log link: μ = e<sup>η</sup>, ℓ = e<sup>η</sup> − yη. */
  POISSON {
    @Override
    double mean(double eta) {
      return Math.exp(eta);
    }

    @Override
    double meanDerivative(double eta) {
      return Math.exp(eta);
    }

    @Override
    double loss(double eta, double y) {
      return Math.exp(eta) - y * eta;
    }
  };

  abstract double mean(double eta);

  abstract double meanDerivative(double eta);

  abstract double loss(double eta, double y);
}
