package org.radiotwin.scene.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Where the files of a scene live: the folder of a scene XML on disk, or a classpath package for
 * the built-in scenes. A scene names its meshes by references relative to this folder ({@code
 * meshes/wall.ply}); the folder resolves them and refuses every reference that could reach a file
 * outside it, because scene files are untrusted.
 *
 * <p>Reference rules (the same for every implementation, see {@link #normalize}): a reference is a
 * relative path with {@code /} (or {@code \}) separators; it must not be empty, be absolute ({@code
 * /x}, {@code \x}), start with a Windows drive letter or UNC prefix ({@code C:}, {@code \\server}),
 * contain a {@code ..} segment or a NUL character. The file-system folder also follows symbolic
 * links and refuses the file if its real path is not inside the folder's real path.
 */
public interface SceneFolder {

  /**
   * Opens a file of the scene.
   *
   * @param relativeReference path relative to the folder, as written in the scene
   * @return a stream the caller must close
   * @throws RadioTwinException PATH_OUTSIDE_SCENE if the reference leaves the folder,
   *     CANNOT_READ_FILE if the file does not exist or cannot be opened
   */
  InputStream open(String relativeReference);

  /**
   * Describes where a reference points, for messages; never fails.
   *
   * @param relativeReference path relative to the folder
   * @return e.g. {@code /data/scenes/box/meshes/box.ply} or {@code
   *     classpath:org/radiotwin/scene/builtin/box/meshes/box.ply}
   */
  String describe(String relativeReference);

  /**
   * A folder on the file system.
   *
   * @param folder the directory holding the scene XML
   * @return the folder
   */
  static SceneFolder of(Path folder) {
    return new FileSystemFolder(folder);
  }

  /**
   * A folder of classpath resources.
   *
   * @param loader class loader to load the resources with
   * @param prefix resource path of the folder, e.g. {@code org/radiotwin/scene/builtin/box/}
   *     (trusted; a missing trailing {@code /} is added)
   * @return the folder
   */
  static SceneFolder classpath(ClassLoader loader, String prefix) {
    return new ClasspathFolder(loader, prefix);
  }

  /**
   * Checks a reference against the rules of this interface and normalises it: separators become
   * {@code /}, empty and {@code .} segments are dropped.
   *
   * @param reference the reference as written in a scene
   * @param folder description of the folder, for messages
   * @return the normalised relative path, never empty
   * @throws RadioTwinException PATH_OUTSIDE_SCENE for absolute paths, drive letters, UNC paths and
   *     {@code ..} segments; MALFORMED_FILE for empty references or NUL characters
   */
  static String normalize(String reference, String folder) {
    if (reference == null || reference.isBlank()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, folder, "file reference", "empty file name");
    }
    String r = reference.replace('\\', '/');
    boolean driveLetter = r.length() >= 2 && r.charAt(1) == ':' && Character.isLetter(r.charAt(0));
    if (r.startsWith("/") || driveLetter) {
      throw new RadioTwinException(RadioTwinMessages.PATH_OUTSIDE_SCENE, folder, reference);
    }
    StringBuilder out = new StringBuilder(r.length());
    for (String segment : r.split("/", -1)) {
      if (segment.isEmpty() || ".".equals(segment)) {
        continue;
      }
      if ("..".equals(segment)) {
        throw new RadioTwinException(RadioTwinMessages.PATH_OUTSIDE_SCENE, folder, reference);
      }
      if (segment.indexOf('\0') >= 0) {
        // NUL would truncate the path in native code.
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE,
            folder,
            "file reference '" + PlyReader.abbreviate(reference) + "'",
            "contains a NUL character");
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(segment);
    }
    if (out.length() == 0) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          folder,
          "file reference '" + reference + "'",
          "names the folder itself, not a file");
    }
    return out.toString();
  }

  /** A directory on disk; symbolic links are followed and must stay inside it. */
  final class FileSystemFolder implements SceneFolder {
    private final Path folder;
    private Path realFolder;

    FileSystemFolder(Path folder) {
      this.folder = Objects.requireNonNull(folder, "folder").toAbsolutePath().normalize();
    }

    private synchronized Path realFolder() {
      if (realFolder == null) {
        try {
          realFolder = folder.toRealPath();
        } catch (IOException | SecurityException e) {
          throw new RadioTwinException(
              e,
              RadioTwinMessages.CANNOT_READ_FILE,
              folder.toString(),
              "scene folder is not accessible: " + PlyReader.describe(e));
        }
      }
      return realFolder;
    }

    @Override
    public InputStream open(String relativeReference) {
      String ref = normalize(relativeReference, folder.toString());
      Path real;
      try {
        real = realFolder().resolve(ref).toRealPath();
      } catch (NoSuchFileException e) {
        throw new RadioTwinException(
            e, RadioTwinMessages.CANNOT_READ_FILE, describe(ref), "file not found");
      } catch (IOException | InvalidPathException | SecurityException e) {
        throw new RadioTwinException(
            e, RadioTwinMessages.CANNOT_READ_FILE, describe(ref), PlyReader.describe(e));
      }
      if (!real.startsWith(realFolder())) {
        // A symbolic link (of the file or of a folder on the way) leads out of the scene.
        throw new RadioTwinException(
            RadioTwinMessages.PATH_OUTSIDE_SCENE, folder.toString(), relativeReference);
      }
      if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
        throw new RadioTwinException(
            RadioTwinMessages.CANNOT_READ_FILE, describe(ref), "not a regular file");
      }
      try {
        // Open the checked real path without following a link swapped in since the check.
        return Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS);
      } catch (IOException | SecurityException | UnsupportedOperationException e) {
        throw new RadioTwinException(
            e, RadioTwinMessages.CANNOT_READ_FILE, describe(ref), PlyReader.describe(e));
      }
    }

    @Override
    public String describe(String relativeReference) {
      try {
        return folder.resolve(relativeReference).toString();
      } catch (InvalidPathException e) {
        return folder + "/" + PlyReader.abbreviate(String.valueOf(relativeReference));
      }
    }

    @Override
    public String toString() {
      return folder.toString();
    }
  }

  /** Resources under a classpath prefix. */
  final class ClasspathFolder implements SceneFolder {
    private final ClassLoader loader;
    private final String prefix;

    ClasspathFolder(ClassLoader loader, String prefix) {
      this.loader = Objects.requireNonNull(loader, "loader");
      this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
    }

    @Override
    public InputStream open(String relativeReference) {
      String ref = normalize(relativeReference, "classpath:" + prefix);
      InputStream in = loader.getResourceAsStream(prefix + ref);
      if (in == null) {
        throw new RadioTwinException(
            RadioTwinMessages.CANNOT_READ_FILE, describe(ref), "resource not found");
      }
      return in;
    }

    @Override
    public String describe(String relativeReference) {
      return "classpath:" + prefix + PlyReader.abbreviate(String.valueOf(relativeReference));
    }

    @Override
    public String toString() {
      return "classpath:" + prefix;
    }
  }
}
