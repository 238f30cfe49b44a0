package org.radiotwin.rt;

/**
 * A uniform grid over receiver positions, so that a ray-tube segment finds the receivers within its
 * radius without looking at all of them: the segment is clipped to the receivers' box grown by the
 * largest radius, then marched cell by cell, visiting the grid cells within the local tube radius.
 * Immutable; queries use caller-owned {@link Visit} scratch.
 */
final class ReceiverIndex {

  /** Below this many receivers a linear scan is faster than the grid. */
  private static final int LINEAR_SCAN = 16;

  /** Receives the receivers that lie within a segment's tube. */
  interface Visitor {
    void accept(int receiver, double t);
  }

  /** Per-thread query state: the stamp of the last segment each receiver was tested for. */
  static final class Visit {
    final int[] stamp;
    int current;

    Visit(int receivers) {
      stamp = new int[receivers];
    }
  }

  private final double[] rx;
  private final int n;
  private final double[] lo = new double[3];
  private final double[] hi = new double[3];
  private final int[] dims = new int[3];
  private final double cell;
  private final int[] cellStart;
  private final int[] cellItems;

  ReceiverIndex(double[] rxPositions) {
    this.rx = rxPositions;
    this.n = rxPositions.length / 3;
    for (int k = 0; k < 3; k++) {
      lo[k] = Double.POSITIVE_INFINITY;
      hi[k] = Double.NEGATIVE_INFINITY;
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 3; k++) {
        lo[k] = Math.min(lo[k], rx[3 * i + k]);
        hi[k] = Math.max(hi[k], rx[3 * i + k]);
      }
    }
    // Cell size: about one receiver per cell over the dimensions the receivers span.
    double extMax = 0;
    for (int k = 0; k < 3; k++) {
      extMax = Math.max(extMax, hi[k] - lo[k]);
    }
    double volume = 1;
    int used = 0;
    for (int k = 0; k < 3; k++) {
      double e = hi[k] - lo[k];
      if (e > 1e-9 * extMax && e > 0) {
        volume *= e;
        used++;
      }
    }
    double h = used == 0 ? 1 : Math.pow(volume / Math.max(1, n), 1.0 / used);
    this.cell = Math.max(h, 1e-6 * Math.max(1, extMax));
    int total = 1;
    for (int k = 0; k < 3; k++) {
      dims[k] = Math.max(1, Math.min(1 << 10, (int) Math.floor((hi[k] - lo[k]) / cell) + 1));
      total *= dims[k];
    }
    if (n <= LINEAR_SCAN) {
      cellStart = new int[0];
      cellItems = new int[0];
      return;
    }
    int[] counts = new int[total + 1];
    int[] cellOf = new int[n];
    for (int i = 0; i < n; i++) {
      cellOf[i] = cellIndex(coord(i, 0, 0), coord(i, 1, 1), coord(i, 2, 2));
      counts[cellOf[i] + 1]++;
    }
    for (int c = 0; c < total; c++) {
      counts[c + 1] += counts[c];
    }
    cellStart = counts.clone();
    cellItems = new int[n];
    int[] fill = counts;
    for (int i = 0; i < n; i++) {
      cellItems[fill[cellOf[i]]++] = i;
    }
  }

  private int coord(int i, int k, int axis) {
    return clampCell((int) Math.floor((rx[3 * i + k] - lo[axis]) / cell), axis);
  }

  private int clampCell(int c, int axis) {
    return Math.max(0, Math.min(dims[axis] - 1, c));
  }

  private int cellIndex(int cx, int cy, int cz) {
    return (cz * dims[1] + cy) * dims[0] + cx;
  }

  /**
   * Visits the receivers within the tube of a segment: receiver at distance d from the line o + t·v
   * (v unit) with its foot t in (0, tEnd) and d ≤ tube·(len0 + t).
   */
  void query(
      double ox,
      double oy,
      double oz,
      double vx,
      double vy,
      double vz,
      double tEnd,
      double len0,
      double tube,
      Visit visit,
      Visitor visitor) {
    visit.current++;
    if (visit.current == Integer.MAX_VALUE) {
      java.util.Arrays.fill(visit.stamp, 0);
      visit.current = 1;
    }
    if (cellStart.length == 0) {
      for (int r = 0; r < n; r++) {
        test(r, ox, oy, oz, vx, vy, vz, tEnd, len0, tube, visitor);
      }
      return;
    }
    // Bound the useful part of the segment: beyond the far corner of the box nothing is near.
    double far = 0;
    for (int k = 0; k < 3; k++) {
      double o = k == 0 ? ox : k == 1 ? oy : oz;
      double d = Math.max(Math.abs(o - lo[k]), Math.abs(o - hi[k]));
      far += d * d;
    }
    double tMax = Math.min(tEnd, Math.sqrt(far));
    double rMax = tube * (len0 + tMax);
    // Clip [0, tMax] to the box grown by rMax (slab test).
    double t0 = 0;
    double t1 = tMax;
    for (int k = 0; k < 3 && t0 <= t1; k++) {
      double o = k == 0 ? ox : k == 1 ? oy : oz;
      double v = k == 0 ? vx : k == 1 ? vy : vz;
      double a = lo[k] - rMax;
      double b = hi[k] + rMax;
      if (v == 0) {
        if (o < a || o > b) {
          return;
        }
      } else {
        double ta = (a - o) / v;
        double tb = (b - o) / v;
        t0 = Math.max(t0, Math.min(ta, tb));
        t1 = Math.min(t1, Math.max(ta, tb));
      }
    }
    if (!(t0 <= t1)) {
      return;
    }
    // March in steps of one cell, visiting the cells within the local radius.
    for (double t = t0; t <= t1; t += cell) {
      double te = Math.min(t + cell, t1);
      double r = tube * (len0 + te) + cell;
      double px = ox + 0.5 * (t + te) * vx;
      double py = oy + 0.5 * (t + te) * vy;
      double pz = oz + 0.5 * (t + te) * vz;
      double reach = r + 0.5 * (te - t);
      int x0 = clampCell((int) Math.floor((px - reach - lo[0]) / cell), 0);
      int x1 = clampCell((int) Math.floor((px + reach - lo[0]) / cell), 0);
      int y0 = clampCell((int) Math.floor((py - reach - lo[1]) / cell), 1);
      int y1 = clampCell((int) Math.floor((py + reach - lo[1]) / cell), 1);
      int z0 = clampCell((int) Math.floor((pz - reach - lo[2]) / cell), 2);
      int z1 = clampCell((int) Math.floor((pz + reach - lo[2]) / cell), 2);
      for (int cz = z0; cz <= z1; cz++) {
        for (int cy = y0; cy <= y1; cy++) {
          for (int cx = x0; cx <= x1; cx++) {
            int c = cellIndex(cx, cy, cz);
            for (int q = cellStart[c]; q < cellStart[c + 1]; q++) {
              int rcv = cellItems[q];
              if (visit.stamp[rcv] != visit.current) {
                visit.stamp[rcv] = visit.current;
                test(rcv, ox, oy, oz, vx, vy, vz, tEnd, len0, tube, visitor);
              }
            }
          }
        }
      }
      if (te >= t1) {
        break;
      }
    }
  }

  private void test(
      int r,
      double ox,
      double oy,
      double oz,
      double vx,
      double vy,
      double vz,
      double tEnd,
      double len0,
      double tube,
      Visitor visitor) {
    double wx = rx[3 * r] - ox;
    double wy = rx[3 * r + 1] - oy;
    double wz = rx[3 * r + 2] - oz;
    double t = wx * vx + wy * vy + wz * vz;
    if (t <= 0 || t >= tEnd) {
      return;
    }
    double d2 = wx * wx + wy * wy + wz * wz - t * t;
    double radius = tube * (len0 + t);
    if (d2 <= radius * radius) {
      visitor.accept(r, t);
    }
  }
}
