package org.radiotwin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.radiotwin.learn.task.TwinRealitySite;
import org.radiotwin.learn.task.TwinScenes;
import org.radiotwin.learn.train.TrainingMethod;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.ScenePerturbation;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Option;

/**
 * Options shared by the learning experiments: the twin and reality scenes, the base station, the UE
 * grid, the tracing, runs, seed and output folder.
 */
final class TwinRealityOptions {

  @Option(
      names = "--twin",
      defaultValue = TwinScenes.TWIN,
      description = "Twin scene, synthetic labels (default: ${DEFAULT-VALUE}).")
  String twin;

  @Option(
      names = "--twin-materials",
      defaultValue = "itu_brick",
      paramLabel = "itu_TYPE|keep",
      description =
          "Give every twin material this ITU type, or keep them (default: ${DEFAULT-VALUE}).")
  String twinMaterials;

  @Option(
      names = "--reality",
      defaultValue = TwinScenes.REALITY,
      description = "Reality scene, real labels (default: ${DEFAULT-VALUE}).")
  String reality;

  @Option(
      names = "--reality-jitter",
      defaultValue = "0.3",
      paramLabel = "M",
      description =
          "Move every reality object by Gaussian x, y offsets of this standard deviation [m]"
              + " (default: ${DEFAULT-VALUE}).")
  double realityJitter;

  @Option(
      names = "--bs",
      defaultValue = "-45,0,12",
      description =
          "Base-station array centre [m]; the array faces +x (default: ${DEFAULT-VALUE}).")
  String bs;

  @Option(
      names = {"-f", "--frequency"},
      defaultValue = "28e9",
      description = "Carrier frequency [Hz] (default: ${DEFAULT-VALUE}).")
  double frequency;

  @Option(
      names = "--cell-size",
      defaultValue = "4",
      description = "UE grid spacing [m] (default: ${DEFAULT-VALUE}).")
  double cellSize;

  @Option(
      names = "--max-depth",
      defaultValue = "3",
      description = "Path depth (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--samples",
      defaultValue = "1000000",
      description = "Rays per transmitter (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--runs",
      defaultValue = "5",
      description = "Independent repetitions (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  Scene twinScene() {
    Scene s = SceneLoader.load(twin);
    if (!"keep".equals(twinMaterials)) {
      s = TwinScenes.allMaterials(s, ItuMaterialType.fromName(twinMaterials));
    }
    return s;
  }

  Scene realityScene() {
    if (!(realityJitter >= 0) || !Double.isFinite(realityJitter)) {
      throw new org.radiotwin.errors.RadioTwinException(
          org.radiotwin.errors.RadioTwinMessages.INVALID_ARGUMENT,
          "--reality-jitter",
          "must be a finite number ≥ 0");
    }
    Scene s = SceneLoader.load(reality);
    return realityJitter > 0 ? ScenePerturbation.jitterPositions(s, realityJitter, seed) : s;
  }

  TwinRealitySite.Settings siteSettings(int rows, int cols) {
    CliChecks.positiveFinite("--frequency", frequency);
    CliChecks.positiveFinite("--cell-size", cellSize);
    if (runs < 1) {
      throw new org.radiotwin.errors.RadioTwinException(
          org.radiotwin.errors.RadioTwinMessages.INVALID_ARGUMENT, "--runs", "must be ≥ 1");
    }
    TwinRealitySite.Settings d = TwinRealitySite.Settings.defaults();
    PathSolverConfig solver = d.solver().withMaxDepth(maxDepth).withSamples(samples, seed);
    Vec3 base = RadioOptions.parseVec3("--bs", bs);
    return new TwinRealitySite.Settings(
        base, frequency, cellSize, d.ueHeight(), d.margin(), rows, cols, solver);
  }

  TwinRealitySite survey(Scene twinScene, Scene realityScene, int rows, int cols) {
    TwinRealitySite.Settings settings = siteSettings(rows, cols);
    try (Progress p = Progress.start("trace", quiet)) {
      return TwinRealitySite.survey(
          twinScene, realityScene, settings, ForkJoinPool.commonPool(), p.listener());
    }
  }

  /**
   * The training methods named by a {@code --methods} option.
   *
   * @param names method names
   * @return the methods, in the given order
   */
  static List<TrainingMethod> trainingMethods(List<String> names) {
    List<TrainingMethod> ms = new ArrayList<>();
    for (String m : names) {
      ms.add(TrainingMethod.fromName(m));
    }
    return ms;
  }

  /**
   * The hidden-layer widths of a {@code --hidden} option, where a single 0 means no hidden layer.
   *
   * @param hidden widths as given
   * @return the widths (empty for a linear model)
   */
  static int[] hiddenLayers(int[] hidden) {
    return hidden.length == 1 && hidden[0] == 0 ? new int[0] : hidden;
  }
}
