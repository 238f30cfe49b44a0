package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;

class PlyReaderTest {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

  private static TriangleMesh read(byte[] bytes, String name) {
    return PlyReader.read(new ByteArrayInputStream(bytes), name);
  }

  /** Reads and expects a MALFORMED_FILE error naming the source and containing the fragments. */
  private static void assertMalformed(byte[] bytes, String name, String... fragments) {
    assertThatThrownBy(() -> read(bytes, name))
        .isInstanceOf(RadioTwinException.class)
        .satisfies(
            e -> {
              assertThat(((RadioTwinException) e).getSpecifier())
                  .isEqualTo(RadioTwinMessages.MALFORMED_FILE);
              assertThat(e.getMessage()).startsWith(name + ": ").contains(fragments);
            });
  }

  // ---------------------------------------------------------------- valid files

  @Test
  void asciiQuadAndPentagonAreFanTriangulated() {
    byte[] ply =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "comment hand made: a unit square and a house-shaped pentagon",
            "obj_info anything",
            "element vertex 5",
            "property double x",
            "property double y",
            "property double z",
            "element face 2",
            "property list uchar int vertex_indices",
            "end_header",
            "0 0 0",
            "1 0 0",
            "1 1 0",
            "0 1 0",
            "0.5 1.5 0.1",
            "4 0 1 2 3",
            "5 0 1 2 4 3");
    TriangleMesh m = read(ply, "fan.ply");
    assertThat(m.vertexCount()).isEqualTo(5);
    // Fan rule (v0, vj, vj+1): quad → (0,1,2)(0,2,3); pentagon 0 1 2 4 3 → (0,1,2)(0,2,4)(0,4,3).
    assertThat(m.copyIndices()).containsExactly(0, 1, 2, 0, 2, 3, 0, 1, 2, 0, 2, 4, 0, 4, 3);
    // Declared double: 0.1 stays the double 0.1 (no float32 rounding).
    assertThat(m.coordinate(4, 2)).isEqualTo(0.1);
    assertThat(m.coordinate(4, 1)).isEqualTo(1.5);
  }

  @Test
  void asciiFloatValuesAreRoundedToFloat32LikeBinaryOnes() {
    byte[] ply =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "element vertex 3",
            "property float x",
            "property float y",
            "property float z",
            "element face 1",
            "property list uchar uint vertex_index",
            "end_header",
            "0.1 -2.5e1 +3",
            "1 0 0",
            "0 1 0",
            "3 0 1 2");
    TriangleMesh m = read(ply, "f.ply");
    assertThat(m.coordinate(0, 0)).isEqualTo((double) 0.1f);
    assertThat(m.coordinate(0, 1)).isEqualTo(-25.0);
    assertThat(m.coordinate(0, 2)).isEqualTo(3.0);
    assertThat(m.copyIndices()).containsExactly(0, 1, 2);
  }

  @Test
  void bigEndianWithUnusualLayoutEdgeElementAndUint8Indices() {
    byte[] ply =
        PlyBytes.header(
                BE,
                "ply",
                "format binary_big_endian 1.0",
                "comment colour and normal before the coordinates, doubles",
                "element vertex 4",
                "property uchar red",
                "property float nx",
                "property double z",
                "property double x",
                "property list uchar int tags",
                "property double y",
                "element edge 2",
                "property int vertex1",
                "property list ushort short more",
                "property int vertex2",
                "element face 2",
                "property int8 flags",
                "property list uint8 uint8 vertex_indices",
                "property float32 quality",
                "element material 1",
                "property list int double coefficients")
            // vertices: red, nx, z, x, tags(list), y
            .i8(255)
            .f32(0.5f)
            .f64(3.25)
            .f64(-1.0)
            .i8(2)
            .i32(7, 8)
            .f64(1e-3)
            .i8(1)
            .f32(0f)
            .f64(0)
            .f64(2)
            .i8(0)
            .f64(0)
            .i8(0)
            .f32(0f)
            .f64(0)
            .f64(0)
            .i8(1)
            .i32(-1)
            .f64(4)
            .i8(0)
            .f32(0f)
            .f64(1)
            .f64(1)
            .i8(0)
            .f64(1)
            // edges: vertex1, more(list of shorts), vertex2
            .i32(0)
            .i16(3)
            .i16(1, 2, 3)
            .i32(1)
            .i32(2)
            .i16(0)
            .i32(3)
            // faces: flags, vertex_indices (uint8), quality
            .i8(-1)
            .i8(3)
            .i8(0, 1, 2)
            .f32(0.25f)
            .i8(7)
            .i8(4)
            .i8(3, 2, 1, 0)
            .f32(1f)
            // material: a list of 2 doubles
            .i32(2)
            .f64(1.5, 2.5)
            .bytes();
    TriangleMesh m = read(ply, "be.ply");
    assertThat(m.vertexCount()).isEqualTo(4);
    assertThat(m.vertex(0).x()).isEqualTo(-1.0);
    assertThat(m.vertex(0).y()).isEqualTo(1e-3);
    assertThat(m.vertex(0).z()).isEqualTo(3.25);
    assertThat(m.vertex(1).x()).isEqualTo(2.0);
    assertThat(m.vertex(2).y()).isEqualTo(4.0);
    assertThat(m.vertex(3).y()).isEqualTo(1.0);
    // face 0: triangle 0 1 2; face 1: quad 3 2 1 0 → (3,2,1)(3,1,0).
    assertThat(m.copyIndices()).containsExactly(0, 1, 2, 3, 2, 1, 3, 1, 0);
  }

  @Test
  void littleEndianFacesBeforeVerticesWithIntegerCoordinatesAndVertexIndexName() {
    byte[] ply =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element face 1",
                "property list int uint vertex_index",
                "element vertex 3",
                "property int16 x",
                "property ushort y",
                "property char z")
            .i32(3)
            .i32(2, 1, 0)
            .i16(-300)
            .i16(65535)
            .i8(-128)
            .i16(1)
            .i16(0)
            .i8(0)
            .i16(0)
            .i16(1)
            .i8(127)
            .bytes();
    TriangleMesh m = read(ply, "le.ply");
    assertThat(m.vertex(0).x()).isEqualTo(-300.0);
    assertThat(m.vertex(0).y()).isEqualTo(65535.0);
    assertThat(m.vertex(0).z()).isEqualTo(-128.0);
    assertThat(m.vertex(2).z()).isEqualTo(127.0);
    assertThat(m.copyIndices()).containsExactly(2, 1, 0);
  }

  /** Every scalar type, under both of its names, as coordinate and as index type. */
  @ParameterizedTest
  @CsvSource({
    "char, 1, true",
    "int8, 1, true",
    "uchar, 1, false",
    "uint8, 1, false",
    "short, 2, true",
    "int16, 2, true",
    "ushort, 2, false",
    "uint16, 2, false",
    "int, 4, true",
    "int32, 4, true",
    "uint, 4, false",
    "uint32, 4, false",
    "float, 4, true",
    "float32, 4, true",
    "double, 8, true",
    "float64, 8, true"
  })
  void everyScalarTypeAndAlias(String type, int size, boolean signed) {
    boolean real = type.startsWith("float") || type.equals("double");
    PlyBytes b =
        PlyBytes.header(
            LE,
            "ply",
            "format binary_little_endian 1.0",
            "element vertex 3",
            "property " + type + " x",
            "property " + type + " y",
            "property " + type + " z",
            "element face 1",
            "property list "
                + (real ? "uchar" : type)
                + " "
                + (real ? "int" : type)
                + " vertex_indices");
    // vertex coordinates: (v, 0, 0), (0, v, 0), (0, 0, v); v = -2 for signed types, 200 else.
    int v = signed ? -2 : 200;
    for (int i = 0; i < 3; i++) {
      for (int a = 0; a < 3; a++) {
        put(b, type, size, a == i ? v : 0);
      }
    }
    if (real) {
      b.i8(3).i32(0, 1, 2);
    } else {
      put(b, type, size, 3);
      put(b, type, size, 0);
      put(b, type, size, 1);
      put(b, type, size, 2);
    }
    TriangleMesh m = read(b.bytes(), type + ".ply");
    assertThat(m.vertex(0).x()).isEqualTo(v);
    assertThat(m.vertex(1).y()).isEqualTo(v);
    assertThat(m.vertex(2).z()).isEqualTo(v);
    assertThat(m.copyIndices()).containsExactly(0, 1, 2);

    // Same in ASCII.
    String ascii =
        "ply\nformat ascii 1.0\nelement vertex 3\nproperty "
            + type
            + " x\nproperty "
            + type
            + " y\nproperty "
            + type
            + " z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n"
            + v
            + " 0 0\n0 "
            + v
            + " 0\n0 0 "
            + v
            + "\n3 0 1 2\n";
    TriangleMesh a = read(ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII), "a.ply");
    assertThat(a).isEqualTo(m);
  }

  private static void put(PlyBytes b, String type, int size, int value) {
    if (type.startsWith("float") || type.equals("double")) {
      if (size == 4) {
        b.f32(value);
      } else {
        b.f64(value);
      }
    } else if (size == 1) {
      b.i8(value);
    } else if (size == 2) {
      b.i16(value);
    } else {
      b.i32(value);
    }
  }

  @Test
  void crlfHeaderAndNoFaces() {
    byte[] head =
        "ply\r\nformat binary_little_endian 1.0\r\nelement vertex 1\r\nproperty float x\r\nproperty float y\r\nproperty float z\r\nend_header\r\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] body = PlyBytes.header(LE).f32(1, 2, 3).bytes();
    // PlyBytes.header(LE) with no lines only writes "end_header\n"; keep its 12 body bytes.
    byte[] ply = Arrays.copyOf(head, head.length + 12);
    System.arraycopy(body, body.length - 12, ply, head.length, 12);
    TriangleMesh m = read(ply, "points.ply");
    assertThat(m.vertexCount()).isEqualTo(1);
    assertThat(m.triangleCount()).isZero();
    assertThat(m.vertex(0).z()).isEqualTo(3.0);
  }

  @Test
  void trailingBytesAfterTheLastElementAreIgnored() {
    byte[] ply = triangleLe().i32(12345).bytes();
    assertThat(read(ply, "t.ply").triangleCount()).isEqualTo(1);
  }

  private static PlyBytes triangleLe() {
    return PlyBytes.header(
            LE,
            "ply",
            "format binary_little_endian 1.0",
            "element vertex 3",
            "property float x",
            "property float y",
            "property float z",
            "element face 1",
            "property list uchar int vertex_indices")
        .f32(0, 0, 0, 1, 0, 0, 0, 1, 0)
        .i8(3)
        .i32(0, 1, 2);
  }

  @Test
  void readsFromAPath(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("t.ply");
    Files.write(p, triangleLe().bytes());
    assertThat(PlyReader.read(p).triangleCount()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- malformed files

  @Test
  void truncatedBody() {
    byte[] ok = triangleLe().bytes();
    for (int cut = 1; cut < 49; cut += 7) {
      byte[] shorter = Arrays.copyOf(ok, ok.length - cut);
      assertMalformed(shorter, "cut.ply", "unexpected end of file", "truncated");
    }
    // The location is reported: cutting 3 bytes truncates the last index of face 0.
    assertMalformed(Arrays.copyOf(ok, ok.length - 3), "cut.ply", "face 0");
  }

  @Test
  void headerWithoutEndHeader() {
    assertMalformed(
        PlyBytes.text("ply", "format ascii 1.0", "element vertex 0"), "h.ply", "end_header");
    assertMalformed(new byte[0], "empty.ply", "empty file");
    assertMalformed(PlyBytes.text("PLY!", "end_header"), "x.ply", "not a PLY file");
  }

  @Test
  void countLargerThanTheData(@TempDir Path dir) throws IOException {
    byte[] ply =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element vertex 1000000",
                "property float x",
                "property float y",
                "property float z")
            .f32(1, 2, 3)
            .bytes();
    // From a stream: fails when the data runs out, after vertex 1.
    assertMalformed(ply, "big.ply", "vertex 1", "unexpected end of file");
    // From a file: refused up front against the file size.
    Path p = dir.resolve("big.ply");
    Files.write(p, ply);
    assertThatThrownBy(() -> PlyReader.read(p))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageStartingWith(p.toString())
        .hasMessageContaining("12000000 bytes")
        .hasMessageContaining("counts larger than the file");
  }

  @Test
  void absurdCountsNeverAllocateFromTheHeader() {
    // 700 million vertices announced, 12 bytes given: must fail fast without a 16 GB allocation.
    byte[] ply =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element vertex 700000000",
                "property float x",
                "property float y",
                "property float z",
                "element face 700000000",
                "property list uint uint vertex_indices")
            .f32(1, 2, 3)
            .bytes();
    assertMalformed(ply, "absurd.ply", "unexpected end of file");
    // Beyond what a Java array can hold: refused in the header.
    byte[] huge =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "element vertex 9000000000",
            "property float x",
            "property float y",
            "property float z",
            "end_header");
    assertMalformed(huge, "huge.ply", "header line 3", "exceeds the supported maximum");
    // A face claiming 4 billion indices in a short file.
    byte[] face =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element vertex 3",
                "property float x",
                "property float y",
                "property float z",
                "element face 1",
                "property list uint int vertex_indices")
            .f32(0, 0, 0, 1, 0, 0, 0, 1, 0)
            .i32(0xFFFFFFFFL)
            .i32(0, 1, 2, 0, 1)
            .bytes();
    assertMalformed(face, "face.ply", "face 0", "unexpected end of file");
    // An unknown element with a huge count but no properties costs nothing.
    byte[] empty =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "element nothing 9223372036854775807",
            "element vertex 0",
            "property float x",
            "property float y",
            "property float z",
            "end_header");
    assertThat(read(empty, "e.ply").vertexCount()).isZero();
    // An unknown fixed-size element whose byte count overflows a long.
    byte[] overflow =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element vertex 0",
                "property float x",
                "property float y",
                "property float z",
                "element junk 9223372036854775807",
                "property double a")
            .bytes();
    assertMalformed(overflow, "o.ply", "element 'junk'", "too large");
  }

  @Test
  void negativeCount() {
    assertMalformed(
        PlyBytes.text("ply", "format ascii 1.0", "element vertex -3", "end_header"),
        "neg.ply",
        "header line 3",
        "negative count -3");
    // A negative list length (signed count type) in a skipped list.
    byte[] ply =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element vertex 1",
                "property float x",
                "property float y",
                "property float z",
                "property list char float extra")
            .f32(0, 0, 0)
            .i8(-1)
            .bytes();
    assertMalformed(ply, "negl.ply", "vertex 0", "negative list length");
  }

  @Test
  void nanAndInfiniteVertices() {
    byte[] ply =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element vertex 2",
                "property float x",
                "property float y",
                "property float z")
            .f32(0, 0, 0)
            .f32(1, Float.NaN, 0)
            .bytes();
    assertMalformed(ply, "nan.ply", "vertex 1", "not all finite", "NaN");
    byte[] ascii =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "element vertex 1",
            "property double x",
            "property double y",
            "property double z",
            "end_header",
            "0 -inf 0");
    assertMalformed(ascii, "inf.ply", "vertex 0", "not all finite", "Infinity");
    // A decimal too large for float32 becomes infinite when declared float.
    byte[] tooBig =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "element vertex 1",
            "property float x",
            "property float y",
            "property float z",
            "end_header",
            "0 1e39 0");
    assertMalformed(tooBig, "big.ply", "vertex 0", "not all finite");
  }

  @Test
  void indexOutOfRange() {
    byte[] ply =
        PlyBytes.header(
                LE,
                "ply",
                "format binary_little_endian 1.0",
                "element vertex 3",
                "property float x",
                "property float y",
                "property float z",
                "element face 2",
                "property list uchar int vertex_indices")
            .f32(0, 0, 0, 1, 0, 0, 0, 1, 0)
            .i8(3)
            .i32(0, 1, 2)
            .i8(3)
            .i32(0, 3, 1)
            .bytes();
    assertMalformed(ply, "idx.ply", "face 1", "vertex index 3 is outside [0, 3)");
    byte[] neg =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "element vertex 3",
            "property float x",
            "property float y",
            "property float z",
            "element face 1",
            "property list uchar int vertex_indices",
            "end_header",
            "0 0 0",
            "1 0 0",
            "0 1 0",
            "3 0 -1 2");
    assertMalformed(neg, "neg.ply", "face 0", "vertex index -1");
  }

  @Test
  void faceWithTwoVertices() {
    byte[] ply =
        PlyBytes.text(
            "ply",
            "format ascii 1.0",
            "element vertex 3",
            "property float x",
            "property float y",
            "property float z",
            "element face 1",
            "property list uchar int vertex_indices",
            "end_header",
            "0 0 0",
            "1 0 0",
            "0 1 0",
            "2 0 1");
    assertMalformed(ply, "two.ply", "face 0", "has 2 vertices", "at least 3");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "format binary_middle_endian 1.0|unknown format 'binary_middle_endian'",
        "format ascii 2.0|unsupported PLY version '2.0'",
        "format ascii|expected 'format <type> 1.0'",
        "property float x|property before any element",
        "element vertex many|is not an integer",
        "element vertex 1 2|expected 'element <name> <count>'",
        "frobnicate|unknown header keyword 'frobnicate'"
      })
  void badHeaderLines(String line, String problem) {
    byte[] ply =
        PlyBytes.text(
            "ply",
            line,
            "format ascii 1.0",
            "element vertex 0",
            "property float x",
            "property float y",
            "property float z",
            "end_header");
    assertMalformed(ply, "bad.ply", "header line 2", problem);
  }

  @Test
  void badPropertiesAndElements() {
    String[] base = {"ply", "format ascii 1.0", "element vertex 0"};
    assertMalformed(
        text(base, "property quad x", "property float y", "property float z"),
        "t.ply",
        "header line 4",
        "unknown property type 'quad'");
    assertMalformed(text(base, "property float x", "property float y"), "t.ply", "no 'z' property");
    assertMalformed(
        text(base, "property list uchar float x", "property float y", "property float z"),
        "t.ply",
        "'x' is a list");
    assertMalformed(
        text(base, "property float x", "property float x"), "t.ply", "duplicate property 'x'");
    assertMalformed(
        text(
            base,
            "property float x",
            "property float y",
            "property float z",
            "element face 0",
            "property list float int vertex_indices"),
        "t.ply",
        "not an integer type");
    assertMalformed(
        text(
            base,
            "property float x",
            "property float y",
            "property float z",
            "element face 0",
            "property list uchar float vertex_indices"),
        "t.ply",
        "non-integer items");
    assertMalformed(
        text(
            base,
            "property float x",
            "property float y",
            "property float z",
            "element face 0",
            "property int vertex_indices"),
        "t.ply",
        "is not a list");
    assertMalformed(
        text(
            base,
            "property float x",
            "property float y",
            "property float z",
            "element face 0",
            "property list uchar int corners"),
        "t.ply",
        "no 'vertex_indices'");
    assertMalformed(
        text(base, "property float x", "property float y", "property float z", "element vertex 0"),
        "t.ply",
        "duplicate element 'vertex'");
    assertMalformed(
        text(new String[] {"ply", "format ascii 1.0", "element face 0"}), "t.ply", "no 'vertex'");
    assertMalformed(text(new String[] {"ply", "element vertex 0"}), "t.ply", "no 'format' line");
  }

  private static byte[] text(String[] head, String... more) {
    String[] all = Arrays.copyOf(head, head.length + more.length + 1);
    System.arraycopy(more, 0, all, head.length, more.length);
    all[all.length - 1] = "end_header";
    return PlyBytes.text(all);
  }

  @Test
  void badAsciiValues() {
    String[] head = {
      "ply",
      "format ascii 1.0",
      "element vertex 3",
      "property float x",
      "property float y",
      "property float z",
      "element face 1",
      "property list uchar int vertex_indices",
      "end_header",
      "0 0 0",
      "1 0 0"
    };
    assertMalformed(
        concat(head, "0 1 0x10", "3 0 1 2"), "a.ply", "vertex 2", "'0x10' is not a number");
    assertMalformed(
        concat(head, "0 1 0", "300 0 1 2"), "a.ply", "face 0", "out of range for type uint8");
    assertMalformed(concat(head, "0 1 0", "3 0 1 2.0"), "a.ply", "face 0", "not an integer");
    assertMalformed(concat(head, "0 1 0", "3 0 1"), "a.ply", "face 0", "unexpected end of file");
  }

  private static byte[] concat(String[] head, String... body) {
    String[] all = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return PlyBytes.text(all);
  }

  @Test
  void headerTooLong() {
    StringBuilder sb = new StringBuilder("ply\nformat ascii 1.0\n");
    while (sb.length() <= PlyReader.MAX_HEADER_BYTES) {
      sb.append("comment ").append("x".repeat(1000)).append('\n');
    }
    assertMalformed(
        sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        "long.ply",
        "header longer than");
  }

  @Test
  void ioErrorsAreCannotReadFile(@TempDir Path dir) {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk on fire");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            throw new IOException("disk on fire");
          }
        };
    assertThatThrownBy(() -> PlyReader.read(failing, "io.ply"))
        .isInstanceOf(RadioTwinException.class)
        .hasMessage("cannot read io.ply: disk on fire");
    Path missing = dir.resolve("missing.ply");
    assertThatThrownBy(() -> PlyReader.read(missing))
        .isInstanceOf(RadioTwinException.class)
        .hasMessage("cannot read " + missing + ": file not found");
  }
}
