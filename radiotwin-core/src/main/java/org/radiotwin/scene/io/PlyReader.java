package org.radiotwin.scene.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;

/**
 * Reads triangle meshes from Stanford PLY files (format version 1.0, as written by Blender's
 * Mitsuba exporter and shipped with Sionna RT), treating every file as untrusted input.
 *
 * <p>Supported: the {@code ascii}, {@code binary_little_endian} and {@code binary_big_endian}
 * formats; elements in any order, with unknown elements (edges, materials, …) skipped including
 * their list properties; any vertex layout as long as scalar {@code x}, {@code y} and {@code z}
 * exist (other vertex properties such as normals, texture coordinates or colours are skipped);
 * every PLY scalar type under both its classic and its sized name ({@code char}/{@code int8},
 * {@code uchar}/{@code uint8}, {@code short}/{@code int16}, {@code ushort}/{@code uint16}, {@code
 * int}/{@code int32}, {@code uint}/{@code uint32}, {@code float}/{@code float32}, {@code
 * double}/{@code float64}); faces given by a list property named {@code vertex_indices} or {@code
 * vertex_index} with any integer count and index type. A polygon (v0, v1, …, v(n-1)) is split into
 * the fan of triangles (v0, vj, vj+1), j = 1 … n-2, which keeps the winding and thus the normals.
 * Coordinates are kept as the file gives them (float32 values are widened exactly to double); an
 * ASCII value declared {@code float} is rounded to float32, as a binary file would store it.
 *
 * <p>Robustness: the reader never allocates from a count written in the header. Arrays start small
 * and grow only as data actually arrives, so a header announcing billions of vertices in a short
 * file fails with "unexpected end of file" after reading what is there; a file read through {@link
 * #read(Path)} is also checked up front against its size. Every loop consumes at least one byte per
 * step, so run time is linear in the input. Every failure (truncated data, missing {@code
 * end_header}, negative or oversized counts, unknown format or type, NaN or infinite coordinates,
 * out-of-range indices, faces with fewer than three vertices, I/O errors) is a {@link
 * RadioTwinException} whose message names the source and the offending header line, vertex or face.
 *
 * <p>Reference: G. Turk, "The PLY Polygon File Format" (1994),
 * http://paulbourke.net/dataformats/ply/.
 */
public final class PlyReader {

  /** Longest header accepted [bytes]; real headers are a few hundred bytes. */
  static final int MAX_HEADER_BYTES = 1 << 20;

  /**
   * Most vertices or triangles of one mesh: 3·n packed values must fit in a Java array ({@value}).
   */
  static final int MAX_ITEMS = (Integer.MAX_VALUE - 8) / 3;

  /** Initial capacity of the growing arrays [items]; they double as data arrives. */
  private static final int INITIAL_ITEMS = 1 << 12;

  private static final int BUFFER_BYTES = 1 << 15;

  private PlyReader() {}

