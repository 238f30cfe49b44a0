package org.radiotwin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;
import org.radiotwin.scene.ScenePerturbation;
import org.radiotwin.scene.io.MitsubaSceneWriter;
import org.radiotwin.scene.io.PlyReader;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radiotwin scene perturb}: build a "reality" (or an erroneous twin) from a scene. */
@Command(
    name = "perturb",
    mixinStandardHelpOptions = true,
    description = {
      "Edit a scene the way reality differs from a twin and write it as Mitsuba XML + PLY.",
      "Edits apply in this order: --add, --move, --set-material, --all-materials, --jitter,",
      "--material-spread, --random-itu-materials."
    })
final class ScenePerturbCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "IN",
      description = "Input scene (XML, .osm or builtin:NAME).")
  String input;

  @Option(
      names = "--add",
      paramLabel = "FILE.ply",
      description =
          "Add a mesh as an object named after the file (material itu_metal). Repeatable.")
  List<Path> add = new ArrayList<>();

  @Option(
      names = "--move",
      paramLabel = "OBJ=dx,dy,dz",
      description = "Move an object [m]. Repeatable.")
  List<String> move = new ArrayList<>();

  @Option(
      names = "--set-material",
      paramLabel = "OBJ=SPEC",
      description =
          "Give one object its own material mat-OBJ: itu_TYPE or eta_r,sigma[,thickness]. Repeatable.")
  List<String> setMaterial = new ArrayList<>();

  @Option(
      names = "--all-materials",
      paramLabel = "itu_TYPE",
      description =
          "Make every material this ITU type (names and thicknesses kept), e.g. itu_brick as"
              + " seed 004's twin.")
  String allMaterials;

  @Option(
      names = "--jitter",
      paramLabel = "M",
      description = "Move every object by Gaussian x, y offsets of this standard deviation [m].")
  double jitter;

  @Option(
      names = "--material-spread",
      paramLabel = "S",
      description = "Scale every material's eta_r and sigma by exp(S*N(0,1)).")
  double materialSpread;

  @Option(
      names = "--random-itu-materials",
      description = "Give every material a random ITU type valid at --frequency.")
  boolean randomItu;

  @Option(
      names = {"-f", "--frequency"},
      defaultValue = "3.5e9",
      description = "Frequency for material edits [Hz] (default: ${DEFAULT-VALUE}).")
  double frequency;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed of the random edits (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "OUT.xml",
      description = "Output Mitsuba XML.")
  Path out;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    CliChecks.positiveFinite("--frequency", frequency);
    Scene s = SceneLoader.load(input, osm.toOptions());
    for (Path ply : add) {
      TriangleMesh mesh = PlyReader.read(ply);
      Path fileName = ply.getFileName();
      String name =
          (fileName == null ? ply.toString() : fileName.toString()).replaceFirst("(?i)\\.ply$", "");
      s =
          s.withObject(
              new SceneObject(name, mesh, RadioMaterial.itu("itu_metal", ItuMaterialType.METAL)));
    }
    for (String m : move) {
      String[] kv = split(m, "--move");
      s = s.withObjectMoved(kv[0], RadioOptions.parseVec3("--move", kv[1]));
    }
    for (String m : setMaterial) {
      String[] kv = split(m, "--set-material");
      Scene current = s;
      RadioMaterial own = current.object(kv[0]).material().withName("mat-" + kv[0]);
      Scene withOwn = current.withObjectMaterial(kv[0], own);
      s = withOwn.withMaterial(RadioOptions.parseMaterial("mat-" + kv[0] + "=" + kv[1], withOwn));
    }
    if (allMaterials != null) {
      s = ScenePerturbation.allMaterials(s, ItuMaterialType.fromName(allMaterials));
    }
    if (jitter > 0) {
      s = ScenePerturbation.jitterPositions(s, jitter, seed);
    }
    if (materialSpread > 0) {
      s = ScenePerturbation.perturbMaterials(s, materialSpread, frequency, seed + 1);
    }
    if (randomItu) {
      s = ScenePerturbation.randomItuMaterials(s, frequency, seed + 2);
    }
    CliChecks.createParent(out);
    MitsubaSceneWriter.write(s, out);
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "wrote %s (%d objects, %d materials)%n",
            out,
            s.objects().size(),
            s.materials().size());
    return 0;
  }

  private static String[] split(String spec, String option) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, option + " " + spec, "expected OBJECT=VALUE");
    }
    return new String[] {spec.substring(0, eq), spec.substring(eq + 1)};
  }
}
