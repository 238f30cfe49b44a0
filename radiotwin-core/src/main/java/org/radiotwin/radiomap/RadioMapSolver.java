package org.radiotwin.radiomap;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.radiotwin.channel.Channel;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.rt.DiffractionMapTracer;
import org.radiotwin.rt.DiffractionPathFinder;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.RayTubeTracer;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.Transmitter;

/**
 * Computes radio maps for the scene's transmitters on a {@link RadioMapGrid}, by one of two
 * methods:
 *
 * <ul>
 *   <li>{@link Method#SBR} (fast, Sionna RT's {@code RadioMapSolver}): N ray tubes per transmitter
 *       ({@link RayTubeTracer}); a tube crossing the map plane in a cell of area A at unfolded
 *       length L with coefficient a and direction cosine |v_z| to the plane normal adds
 *       |a|²·L²·(4π/N)/(A·|v_z|) to the cell's path gain (the power the tube carries through the
 *       cell, divided by the cell's area seen by the wave, times the isotropic aperture λ²/4π);
 *       delay moments and the strongest tube per cell give the delay spread and directions. With
 *       diffuse scattering on, every hit on a rough material also spawns one diffusely scattered
 *       tube (a Monte Carlo estimate of the scattered power, see {@link RayTubeTracer}). With
 *       {@link PathSolverConfig#diffraction()}, the first-order diffracted paths from every edge
 *       the transmitter lights to the cell centres the edge reaches are added ({@link
 *       DiffractionMapTracer}), their power |a|² summed incoherently with the tubes'.
 *   <li>{@link Method#EXACT}: every cell centre is a receiver; paths are solved exactly ({@link
 *       PathSolver}) and their coefficients evaluated ({@link FieldEvaluator}).
 * </ul>
 *
 * Results do not depend on the thread count: the SBR method splits the rays into a fixed number of
 * blocks, each summed in ray order, and adds the blocks in order.
 */
public final class RadioMapSolver {

  /** Ray blocks of the SBR method (fixed, so sums do not depend on the thread count). */
  private static final int BLOCKS = 4;

  /** Smallest direction cosine used in the SBR weight, against division by zero. */
  private static final double MIN_COSINE = 1e-6;

  /** Radio map method. */
  public enum Method {
    /** Ray-tube accumulation. */
    SBR,
    /** Exact paths to every cell centre. */
    EXACT
  }

  /**
   * Settings.
   *
   * @param method SBR or EXACT
   * @param paths depth, interaction switches, rays per transmitter and seed
   * @param frequency carrier frequency [Hz]
   * @param bandwidth noise bandwidth B [Hz]
   * @param temperature noise temperature T [K]
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   */
  public record Settings(
      Method method,
      PathSolverConfig paths,
      double frequency,
      double bandwidth,
      double temperature,
      boolean allowExtrapolation) {

    /** Validates the settings. */
    public Settings {
      if (!(frequency > 0) || !(bandwidth > 0) || !(temperature > 0)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "radio map settings",
            "frequency, bandwidth and temperature must be positive");
      }
    }

    /**
     * Sionna-like defaults: SBR, depth 3, 10⁶ rays, 1 MHz bandwidth at 293 K.
     *
     * @param frequency carrier frequency [Hz]
     * @return settings
     */
    public static Settings defaults(double frequency) {
      return new Settings(Method.SBR, PathSolverConfig.defaults(), frequency, 1e6, 293, false);
    }

    /**
     * The same settings with another method.
     *
     * @param m method
     * @return a copy
     */
    public Settings withMethod(Method m) {
      return new Settings(m, paths, frequency, bandwidth, temperature, allowExtrapolation);
    }

