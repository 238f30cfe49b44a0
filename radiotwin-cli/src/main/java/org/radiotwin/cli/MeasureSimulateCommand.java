package org.radiotwin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;
import org.radiotwin.measure.CampaignSimulator;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementMetadata;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiotwin measure simulate}: a VNA campaign simulated in a "reality" scene. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate wideband sweeps H(f) at each transmitter position towards a fixed receiver in",
      "a reality scene, with per-path phase errors and complex Gaussian noise at a given SNR,",
      "and write them as a measurement CSV."
    })
final class MeasureSimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--reality",
      required = true,
      description = "Reality scene (XML, .osm or builtin:NAME).")
  String reality;

  @Option(
      names = "--tx",
      paramLabel = "x,y,z",
      description = "Transmitter (UE) position [m]. Repeatable.")
  List<String> tx = new ArrayList<>();

  @Option(
      names = "--tx-file",
      paramLabel = "CSV",
      description = "Transmitter positions, x,y,z per line.")
  Path txFile;

  @Option(
      names = "--rx",
      required = true,
      paramLabel = "x,y,z",
      description = "Fixed receiver (BS) position [m].")
  String rx;

  @Option(
      names = "--band",
      required = true,
      paramLabel = "START:STOP:COUNT",
      description = "Frequency grid [Hz].")
  String band;

  @Option(
      names = "--snr",
      defaultValue = "30",
      description = "SNR per position [dB] (default: ${DEFAULT-VALUE}; 'inf' for none).")
  String snr;

  @Option(
      names = "--phase-noise-deg",
      defaultValue = "0",
      description = "Std of the per-path phase error [deg] (default: ${DEFAULT-VALUE}).")
  double phaseNoise;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin CampaignOptions campaign;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "set.csv",
      description = "Output measurement CSV.")
  Path out;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    double[] f = CfrCommand.parseBand(band);
    double snrDb =
        snr.equalsIgnoreCase("inf") ? Double.POSITIVE_INFINITY : parseNumber("--snr", snr);
    List<Vec3> positions = new ArrayList<>();
    for (String t : tx) {
      positions.add(RadioOptions.parseVec3("--tx", t));
    }
    if (txFile != null) {
      positions.addAll(TracedLinks.readPositions(txFile));
    }
    if (positions.isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "transmitters", "give --tx or --tx-file");
    }
    Vec3 r = RadioOptions.parseVec3("--rx", rx);
    double[] txs = new double[3 * positions.size()];
    double[] rxs = new double[3 * positions.size()];
    for (int i = 0; i < positions.size(); i++) {
      System.arraycopy(positions.get(i).toArray(), 0, txs, 3 * i, 3);
      System.arraycopy(r.toArray(), 0, rxs, 3 * i, 3);
    }
    Scene s = SceneLoader.load(reality, osm.toOptions());
    CampaignSimulator.Settings settings =
        new CampaignSimulator.Settings(
            f[0],
            f[f.length - 1],
            f.length,
            snrDb,
            phaseNoise,
            seed,
            campaign.paths(seed),
            campaign.extrapolate);
    MeasurementSet set;
    try (Progress p = Progress.start("simulate", campaign.quiet)) {
      set = CampaignSimulator.simulate(s, txs, rxs, settings, p.listener());
    }
    set =
        set.withMetadata(
            MeasurementMetadata.ofCampaign("simulated in " + reality)
                .withNotes(
                    String.format(
                        Locale.ROOT,
                        "snr_db=%s phase_noise_deg=%s seed=%d max_depth=%d",
                        snr,
                        phaseNoise,
                        seed,
                        campaign.maxDepth)));
    MeasurementCsv.write(set, out);
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "wrote %s (%d positions x %d frequencies)%n",
            out,
            set.positionCount(),
            set.frequencyCount());
    return 0;
  }

  static double parseNumber(String option, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, option + " " + text, "not a number");
    }
  }
}
