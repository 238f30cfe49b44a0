package org.radiotwin.scene.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;

/**
 * Writes triangle meshes as PLY files in the layout Sionna RT and Mitsuba 3 read: {@code element
 * vertex} with float32 {@code x y z}, {@code element face} with {@code property list uchar int
 * vertex_indices}, three indices per face.
 *
 * <p>Coordinates are stored as float32: a value v is written as the nearest float, (float) v. A
 * mesh read from a float32 PLY (all Sionna scenes) therefore round-trips exactly; other values are
 * rounded to 24 significant bits (relative error ≤ 2⁻²⁴ ≈ 6·10⁻⁸, i.e. ≤ 0.06 mm at 1 km). A
 * coordinate beyond the float32 range (|v| > 3.4·10³⁸) is refused.
 */
public final class PlyWriter {

  /** Encodings this writer produces. */
  public enum Format {
    /** {@code binary_little_endian 1.0}: what Sionna ships and Blender writes. */
    BINARY_LITTLE_ENDIAN,
    /** {@code ascii 1.0}: human-readable, float32 values printed in shortest round-trip form. */
    ASCII
  }

  private PlyWriter() {}

  /**
   * Writes a mesh to a file in binary little-endian form, atomically (a temporary file in the same
   * folder is renamed when complete, so a failure leaves no partial file).
   *
   * @param mesh the mesh
   * @param file destination, replaced if it exists
   * @throws RadioTwinException CANNOT_WRITE_FILE on an I/O error or a coordinate outside the
   *     float32 range
   */
  public static void write(TriangleMesh mesh, Path file) {
    write(mesh, file, Format.BINARY_LITTLE_ENDIAN);
  }

  /**
   * Writes a mesh to a file, atomically.
   *
   * @param mesh the mesh
   * @param file destination, replaced if it exists
   * @param format encoding
   * @throws RadioTwinException CANNOT_WRITE_FILE on an I/O error or a coordinate outside the
   *     float32 range
   */
  public static void write(TriangleMesh mesh, Path file, Format format) {
    writeAtomically(file, out -> write(mesh, out, format, file.toString()));
  }

  /** Something that writes a whole file to a stream. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes a file through a temporary sibling, then renames it into place (atomically where the
   * file system allows), so readers never see a partial file and a failure leaves none behind.
   */
  static void writeAtomically(Path file, Body body) {
    Path temp = writeTemporary(file, body);
    moveIntoPlace(temp, file);
  }

