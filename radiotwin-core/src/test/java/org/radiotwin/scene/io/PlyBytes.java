package org.radiotwin.scene.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds hand-made PLY files for tests: an ASCII header followed by typed binary values. */
final class PlyBytes {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;

  private PlyBytes(ByteOrder order) {
    this.order = order;
  }

  /** Starts a file with the given header lines (joined with '\n', end_header appended). */
  static PlyBytes header(ByteOrder order, String... lines) {
    PlyBytes b = new PlyBytes(order);
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      sb.append(l).append('\n');
    }
    sb.append("end_header\n");
    b.out.writeBytes(sb.toString().getBytes(StandardCharsets.US_ASCII));
    return b;
  }

  /** A whole text (ASCII) file. */
  static byte[] text(String... lines) {
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private ByteBuffer buf(int n) {
    return ByteBuffer.allocate(n).order(order);
  }

  PlyBytes f32(float... v) {
    for (float x : v) {
      out.writeBytes(buf(4).putFloat(x).array());
    }
    return this;
  }

  PlyBytes f64(double... v) {
    for (double x : v) {
      out.writeBytes(buf(8).putDouble(x).array());
    }
    return this;
  }

  PlyBytes i8(int... v) {
    for (int x : v) {
      out.write((byte) x);
    }
    return this;
  }

  PlyBytes i16(int... v) {
    for (int x : v) {
      out.writeBytes(buf(2).putShort((short) x).array());
    }
    return this;
  }

  PlyBytes i32(long... v) {
    for (long x : v) {
      out.writeBytes(buf(4).putInt((int) x).array());
    }
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }
}
