package org.radiotwin.errors;

import java.util.Locale;

/**
 * The single unchecked exception type of RadioTwin. Its message is built from a {@link
 * RadioTwinMessages} template and names the offending file, element or argument.
 */
public class RadioTwinException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final RadioTwinMessages specifier;

  /**
   * Creates an exception from a template.
   *
   * @param specifier message template
   * @param parts arguments of the template
   */
  public RadioTwinException(RadioTwinMessages specifier, Object... parts) {
    super(format(specifier, parts));
    this.specifier = specifier;
  }

  /**
   * Creates an exception from a template, with an underlying cause.
   *
   * @param cause underlying cause
   * @param specifier message template
   * @param parts arguments of the template
   */
  public RadioTwinException(Throwable cause, RadioTwinMessages specifier, Object... parts) {
    super(format(specifier, parts), cause);
    this.specifier = specifier;
  }

  /**
   * Returns the template this exception was built from, so callers can react to a kind of problem
   * without parsing the message.
   *
   * @return the message template
   */
  public RadioTwinMessages getSpecifier() {
    return specifier;
  }

  private static String format(RadioTwinMessages specifier, Object... parts) {
    return String.format(Locale.ROOT, specifier.template(), parts);
  }
}
