package org.radiotwin.errors;

/**
 * Message templates of {@link RadioTwinException}, one per kind of problem (Orekit style). Each
 * template is a {@link String#format} pattern; its arguments are given when the exception is
 * raised.
 */
public enum RadioTwinMessages {
  /** Generic invalid argument: (what, why). */
  INVALID_ARGUMENT("invalid %s: %s"),
  /** A value must be finite: (name, value). */
  NOT_FINITE("%s must be finite, got %s"),
  /** Sizes that must match: (what, expected, actual). */
  SIZE_MISMATCH("%s: expected %d, got %d"),
  /**
   * Frequency outside every valid range of an ITU material: (frequency GHz, material name, ITU
   * type, ranges).
   */
  FREQUENCY_OUT_OF_RANGE(
      "frequency %.6g GHz is outside the validity range of material '%s' (ITU %s: %s); "
          + "allow extrapolation to evaluate it anyway"),
  /** Unknown material: (name, known names). */
  UNKNOWN_MATERIAL("unknown material '%s' (known: %s)"),
  /** Unknown scene object: (name). */
  UNKNOWN_OBJECT("unknown scene object '%s'"),
  /** Duplicate name: (kind, name). */
  DUPLICATE_NAME("duplicate %s name '%s'"),
  /** A file could not be read: (file, reason). */
  CANNOT_READ_FILE("cannot read %s: %s"),
  /** A file could not be written: (file, reason). */
  CANNOT_WRITE_FILE("cannot write %s: %s"),
  /** Malformed content in a file: (file, element/location, problem). */
  MALFORMED_FILE("%s: %s: %s"),
  /** A file reference escapes the scene folder: (file, reference). */
  PATH_OUTSIDE_SCENE("%s: reference '%s' points outside the scene folder"),
  /** Unknown built-in scene: (name, known). */
  UNKNOWN_BUILTIN_SCENE("unknown built-in scene '%s' (available: %s)");

  private final String template;

  RadioTwinMessages(String template) {
    this.template = template;
  }

  /**
   * Returns the format pattern.
   *
   * @return the {@link String#format} pattern of this message
   */
  public String template() {
    return template;
  }
}
