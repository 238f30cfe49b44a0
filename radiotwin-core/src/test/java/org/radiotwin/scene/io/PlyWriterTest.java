package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;

class PlyWriterTest {

  private static TriangleMesh roundTrip(TriangleMesh m, PlyWriter.Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlyWriter.write(m, out, format, "mem.ply");
    return PlyReader.read(new ByteArrayInputStream(out.toByteArray()), "mem.ply");
  }

  @Test
  void binaryLayoutIsWhatSionnaWrites() {
    TriangleMesh m =
        new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlyWriter.write(m, out, PlyWriter.Format.BINARY_LITTLE_ENDIAN, "t.ply");
    byte[] b = out.toByteArray();
    String header =
        "ply\nformat binary_little_endian 1.0\ncomment written by RadioTwin\n"
            + "element vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
            + "element face 1\nproperty list uchar int vertex_indices\nend_header\n";
    assertThat(new String(b, 0, header.length(), StandardCharsets.US_ASCII)).isEqualTo(header);
    // Body: 3 vertices × 12 bytes + 1 face × (1 + 12) bytes.
    assertThat(b).hasSize(header.length() + 36 + 13);
    // x of vertex 1 = 1.0f = 0x3F800000, little-endian.
    int o = header.length() + 12;
    assertThat(new byte[] {b[o], b[o + 1], b[o + 2], b[o + 3]})
        .containsExactly(0x00, 0x00, (byte) 0x80, 0x3F);
    assertThat(b[header.length() + 36]).isEqualTo((byte) 3);
  }

  @Provide
  Arbitrary<TriangleMesh> floatMeshes() {
    Arbitrary<Float> coordinate =
        Arbitraries.floats().between(-1e6f, 1e6f).edgeCases(c -> c.includeOnly(0f, -0f, 1e6f));
    return Arbitraries.integers()
        .between(1, 40)
        .flatMap(
            nv ->
                Combinators.combine(
                        coordinate.array(float[].class).ofSize(3 * nv),
                        Arbitraries.integers()
                            .between(0, nv - 1)
                            .array(int[].class)
                            .ofSize(3 * (nv % 7)))
                    .as(
                        (c, idx) -> {
                          double[] v = new double[c.length];
                          for (int i = 0; i < c.length; i++) {
                            v[i] = c[i];
                          }
                          return new TriangleMesh(v, idx);
                        }));
  }

  /** Float32 coordinates survive both encodings bit for bit. */
  @Property(tries = 200)
  void float32MeshesRoundTripExactly(@ForAll("floatMeshes") TriangleMesh m) {
    assertThat(roundTrip(m, PlyWriter.Format.BINARY_LITTLE_ENDIAN)).isEqualTo(m);
    assertThat(roundTrip(m, PlyWriter.Format.ASCII)).isEqualTo(m);
  }

  /** Other doubles are rounded to the nearest float: error ≤ half an ulp of the float. */
  @Property(tries = 200)
  void doublesAreRoundedToNearestFloat(
      @ForAll @net.jqwik.api.constraints.DoubleRange(min = -1e5, max = 1e5) double x) {
    TriangleMesh m = new TriangleMesh(new double[] {x, 0, 0}, new int[0]);
    double back = roundTrip(m, PlyWriter.Format.BINARY_LITTLE_ENDIAN).coordinate(0, 0);
    assertThat(back).isEqualTo((double) (float) x);
    assertThat(Math.abs(back - x)).isLessThanOrEqualTo(Math.ulp((float) x) / 2.0);
  }

  @Test
  void coordinatesBeyondFloat32AreRefused() {
    TriangleMesh m = new TriangleMesh(new double[] {0, 1e39, 0}, new int[0]);
    assertThatThrownBy(() -> roundTrip(m, PlyWriter.Format.ASCII))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("mem.ply")
        .hasMessageContaining("coordinate 1 of vertex 0")
        .extracting(e -> ((RadioTwinException) e).getSpecifier())
        .isEqualTo(RadioTwinMessages.CANNOT_WRITE_FILE);
  }

  @Test
  void fileWritesAreAtomic(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("m.ply");
    TriangleMesh ok =
        new TriangleMesh(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0}, new int[] {0, 1, 2});
    PlyWriter.write(ok, p);
    assertThat(PlyReader.read(p)).isEqualTo(ok);
    PlyWriter.write(ok, dir.resolve("a.ply"), PlyWriter.Format.ASCII);
    assertThat(Files.readString(dir.resolve("a.ply"))).startsWith("ply\nformat ascii 1.0\n");
    // A failing write leaves the old file untouched and no temporary file behind.
    TriangleMesh bad = new TriangleMesh(new double[] {1e300, 0, 0}, new int[0]);
    assertThatThrownBy(() -> PlyWriter.write(bad, p)).isInstanceOf(RadioTwinException.class);
    assertThat(PlyReader.read(p)).isEqualTo(ok);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("m.ply", "a.ply");
    }
  }
}
