/**
 * Seed 004 end to end: channel-statistics maps of a site from an uncalibrated twin and a few
 * measurements, and URLLC rate selection with a guarantee ({@link
 * org.radiotwin.stats.experiment.RadioStatsExperiment}).
 */
package org.radiotwin.stats.experiment;
