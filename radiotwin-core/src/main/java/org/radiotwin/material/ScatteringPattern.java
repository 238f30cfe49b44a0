package org.radiotwin.material;

import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Diffuse scattering pattern f_s(k̂_i, k̂_s, n̂) of a radio material: the angular distribution of
 * the diffusely scattered power, normalised over the hemisphere in front of the surface,
 *
 * <pre>∫₀^{π/2} ∫₀^{2π} f_s sin θ_s dφ_s dθ_s = 1,</pre>
 *
 * so that a fraction S² of the reflected power is scattered (Degli-Esposti et al., "Measurement and
 * modelling of scattering from buildings", IEEE Trans. Antennas Propag. 55(1), 2007, DOI
 * 10.1109/TAP.2006.888422; the three models of Sionna RT: {@code LambertianPattern}, {@code
 * DirectivePattern}, {@code BackscatteringPattern}).
 *
 * <p>Notation: k̂_i the incident propagation direction, n̂ the unit normal on the side the wave
 * comes from, k̂_s the scattered direction (n̂ᵀk̂_s &gt; 0), k̂_r = k̂_i − 2(k̂_iᵀn̂)n̂ the
 * specular direction, cos θ_i = −k̂_iᵀn̂, cos θ_s = n̂ᵀk̂_s.
 */
