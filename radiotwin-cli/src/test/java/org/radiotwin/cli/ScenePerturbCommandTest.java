package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.BuiltinScenes;
import org.radiotwin.scene.io.MitsubaSceneReader;

class ScenePerturbCommandTest {

  @Test
  void moveSetMaterialAndJitterAreApplied(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("reality.xml");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "scene",
            "perturb",
            "builtin:simple_street_canyon",
            "--move",
            "floor=0,0,-0.5",
            "--set-material",
            "floor=itu_wet_ground",
            "--out",
            out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Scene twin = BuiltinScenes.load("simple_street_canyon");
    Scene reality = MitsubaSceneReader.read(out);
    assertThat(reality.object("floor").mesh().bounds().min().z())
        .isCloseTo(twin.object("floor").mesh().bounds().min().z() - 0.5, within(1e-6));
    assertThat(reality.object("floor").material().name()).isEqualTo("mat-floor");
    assertThat(reality.object("floor").material().typeLabel()).isEqualTo("itu_wet_ground");
    assertThat(reality.triangleCount()).isEqualTo(twin.triangleCount());

    // Random edits are reproducible: the same seed writes the same bytes.
    Path a = dir.resolve("a/a.xml");
    Path b = dir.resolve("b/a.xml");
    Files.createDirectories(a.getParent());
    Files.createDirectories(b.getParent());
    for (Path p : new Path[] {a, b}) {
      assertThat(
              CliTestSupport.run(
                      "scene",
                      "perturb",
                      "builtin:simple_street_canyon",
                      "--jitter",
                      "0.02",
                      "--material-spread",
                      "0.2",
                      "--seed",
                      "7",
                      "--out",
                      p.toString())
                  .code())
          .isZero();
    }
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    assertThat(Files.readAllBytes(a.getParent().resolve("meshes/floor.ply")))
        .isEqualTo(Files.readAllBytes(b.getParent().resolve("meshes/floor.ply")));
    Scene jittered = MitsubaSceneReader.read(a);
    double shift =
        jittered
            .object("floor")
            .mesh()
            .bounds()
            .center()
            .distance(twin.object("floor").mesh().bounds().center());
    assertThat(shift).isGreaterThan(0).isLessThan(0.2);
    assertThat(jittered.materials().values()).allMatch(m -> !m.isItu());

    CliTestSupport.Result bad =
        CliTestSupport.run(
            "scene",
            "perturb",
            "builtin:box",
            "--move",
            "nothing=1,0,0",
            "--out",
            dir.resolve("x.xml").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("nothing");
    assertThat(dir.resolve("x.xml")).doesNotExist();
  }
}