  /**
   * Writes a temporary sibling of {@code file} (hidden name, created exclusively) and returns it;
   * on failure nothing is left behind.
   */
  static Path writeTemporary(Path file, Body body) {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    Path name = abs.getFileName();
    if (dir == null || name == null) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_WRITE_FILE, file.toString(), "not a file path");
    }
    String base = name.toString();
    Path temp = null;
    try {
      for (int attempt = 0; temp == null; attempt++) {
        Path candidate =
            dir.resolve(
                "."
                    + base
                    + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
        try {
          Files.newOutputStream(candidate, StandardOpenOption.CREATE_NEW).close();
          temp = candidate;
        } catch (FileAlreadyExistsException e) {
          if (attempt > 100) {
            throw e;
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING)) {
        body.writeTo(out);
      }
      return temp;
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      if (e instanceof RadioTwinException) {
        throw (RadioTwinException) e;
      }
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_WRITE_FILE, file.toString(), PlyReader.describe(e));
    }
  }

  /** Renames a temporary file over its destination; on failure the temporary file is removed. */
  static void moveIntoPlace(Path temp, Path file) {
    try {
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException e) {
      deleteQuietly(temp);
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_WRITE_FILE, file.toString(), PlyReader.describe(e));
    }
  }

  static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException | RuntimeException e) {
      // Best effort: the original failure is what the caller needs to see.
    }
  }

  /**
   * Writes a mesh to a stream (flushed, not closed).
   *
   * @param mesh the mesh
   * @param out destination
   * @param format encoding
   * @param targetName name of the destination for messages
   * @throws RadioTwinException CANNOT_WRITE_FILE on an I/O error or a coordinate outside the
   *     float32 range
   */
  public static void write(TriangleMesh mesh, OutputStream out, Format format, String targetName) {
    int nv = mesh.vertexCount();
    int nt = mesh.triangleCount();
    String header =
        "ply\n"
            + "format "
            + (format == Format.ASCII ? "ascii" : "binary_little_endian")
            + " 1.0\n"
            + "comment written by RadioTwin\n"
            + "element vertex "
            + nv
            + "\n"
            + "property float x\n"
            + "property float y\n"
            + "property float z\n"
            + "element face "
            + nt
            + "\n"
            + "property list uchar int vertex_indices\n"
            + "end_header\n";
    try {
      OutputStream o = new BufferedOutputStream(out, 1 << 16);
      o.write(header.getBytes(StandardCharsets.US_ASCII));
      if (format == Format.ASCII) {
        writeAscii(mesh, o, targetName);
      } else {
        writeBinary(mesh, o, targetName);
      }
      o.flush();
    } catch (IOException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_WRITE_FILE, targetName, PlyReader.describe(e));
    }
  }

  private static float toFloat(TriangleMesh mesh, int vertex, int axis, String target) {
    double v = mesh.coordinate(vertex, axis);
    float f = (float) v;
    if (!Float.isFinite(f)) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_WRITE_FILE,
          target,
          "coordinate " + axis + " of vertex " + vertex + " (" + v + ") exceeds the float32 range");
    }
    return f;
  }

  private static void writeBinary(TriangleMesh mesh, OutputStream o, String target)
      throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 15).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < mesh.vertexCount(); i++) {
      if (b.remaining() < 12) {
        drain(b, o);
      }
      b.putFloat(toFloat(mesh, i, 0, target));
      b.putFloat(toFloat(mesh, i, 1, target));
      b.putFloat(toFloat(mesh, i, 2, target));
    }
    for (int t = 0; t < mesh.triangleCount(); t++) {
      if (b.remaining() < 13) {
        drain(b, o);
      }
      b.put((byte) 3);
      b.putInt(mesh.index(t, 0));
      b.putInt(mesh.index(t, 1));
      b.putInt(mesh.index(t, 2));
    }
    drain(b, o);
  }

  private static void drain(ByteBuffer b, OutputStream o) throws IOException {
    o.write(b.array(), 0, b.position());
    b.clear();
  }

  private static void writeAscii(TriangleMesh mesh, OutputStream o, String target)
      throws IOException {
    StringBuilder sb = new StringBuilder(1 << 12);
    for (int i = 0; i < mesh.vertexCount(); i++) {
      sb.append(floatText(toFloat(mesh, i, 0, target)))
          .append(' ')
          .append(floatText(toFloat(mesh, i, 1, target)))
          .append(' ')
          .append(floatText(toFloat(mesh, i, 2, target)))
          .append('\n');
      if (sb.length() > 1 << 12) {
        o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        sb.setLength(0);
      }
    }
    for (int t = 0; t < mesh.triangleCount(); t++) {
      sb.append("3 ")
          .append(mesh.index(t, 0))
          .append(' ')
          .append(mesh.index(t, 1))
          .append(' ')
          .append(mesh.index(t, 2))
          .append('\n');
      if (sb.length() > 1 << 12) {
        o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        sb.setLength(0);
      }
    }
    o.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Shortest decimal text that reads back as the same float (Java's algorithm), without Java's
   * {@code E} notation quirks: {@code 1.0E-5} is printed as {@code 1.0e-5}, which C parsers accept
   * as well.
   */
  static String floatText(float f) {
    return Float.toString(f).toLowerCase(Locale.ROOT);
  }
}
