/**
 * Channel measurements and their file formats.
 *
 * <p>A {@link org.radiotwin.measure.MeasurementSet} holds wideband channel samples H(f) at a set of
 * transmitter–receiver positions on one frequency grid, the real-world counterpart of the twin's
 * {@code Channel.cfr}. {@link org.radiotwin.measure.MeasurementCsv} reads and writes the documented
 * CSV format (one row per position, antenna pair and frequency); {@link
 * org.radiotwin.measure.VnaExportReader} imports a vector network analyser's text export in the
 * layout of the Aalborg URLLC campaign (one file per position plus {@code meta_data.csv}), and
 * {@link org.radiotwin.measure.VnaExportWriter} writes that layout for tests and other tools.
 *
 * <p>Readers validate everything before returning, so a set is either complete and valid or not
 * built at all; their errors name the file and line. Writers go through a temporary file and a
 * rename, leaving no partial output.
 */
package org.radiotwin.measure;
