package org.radiotwin.learn.train;

/** The training objectives of seed 000 §IV (METHODS.md §4). */
public enum TrainingMethod {
  /** Empirical risk minimisation on the real samples only. */
  ERM("ERM"),
  /** Pseudo-ERM: real and synthetic samples pooled, the twin's labels treated as true. */
  PSEUDO_ERM("P-ERM"),
  /** Prediction-powered training with λ = 1 (Angelopoulos et al., Science 382, 2023). */
  PPI("PPI"),
  /** PPI with the power-tuned λ of Angelopoulos, Duchi &amp; Zrnic (arXiv:2311.01453). */
  PPI_PLUS_PLUS("PPI++"),
  /**
   * Cross-prediction-powered training (Zrnic &amp; Candès, PNAS 2024; Sifaou &amp; Simeone 2024).
   */
  CROSS_PPI("Cross-PPI"),
  /** Context-aware PPI: per-context rectifier and λ_c (Ruah et al. 2025). */
  CONTEXT_PPI("CPPI");

  private final String label;

  TrainingMethod(String label) {
    this.label = label;
  }

  /**
   * The name used in results and plots.
   *
   * @return e.g. "P-ERM"
   */
  public String label() {
    return label;
  }

  /**
   * The method with a label or constant name, ignoring case.
   *
   * @param name e.g. "p-erm", "PPI++", "CROSS_PPI"
   * @return the method
   * @throws org.radiotwin.errors.RadioTwinException for an unknown name
   */
  public static TrainingMethod fromName(String name) {
    for (TrainingMethod m : values()) {
      if (m.label.equalsIgnoreCase(name.trim()) || m.name().equalsIgnoreCase(name.trim())) {
        return m;
      }
    }
    throw new org.radiotwin.errors.RadioTwinException(
        org.radiotwin.errors.RadioTwinMessages.INVALID_ARGUMENT,
        "training method '" + name + "'",
        "known: ERM, P-ERM, PPI, PPI++, Cross-PPI, CPPI");
  }
}
