package org.radiotwin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.MitsubaSceneWriter;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code radiotwin scene convert}: write any readable scene as Mitsuba XML + binary PLY. */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert a scene (Mitsuba XML, OpenStreetMap .osm, builtin:NAME) to Mitsuba 3 XML",
      "with binary PLY meshes in a meshes/ folder beside it, loadable by Sionna RT."
    })
final class SceneConvertCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "IN", description = "Input scene.")
  String input;

  @Parameters(index = "1", paramLabel = "OUT.xml", description = "Output Mitsuba XML file.")
  Path output;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    Path name = output.getFileName();
    if (name == null || !name.toString().toLowerCase(Locale.ROOT).endsWith(".xml")) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "output " + output, "must end in .xml");
    }
    Scene s = SceneLoader.load(input, osm.toOptions());
    CliChecks.createParent(output);
    MitsubaSceneWriter.write(s, output);
    PrintWriter err = spec.commandLine().getErr();
    err.printf(
        Locale.ROOT,
        "wrote %s (%d objects, %d triangles, %d materials)%n",
        output,
        s.objects().size(),
        s.triangleCount(),
        s.materials().size());
    err.flush();
    return 0;
  }
}
