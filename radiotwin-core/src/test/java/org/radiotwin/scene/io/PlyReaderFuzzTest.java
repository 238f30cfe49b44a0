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
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.testing.JazzerRegressionMode;

/**
 * Coverage-guided fuzzing of {@link PlyReader} with Jazzer. Property: whatever the bytes, the
 * reader either returns a valid mesh or throws a {@link RadioTwinException} naming the source; any
 * other exception (or error, such as OutOfMemoryError from trusting a header count) is a bug.
 *
 * <p>In a normal {@code mvn test} this runs once per seed in {@code
 * src/test/resources/org/radiotwin/scene/io/PlyReaderFuzzTestInputs/fuzzPly/} (regression mode). A
 * fuzzing campaign (see the report of the scene I/O work or the class javadoc of {@link
 * MitsubaSceneReaderFuzzTest}) runs with the environment variable {@code JAZZER_FUZZ=1}.
 */
class PlyReaderFuzzTest {

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
  void fuzzPly(byte[] data) {
    TriangleMesh mesh;
    try {
      mesh = PlyReader.read(new ByteArrayInputStream(data), "fuzz.ply");
    } catch (RadioTwinException e) {
      assertThat(e.getMessage()).contains("fuzz.ply");
      return;
    }
    // A returned mesh is consistent: every index addresses a vertex.
    for (int t = 0; t < mesh.triangleCount(); t++) {
      for (int c = 0; c < 3; c++) {
        assertThat(mesh.index(t, c)).isBetween(0, mesh.vertexCount() - 1);
      }
    }
  }

  static final Path SEEDS =
      Path.of("src/test/resources/org/radiotwin/scene/io/PlyReaderFuzzTestInputs/fuzzPly");

  /** The seeds do what their names say, so the corpus covers both paths. */
  @Test
  void seedCorpus() throws IOException {
    List<Path> seeds;
    try (Stream<Path> s = Files.list(SEEDS)) {
      seeds = s.sorted().collect(Collectors.toList());
    }
    assertThat(seeds).hasSizeGreaterThanOrEqualTo(8);
    for (Path p : seeds) {
      String name = p.getFileName().toString();
      if (name.startsWith("valid_")) {
        try (InputStream in = Files.newInputStream(p)) {
          assertThat(PlyReader.read(in, name).triangleCount()).as(name).isPositive();
        }
      } else {
        assertThat(name).startsWith("broken_");
        assertThatThrownBy(() -> PlyReader.read(p)).as(name).isInstanceOf(RadioTwinException.class);
      }
    }
  }
}
