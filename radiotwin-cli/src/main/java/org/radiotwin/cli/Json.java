package org.radiotwin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.math.Vec3;

/** JSON output helpers: one document per command, on stdout. */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode vector(Vec3 v) {
    ArrayNode a = MAPPER.createArrayNode();
    a.add(v.x()).add(v.y()).add(v.z());
    return a;
  }

  /** One line, for streaming output such as benchmark results. */
  static String compact(Object document) {
    try {
      return new ObjectMapper().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise output", e);
    }
  }

  static void print(PrintWriter out, Object document) {
    try {
      out.println(MAPPER.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise output", e);
    }
    out.flush();
  }

  /**
   * Writes a document, indented, to a file in one atomic step (no partial file on failure).
   *
   * @param file the JSON file
   * @param document the document
   */
  static void writeFile(Path file, Object document) {
    AtomicFiles.write(
        file,
        stream ->
            stream.write(MAPPER.writeValueAsString(document).getBytes(StandardCharsets.UTF_8)));
  }
}