    /**
     * The same settings with other path settings.
     *
     * @param p path settings
     * @return a copy
     */
    public Settings withPaths(PathSolverConfig p) {
      return new Settings(method, p, frequency, bandwidth, temperature, allowExtrapolation);
    }
  }

  private RadioMapSolver() {}

  /**
   * Computes a radio map.
   *
   * @param scene scene with at least one transmitter
   * @param grid the map grid
   * @param settings method and parameters
   * @param progress receives the fraction done in [0, 1] (may be called from several threads)
   * @return the map
   */
  public static RadioMap solve(
      Scene scene, RadioMapGrid grid, Settings settings, DoubleConsumer progress) {
    if (scene.transmitters().isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "radio map", "the scene has no transmitter");
    }
    SceneGeometry g = SceneGeometry.of(scene);
    RadioMaterial[] materials = g.materials(scene);
    int numTx = scene.transmitters().size();
    int cells = grid.cellCount();
    double[][] pg = new double[numTx][cells];
    double[][] ds = new double[numTx][cells];
    boolean[][] los = new boolean[numTx][cells];
    double[][] aodT = new double[numTx][cells];
    double[][] aodP = new double[numTx][cells];
    double[][] aoaT = new double[numTx][cells];
    double[][] aoaP = new double[numTx][cells];
    for (double[][] a : new double[][][] {ds, aodT, aodP, aoaT, aoaP}) {
      for (double[] row : a) {
        Arrays.fill(row, Double.NaN);
      }
    }
    double[] powers = new double[numTx];
    for (int t = 0; t < numTx; t++) {
      powers[t] = scene.transmitters().get(t).powerDbm();
    }
    if (settings.method() == Method.SBR) {
      for (int t = 0; t < numTx; t++) {
        int tx = t;
        sbr(
            scene,
            g,
            materials,
            grid,
            settings,
            scene.transmitters().get(t),
            pg[t],
            ds[t],
            los[t],
            aodT[t],
            aodP[t],
            aoaT[t],
            aoaP[t],
            f -> progress.accept((tx + f) / numTx));
      }
    } else {
      exact(scene, g, materials, grid, settings, pg, ds, los, aodT, aodP, aoaT, aoaP, progress);
    }
    double noise = RadioMap.BOLTZMANN * settings.temperature() * settings.bandwidth();
    return new RadioMap(grid, powers, noise, pg, ds, los, aodT, aodP, aoaT, aoaP);
  }

  /** Per-block accumulators of the SBR method. */
  private static final class Accumulator {
    final double[] power;
    final double[] tau;
    final double[] tau2;
    final double[] best;
    final int[] bestRay;
    final double[] bestTheta;
    final double[] bestPhi;
    final boolean[] los;
    // Departure angles of the strongest contribution when it is not a launched ray (bestRay −1).
    double[] bestAodTheta;
    double[] bestAodPhi;

    Accumulator(int cells) {
      power = new double[cells];
      tau = new double[cells];
      tau2 = new double[cells];
      best = new double[cells];
      bestRay = new int[cells];
      bestTheta = new double[cells];
      bestPhi = new double[cells];
      los = new boolean[cells];
    }
  }

  private static void sbr(
      Scene scene,
      SceneGeometry g,
      RadioMaterial[] materials,
      RadioMapGrid grid,
      Settings s,
      Transmitter tx,
      double[] pg,
      double[] ds,
      boolean[] los,
      double[] aodT,
      double[] aodP,
      double[] aoaT,
      double[] aoaP,
      DoubleConsumer progress) {
    int n = s.paths().samplesPerSource();
    double[] dirs = RayTubeTracer.directions(n, s.paths().seed());
    int cells = grid.cellCount();
    double weight = 4 * Math.PI / n / grid.cellArea();
    Accumulator[] acc = new Accumulator[BLOCKS];
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, n / 100);
    IntStream.range(0, BLOCKS)
        .parallel()
        .forEach(
            b -> {
              Accumulator a = new Accumulator(cells);
              RayTubeTracer tracer =
                  new RayTubeTracer(
                      g,
                      materials,
                      s.frequency(),
                      s.allowExtrapolation(),
                      s.paths(),
                      scene.txArray(),
                      tx.orientation(),
                      scene.rxArray(),
                      Orientation.IDENTITY,
                      grid.z());
              RayTubeTracer.Sink sink =
                  (x, y, re, im, length, depth, vz, ray, departure, ax, ay, az) -> {
                    int c = grid.cellAt(x, y);
                    if (c < 0) {
                      return;
                    }
                    double w =
                        (re * re + im * im)
                            * length
                            * length
                            * weight
                            / Math.max(Math.abs(vz), MIN_COSINE);
                    double tau = length / PhysicalConstants.SPEED_OF_LIGHT;
                    a.power[c] += w;
                    a.tau[c] += w * tau;
                    a.tau2[c] += w * tau * tau;
                    if (w > a.best[c]) {
                      a.best[c] = w;
                      a.bestRay[c] = ray;
                      a.bestTheta[c] = Math.acos(Math.max(-1, Math.min(1, az)));
                      a.bestPhi[c] = Math.atan2(ay, ax);
                    }
                    if (depth == 0) {
                      a.los[c] = true;
                    }
                  };
              int from = (int) ((long) n * b / BLOCKS);
              int to = (int) ((long) n * (b + 1) / BLOCKS);
              double ox = tx.position().x();
              double oy = tx.position().y();
              double oz = tx.position().z();
              for (int r = from; r < to; r++) {
                tracer.trace(r, ox, oy, oz, dirs[3 * r], dirs[3 * r + 1], dirs[3 * r + 2], sink);
                if ((r - from + 1) % step == 0) {
                  progress.accept(Math.min(1.0, done.addAndGet(step) / (double) n));
                }
              }
              acc[b] = a;
            });
    Accumulator[] all = acc;
    if (s.paths().diffraction()) {
      Accumulator[] diffracted = diffraction(scene, g, materials, grid, s, tx);
      all = Arrays.copyOf(acc, BLOCKS + diffracted.length);
      System.arraycopy(diffracted, 0, all, BLOCKS, diffracted.length);
    }
    double[] sumTau = new double[cells];
    double[] sumTau2 = new double[cells];
    double[] best = new double[cells];
    for (Accumulator a : all) {
      for (int c = 0; c < cells; c++) {
        pg[c] += a.power[c];
        sumTau[c] += a.tau[c];
        sumTau2[c] += a.tau2[c];
        los[c] |= a.los[c];
        if (a.best[c] > best[c]) {
          best[c] = a.best[c];
          int r = a.bestRay[c];
          if (r >= 0) {
            aodT[c] = Math.acos(Math.max(-1, Math.min(1, dirs[3 * r + 2])));
            aodP[c] = Math.atan2(dirs[3 * r + 1], dirs[3 * r]);
          } else {
            aodT[c] = a.bestAodTheta[c];
            aodP[c] = a.bestAodPhi[c];
          }
          aoaT[c] = a.bestTheta[c];
          aoaP[c] = a.bestPhi[c];
        }
      }
    }
    for (int c = 0; c < cells; c++) {
      if (pg[c] > 0) {
        double mean = sumTau[c] / pg[c];
        ds[c] = Math.sqrt(Math.max(0, sumTau2[c] / pg[c] - mean * mean));
      }
    }
    progress.accept(1.0);
  }

  /**
   * Diffracted contributions of one transmitter: the lit edges split into {@link #BLOCKS}
   * contiguous blocks, each summed in edge order, so the result does not depend on the thread
   * count.
   */
  private static Accumulator[] diffraction(
      Scene scene,
      SceneGeometry g,
      RadioMaterial[] materials,
      RadioMapGrid grid,
      Settings s,
      Transmitter tx) {
    double[] t = {tx.position().x(), tx.position().y(), tx.position().z()};
    int[] lit = new DiffractionPathFinder(g).litEdges(t[0], t[1], t[2]);
    double[] centres = grid.cellCentres();
    int cells = grid.cellCount();
    Accumulator[] out = new Accumulator[BLOCKS];
    IntStream.range(0, BLOCKS)
        .parallel()
        .forEach(
            b -> {
              Accumulator a = new Accumulator(cells);
              a.bestAodTheta = new double[cells];
              a.bestAodPhi = new double[cells];
              DiffractionMapTracer tracer =
                  new DiffractionMapTracer(
                      g,
                      materials,
                      s.frequency(),
                      s.allowExtrapolation(),
                      scene.txArray(),
                      tx.orientation(),
                      scene.rxArray(),
                      Orientation.IDENTITY,
                      grid.z(),
                      grid.cellSize(),
                      grid::cellAt,
                      centres);
              DiffractionMapTracer.Sink sink =
                  (c, re, im, length, dx, dy, dz, ax, ay, az) -> {
                    double w = re * re + im * im;
                    double tau = length / PhysicalConstants.SPEED_OF_LIGHT;
                    a.power[c] += w;
                    a.tau[c] += w * tau;
                    a.tau2[c] += w * tau * tau;
                    if (w > a.best[c]) {
                      a.best[c] = w;
                      a.bestRay[c] = -1;
                      a.bestTheta[c] = Math.acos(Math.max(-1, Math.min(1, az)));
                      a.bestPhi[c] = Math.atan2(ay, ax);
                      a.bestAodTheta[c] = Math.acos(Math.max(-1, Math.min(1, dz)));
                      a.bestAodPhi[c] = Math.atan2(dy, dx);
                    }
                  };
              int from = (int) ((long) lit.length * b / BLOCKS);
              int to = (int) ((long) lit.length * (b + 1) / BLOCKS);
              for (int i = from; i < to; i++) {
                tracer.trace(lit[i], t, sink);
              }
              out[b] = a;
            });
    return out;
  }

  private static void exact(
      Scene scene,
      SceneGeometry g,
      RadioMaterial[] materials,
      RadioMapGrid grid,
      Settings s,
      double[][] pg,
      double[][] ds,
      boolean[][] los,
      double[][] aodT,
      double[][] aodP,
      double[][] aoaT,
      double[][] aoaP,
      DoubleConsumer progress) {
    double[] rx = grid.cellCentres();
    double[] txPos = PathSolver.positions(scene.transmitters());
    PathSet paths = new PathSolver(s.paths()).solve(g, txPos, rx, ForkJoinPool.commonPool());
    progress.accept(0.5);
    PathCoefficients c =
        FieldEvaluator.forScene(paths, g)
            .evaluate(s.frequency(), materials, s.allowExtrapolation());
    Channel ch = new Channel(c);
    for (int link = 0; link < paths.linkCount(); link++) {
      int t = paths.linkTransmitter(link);
      int cell = paths.linkReceiver(link);
      double sum = 0;
      double best = 0;
      for (int p = paths.firstPath(link); p < paths.firstPath(link) + paths.pathCount(link); p++) {
        double pw = c.a(p, 0, 0).abs2();
        sum += pw;
        los[t][cell] |= paths.isLos(p);
        if (pw > best) {
          best = pw;
          aodT[t][cell] = paths.thetaT(p);
          aodP[t][cell] = paths.phiT(p);
          aoaT[t][cell] = paths.thetaR(p);
          aoaP[t][cell] = paths.phiR(p);
        }
      }
      pg[t][cell] = sum;
      if (sum > 0) {
        ds[t][cell] = ch.rmsDelaySpread(link, 0, 0);
      }
    }
    progress.accept(1.0);
  }
}
