package org.radiotwin.testing;

/** Shared set-up of the Jazzer fuzz tests. */
public final class JazzerRegressionMode {

  private JazzerRegressionMode() {}

  /**
   * Sets the Jazzer option {@code hooks=false} (a JUnit configuration parameter, read from system
   * properties when Jazzer configures its agent on the first fuzz test) unless fuzzing was
   * requested with {@code JAZZER_FUZZ} or the option was given explicitly.
   */
  public static void disableHooksUnlessFuzzing() {
    String fuzz = System.getenv("JAZZER_FUZZ");
    if ((fuzz == null || fuzz.isEmpty()) && System.getProperty("jazzer.hooks") == null) {
      System.setProperty("jazzer.hooks", "false");
    }
  }
}
