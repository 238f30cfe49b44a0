package org.radiotwin.stats.gp;

/**
 * Minimises a smooth function within a box by projected limited-memory BFGS: the quasi-Newton
 * direction (two-loop recursion, Nocedal and Wright, <i>Numerical Optimization</i>, 2nd ed., 2006,
 * Alg. 7.4) restricted to the variables that are not held at a bound, followed by a backtracking
 * Armijo search along the projected path x(t) = P(x + t·d) (Bertsekas, <i>Nonlinear
 * Programming</i>, §2.3). A simpler relative of L-BFGS-B (Byrd, Lu, Nocedal and Zhu 1995), which
 * scikit-learn uses for the same problem; it stops on the same criteria: projected gradient ‖P(x −
 * ∇f) − x‖_∞ ≤ 10⁻⁵ or relative reduction of f below 2.2·10⁻⁹.
 */
final class BoundedLbfgs {

  /** Objective: returns f(x) and writes ∇f(x); +∞ marks an infeasible point. */
  @FunctionalInterface
  interface Objective {
    double evaluate(double[] x, double[] gradient);
  }

  /** Result: the best point, its value and the number of function evaluations. */
  record Result(double[] x, double value, int evaluations) {}

  private static final int MEMORY = 10;
  private static final double PGTOL = 1e-5;
  private static final double FTOL = 2.220446049250313e-9;
  private static final double ARMIJO = 1e-4;

  private final int maxIterations;

  BoundedLbfgs(int maxIterations) {
    this.maxIterations = maxIterations;
  }

  Result minimise(Objective f, double[] start, double[] lower, double[] upper) {
    int p = start.length;
    double[] x = project(start.clone(), lower, upper);
    double[] g = new double[p];
    double fx = f.evaluate(x, g);
    int evaluations = 1;
    if (!Double.isFinite(fx)) {
      return new Result(x, fx, evaluations);
    }
    double[][] s = new double[MEMORY][p];
    double[][] yv = new double[MEMORY][p];
    double[] rho = new double[MEMORY];
    int stored = 0;
    int head = 0;
    double[] d = new double[p];
    double[] xNew = new double[p];
    double[] gNew = new double[p];
    double[] alpha = new double[MEMORY];
    boolean[] free = new boolean[p];
    for (int iter = 0; iter < maxIterations; iter++) {
      double pg = 0;
      for (int i = 0; i < p; i++) {
        double step = Math.min(Math.max(x[i] - g[i], lower[i]), upper[i]) - x[i];
        pg = Math.max(pg, Math.abs(step));
        free[i] = !((x[i] <= lower[i] && g[i] > 0) || (x[i] >= upper[i] && g[i] < 0));
      }
      if (pg <= PGTOL) {
        break;
      }
      // Two-loop recursion on the free variables.
      for (int i = 0; i < p; i++) {
        d[i] = free[i] ? -g[i] : 0;
      }
      for (int m = 0; m < stored; m++) {
        int idx = Math.floorMod(head - 1 - m, MEMORY);
        alpha[idx] = rho[idx] * dot(s[idx], d, free);
        axpy(-alpha[idx], yv[idx], d, free);
      }
      if (stored > 0) {
        int last = Math.floorMod(head - 1, MEMORY);
        double yy = dot(yv[last], yv[last], free);
        double gamma = yy > 0 ? dot(s[last], yv[last], free) / yy : 1;
        if (gamma > 0) {
          for (int i = 0; i < p; i++) {
            d[i] *= gamma;
          }
        }
      }
      for (int m = stored - 1; m >= 0; m--) {
        int idx = Math.floorMod(head - 1 - m, MEMORY);
        double beta = rho[idx] * dot(yv[idx], d, free);
        axpy(alpha[idx] - beta, s[idx], d, free);
      }
      double slope = 0;
      for (int i = 0; i < p; i++) {
        slope += d[i] * g[i];
      }
      if (!(slope < 0)) {
        stored = 0;
        slope = 0;
        for (int i = 0; i < p; i++) {
          d[i] = free[i] ? -g[i] : 0;
          slope += d[i] * g[i];
        }
      }
      double t = 1;
      if (stored == 0) {
        double norm = 0;
        for (double v : d) {
          norm = Math.max(norm, Math.abs(v));
        }
        t = Math.min(1, 1 / Math.max(norm, 1e-300));
      }
      double fNew = Double.NaN;
      boolean accepted = false;
      for (int ls = 0; ls < 40; ls++) {
        double decrease = 0;
        for (int i = 0; i < p; i++) {
          xNew[i] = Math.min(Math.max(x[i] + t * d[i], lower[i]), upper[i]);
          decrease += g[i] * (xNew[i] - x[i]);
        }
        fNew = f.evaluate(xNew, gNew);
        evaluations++;
        if (Double.isFinite(fNew) && fNew <= fx + ARMIJO * decrease) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        if (stored == 0) {
          break;
        }
        stored = 0;
        continue;
      }
      double sy = 0;
      for (int i = 0; i < p; i++) {
        s[head][i] = xNew[i] - x[i];
        yv[head][i] = gNew[i] - g[i];
        sy += s[head][i] * yv[head][i];
      }
      if (sy > 1e-10 * Math.sqrt(dot(yv[head], yv[head], null) * dot(s[head], s[head], null))) {
        rho[head] = 1 / sy;
        head = (head + 1) % MEMORY;
        stored = Math.min(stored + 1, MEMORY);
      }
      double reduction = (fx - fNew) / Math.max(Math.max(Math.abs(fx), Math.abs(fNew)), 1);
      System.arraycopy(xNew, 0, x, 0, p);
      System.arraycopy(gNew, 0, g, 0, p);
      fx = fNew;
      if (reduction <= FTOL) {
        break;
      }
    }
    return new Result(x, fx, evaluations);
  }

  private static double[] project(double[] x, double[] lower, double[] upper) {
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.min(Math.max(x[i], lower[i]), upper[i]);
    }
    return x;
  }

  private static double dot(double[] a, double[] b, boolean[] mask) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      if (mask == null || mask[i]) {
        s += a[i] * b[i];
      }
    }
    return s;
  }

  private static void axpy(double a, double[] x, double[] y, boolean[] mask) {
    for (int i = 0; i < x.length; i++) {
      if (mask[i]) {
        y[i] += a * x[i];
      }
    }
  }
}
