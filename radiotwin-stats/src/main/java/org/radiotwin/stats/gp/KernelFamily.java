package org.radiotwin.stats.gp;

import java.util.Arrays;
import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The standard kernels σ_f² · κ(x, x′) + σ_n²·δ (amplitude × base correlation + white noise), by
 * name of the base correlation; ARD variants have one length scale per input dimension. The
 * hyper-parameter order is scikit-learn's for {@code ConstantKernel * Base + WhiteKernel}: ln σ_f²,
 * ln ℓ…, ln σ_n².
 */
public enum KernelFamily {
  /** Squared exponential, one length scale. */
  RBF("rbf"),
  /** Squared exponential, one length scale per dimension. */
  RBF_ARD("rbf-ard"),
  /** Matérn ν = 1/2, one length scale. */
  MATERN12("matern12"),
  /** Matérn ν = 1/2, one length scale per dimension. */
  MATERN12_ARD("matern12-ard"),
  /** Matérn ν = 3/2, one length scale. */
  MATERN32("matern32"),
  /** Matérn ν = 3/2, one length scale per dimension. */
  MATERN32_ARD("matern32-ard"),
  /** Matérn ν = 5/2, one length scale. */
  MATERN52("matern52"),
  /** Matérn ν = 5/2, one length scale per dimension. */
  MATERN52_ARD("matern52-ard"),
  /** Exponential (Gudmundson) exp(−d/d_c): Matérn ν = 1/2 by its name in the radio literature. */
  EXPONENTIAL("exponential");

  private final String cliName;

  KernelFamily(String cliName) {
    this.cliName = cliName;
  }

  /**
   * The name used on the command line.
   *
   * @return e.g. "matern32-ard"
   */
  public String cliName() {
    return cliName;
  }

  /**
   * Whether the family has one length scale per input dimension.
   *
   * @return true for the ARD variants
   */
  public boolean isArd() {
    return cliName.endsWith("-ard");
  }

  /**
   * Looks a family up by its command-line name.
   *
   * @param name e.g. "rbf-ard"
   * @return the family
   */
  public static KernelFamily parse(String name) {
    for (KernelFamily k : values()) {
      if (k.cliName.equals(name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "kernel '" + name + "'",
        "expected one of "
            + String.join(", ", Arrays.stream(values()).map(KernelFamily::cliName).toList()));
  }

  /**
   * Number of length scales for an input dimension.
   *
   * @param dimension input dimension d
   * @return d for ARD, else 1
   */
  public int lengthScaleCount(int dimension) {
    return isArd() ? dimension : 1;
  }

  /**
   * The kernel σ_f² · κ + σ_n².
   *
   * @param h hyper-parameters (length scales: one, or one per dimension for ARD)
   * @return the kernel
   */
  public Kernel create(Hyperparameters h) {
    double[] l = h.lengthScales();
    StationaryKernel base =
        switch (this) {
          case RBF, RBF_ARD -> new RbfKernel(l);
          case MATERN12, MATERN12_ARD, EXPONENTIAL ->
              new MaternKernel(MaternKernel.Smoothness.HALF, l);
          case MATERN32, MATERN32_ARD -> new MaternKernel(MaternKernel.Smoothness.THREE_HALVES, l);
          case MATERN52, MATERN52_ARD -> new MaternKernel(MaternKernel.Smoothness.FIVE_HALVES, l);
        };
    return new SumKernel(
        new ProductKernel(new ConstantKernel(h.amplitudeVar()), base),
        new WhiteKernel(h.noiseVar()));
  }

  /**
   * A starting kernel for fitting: σ_f² = 1, σ_n² = 0.1 and length scales equal to the given
   * per-dimension scales (e.g. the inputs' spreads; their mean for isotropic families).
   *
   * @param scales a length per input dimension [input units]
   * @return the kernel
   */
  public Kernel initial(double[] scales) {
    double[] l;
    if (isArd()) {
      l = scales.clone();
    } else {
      double s = 0;
      for (double v : scales) {
        s += v;
      }
      l = new double[] {s / scales.length};
    }
    for (int i = 0; i < l.length; i++) {
      l[i] = Math.min(Math.max(l[i], 1e-3), 1e4);
    }
    return create(new Hyperparameters(1.0, l, 0.1));
  }

  /**
   * Reads the hyper-parameters back from a kernel made by {@link #create}.
   *
   * @param kernel σ_f² · κ + σ_n²
   * @return the hyper-parameters
   */
  public static Hyperparameters hyperparameters(Kernel kernel) {
    if (kernel instanceof SumKernel sum
        && sum.first() instanceof ProductKernel product
        && product.first() instanceof ConstantKernel c
        && product.second() instanceof StationaryKernel s
        && sum.second() instanceof WhiteKernel w) {
      return new Hyperparameters(c.constant(), s.lengthScales(), w.noiseLevel());
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "kernel " + kernel,
        "not of the form amplitude * base + white noise");
  }
}
