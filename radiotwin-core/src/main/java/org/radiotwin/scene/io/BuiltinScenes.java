package org.radiotwin.scene.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.scene.Scene;

/**
 * The scenes bundled with RadioTwin: Sionna RT's small synthetic example scenes ({@code box},
 * {@code simple_street_canyon}, {@code floor_wall}, …; Apache-2.0, see the NOTICE next to them),
 * stored as classpath resources {@code org/radiotwin/scene/builtin/<name>/<name>.xml} with their
 * {@code meshes/*.ply}. The list of names is the resource {@code index.txt} (one name per line;
 * lines that name no scene folder with an XML are ignored).
 */
public final class BuiltinScenes {

  /** Classpath folder of the bundled scenes. */
  static final String ROOT = "org/radiotwin/scene/builtin/";

  private static volatile List<String> names;

  private BuiltinScenes() {}

  /**
   * Names of the bundled scenes, in index order.
   *
   * @return unmodifiable list, e.g. {@code [box, box_one_screen, …, triple_reflector]}
   */
  public static List<String> names() {
    List<String> n = names;
    if (n == null) {
      n = readIndex();
      names = n;
    }
    return n;
  }

  private static List<String> readIndex() {
    String index = ROOT + "index.txt";
    InputStream in = loader().getResourceAsStream(index);
    if (in == null) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_READ_FILE, "classpath:" + index, "resource not found");
    }
    List<String> list = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String s = line.strip();
        // Only lines naming a scene folder with its XML count: blank lines, comments and stray
        // entries (such as the index listing itself) are skipped.
        if (!s.isEmpty()
            && !s.startsWith("#")
            && s.matches("[A-Za-z0-9_-]+")
            && loader().getResource(ROOT + s + "/" + s + ".xml") != null) {
          list.add(s);
        }
      }
    } catch (IOException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, "classpath:" + index, PlyReader.describe(e));
    }
    return List.copyOf(list);
  }

  private static ClassLoader loader() {
    ClassLoader l = BuiltinScenes.class.getClassLoader();
    return l != null ? l : ClassLoader.getSystemClassLoader();
  }

  /**
   * Loads a bundled scene.
   *
   * @param name one of {@link #names()}
   * @return the scene, as {@link MitsubaSceneReader} reads it
   * @throws RadioTwinException UNKNOWN_BUILTIN_SCENE listing the available names if there is no
   *     such scene
   */
  public static Scene load(String name) {
    List<String> known = names();
    // Only names from the index reach the class loader: no path tricks through the name.
    if (name == null || !known.contains(name)) {
      throw new RadioTwinException(
          RadioTwinMessages.UNKNOWN_BUILTIN_SCENE, name, String.join(", ", known));
    }
    String folder = ROOT + name + "/";
    String xml = folder + name + ".xml";
    InputStream in = loader().getResourceAsStream(xml);
    if (in == null) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_READ_FILE, "classpath:" + xml, "resource not found");
    }
    try (in) {
      return MitsubaSceneReader.read(
          in, "classpath:" + xml, SceneFolder.classpath(loader(), folder));
    } catch (IOException e) {
      throw new RadioTwinException(
          e, RadioTwinMessages.CANNOT_READ_FILE, "classpath:" + xml, PlyReader.describe(e));
    }
  }
}
