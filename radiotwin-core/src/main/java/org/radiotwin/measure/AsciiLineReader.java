package org.radiotwin.measure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, for the measurement readers: numbers are
 * parsed straight from the bytes ({@link EiselLemire}), and only the few text lines (headers,
 * comments) are decoded. A line ends at {@code \n}; a {@code \r} before it is dropped; the last
 * line may lack its terminator. The current line is {@code buffer()[start(), end())}, valid until
 * the next call of {@link #next()}.
 */
final class AsciiLineReader {

  /** Longest line accepted: a guard against a binary file swallowing the memory. */
  static final int MAX_LINE_LENGTH = 1 << 24;

  private final InputStream in;
  private byte[] buf = new byte[1 << 18];
  private int pos;
  private int limit;
  private boolean eof;
  private int start;
  private int end;
  private long lineNumber;

  AsciiLineReader(InputStream in) {
    this.in = in;
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of the stream
   * @throws IOException on a read error, or a line longer than {@link #MAX_LINE_LENGTH}
   */
  boolean next() throws IOException {
    while (true) {
      for (int i = pos; i < limit; i++) {
        if (buf[i] == '\n') {
          setLine(pos, i);
          pos = i + 1;
          return true;
        }
      }
      if (eof) {
        if (pos < limit) {
          setLine(pos, limit);
          pos = limit;
          return true;
        }
        return false;
      }
      fill();
    }
  }

  private void setLine(int from, int newline) {
    int e = newline;
    if (e > from && buf[e - 1] == '\r') {
      e--;
    }
    start = from;
    end = e;
    lineNumber++;
  }

  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      if (buf.length >= MAX_LINE_LENGTH) {
        throw new IOException("line " + (lineNumber + 1) + " is longer than 16 MiB");
      }
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }

  byte[] buffer() {
    return buf;
  }

  int start() {
    return start;
  }

  int end() {
    return end;
  }

  /** One-based number of the current line. */
  long lineNumber() {
    return lineNumber;
  }

  /** The current line decoded as UTF-8 (a leading byte-order mark removed on line 1). */
  String text() {
    String s = new String(buf, start, end - start, StandardCharsets.UTF_8);
    return lineNumber == 1 && s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** Whether the current line holds only spaces and tabs. */
  boolean isBlank() {
    for (int i = start; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  /** The first non-blank byte of the current line, or -1 for a blank line. */
  int firstNonBlank() {
    for (int i = start; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != '\t') {
        return buf[i];
      }
    }
    return -1;
  }
}
