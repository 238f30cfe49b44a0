package org.radiotwin.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.math.Vec3;
import org.radiotwin.measure.LinkEnd;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementMetadata;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.measure.VnaExportReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiotwin measure import}: a VNA text export to a measurement CSV file. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports a VNA text export into a measurement CSV file: one .txt sweep",
      "per position (columns PNT, FREQ1.GHZ, LOGMAG1, PHASE2.DEG) and a",
      "meta_data.csv of positions (Nr.,x,y,z). With --rx x,y,z the meta-data",
      "positions are the transmitters (UE) and --rx the fixed receiver (BS);",
      "with --tx x,y,z they are the receivers."
    })
final class MeasureImportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--vna",
      required = true,
      paramLabel = "DIR",
      description = "Folder of sweep files (.txt; the position number is in the file name).")
  Path vna;

  @Option(
      names = "--meta",
      paramLabel = "FILE",
      description = "Positions file with columns Nr.,x,y,z (default: DIR/meta_data.csv).")
  Path meta;

  @Option(
      names = "--rx",
      paramLabel = "x,y,z",
      description = "Fixed receiver position [m]; the meta-data positions are the transmitters.")
  String rx;

  @Option(
      names = "--tx",
      paramLabel = "x,y,z",
      description = "Fixed transmitter position [m]; the meta-data positions are the receivers.")
  String tx;

  @Option(
      names = "--positions-are",
      paramLabel = "tx|rx",
      description = "Which end the meta-data positions are (implied by --rx or --tx; checked).")
  LinkEnd positionsAre;

  @Option(
      names = "--band",
      paramLabel = "FMIN:FMAX",
      description = "Keep only the frequencies in [FMIN, FMAX] Hz.")
  String band;

  @Option(names = "--campaign", paramLabel = "NAME", description = "Campaign name to record.")
  String campaign;

  @Option(
      names = "--noise-level-db",
      paramLabel = "DB",
      description = "Noise level to record, in dB on the 10 log10|H|^2 scale.")
  Double noiseLevelDb;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.csv",
      description = "Output measurement CSV file.")
  Path out;

  @Override
  public Integer call() {
    if ((rx == null) == (tx == null)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "fixed end",
          "give exactly one of --rx x,y,z (the meta-data positions are transmitters) and"
              + " --tx x,y,z (they are receivers)");
    }
    LinkEnd moving = rx != null ? LinkEnd.TX : LinkEnd.RX;
    if (positionsAre != null && positionsAre != moving) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "--positions-are " + positionsAre.name().toLowerCase(Locale.ROOT),
          "the fixed end must then be given with --"
              + moving.name().toLowerCase(Locale.ROOT)
              + ", not --"
              + moving.other().name().toLowerCase(Locale.ROOT));
    }
    Vec3 fixed = RadioOptions.parseVec3(rx != null ? "--rx" : "--tx", rx != null ? rx : tx);
    Path metaFile = meta != null ? meta : vna.resolve(VnaExportReader.META_DATA_FILE);
    MeasurementSet set = VnaExportReader.read(vna, metaFile, fixed, moving);
    if (band != null) {
      double[] edges = parseBand(band);
      set = set.selectBand(edges[0], edges[1]);
    }
    MeasurementMetadata m = set.metadata();
    if (campaign != null) {
      m = m.withCampaign(campaign);
    }
    if (noiseLevelDb != null) {
      m = m.withNoiseLevelDb(noiseLevelDb);
    }
    MeasurementSet result = set.withMetadata(m);
    AtomicFiles.write(out, stream -> MeasurementCsv.write(result, stream));
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "imported %d positions x %d frequencies (%s to %s) from %s into %s%n",
            result.positionCount(),
            result.frequencyCount(),
            CliChecks.formatFrequency(result.minFrequency()),
            CliChecks.formatFrequency(result.maxFrequency()),
            vna,
            out);
    return 0;
  }

  static double[] parseBand(String text) {
    String[] p = text.split(":");
    if (p.length == 2) {
      try {
        double a = Double.parseDouble(p[0].trim());
        double b = Double.parseDouble(p[1].trim());
        if (Double.isFinite(a) && Double.isFinite(b) && a <= b) {
          return new double[] {a, b};
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "--band " + text,
        "expected FMIN:FMAX in Hz with FMIN <= FMAX");
  }
}
