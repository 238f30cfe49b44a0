package org.radiotwin.scene.io;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.scene.Scene;

/**
 * Loads a scene named the way users name one: {@code builtin:NAME} for a bundled Sionna RT scene, a
 * path to a Mitsuba 3 XML file, or a path to an OpenStreetMap {@code .osm} file.
 */
public final class SceneLoader {

  /** Prefix of bundled scene names. */
  public static final String BUILTIN_PREFIX = "builtin:";

  private SceneLoader() {}

  /**
   * Loads a scene with the default OpenStreetMap import options.
   *
   * @param spec {@code builtin:NAME}, {@code FILE.xml} or {@code FILE.osm}
   * @return the scene
   */
  public static Scene load(String spec) {
    return load(spec, OsmImportOptions.defaults());
  }

  /**
   * Loads a scene.
   *
   * @param spec {@code builtin:NAME}, {@code FILE.xml} or {@code FILE.osm}
   * @param osmOptions options for OpenStreetMap files
   * @return the scene
   * @throws RadioTwinException if the file is missing, of an unknown kind, or malformed
   */
  public static Scene load(String spec, OsmImportOptions osmOptions) {
    if (spec.startsWith(BUILTIN_PREFIX)) {
      return BuiltinScenes.load(spec.substring(BUILTIN_PREFIX.length()));
    }
    Path path;
    try {
      path = Path.of(spec);
    } catch (InvalidPathException e) {
      throw new RadioTwinException(RadioTwinMessages.CANNOT_READ_FILE, spec, e.getMessage());
    }
    if (!Files.isRegularFile(path)) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_READ_FILE,
          spec,
          Files.exists(path) ? "not a regular file" : "no such file");
    }
    String lower = spec.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".osm")) {
      return OsmSceneReader.read(path, osmOptions);
    }
    if (lower.endsWith(".xml")) {
      return MitsubaSceneReader.read(path);
    }
    throw new RadioTwinException(
        RadioTwinMessages.MALFORMED_FILE,
        spec,
        "file name",
        "unknown scene format: expected a Mitsuba .xml file, an OpenStreetMap .osm file or"
            + " builtin:NAME");
  }
}
