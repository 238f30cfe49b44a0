package org.radiotwin.learn.train;

import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * A pool of P points, each with input features, the label reality gives it (the real label, known
 * to a method only at the points it is allowed to see), the label the twin gives it (synthetic,
 * available everywhere), and a discrete context (e.g. LoS/NLoS). Methods address points by index.
 *
 * @param featureDimension d
 * @param labelDimension length of one label
 * @param features x packed row-major, P·d values
 * @param realLabels y packed row-major, P·m values
 * @param twinLabels f(x) packed row-major, P·m values
 * @param context context index of each point, in [0, contextCount)
 * @param contextCount number of contexts ≥ 1
 */
public record LearningData(
    int featureDimension,
    int labelDimension,
    double[] features,
    double[] realLabels,
    double[] twinLabels,
    int[] context,
    int contextCount) {

  /** Validates the sizes. */
  public LearningData {
    int p = context.length;
    if (features.length != p * featureDimension
        || realLabels.length != p * labelDimension
        || twinLabels.length != p * labelDimension) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "learning data arrays",
          p * (featureDimension + 2 * labelDimension),
          features.length + realLabels.length + twinLabels.length);
    }
    for (int c : context) {
      if (c < 0 || c >= contextCount) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "context " + c,
            "outside [0, " + contextCount + ")");
      }
    }
  }

  /**
   * Number of points P.
   *
   * @return P
   */
  public int size() {
    return context.length;
  }
}
