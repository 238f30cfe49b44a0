package org.radiotwin.learn.ppi;

import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Alternative hypothesis of a test, and with it the shape of the confidence interval (statsmodels'
 * convention, used by ppi_py).
 */
public enum Alternative {
  /** H1: θ ≠ θ0; interval [θ̂ − z<sub>1−α/2</sub>σ, θ̂ + z<sub>1−α/2</sub>σ]. */
  TWO_SIDED("two-sided"),
  /** H1: θ &gt; θ0; interval [θ̂ − z<sub>1−α</sub>σ, +∞). */
  LARGER("larger"),
  /** H1: θ &lt; θ0; interval (−∞, θ̂ + z<sub>1−α</sub>σ]. */
  SMALLER("smaller");

  private final String label;

  Alternative(String label) {
    this.label = label;
  }

  /**
   * Returns the name used by ppi_py and statsmodels.
   *
   * @return "two-sided", "larger" or "smaller"
   */
  public String label() {
    return label;
  }

  /**
   * Parses a ppi_py name.
   *
   * @param text "two-sided", "larger" or "smaller" (case-insensitive), or statsmodels' aliases
   *     "2-sided", "2s", "l", "s"
   * @return the alternative
   * @throws RadioTwinException if the name is unknown
   */
  public static Alternative parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    switch (t) {
      case "2-sided", "2s" -> t = TWO_SIDED.label;
      case "l" -> t = LARGER.label;
      case "s" -> t = SMALLER.label;
      default -> {
        // the full names below
      }
    }
    for (Alternative a : values()) {
      if (a.label.equals(t)) {
        return a;
      }
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "alternative '" + text + "'",
        "expected two-sided, larger or smaller");
  }
}