  /**
   * Reads a PLY file.
   *
   * @param file path of the file; its name is used in error messages
   * @return the mesh (vertex coordinates in the file's units, metres for Sionna scenes)
   * @throws RadioTwinException CANNOT_READ_FILE if the file cannot be read, MALFORMED_FILE if its
   *     content is not a valid PLY triangle/polygon mesh
   */
  public static TriangleMesh read(Path file) {
    String name = file.toString();
    long size;
    InputStream in;
    try {
      size = Files.size(file);
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, name, "file not found");
    } catch (IOException | SecurityException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, name, describe(e));
    }
    try (in) {
      return new Parser(in, name, size).parse();
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, name, describe(e));
    }
  }

  /**
   * Reads a PLY mesh from a stream. Reading is buffered, so the stream may be consumed beyond the
   * end of the mesh data; bytes after the last element are ignored. The stream is not closed.
   *
   * @param in the PLY bytes
   * @param sourceName name of the source (file name or resource), used in every error message
   * @return the mesh
   * @throws RadioTwinException CANNOT_READ_FILE on an I/O error, MALFORMED_FILE if the content is
   *     not a valid PLY triangle/polygon mesh
   */
  public static TriangleMesh read(InputStream in, String sourceName) {
    try {
      return new Parser(in, sourceName, -1).parse();
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_READ_FILE, sourceName, describe(e));
    }
  }

  static String describe(Exception e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  // ------------------------------------------------------------------ header model

  /** PLY scalar types. */
  private enum Scalar {
    INT8(1, true),
    UINT8(1, true),
    INT16(2, true),
    UINT16(2, true),
    INT32(4, true),
    UINT32(4, true),
    FLOAT32(4, false),
    FLOAT64(8, false);

    final int size;
    final boolean integral;

    Scalar(int size, boolean integral) {
      this.size = size;
      this.integral = integral;
    }

    static Scalar of(String name) {
      switch (name) {
        case "char":
        case "int8":
          return INT8;
        case "uchar":
        case "uint8":
          return UINT8;
        case "short":
        case "int16":
          return INT16;
        case "ushort":
        case "uint16":
          return UINT16;
        case "int":
        case "int32":
          return INT32;
        case "uint":
        case "uint32":
          return UINT32;
        case "float":
        case "float32":
          return FLOAT32;
        case "double":
        case "float64":
          return FLOAT64;
        default:
          return null;
      }
    }

    long min() {
      switch (this) {
        case INT8:
          return Byte.MIN_VALUE;
        case INT16:
          return Short.MIN_VALUE;
        case INT32:
          return Integer.MIN_VALUE;
        default:
          return 0;
      }
    }

    long max() {
      switch (this) {
        case INT8:
          return Byte.MAX_VALUE;
        case UINT8:
          return 0xFF;
        case INT16:
          return Short.MAX_VALUE;
        case UINT16:
          return 0xFFFF;
        case INT32:
          return Integer.MAX_VALUE;
        default:
          return 0xFFFF_FFFFL;
      }
    }
  }

  /** A property: a scalar, or a list (countType != null) of scalars. */
  private static final class Property {
    final String name;
    final Scalar type;
    final Scalar countType;

    Property(String name, Scalar type, Scalar countType) {
      this.name = name;
      this.type = type;
      this.countType = countType;
    }

    boolean isList() {
      return countType != null;
    }
  }

  private static final class Element {
    final String name;
    final long count;
    final int headerLine;
    final List<Property> properties = new ArrayList<>();

    Element(String name, long count, int headerLine) {
      this.name = name;
      this.count = count;
      this.headerLine = headerLine;
    }

    /** Fewest tokens (hence bytes) one item can take in an ASCII file. */
    long minAsciiTokens(boolean isFace) {
      long n = 0;
      for (Property p : properties) {
        n += p.isList() ? 1 + (isFace && isIndexList(p) ? 3 : 0) : 1;
      }
      return n;
    }

    /** Fewest bytes one item can take in a binary file. */
    long minBinaryBytes(boolean isFace) {
      long n = 0;
      for (Property p : properties) {
        if (p.isList()) {
          boolean indices = isFace && isIndexList(p);
          n += p.countType.size + (indices ? 3L * p.type.size : 0);
        } else {
          n += p.type.size;
        }
      }
      return n;
    }
  }

  private static boolean isIndexList(Property p) {
    return p.isList() && ("vertex_indices".equals(p.name) || "vertex_index".equals(p.name));
  }

  private enum Format {
    ASCII,
    BINARY_LITTLE_ENDIAN,
    BINARY_BIG_ENDIAN
  }

  // ------------------------------------------------------------------ parser

  /** One parse of one source. Not thread-safe; used once. */
  private static final class Parser {
    private final InputStream in;
    private final String source;
    private final long knownSize;
    private final byte[] buf;
    private final ByteBuffer view;
    private int pos;
    private int lim;
    private long consumedBeforeBuffer;
    private boolean eof;

    private Format format;
    private final List<Element> elements = new ArrayList<>();
    private String location = "header";

    Parser(InputStream in, String source, long knownSize) {
      this.in = in;
      this.source = source;
      this.knownSize = knownSize;
      int size = BUFFER_BYTES;
      if (knownSize >= 0 && knownSize < size) {
        size = (int) Math.max(64, knownSize + 1);
      }
      this.buf = new byte[size];
      this.view = ByteBuffer.wrap(buf);
    }

    private RadioTwinException malformed(String where, String problem) {
      return new RadioTwinException(RadioTwinMessages.MALFORMED_FILE, source, where, problem);
    }

    private RadioTwinException malformed(String problem) {
      return malformed(location, problem);
    }

    private long offset() {
      return consumedBeforeBuffer + pos;
    }

    // ---------------------------------------------------------------- buffering

    /** Makes at least n ≤ buf.length bytes available; false if the stream ends before. */
    private boolean fill(int n) throws IOException {
      if (lim - pos >= n) {
        return true;
      }
      if (eof) {
        return false;
      }
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        consumedBeforeBuffer += pos;
        lim -= pos;
        pos = 0;
      }
      while (lim < n) {
        int r = in.read(buf, lim, buf.length - lim);
        if (r < 0) {
          eof = true;
          return false;
        }
        lim += r;
      }
      return true;
    }

    private void require(int n) throws IOException {
      if (!fill(n)) {
        throw malformed(
            "unexpected end of file at byte " + (offset() + (lim - pos)) + " (truncated data)");
      }
    }

    /** Next byte 0..255, or -1 at the end. */
    private int nextByte() throws IOException {
      if (pos >= lim && !fill(1)) {
        return -1;
      }
      return buf[pos++] & 0xFF;
    }

    // ---------------------------------------------------------------- header

    TriangleMesh parse() throws IOException {
      readHeader();
      Element vertex = null;
      Element face = null;
      for (Element e : elements) {
        if ("vertex".equals(e.name)) {
          vertex = e;
        } else if ("face".equals(e.name)) {
          face = e;
        }
      }
      if (vertex == null) {
        throw malformed("header", "no 'vertex' element");
      }
      int[] xyz = vertexRoles(vertex);
      int indexProperty = face == null ? -1 : indexProperty(face);
      checkSizes();
      view.order(
          format == Format.BINARY_BIG_ENDIAN ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);

      int nv = (int) vertex.count;
      double[] vertices = null;
      int[] triangles = new int[0];
      int triangleValues = 0;
      for (Element e : elements) {
        if (e == vertex) {
          vertices = readVertices(e, xyz);
        } else if (e == face) {
          TriangleSink sink = new TriangleSink(nv);
          readFaces(e, indexProperty, sink);
          triangles = sink.values;
          triangleValues = sink.size;
        } else {
          skipElement(e);
        }
      }
      if (triangleValues != triangles.length) {
        triangles = Arrays.copyOf(triangles, triangleValues);
      }
      try {
        return new TriangleMesh(vertices, triangles);
      } catch (RadioTwinException e) {
        // Unreachable: coordinates and indices were checked above. Kept so that a future check in
        // TriangleMesh still reports the file.
        throw new RadioTwinException(
            e, RadioTwinMessages.MALFORMED_FILE, source, "mesh", e.getMessage());
      }
    }

    private String readHeaderLine(int lineNo) throws IOException {
      StringBuilder sb = new StringBuilder(64);
      while (true) {
        int b = nextByte();
        if (b < 0) {
          throw malformed(
              "header line " + lineNo,
              lineNo == 1 ? "empty file" : "end of file before 'end_header'");
        }
        if (offset() > MAX_HEADER_BYTES) {
          throw malformed(
              "header line " + lineNo,
              "header longer than " + MAX_HEADER_BYTES + " bytes without 'end_header'");
        }
        if (b == '\n') {
          break;
        }
        sb.append((char) b);
      }
      int n = sb.length();
      if (n > 0 && sb.charAt(n - 1) == '\r') {
        sb.setLength(n - 1);
      }
      return sb.toString();
    }

    private void readHeader() throws IOException {
      String first = readHeaderLine(1);
      if (!"ply".equals(first.strip())) {
        throw malformed("header line 1", "not a PLY file (first line must be 'ply')");
      }
      Element current = null;
      for (int lineNo = 2; ; lineNo++) {
        String line = readHeaderLine(lineNo);
        String[] t = line.strip().split("\\s+");
        String where = "header line " + lineNo;
        switch (t[0]) {
          case "":
            break; // tolerate blank lines
          case "comment":
          case "obj_info":
            break;
          case "format":
            parseFormat(t, where);
            break;
          case "element":
            current = parseElement(t, where, lineNo);
            elements.add(current);
            break;
          case "property":
            if (current == null) {
              throw malformed(where, "property before any element");
            }
            Property p = parseProperty(t, where);
            for (Property q : current.properties) {
              if (q.name.equals(p.name)) {
                throw malformed(
                    where, "duplicate property '" + p.name + "' in element '" + current.name + "'");
              }
            }
            current.properties.add(p);
            break;
          case "end_header":
            if (t.length != 1) {
              throw malformed(where, "unexpected text after 'end_header'");
            }
            if (format == null) {
              throw malformed(where, "no 'format' line in the header");
            }
            location = "data";
            return;
          default:
            throw malformed(where, "unknown header keyword '" + abbreviate(t[0]) + "'");
        }
      }
    }

    private void parseFormat(String[] t, String where) {
      if (format != null) {
        throw malformed(where, "second 'format' line");
      }
      if (t.length != 3) {
        throw malformed(where, "expected 'format <type> 1.0'");
      }
      switch (t[1]) {
        case "ascii":
          format = Format.ASCII;
          break;
        case "binary_little_endian":
          format = Format.BINARY_LITTLE_ENDIAN;
          break;
        case "binary_big_endian":
          format = Format.BINARY_BIG_ENDIAN;
          break;
        default:
          throw malformed(
              where,
              "unknown format '"
                  + abbreviate(t[1])
                  + "' (expected ascii, binary_little_endian or binary_big_endian)");
      }
      if (!"1.0".equals(t[2]) && !"1".equals(t[2])) {
        throw malformed(where, "unsupported PLY version '" + abbreviate(t[2]) + "' (expected 1.0)");
      }
    }

    private Element parseElement(String[] t, String where, int lineNo) {
      if (t.length != 3) {
        throw malformed(where, "expected 'element <name> <count>'");
      }
      String name = t[1];
      for (Element e : elements) {
        if (e.name.equals(name)) {
          throw malformed(where, "duplicate element '" + abbreviate(name) + "'");
        }
      }
      long count;
      try {
        count = Long.parseLong(t[2]);
      } catch (NumberFormatException e) {
        throw malformed(
            where,
            "count of element '"
                + abbreviate(name)
                + "' is not an integer: '"
                + abbreviate(t[2])
                + "'");
      }
      if (count < 0) {
        throw malformed(
            where, "negative count " + count + " of element '" + abbreviate(name) + "'");
      }
      if (("vertex".equals(name) || "face".equals(name)) && count > MAX_ITEMS) {
        throw malformed(
            where,
            "count "
                + count
                + " of element '"
                + name
                + "' exceeds the supported maximum "
                + MAX_ITEMS);
      }
      return new Element(name, count, lineNo);
    }

    private Property parseProperty(String[] t, String where) {
      if (t.length >= 2 && "list".equals(t[1])) {
        if (t.length != 5) {
          throw malformed(where, "expected 'property list <count type> <item type> <name>'");
        }
        Scalar countType = scalar(t[2], where);
        if (!countType.integral) {
          throw malformed(where, "list count type '" + t[2] + "' is not an integer type");
        }
        return new Property(t[4], scalar(t[3], where), countType);
      }
      if (t.length != 3) {
        throw malformed(where, "expected 'property <type> <name>'");
      }
      return new Property(t[2], scalar(t[1], where), null);
    }

    private Scalar scalar(String name, String where) {
      Scalar s = Scalar.of(name);
      if (s == null) {
        throw malformed(where, "unknown property type '" + abbreviate(name) + "'");
      }
      return s;
    }

    /** Index of the x, y, z properties in the vertex element. */
    private int[] vertexRoles(Element vertex) {
      int[] xyz = {-1, -1, -1};
      String[] names = {"x", "y", "z"};
      for (int i = 0; i < vertex.properties.size(); i++) {
        Property p = vertex.properties.get(i);
        for (int a = 0; a < 3; a++) {
          if (names[a].equals(p.name)) {
            if (p.isList()) {
              throw malformed(
                  "header line " + vertex.headerLine, "vertex property '" + p.name + "' is a list");
            }
            xyz[a] = i;
          }
        }
      }
      for (int a = 0; a < 3; a++) {
        if (xyz[a] < 0) {
          throw malformed(
              "header line " + vertex.headerLine,
              "vertex element has no '" + names[a] + "' property");
        }
      }
      return xyz;
    }

    private int indexProperty(Element face) {
      int found = -1;
      for (int i = 0; i < face.properties.size(); i++) {
        Property p = face.properties.get(i);
        if ("vertex_indices".equals(p.name) || "vertex_index".equals(p.name)) {
          if (!p.isList()) {
            throw malformed(
                "header line " + face.headerLine, "face property '" + p.name + "' is not a list");
          }
          if (!p.type.integral) {
            throw malformed(
                "header line " + face.headerLine,
                "face property '" + p.name + "' has non-integer items");
          }
          if (found >= 0) {
            throw malformed(
                "header line " + face.headerLine,
                "face element has both 'vertex_indices' and 'vertex_index'");
          }
          found = i;
        }
      }
      if (found < 0) {
        throw malformed(
            "header line " + face.headerLine,
            "face element has no 'vertex_indices' (or 'vertex_index') list property");
      }
      return found;
    }

    /**
     * With a known file size, rejects headers whose counts cannot fit in the bytes that follow
     * (before anything is allocated or read).
     */
    private void checkSizes() {
      if (knownSize < 0) {
        return;
      }
      long available = knownSize - offset();
      long needed = 0;
      try {
        for (Element e : elements) {
          boolean isFace = "face".equals(e.name);
          long per = format == Format.ASCII ? e.minAsciiTokens(isFace) : e.minBinaryBytes(isFace);
          needed = Math.addExact(needed, Math.multiplyExact(e.count, per));
        }
      } catch (ArithmeticException overflow) {
        needed = Long.MAX_VALUE;
      }
      if (needed > available) {
        throw malformed(
            "header",
            "element counts need at least "
                + (needed == Long.MAX_VALUE ? "2^63" : Long.toString(needed))
                + " bytes of data but only "
                + available
                + " bytes follow the header (counts larger than the file)");
      }
    }

    // ---------------------------------------------------------------- values

    /** Reads an integral scalar (list count or index). */
    private long readIntegral(Scalar type) throws IOException {
      if (format == Format.ASCII) {
        return parseIntegral(nextToken(), type);
      }
      require(type.size);
      int p = pos;
      pos += type.size;
      switch (type) {
        case INT8:
          return buf[p];
        case UINT8:
          return buf[p] & 0xFF;
        case INT16:
          return view.getShort(p);
        case UINT16:
          return view.getShort(p) & 0xFFFF;
        case INT32:
          return view.getInt(p);
        case UINT32:
          return view.getInt(p) & 0xFFFF_FFFFL;
        default:
          throw new IllegalStateException("not integral: " + type);
      }
    }

    /** Reads any scalar as a double. */
    private double readReal(Scalar type) throws IOException {
      if (format == Format.ASCII) {
        String token = nextToken();
        if (type.integral) {
          return parseIntegral(token, type);
        }
        double v = parseReal(token);
        return type == Scalar.FLOAT32 ? (float) v : v;
      }
      switch (type) {
        case FLOAT32:
          require(4);
          pos += 4;
          return view.getFloat(pos - 4);
        case FLOAT64:
          require(8);
          pos += 8;
          return view.getDouble(pos - 8);
        default:
          return readIntegral(type);
      }
    }

    private void skipScalar(Scalar type) throws IOException {
      if (format == Format.ASCII) {
        nextToken();
      } else {
        skipBytes(type.size);
      }
    }

    private void skipBytes(long n) throws IOException {
      while (n > 0) {
        if (pos >= lim && !fill(1)) {
          throw malformed("unexpected end of file at byte " + offset() + " (truncated data)");
        }
        int k = (int) Math.min(n, lim - pos);
        pos += k;
        n -= k;
      }
    }

    private final StringBuilder token = new StringBuilder(32);

    /** Next whitespace-separated ASCII token. */
    private String nextToken() throws IOException {
      int b;
      do {
        b = nextByte();
        if (b < 0) {
          throw malformed("unexpected end of file (truncated data)");
        }
      } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0x0B);
      token.setLength(0);
      while (true) {
        if (token.length() >= 64) {
          throw malformed("number token longer than 64 characters");
        }
        token.append((char) b);
        b = nextByte();
        if (b < 0 || b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0x0B) {
          return token.toString();
        }
      }
    }

    private long parseIntegral(String s, Scalar type) {
      long v;
      try {
        v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
      } catch (NumberFormatException e) {
        throw malformed("'" + abbreviate(s) + "' is not an integer");
      }
      if (v < type.min() || v > type.max()) {
        throw malformed(
            "value " + v + " is out of range for type " + type.name().toLowerCase(Locale.ROOT));
      }
      return v;
    }

    private double parseReal(String s) {
      String l = s.toLowerCase(Locale.ROOT);
      switch (l) {
        case "nan":
        case "+nan":
        case "-nan":
          return Double.NaN;
        case "inf":
        case "+inf":
        case "infinity":
        case "+infinity":
          return Double.POSITIVE_INFINITY;
        case "-inf":
        case "-infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
      if (!isDecimal(s)) {
        throw malformed("'" + abbreviate(s) + "' is not a number");
      }
      return Double.parseDouble(s);
    }

    // ---------------------------------------------------------------- elements

    private double[] readVertices(Element e, int[] xyz) throws IOException {
      int n = (int) e.count;
      double[] v = new double[3 * Math.min(n, INITIAL_ITEMS)];
      List<Property> props = e.properties;
      int np = props.size();
      Scalar[] types = new Scalar[np];
      int[] role = new int[np];
      Arrays.fill(role, -1);
      for (int i = 0; i < np; i++) {
        types[i] = props.get(i).type;
      }
      role[xyz[0]] = 0;
      role[xyz[1]] = 1;
      role[xyz[2]] = 2;
      double[] p = new double[3];
      for (int i = 0; i < n; i++) {
        location = "vertex " + i;
        for (int k = 0; k < np; k++) {
          Property prop = props.get(k);
          if (prop.isList()) {
            skipList(prop);
          } else if (role[k] >= 0) {
            p[role[k]] = readReal(types[k]);
          } else {
            skipScalar(types[k]);
          }
        }
        if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !Double.isFinite(p[2])) {
          throw malformed(
              "vertex " + i,
              "coordinates (" + p[0] + ", " + p[1] + ", " + p[2] + ") are not all finite");
        }
        if (3 * i + 2 >= v.length) {
          v = Arrays.copyOf(v, (int) Math.min(3L * n, 2L * v.length));
        }
        v[3 * i] = p[0];
        v[3 * i + 1] = p[1];
        v[3 * i + 2] = p[2];
      }
      location = "data";
      return v.length == 3 * n ? v : Arrays.copyOf(v, 3 * n);
    }

    private void skipList(Property prop) throws IOException {
      long count = readIntegral(prop.countType);
      if (count < 0) {
        throw malformed("negative list length " + count + " of property '" + prop.name + "'");
      }
      if (format == Format.ASCII) {
        for (long j = 0; j < count; j++) {
          nextToken();
        }
      } else {
        skipBytes(count * prop.type.size); // count ≤ 2^32, size ≤ 8: no overflow
      }
    }

    private void readFaces(Element e, int indexProperty, TriangleSink sink) throws IOException {
      List<Property> props = e.properties;
      int np = props.size();
      Property ip = props.get(indexProperty);
      long n = e.count;
      for (long f = 0; f < n; f++) {
        location = "face " + f;
        for (int k = 0; k < np; k++) {
          Property prop = props.get(k);
          if (k != indexProperty) {
            if (prop.isList()) {
              skipList(prop);
            } else {
              skipScalar(prop.type);
            }
            continue;
          }
          long count = readIntegral(ip.countType);
          if (count < 3) {
            throw malformed("face " + f, "has " + count + " vertices; a face needs at least 3");
          }
          int v0 = index(ip.type, f, sink.vertexCount);
          int prev = index(ip.type, f, sink.vertexCount);
          for (long j = 2; j < count; j++) {
            int next = index(ip.type, f, sink.vertexCount);
            sink.add(v0, prev, next, this);
            prev = next;
          }
        }
      }
      location = "data";
    }

    private int index(Scalar type, long face, int vertexCount) throws IOException {
      long k = readIntegral(type);
      if (k < 0 || k >= vertexCount) {
        throw malformed(
            "face " + face,
            "vertex index "
                + k
                + " is outside [0, "
                + vertexCount
                + ") (file has "
                + vertexCount
                + " vertices)");
      }
      return (int) k;
    }

    private void skipElement(Element e) throws IOException {
      if (e.properties.isEmpty() || e.count == 0) {
        return; // nothing stored, even for a huge count
      }
      boolean fixed = format != Format.ASCII;
      long row = 0;
      for (Property p : e.properties) {
        if (p.isList()) {
          fixed = false;
        }
        row += p.type.size;
      }
      location = "element '" + abbreviate(e.name) + "'";
      if (fixed) {
        long total;
        try {
          total = Math.multiplyExact(e.count, row);
        } catch (ArithmeticException overflow) {
          throw malformed("count " + e.count + " is too large");
        }
        skipBytes(total);
      } else {
        for (long i = 0; i < e.count; i++) {
          for (Property p : e.properties) {
            if (p.isList()) {
              skipList(p);
            } else {
              skipScalar(p.type);
            }
          }
        }
      }
      location = "data";
    }
  }

  /** Growing packed triangle index array. */
  private static final class TriangleSink {
    final int vertexCount;
    int[] values = new int[3 * 64];
    int size;

    TriangleSink(int vertexCount) {
      this.vertexCount = vertexCount;
    }

    void add(int a, int b, int c, Parser parser) {
      if (size + 3 > values.length) {
        if (size / 3 >= MAX_ITEMS) {
          throw parser.malformed("more than " + MAX_ITEMS + " triangles");
        }
        values = Arrays.copyOf(values, (int) Math.min(3L * MAX_ITEMS, 2L * values.length));
      }
      values[size] = a;
      values[size + 1] = b;
      values[size + 2] = c;
      size += 3;
    }
  }

  /** Whether s is a plain decimal number: sign, digits, optional fraction and exponent. */
  static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exp = 0;
      while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
        i++;
        exp++;
      }
      if (exp == 0) {
        return false;
      }
    }
    return i == n;
  }

  /** Shortens untrusted text quoted in a message and makes control characters visible. */
  static String abbreviate(String s) {
    String t = s.length() > 40 ? s.substring(0, 40) + "…" : s;
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x20 || c == 0x7F) {
        sb.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
