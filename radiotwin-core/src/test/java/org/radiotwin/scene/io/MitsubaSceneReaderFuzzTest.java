package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.testing.JazzerRegressionMode;

/**
 * Coverage-guided fuzzing of {@link MitsubaSceneReader} with Jazzer. The bytes are a scene XML
 * whose meshes resolve in the classpath folder of the built-in {@code
 * simple_street_canyon_with_cars} scene (so mutated XML can still reach real PLY files). Property:
 * only {@link RadioTwinException} may escape; anything else is a bug.
 *
 * <p>Regression mode (plain {@code mvn test}) runs the seeds in {@code
 * src/test/resources/org/radiotwin/scene/io/MitsubaSceneReaderFuzzTestInputs/fuzzSceneXml/}. A
 * fuzzing campaign of N seconds on one target, from the repository root:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -o -pl radiotwin-core test -Djacoco.skip=true \
 *     -Dtest='MitsubaSceneReaderFuzzTest' \
 *     -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=N
 * </pre>
 *
 * (the {@code jazzer.internal.arg.*} libFuzzer arguments are appended after the annotation's {@code
 * maxDuration}, so they override it; without them the campaign lasts {@code maxDuration}). Only one
 * {@code @FuzzTest} can be fuzzed per run, hence one class per {@code -Dtest}. New corpus entries
 * go to {@code radiotwin-core/.cifuzz-corpus/} (git-ignored, replayed by later local runs); a
 * crashing input is reported as a {@code crash-*} file, which belongs in the inputs directory above
 * so that every {@code mvn test} replays it.
 */
class MitsubaSceneReaderFuzzTest {

  private static final SceneFolder FOLDER =
      SceneFolder.classpath(
          MitsubaSceneReaderFuzzTest.class.getClassLoader(),
          BuiltinScenes.ROOT + "simple_street_canyon_with_cars/");

  /**
   * Regression runs (no {@code JAZZER_FUZZ}) replay a handful of seeds; Jazzer's bug-detector hooks
   * would add about 10 s of agent set-up to every {@code mvn test} for no benefit on them, so they
   * are switched off unless the caller chose otherwise. Fuzzing runs keep them.
   */
  @BeforeAll
  static void fastRegressionMode() {
    JazzerRegressionMode.disableHooksUnlessFuzzing();
  }

  @FuzzTest(maxDuration = "2m")
  void fuzzSceneXml(byte[] data) {
    try {
      MitsubaSceneReader.read(new ByteArrayInputStream(data), "fuzz.xml", FOLDER);
    } catch (RadioTwinException expected) {
      // Rejecting bad input with the project's exception is the specified behaviour.
    }
  }

  static final Path SEEDS =
      Path.of(
          "src/test/resources/org/radiotwin/scene/io/MitsubaSceneReaderFuzzTestInputs/fuzzSceneXml");

  /** The seeds do what their names say, so the corpus covers both paths. */
  @Test
  void seedCorpus() throws IOException {
    List<Path> seeds;
    try (Stream<Path> s = Files.list(SEEDS)) {
      seeds = s.sorted().collect(Collectors.toList());
    }
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(6);
    for (Path p : seeds) {
      String name = p.getFileName().toString();
      if (name.startsWith("valid_")) {
        try (InputStream in = Files.newInputStream(p)) {
          assertThat(MitsubaSceneReader.read(in, name, FOLDER).objects()).as(name).isNotEmpty();
        }
      } else {
        assertThat(name).startsWith("broken_");
        assertThatThrownBy(
                () -> {
                  try (InputStream in = Files.newInputStream(p)) {
                    MitsubaSceneReader.read(in, name, FOLDER);
                  }
                })
            .as(name)
            .isInstanceOf(RadioTwinException.class);
      }
    }
  }
}
