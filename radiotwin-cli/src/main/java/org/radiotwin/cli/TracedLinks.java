package org.radiotwin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Receiver;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.Transmitter;

/** Paths and coefficients for the devices given on the command line. */
record TracedLinks(Scene scene, PathSet paths, PathCoefficients coefficients) {

  static TracedLinks trace(RadioOptions radio, List<String> tx, ReceiverOptions receiverOptions) {
    Scene s = radio.loadScene();
    for (int i = 0; i < tx.size(); i++) {
      s = s.withTransmitter(Transmitter.at("tx" + i, RadioOptions.parseVec3("--tx", tx.get(i))));
    }
    List<Vec3> receivers = new ArrayList<>();
    for (String r : receiverOptions.rx) {
      receivers.add(RadioOptions.parseVec3("--rx", r));
    }
    if (receiverOptions.rxFile != null) {
      receivers.addAll(readPositions(receiverOptions.rxFile));
    }
    if (tx.isEmpty() || receivers.isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "devices", "give at least one --tx and one receiver");
    }
    for (int i = 0; i < receivers.size(); i++) {
      s = s.withReceiver(Receiver.at("rx" + i, receivers.get(i)));
    }
    SceneGeometry g = SceneGeometry.of(s);
    PathSet paths;
    try (Progress p = Progress.start("paths", radio.quiet || receivers.size() < 100)) {
      paths =
          new PathSolver(radio.pathConfig())
              .solve(
                  g,
                  PathSolver.positions(s.transmitters()),
                  PathSolver.positions(s.receivers()),
                  ForkJoinPool.commonPool(),
                  p.listener());
    }
    PathCoefficients c =
        FieldEvaluator.forScene(paths, g)
            .evaluate(radio.frequency, g.materials(s), radio.extrapolate);
    return new TracedLinks(s, paths, c);
  }

  /** Receiver positions from a CSV file: x,y,z per line; a header line and # comments skipped. */
  static List<Vec3> readPositions(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RadioTwinException(RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
    List<Vec3> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (line.isEmpty()
          || line.startsWith("#")
          || (i == 0 && Character.isLetter(line.charAt(0)))) {
        continue;
      }
      try {
        out.add(RadioOptions.parseVec3("line " + (i + 1), line));
      } catch (RadioTwinException e) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE, file, "line " + (i + 1), "expected x,y,z");
      }
    }
    return out;
  }
}
