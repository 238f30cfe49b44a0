package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.radiotwin.measure.MeasurementSet;

/**
 * State shared by the stages of one {@code radiotwin demo} run: the site, the report being written,
 * the JSON results, and what earlier stages produced for later ones (the simulated campaign, the
 * gap before calibration).
 */
final class DemoContext {

  final DemoSite site;
  final HtmlReport report;
  final ObjectNode results;
  final long seed;
  final boolean quick;

  /** Indices (into the site's users) of the measured positions; set by the campaign stage. */
  int[] measured;

  /** The simulated real campaign at the measured positions; set by the campaign stage. */
  MeasurementSet campaign;

  /** The uncalibrated twin's gap at every measured position; set by the gap stage. */
  DemoGap gapBefore;

  DemoContext(DemoSite site, HtmlReport report, ObjectNode results, long seed, boolean quick) {
    this.site = site;
    this.report = report;
    this.results = results;
    this.seed = seed;
    this.quick = quick;
  }

  /** A seed for one stage, derived from the run's seed so stages are independent. */
  long stageSeed(String key) {
    return seed * 0x9E3779B97F4A7C15L + key.hashCode();
  }
}
