package org.radiotwin.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Writes a file through a temporary file in the same folder and a rename, so that a failure leaves
 * the target untouched and readers never see half a file.
 */
public final class AtomicFiles {

  /** Writes the content of a file. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the file's content.
     *
     * @param out buffered stream into the temporary file
     * @throws IOException on a write failure
     */
    void write(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  public static void write(Path target, Content content) {
    Path absolute = target.toAbsolutePath();
    Path parent = absolute.getParent();
    Path dir = parent != null ? parent : absolute;
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".radiotwin-", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        content.write(out);
      }
      // Temporary files are private (rw-------); outputs get the usual rw-r--r--.
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new RadioTwinException(e, RadioTwinMessages.CANNOT_WRITE_FILE, target, e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // Best effort: the original error matters more.
        }
      }
    }
  }
}
