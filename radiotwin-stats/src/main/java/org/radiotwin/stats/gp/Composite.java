package org.radiotwin.stats.gp;

/** Helpers of the composite kernels. */
final class Composite {

  private Composite() {}

  static double[] concat(double[] a, double[] b) {
    double[] c = new double[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
