package org.radiotwin.material;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * The materials of Recommendation ITU-R P.2040-3 (08/2023), Table 3, with the names Sionna RT uses
 * ({@code itu_concrete}, {@code mat-itu_brick}, …). Each has one or two frequency ranges in which
 * η_r = a·f_GHz^b and σ = c·f_GHz^d [S/m].
 */
public enum ItuMaterialType {
  /** Concrete, 1–100 GHz. */
  CONCRETE("concrete", r(5.24, 0, 0.0462, 0.7822, 1, 100)),
  /** Brick, 1–40 GHz. */
  BRICK("brick", r(3.91, 0, 0.0238, 0.16, 1, 40)),
  /** Plasterboard, 1–100 GHz. */
  PLASTERBOARD("plasterboard", r(2.73, 0, 0.0085, 0.9395, 1, 100)),
  /** Wood, 0.001–100 GHz. */
  WOOD("wood", r(1.99, 0, 0.0047, 1.0718, 0.001, 100)),
  /** Glass, 0.1–100 GHz and 220–450 GHz. */
  GLASS("glass", r(6.31, 0, 0.0036, 1.3394, 0.1, 100), r(5.79, 0, 0.0004, 1.658, 220, 450)),
  /** Ceiling board, 1–100 GHz and 220–450 GHz. */
  CEILING_BOARD(
      "ceiling_board", r(1.48, 0, 0.0011, 1.0750, 1, 100), r(1.52, 0, 0.0029, 1.029, 220, 450)),
  /** Chipboard, 1–100 GHz. */
  CHIPBOARD("chipboard", r(2.58, 0, 0.0217, 0.78, 1, 100)),
  /** Plywood, 1–40 GHz. */
  PLYWOOD("plywood", r(2.71, 0, 0.33, 0, 1, 40)),
  /** Marble, 1–60 GHz. */
  MARBLE("marble", r(7.074, 0, 0.0055, 0.9262, 1, 60)),
  /** Floorboard, 50–100 GHz. */
  FLOORBOARD("floorboard", r(3.66, 0, 0.0044, 1.3515, 50, 100)),
  /** Metal, 1–100 GHz (σ = 10⁷ S/m). */
  METAL("metal", r(1, 0, 1e7, 0, 1, 100)),
  /** Very dry ground, 1–10 GHz. */
  VERY_DRY_GROUND("very_dry_ground", r(3, 0, 0.00015, 2.52, 1, 10)),
  /** Medium dry ground, 1–10 GHz. */
  MEDIUM_DRY_GROUND("medium_dry_ground", r(15, -0.1, 0.035, 1.63, 1, 10)),
  /** Wet ground, 1–10 GHz. */
  WET_GROUND("wet_ground", r(30, -0.4, 0.15, 1.30, 1, 10));

  private final String sionnaName;
  private final List<ItuFrequencyRange> ranges;

  ItuMaterialType(String sionnaName, ItuFrequencyRange... ranges) {
    this.sionnaName = sionnaName;
    this.ranges = List.of(ranges);
  }

  private static ItuFrequencyRange r(double a, double b, double c, double d, double lo, double hi) {
    return new ItuFrequencyRange(a, b, c, d, lo, hi);
  }

  /**
   * The name Sionna RT uses for this material type ({@code concrete}, {@code ceiling_board}, …).
   *
   * @return the lower-case type name
   */
  public String sionnaName() {
    return sionnaName;
  }

  /**
   * The frequency ranges of this material, in increasing frequency.
   *
   * @return an unmodifiable list of one or two ranges
   */
  public List<ItuFrequencyRange> ranges() {
    return ranges;
  }

  /**
   * The range that contains a frequency.
   *
   * @param frequency frequency [Hz]
   * @param allowExtrapolation when false, a frequency outside every range is an error; when true,
   *     the nearest range (on a log-frequency scale) is returned
   * @return the range to evaluate with
   * @throws RadioTwinException if the frequency is outside every range and extrapolation is off, or
   *     is not a positive finite number
   */
  public ItuFrequencyRange rangeFor(double frequency, boolean allowExtrapolation) {
    if (!(frequency > 0) || !Double.isFinite(frequency)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "frequency",
          "must be a positive finite number of Hz, got " + frequency);
    }
    double fGHz = frequency / 1e9;
    ItuFrequencyRange best = null;
    for (ItuFrequencyRange range : ranges) {
      if (range.contains(fGHz)) {
        return range;
      }
      if (best == null || range.logDistance(fGHz) < best.logDistance(fGHz)) {
        best = range;
      }
    }
    if (!allowExtrapolation) {
      throw new RadioTwinException(
          RadioTwinMessages.FREQUENCY_OUT_OF_RANGE,
          fGHz,
          "itu_" + sionnaName,
          sionnaName,
          ranges.stream().map(ItuFrequencyRange::toString).collect(Collectors.joining(", ")));
    }
    return best;
  }

  /**
   * Looks a type up by Sionna's name, also accepting the {@code itu_X} and {@code mat-itu_X} forms.
   *
   * @param name type name such as {@code concrete}, {@code itu_concrete} or {@code
   *     mat-itu_concrete} (case-insensitive)
   * @return the type
   * @throws RadioTwinException if no ITU material has this name
   */
  public static ItuMaterialType fromName(String name) {
    ItuMaterialType type = find(name);
    if (type == null) {
      throw new RadioTwinException(
          RadioTwinMessages.UNKNOWN_MATERIAL,
          name,
          Arrays.stream(values())
              .map(ItuMaterialType::sionnaName)
              .collect(Collectors.joining(", ")));
    }
    return type;
  }

  /**
   * Looks a type up by name without failing.
   *
   * @param name type name, with or without the {@code itu_} / {@code mat-itu_} prefix
   * @return the type, or null if there is none of that name
   */
  public static ItuMaterialType find(String name) {
    if (name == null) {
      return null;
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.startsWith("mat-")) {
      n = n.substring(4);
    }
    if (n.startsWith("itu_")) {
      n = n.substring(4);
    }
    for (ItuMaterialType t : values()) {
      if (t.sionnaName.equals(n)) {
        return t;
      }
    }
    return null;
  }
}