public sealed interface ScatteringPattern
    permits ScatteringPattern.Lambertian,
        ScatteringPattern.Directive,
        ScatteringPattern.Backscattering {

  /** The Lambertian pattern f_s = cos θ_s/π. */
  ScatteringPattern LAMBERTIAN = new Lambertian();

  /**
   * The pattern value.
   *
   * @param cosThetaI cos θ_i = −k̂_iᵀn̂ ∈ [0, 1]
   * @param cosThetaS cos θ_s = n̂ᵀk̂_s ∈ [0, 1]
   * @param krDotKs k̂_rᵀk̂_s ∈ [−1, 1]
   * @param kiDotKs k̂_iᵀk̂_s ∈ [−1, 1]
   * @return f_s [1/sr], ≥ 0
   */
  double value(double cosThetaI, double cosThetaS, double krDotKs, double kiDotKs);

  /**
   * The name used by the CLI and the scene files: {@code lambertian}, {@code directive} or {@code
   * backscattering}.
   *
   * @return the name
   */
  String kind();

  /**
   * The CLI specification, parseable by {@link #parse}.
   *
   * @return e.g. {@code directive:4}
   */
  String spec();

  /** Lambertian model: f_s = cos θ_s/π, maximum along the normal. */
  record Lambertian() implements ScatteringPattern {
    @Override
    public double value(double cosThetaI, double cosThetaS, double krDotKs, double kiDotKs) {
      return Math.max(0, cosThetaS) / Math.PI;
    }

    @Override
    public String kind() {
      return "lambertian";
    }

    @Override
    public String spec() {
      return "lambertian";
    }
  }

  /**
   * Directive model: a lobe around the specular direction, f_s = ((1 + k̂_rᵀk̂_s)/2)^α_R /
   * F_α_R(θ_i).
   *
   * @param alphaR lobe exponent α_R ≥ 1 (wider lobe for smaller α_R)
   */
  record Directive(int alphaR) implements ScatteringPattern {
    /** Validates α_R. */
    public Directive {
      checkExponent("alpha_r", alphaR);
    }

    @Override
    public double value(double cosThetaI, double cosThetaS, double krDotKs, double kiDotKs) {
      if (cosThetaS <= 0) {
        return 0;
      }
      return Math.pow(0.5 * (1 + krDotKs), alphaR) / normalisation(alphaR, cosThetaI);
    }

    @Override
    public String kind() {
      return "directive";
    }

    @Override
    public String spec() {
      return "directive:" + alphaR;
    }
  }

  /**
   * Backscattering-lobe model: the directive lobe plus a lobe towards the source,
   *
   * <pre>
   * f_s = [Λ((1 + k̂_rᵀk̂_s)/2)^α_R + (1 − Λ)((1 − k̂_iᵀk̂_s)/2)^α_I] / (ΛF_α_R + (1 − Λ)F_α_I).
   * </pre>
   *
   * @param alphaR exponent of the specular lobe α_R ≥ 1
   * @param alphaI exponent of the backscattering lobe α_I ≥ 1
   * @param lambda share Λ ∈ [0, 1] of the specular lobe (Λ = 1: the directive model)
   */
  record Backscattering(int alphaR, int alphaI, double lambda) implements ScatteringPattern {
    /** Validates the parameters. */
    public Backscattering {
      checkExponent("alpha_r", alphaR);
      checkExponent("alpha_i", alphaI);
      if (!(lambda >= 0 && lambda <= 1)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "backscattering pattern lambda",
            lambda + " is outside [0, 1]");
      }
    }

    @Override
    public double value(double cosThetaI, double cosThetaS, double krDotKs, double kiDotKs) {
      if (cosThetaS <= 0) {
        return 0;
      }
      double num =
          lambda * Math.pow(0.5 * (1 + krDotKs), alphaR)
              + (1 - lambda) * Math.pow(0.5 * (1 - kiDotKs), alphaI);
      double den =
          lambda * normalisation(alphaR, cosThetaI)
              + (1 - lambda) * normalisation(alphaI, cosThetaI);
      return num / den;
    }

    @Override
    public String kind() {
      return "backscattering";
    }

    @Override
    public String spec() {
      return "backscattering:" + alphaR + "," + alphaI + "," + lambda;
    }
  }

  /**
   * Hemisphere integral of ((1 + k̂_rᵀk̂_s)/2)^α (Degli-Esposti 2007, eq. 11; Sionna RT's {@code
   * F_α}): F_α(θ_i) = 2^−α Σ_{k=0}^{α} C(α, k)·I_k, with I_k = 2π/(k + 1) for even k and I_k =
   * 2π/(k + 1)·cos θ_i·Σ_{w=0}^{(k−1)/2} C(2w, w)·sin^{2w}θ_i/2^{2w} for odd k.
   *
   * @param alpha exponent α ≥ 0
   * @param cosThetaI cos θ_i ∈ [0, 1]
   * @return F_α(θ_i) [sr]
   */
  static double normalisation(int alpha, double cosThetaI) {
    double c = Math.max(0, Math.min(1, cosThetaI));
    double sin2 = 1 - c * c;
    double sum = 0;
    double binom = 1; // C(alpha, k)
    for (int k = 0; k <= alpha; k++) {
      double ik;
      if (k % 2 == 0) {
        ik = 2 * Math.PI / (k + 1);
      } else {
        double inner = 0;
        double term = 1; // C(2w, w)·sin^{2w}/2^{2w}
        for (int w = 0; w <= (k - 1) / 2; w++) {
          inner += term;
          term *= (2.0 * w + 1) * (2.0 * w + 2) / ((w + 1.0) * (w + 1.0)) * sin2 / 4;
        }
        ik = 2 * Math.PI / (k + 1) * c * inner;
      }
      sum += binom * ik;
      binom = binom * (alpha - k) / (k + 1);
    }
    return sum / Math.pow(2, alpha);
  }

  private static void checkExponent(String what, int alpha) {
    if (alpha < 1 || alpha > 64) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "scattering pattern " + what,
          alpha + " is outside [1, 64]");
    }
  }

  /**
   * Parses a pattern: {@code lambertian}, {@code directive:α_R} or {@code
   * backscattering:α_R,α_I,Λ}.
   *
   * @param spec the text
   * @return the pattern
   * @throws RadioTwinException naming the text if it is not a pattern
   */
  static ScatteringPattern parse(String spec) {
    String s = spec == null ? "" : spec.trim().toLowerCase(Locale.ROOT);
    int colon = s.indexOf(':');
    String kind = colon < 0 ? s : s.substring(0, colon);
    String[] args = colon < 0 ? new String[0] : s.substring(colon + 1).split(",", -1);
    try {
      switch (kind) {
        case "lambertian":
          if (args.length == 0) {
            return LAMBERTIAN;
          }
          break;
        case "directive":
          if (args.length == 1) {
            return new Directive(exponent(args[0]));
          }
          break;
        case "backscattering":
          if (args.length == 3) {
            return new Backscattering(
                exponent(args[0]), exponent(args[1]), Double.parseDouble(args[2].trim()));
          }
          break;
        default:
          break;
      }
    } catch (NumberFormatException e) {
      throw badSpec(spec);
    }
    throw badSpec(spec);
  }

  private static int exponent(String text) {
    double v = Double.parseDouble(text.trim());
    if (v != Math.rint(v) || Math.abs(v) > 1e6) {
      throw new NumberFormatException(text);
    }
    return (int) v;
  }

  private static RadioTwinException badSpec(String spec) {
    return new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "scattering pattern '" + spec + "'",
        "expected lambertian, directive:ALPHA_R or backscattering:ALPHA_R,ALPHA_I,LAMBDA"
            + " (integer exponents ≥ 1, 0 ≤ LAMBDA ≤ 1)");
  }
}
