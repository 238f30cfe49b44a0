package org.radiotwin.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.BoundingBox;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.radiomap.RadioMap;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.radiomap.RadioMapSolver;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.Transmitter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code radiotwin radiomap}: path gain, RSS, SINR and more on a grid, to CSV and PNG. */
@Command(
    name = "radiomap",
    mixinStandardHelpOptions = true,
    description = {
      "Radio map on a horizontal grid: per cell and transmitter the path gain (incoherent sum",
      "of path powers), RSS, SINR (best server vs the others plus kTB noise), RMS delay",
      "spread, LoS flag and directions of the strongest path. Methods: sbr (ray tubes, fast)",
      "or exact (paths to every cell centre)."
    })
final class RadioMapCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin RadioOptions radio;

  @Option(
      names = "--tx",
      required = true,
      paramLabel = "x,y,z",
      description = "Transmitter position [m]. Repeatable.")
  List<String> tx = new ArrayList<>();

  @Option(
      names = "--tx-power",
      defaultValue = "44",
      description = "Transmit power [dBm] (default: ${DEFAULT-VALUE}).")
  double txPower;

  @Option(
      names = "--height",
      defaultValue = "1.5",
      description = "Height of the map plane [m] (default: ${DEFAULT-VALUE}).")
  double height;

  @Option(names = "--cell-size", required = true, description = "Cell edge [m].")
  double cellSize;

  @Option(
      names = "--center",
      paramLabel = "x,y",
      description = "Map centre [m] (default: scene centre).")
  String center;

  @Option(
      names = "--size",
      paramLabel = "w,h",
      description = "Map size [m] (default: scene extent).")
  String size;

  @Option(names = "--yaw", defaultValue = "0", description = "Rotation of the grid about z [rad].")
  double yaw;

  @Option(
      names = "--method",
      defaultValue = "sbr",
      description = "sbr or exact (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--bandwidth",
      defaultValue = "1e6",
      description = "Noise bandwidth [Hz] (default: ${DEFAULT-VALUE}).")
  double bandwidth;

  @Option(
      names = "--out",
      paramLabel = "map.csv",
      description = "CSV output, one row per cell and transmitter.")
  Path out;

  @Option(
      names = "--png",
      paramLabel = "map.png",
      description = "PNG heatmap of the best server's path gain [dB].")
  Path png;

  @Override
  public Integer call() {
    CliChecks.positiveFinite("--cell-size", cellSize);
    CliChecks.positiveFinite("--bandwidth", bandwidth);
    RadioMapSolver.Method m =
        switch (method.toLowerCase(Locale.ROOT)) {
          case "sbr" -> RadioMapSolver.Method.SBR;
          case "exact" -> RadioMapSolver.Method.EXACT;
          default ->
              throw new RadioTwinException(
                  RadioTwinMessages.INVALID_ARGUMENT,
                  "--method " + method,
                  "expected sbr or exact");
        };
    if (out == null && png == null) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "outputs", "give --out and/or --png");
    }
    Scene s = radio.loadScene();
    for (int i = 0; i < tx.size(); i++) {
      s =
          s.withTransmitter(
              new Transmitter(
                  "tx" + i,
                  RadioOptions.parseVec3("--tx", tx.get(i)),
                  Orientation.IDENTITY,
                  txPower));
    }
    BoundingBox box = s.bounds();
    double[] c = center != null ? RadioOptions.parsePair("--center", center) : null;
    double[] wh = size != null ? RadioOptions.parsePair("--size", size) : null;
    if (box.isEmpty() && (c == null || wh == null)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "map area",
          "an empty scene needs --center and --size");
    }
    RadioMapGrid grid =
        new RadioMapGrid(
            c != null ? c[0] : box.center().x(),
            c != null ? c[1] : box.center().y(),
            wh != null ? wh[0] : box.size().x(),
            wh != null ? wh[1] : box.size().y(),
            cellSize,
            height,
            yaw);
    RadioMapSolver.Settings settings =
        new RadioMapSolver.Settings(
            m, radio.pathConfig(), radio.frequency, bandwidth, 293, radio.extrapolate);
    RadioMap map;
    long t0 = System.nanoTime();
    try (Progress p = Progress.start("radiomap", radio.quiet)) {
      map = RadioMapSolver.solve(s, grid, settings, p.listener());
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (out != null) {
      writeCsv(map);
    }
    if (png != null) {
      double[] best = new double[grid.cellCount()];
      for (int cell = 0; cell < best.length; cell++) {
        int b = map.bestServer(cell);
        best[cell] = b < 0 ? Double.NEGATIVE_INFINITY : map.pathGainDb(b, cell);
      }
      HeatmapPlot.write(
          png,
          grid,
          best,
          String.format(
              Locale.ROOT,
              "Path gain, %s, %.3g GHz, %s, %.3g m cells",
              radio.scene,
              radio.frequency / 1e9,
              method,
              cellSize),
          "dB",
          s);
    }
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "radio map: %d x %d cells, %d transmitter(s), %.2f s%n",
            grid.nx(),
            grid.ny(),
            tx.size(),
            seconds);
    return 0;
  }

  private void writeCsv(RadioMap map) {
    RadioMapGrid grid = map.grid();
    AtomicFiles.write(
        out,
        stream -> {
          BufferedWriter w =
              new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
          w.write(
              "x,y,tx,pathGainDb,rssDbm,sinrDb,delaySpread,los,aodTheta,aodPhi,aoaTheta,aoaPhi\n");
          for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
              int cell = j * grid.nx() + i;
              double sinr = map.sinrDb(cell);
              for (int t = 0; t < map.transmitterCount(); t++) {
                w.write(
                    String.format(
                        Locale.ROOT,
                        "%.3f,%.3f,%d,%.4f,%.4f,%.4f,%.6g,%d,%.5f,%.5f,%.5f,%.5f%n",
                        grid.cellX(i, j),
                        grid.cellY(i, j),
                        t,
                        map.pathGainDb(t, cell),
                        map.rssDbm(t, cell),
                        sinr,
                        map.rmsDelaySpread(t, cell),
                        map.los(t, cell) ? 1 : 0,
                        map.aodTheta(t, cell),
                        map.aodPhi(t, cell),
                        map.aoaTheta(t, cell),
                        map.aoaPhi(t, cell)));
              }
            }
          }
          w.flush();
        });
  }
}
