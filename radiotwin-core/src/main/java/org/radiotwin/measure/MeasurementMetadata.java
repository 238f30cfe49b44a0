package org.radiotwin.measure;

import java.util.Objects;
import java.util.OptionalDouble;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Descriptive data of a measurement campaign, carried along with a {@link MeasurementSet} and
 * through its CSV file.
 *
 * @param campaign campaign name, one line (empty when unknown)
 * @param noiseLevelDb noise power of one channel sample in dB on the scale of the samples' power,
 *     10·log10|H|² (so a sample with 10·log10|H|² near this level is mostly noise); empty when
 *     unknown. This is a level relative to |H|² = 1, not an absolute power in dBm.
 * @param notes free-form notes, any number of lines separated by {@code \n} (empty when none)
 */
public record MeasurementMetadata(String campaign, OptionalDouble noiseLevelDb, String notes) {

  /** No campaign name, no noise level, no notes. */
  public static final MeasurementMetadata NONE =
      new MeasurementMetadata("", OptionalDouble.empty(), "");

  /**
   * Validates the fields.
   *
   * @throws RadioTwinException if a field is null, the campaign name holds a line break, the notes
   *     hold a carriage return, or the noise level is not finite
   */
  public MeasurementMetadata {
    if (campaign == null || noiseLevelDb == null || notes == null) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "measurement metadata", "fields must not be null");
    }
    if (campaign.indexOf('\n') >= 0 || campaign.indexOf('\r') >= 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "campaign name", "must be one line");
    }
    if (notes.indexOf('\r') >= 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "notes", "lines must be separated by \\n alone");
    }
    if (noiseLevelDb.isPresent() && !Double.isFinite(noiseLevelDb.getAsDouble())) {
      throw new RadioTwinException(
          RadioTwinMessages.NOT_FINITE, "noise level [dB]", noiseLevelDb.getAsDouble());
    }
  }

  /**
   * Metadata with a campaign name only.
   *
   * @param campaign campaign name (one line)
   * @return the metadata
   */
  public static MeasurementMetadata ofCampaign(String campaign) {
    return new MeasurementMetadata(campaign, OptionalDouble.empty(), "");
  }

  /**
   * Replaces the campaign name.
   *
   * @param name new campaign name (one line)
   * @return a copy with that name
   */
  public MeasurementMetadata withCampaign(String name) {
    return new MeasurementMetadata(name, noiseLevelDb, notes);
  }

  /**
   * Sets the noise level.
   *
   * @param levelDb noise power of one sample on the 10·log10|H|² scale [dB]
   * @return a copy with that noise level
   */
  public MeasurementMetadata withNoiseLevelDb(double levelDb) {
    return new MeasurementMetadata(campaign, OptionalDouble.of(levelDb), notes);
  }

  /**
   * Replaces the notes.
   *
   * @param text new notes (lines separated by {@code \n})
   * @return a copy with those notes
   */
  public MeasurementMetadata withNotes(String text) {
    return new MeasurementMetadata(campaign, noiseLevelDb, Objects.requireNonNullElse(text, ""));
  }
}
