package org.radiotwin.rt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.RayQuery;
import org.radiotwin.math.Vec3;
import org.radiotwin.scene.RadioDevice;
import org.radiotwin.scene.Scene;

/**
 * Finds the propagation paths between transmitters and receivers: line of sight, specular
 * reflections and transmissions through slabs (rays not bent), up to a maximum depth, and, when
 * {@link PathSolverConfig#diffraction()} is set, first-order diffraction paths transmitter → edge →
 * receiver ({@link DiffractionPathFinder}), as Sionna RT's {@code PathSolver}.
 *
 * <p>Method: candidate interaction sequences come from shooting and bouncing rays from a (randomly
 * rotated) Fibonacci sphere around each transmitter, each ray splitting at every hit into its
 * specular reflection and its continuation through the slab; a sequence becomes a candidate for a
 * receiver when a ray of that sequence passes within its tube radius 1.5·√(4π/N)·L of the receiver
 * (L the unfolded length so far). Every candidate is then made exact with the image method and
 * checked for obstruction ({@link ImageMethod}). The {@code EXHAUSTIVE} method tries every sequence
 * instead (small scenes only). Paths are de-duplicated by geometry (a point on an edge shared by
 * two coplanar triangles is one path) and ordered by depth, then by triangle sequence, followed by
 * a link's diffraction paths in edge order, so the result does not depend on the thread count.
 *
 * <p>Diffuse scattering ({@link PathSolverConfig#diffuse()}, {@link DiffuseScattering}): every hit
 * of a shot ray (of either method's ray tree) on a material with a scattering coefficient S &gt; 0
 * is connected to each receiver that sees it from the front side; the path keeps the ray's
 * interactions before the hit as they were traced (no image-method refinement: a diffuse path is
 * one sample of a continuum) and records the ray's solid angle 4π/N. Diffuse paths follow the other
 * paths of their link, in ray order. Materials with S = 0 when tracing give no diffuse paths.
 */
public final class PathSolver {

  /** Tube radius factor relative to the angular ray spacing √(4π/N). */
  private static final double TUBE = 1.5;

  /** Largest number of sequences the exhaustive method will try per link. */
  private static final long MAX_EXHAUSTIVE = 20_000_000L;

  private final PathSolverConfig config;

  /**
   * Creates a solver.
   *
   * @param config settings
   */
  public PathSolver(PathSolverConfig config) {
    this.config = config;
  }

  /**
   * The settings.
   *
   * @return the configuration
   */
  public PathSolverConfig config() {
    return config;
  }

  /**
   * Paths between the scene's transmitters and receivers, on the common pool.
   *
   * @param scene scene with devices
   * @return the paths
   */
  public PathSet solve(Scene scene) {
    return solve(
        SceneGeometry.of(scene),
        positions(scene.transmitters()),
        positions(scene.receivers()),
        ForkJoinPool.commonPool());
  }

  /**
   * Packs device positions.
   *
   * @param devices devices
   * @return packed (x, y, z) per device
   */
  public static double[] positions(List<? extends RadioDevice> devices) {
    double[] p = new double[3 * devices.size()];
    for (int i = 0; i < devices.size(); i++) {
      Vec3 v = devices.get(i).position();
      p[3 * i] = v.x();
      p[3 * i + 1] = v.y();
      p[3 * i + 2] = v.z();
    }
    return p;
  }

  /**
   * Paths between positions.
   *
   * @param geometry traced scene
   * @param txPositions packed transmitter positions [m]
   * @param rxPositions packed receiver positions [m]
   * @param pool pool to run on; the result is identical for any pool
   * @return the paths of every (rx, tx) link
   */
  public PathSet solve(
      SceneGeometry geometry, double[] txPositions, double[] rxPositions, ForkJoinPool pool) {
    return solve(geometry, txPositions, rxPositions, pool, f -> {});
  }

  /**
   * Paths between positions, reporting progress.
   *
   * @param geometry traced scene
   * @param txPositions packed transmitter positions [m]
   * @param rxPositions packed receiver positions [m]
   * @param pool pool to run on; the result is identical for any pool
   * @param progress receives the fraction done in [0, 1] (possibly from several threads)
   * @return the paths of every (rx, tx) link
   */
  public PathSet solve(
      SceneGeometry geometry,
      double[] txPositions,
      double[] rxPositions,
      ForkJoinPool pool,
      DoubleConsumer progress) {
    checkPositions("transmitter", txPositions);
    checkPositions("receiver", rxPositions);
    int numTx = txPositions.length / 3;
    int numRx = rxPositions.length / 3;
    int depth = config.maxDepth();
    boolean anyInteraction =
        config.specularReflection() || config.transmission() || config.diffuse();
    // Candidate sequences per (tx, rx), sorted; index tx·numRx + rx.
    List<List<int[]>> candidates = new ArrayList<>(numTx * numRx);
    List<List<Found>> diffuse = new ArrayList<>(numTx * numRx);
    for (int i = 0; i < numTx * numRx; i++) {
      candidates.add(List.of());
      diffuse.add(List.of());
    }
    if (depth > 0 && anyInteraction && geometry.triangleCount() > 0) {
      for (int tx = 0; tx < numTx; tx++) {
        Shot shot =
            config.method() == PathSolverConfig.Method.SBR || config.diffuse()
                ? shootAndBounce(geometry, txPositions, tx, rxPositions, pool)
                : null;
        List<Set<Seq>> found =
            config.method() == PathSolverConfig.Method.SBR ? shot.candidates : null;
        for (int rx = 0; rx < numRx; rx++) {
          if (shot != null) {
            diffuse.set(tx * numRx + rx, shot.diffuse.get(rx));
          }
          if (found != null) {
            List<int[]> list = new ArrayList<>(found.get(rx).size());
            for (Seq s : found.get(rx)) {
              list.add(s.codes);
            }
            list.sort(PathSolver::compareSequences);
            candidates.set(tx * numRx + rx, list);
          }
        }
        progress.accept(0.5 * (tx + 1) / numTx);
      }
    }
    int[][] lit = new int[numTx][];
    DiffractionPathFinder finder =
        config.diffraction() && depth > 0 && geometry.triangleCount() > 0
            ? new DiffractionPathFinder(geometry)
            : null;
    if (finder != null) {
      for (int tx = 0; tx < numTx; tx++) {
        lit[tx] =
            finder.litEdges(txPositions[3 * tx], txPositions[3 * tx + 1], txPositions[3 * tx + 2]);
      }
    }
    int links = numRx * numTx;
    @SuppressWarnings("unchecked")
    List<Found>[] perLink = new List[links];
    AtomicInteger done = new AtomicInteger();
    int step = Math.max(1, links / 100);
    run(
        pool,
        links,
        link -> {
          int rx = link / numTx;
          int tx = link % numTx;
          perLink[link] =
              solveLink(
                  geometry, txPositions, tx, rxPositions, rx, candidates.get(tx * numRx + rx));
          if (finder != null) {
            addDiffraction(finder, txPositions, tx, rxPositions, rx, lit[tx], perLink[link]);
          }
          int d = done.incrementAndGet();
          if (d % step == 0) {
            progress.accept(0.5 + 0.5 * d / links);
          }
        });
    progress.accept(1.0);
    @SuppressWarnings("unchecked")
    List<Found>[] diffuseLink = new List[links];
    for (int link = 0; link < links; link++) {
      diffuseLink[link] = diffuse.get((link % numTx) * numRx + link / numTx);
    }
    return assemble(
        geometry,
        txPositions,
        rxPositions,
        perLink,
        diffuseLink,
        4 * Math.PI / config.samplesPerSource());
  }

  private static void checkPositions(String role, double[] p) {
    if (p.length % 3 != 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, role + " positions", "length is not a multiple of 3");
    }
    for (double v : p) {
      if (!Double.isFinite(v)) {
        throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, role + " position", v);
      }
    }
  }

  private static void run(ForkJoinPool pool, int n, IntConsumer body) {
    Runnable r = () -> IntStream.range(0, n).parallel().forEach(body);
    if (pool == ForkJoinPool.commonPool()) {
      r.run();
    } else {
      pool.submit(r).join();
    }
  }

  // ------------------------------------------------------------------ candidates

  /** An interaction sequence, hashable. */
  private record Seq(int[] codes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Seq s && Arrays.equals(codes, s.codes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(codes);
    }

    @Override
    public String toString() {
      return Arrays.toString(codes);
    }
  }

  private static int compareSequences(int[] a, int[] b) {
    if (a.length != b.length) {
      return Integer.compare(a.length, b.length);
    }
    return Arrays.compare(a, b);
  }

  /** Unit directions of a Fibonacci (golden-angle) lattice on the sphere, randomly rotated. */
  static double[] fibonacciSphere(int n, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    // Uniform random rotation from a uniform unit quaternion (Shoemake 1992).
    double u1 = rnd.nextDouble();
    double u2 = 2 * Math.PI * rnd.nextDouble();
    double u3 = 2 * Math.PI * rnd.nextDouble();
    double a = Math.sqrt(1 - u1);
    double b = Math.sqrt(u1);
    double qw = a * Math.sin(u2);
    double qx = a * Math.cos(u2);
    double qy = b * Math.sin(u3);
    double qz = b * Math.cos(u3);
    double[] r = {
      1 - 2 * (qy * qy + qz * qz),
      2 * (qx * qy - qz * qw),
      2 * (qx * qz + qy * qw),
      2 * (qx * qy + qz * qw),
      1 - 2 * (qx * qx + qz * qz),
      2 * (qy * qz - qx * qw),
      2 * (qx * qz - qy * qw),
      2 * (qy * qz + qx * qw),
      1 - 2 * (qx * qx + qy * qy)
    };
    double golden = Math.PI * (3 - Math.sqrt(5));
    double[] d = new double[3 * n];
    for (int i = 0; i < n; i++) {
      double z = 1 - (2.0 * i + 1) / n;
      double rad = Math.sqrt(Math.max(0, 1 - z * z));
      double phi = golden * i;
      double x = rad * Math.cos(phi);
      double y = rad * Math.sin(phi);
      d[3 * i] = r[0] * x + r[1] * y + r[2] * z;
      d[3 * i + 1] = r[3] * x + r[4] * y + r[5] * z;
      d[3 * i + 2] = r[6] * x + r[7] * y + r[8] * z;
    }
    return d;
  }

  /** What the shot rays of one transmitter found, per receiver. */
  private record Shot(List<Set<Seq>> candidates, List<List<Found>> diffuse) {}

  private Shot shootAndBounce(
      SceneGeometry g, double[] txPos, int tx, double[] rxPos, ForkJoinPool pool) {
    int n = config.samplesPerSource();
    int numRx = rxPos.length / 3;
    double[] dirs = fibonacciSphere(n, config.seed() + 0x9E3779B97F4A7C15L * tx);
    double spacing = Math.sqrt(4 * Math.PI / n);
    int chunk = 8192;
    int chunks = (n + chunk - 1) / chunk;
    ReceiverIndex index = new ReceiverIndex(rxPos);
    @SuppressWarnings("unchecked")
    List<Set<Seq>>[] partial = new List[chunks];
    @SuppressWarnings("unchecked")
    List<List<Found>>[] partialDiffuse = new List[chunks];
    double[] scattering = scatteringCoefficients(g);
    run(
        pool,
        chunks,
        c -> {
          List<Set<Seq>> sets = new ArrayList<>(numRx);
          for (int i = 0; i < numRx; i++) {
            sets.add(new HashSet<>());
          }
          List<List<Found>> diffuse = new ArrayList<>(numRx);
          for (int i = 0; i < numRx; i++) {
            diffuse.add(new ArrayList<>());
          }
          Tracer tracer = new Tracer(g, config, index, spacing, sets, scattering, rxPos, diffuse);
          int end = Math.min(n, (c + 1) * chunk);
          for (int i = c * chunk; i < end; i++) {
            tracer.trace(
                txPos[3 * tx],
                txPos[3 * tx + 1],
                txPos[3 * tx + 2],
                dirs[3 * i],
                dirs[3 * i + 1],
                dirs[3 * i + 2]);
          }
          partial[c] = sets;
          partialDiffuse[c] = diffuse;
        });
    List<Set<Seq>> merged = new ArrayList<>(numRx);
    for (int i = 0; i < numRx; i++) {
      Set<Seq> all = new HashSet<>();
      for (List<Set<Seq>> p : partial) {
        all.addAll(p.get(i));
      }
      merged.add(all);
    }
    List<List<Found>> diffuse = new ArrayList<>(numRx);
    for (int i = 0; i < numRx; i++) {
      List<Found> all = new ArrayList<>();
      for (List<List<Found>> p : partialDiffuse) {
        all.addAll(p.get(i));
      }
      diffuse.add(all);
    }
    return new Shot(merged, diffuse);
  }

  /** S per material index, or null without diffuse scattering. */
  private double[] scatteringCoefficients(SceneGeometry g) {
    if (!config.diffuse()) {
      return null;
    }
    var materials = g.materials(g.scene());
    double[] s = new double[materials.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = materials[i].scatteringCoefficient();
    }
    return s;
  }

  /** Records, for each branch of a ray tree, the candidate sequence near receivers. */
  private static final class Tracer extends RayTree {
    private final ReceiverIndex index;
    private final ReceiverIndex.Visit visit;
    private final double spacing;
    private final List<Set<Seq>> sets;
    private final int[][] codes;
    // Diffuse scattering: S per material, receivers, found paths; per slot the interaction points
    // and normals so far (points from RayTree.hitPoint).
    private final double[] scattering;
    private final double[] rxPos;
    private final List<List<Found>> diffuseOut;
    private final double[][] points;
    private final double[][] normals;
    private final RayQuery query = new RayQuery();

    Tracer(
        SceneGeometry g,
        PathSolverConfig c,
        ReceiverIndex index,
        double spacing,
        List<Set<Seq>> sets,
        double[] scattering,
        double[] rxPos,
        List<List<Found>> diffuseOut) {
      super(g, c);
      this.index = index;
      this.visit = new ReceiverIndex.Visit(sets.size());
      this.spacing = spacing;
      this.sets = sets;
      this.codes = new int[slots(c)][c.maxDepth()];
      this.scattering = scattering;
      this.rxPos = rxPos;
      this.diffuseOut = diffuseOut;
      int slotsWithPoints = scattering == null ? 0 : slots(c);
      this.points = new double[slotsWithPoints][3 * c.maxDepth()];
      this.normals = new double[slotsWithPoints][3 * c.maxDepth()];
    }

    void trace(double ox, double oy, double oz, double dx, double dy, double dz) {
      walk(ox, oy, oz, dx, dy, dz);
    }

    @Override
    protected void root() {
      // The root has no interaction yet.
    }

    @Override
    protected void segment(
        int slot,
        double px,
        double py,
        double pz,
        double vx,
        double vy,
        double vz,
        double tHit,
        double len0,
        int level) {
      if (level == 0) {
        return; // line of sight is checked directly per link
      }
      int[] seq = codes[slot];
      index.query(
          px,
          py,
          pz,
          vx,
          vy,
          vz,
          tHit,
          len0,
          TUBE * spacing,
          visit,
          (r, t) -> sets.get(r).add(new Seq(Arrays.copyOf(seq, level))));
    }

    @Override
    protected void branch(
        int parent,
        int child,
        int triangle,
        boolean transmitted,
        int level,
        double kx,
        double ky,
        double kz,
        double nx,
        double ny,
        double nz,
        double ox,
        double oy,
        double oz) {
      if (child != parent) {
        System.arraycopy(codes[parent], 0, codes[child], 0, level);
      }
      codes[child][level] = (triangle << 1) | (transmitted ? 1 : 0);
      if (scattering != null) {
        if (child != parent) {
          System.arraycopy(points[parent], 0, points[child], 0, 3 * level);
          System.arraycopy(normals[parent], 0, normals[child], 0, 3 * level);
        }
        System.arraycopy(hitPoint, 0, points[child], 3 * level, 3);
        normals[child][3 * level] = nx;
        normals[child][3 * level + 1] = ny;
        normals[child][3 * level + 2] = nz;
      }
    }

    /** Connects a hit on a scattering surface to every receiver in front of it that sees it. */
    @Override
    protected boolean diffuse(
        int parent,
        int child,
        int triangle,
        int level,
        double hx,
        double hy,
        double hz,
        double kx,
        double ky,
        double kz,
        double nx,
        double ny,
        double nz,
        double len,
        double[] out) {
      if (scattering[geometry.materialOf(triangle)] <= 0) {
        return false;
      }
      double ox = RayOffset.offset(hx, nx);
      double oy = RayOffset.offset(hy, ny);
      double oz = RayOffset.offset(hz, nz);
      for (int r = 0; r < rxPos.length / 3; r++) {
        double dx = rxPos[3 * r] - hx;
        double dy = rxPos[3 * r + 1] - hy;
        double dz = rxPos[3 * r + 2] - hz;
        if (dx * nx + dy * ny + dz * nz <= 0) {
          continue; // behind the surface
        }
        double ex = rxPos[3 * r] - ox;
        double ey = rxPos[3 * r + 1] - oy;
        double ez = rxPos[3 * r + 2] - oz;
        if (geometry.bvh().occluded(ox, oy, oz, ex, ey, ez, 0, 1, query)) {
          continue;
        }
        int depth = level + 1;
        int[] c = Arrays.copyOf(codes[parent], depth);
        c[level] = triangle << 1;
        double[] p = Arrays.copyOf(points[parent], 3 * depth);
        p[3 * level] = hx;
        p[3 * level + 1] = hy;
        p[3 * level + 2] = hz;
        double[] n = Arrays.copyOf(normals[parent], 3 * depth);
        n[3 * level] = nx;
        n[3 * level + 1] = ny;
        n[3 * level + 2] = nz;
        diffuseOut.get(r).add(new Found(c, p, n, len + Math.sqrt(dx * dx + dy * dy + dz * dz)));
      }
      return false;
    }
  }

  // ------------------------------------------------------------------ per link

  /** One path found for a link; edge is the diffracting edge of a diffraction path, else −1. */
  private record Found(int[] codes, double[] points, double[] normals, double length, int edge) {
    Found(int[] codes, double[] points, double[] normals, double length) {
      this(codes, points, normals, length, -1);
    }
  }

  /** Appends the first-order diffraction paths of a link, in edge order. */
  private static void addDiffraction(
      DiffractionPathFinder finder,
      double[] txPos,
      int tx,
      double[] rxPos,
      int rx,
      int[] litEdges,
      List<Found> out) {
    double[] t = Arrays.copyOfRange(txPos, 3 * tx, 3 * tx + 3);
    double[] r = Arrays.copyOfRange(rxPos, 3 * rx, 3 * rx + 3);
    WedgeEdges edges = finder.edges();
    RayQuery q = new RayQuery();
    double[] point = new double[3];
    for (int e : litEdges) {
      if (finder.solve(e, t, r, q, point)) {
        double[] n0 = {edges.normal0(e, 0), edges.normal0(e, 1), edges.normal0(e, 2)};
        out.add(
            new Found(
                new int[] {edges.face0(e) << 1},
                point.clone(),
                n0,
                dist(t, point) + dist(point, r),
                e));
      }
    }
  }

  private List<Found> solveLink(
      SceneGeometry g, double[] txPos, int tx, double[] rxPos, int rx, List<int[]> sbrCandidates) {
    double[] t = Arrays.copyOfRange(txPos, 3 * tx, 3 * tx + 3);
    double[] r = Arrays.copyOfRange(rxPos, 3 * rx, 3 * rx + 3);
    List<Found> out = new ArrayList<>();
    RayQuery q = new RayQuery();
    if (config.los()
        && !g.bvh().occluded(t[0], t[1], t[2], r[0] - t[0], r[1] - t[1], r[2] - t[2], 0, 1, q)) {
      out.add(new Found(new int[0], new double[0], new double[0], dist(t, r)));
    }
    ImageMethod im = new ImageMethod(g, config.maxDepth());
    Set<String> seen = new HashSet<>();
    IntConsumerWithCodes tryOne =
        (codes, depth) -> {
          if (im.solve(t, r, codes, depth)) {
            String key = geometryKey(codes, im.points, depth);
            if (seen.add(key)) {
              out.add(
                  new Found(
                      Arrays.copyOf(codes, depth),
                      Arrays.copyOf(im.points, 3 * depth),
                      Arrays.copyOf(im.normals, 3 * depth),
                      im.length));
            }
          }
        };
    if (config.method() == PathSolverConfig.Method.SBR) {
      for (int[] c : sbrCandidates) {
        tryOne.accept(c, c.length);
      }
    } else if (config.maxDepth() > 0 && (config.specularReflection() || config.transmission())) {
      enumerate(g, tryOne);
    }
    return out;
  }

  @FunctionalInterface
  private interface IntConsumerWithCodes {
    void accept(int[] codes, int depth);
  }

  private void enumerate(SceneGeometry g, IntConsumerWithCodes consumer) {
    int nt = g.triangleCount();
    int types = (config.specularReflection() ? 1 : 0) + (config.transmission() ? 1 : 0);
    long total = 0;
    long level = 1;
    for (int d = 1; d <= config.maxDepth(); d++) {
      level *= (long) nt * types;
      total += level;
      if (total > MAX_EXHAUSTIVE) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "exhaustive path search",
            String.format(
                Locale.ROOT,
                "%d triangles at depth %d exceed %d sequences; use the SBR method",
                nt,
                config.maxDepth(),
                MAX_EXHAUSTIVE));
      }
    }
    int[] codes = new int[config.maxDepth()];
    for (int d = 1; d <= config.maxDepth(); d++) {
      enumerate(g, codes, 0, d, consumer);
    }
  }

  private void enumerate(
      SceneGeometry g, int[] codes, int k, int depth, IntConsumerWithCodes consumer) {
    if (k == depth) {
      consumer.accept(codes, depth);
      return;
    }
    for (int tri = 0; tri < g.triangleCount(); tri++) {
      if (config.specularReflection()) {
        codes[k] = tri << 1;
        enumerate(g, codes, k + 1, depth, consumer);
      }
      if (config.transmission()) {
        codes[k] = (tri << 1) | 1;
        enumerate(g, codes, k + 1, depth, consumer);
      }
    }
  }

  /** Paths with the same interaction types at the same points (to 1 µm) are one path. */
  private static String geometryKey(int[] codes, double[] points, int depth) {
    StringBuilder sb = new StringBuilder(depth * 40);
    for (int k = 0; k < depth; k++) {
      sb.append(codes[k] & 1)
          .append(':')
          .append(Math.round(points[3 * k] * 1e6))
          .append(',')
          .append(Math.round(points[3 * k + 1] * 1e6))
          .append(',')
          .append(Math.round(points[3 * k + 2] * 1e6))
          .append(';');
    }
    return sb.toString();
  }

  private static double dist(double[] a, double[] b) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double dz = b[2] - a[2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  }

  // ------------------------------------------------------------------ assembly

  private static PathSet assemble(
      SceneGeometry g,
      double[] txPos,
      double[] rxPos,
      List<Found>[] specularLink,
      List<Found>[] diffuseLink,
      double solidAngle) {
    int links = specularLink.length;
    int numPaths = 0;
    int numInteractions = 0;
    int numDiffuse = 0;
    @SuppressWarnings("unchecked")
    List<Found>[] perLink = new List[links];
    for (int link = 0; link < links; link++) {
      List<Found> l = specularLink[link];
      numDiffuse += diffuseLink[link].size();
      if (!diffuseLink[link].isEmpty()) {
        l = new ArrayList<>(l);
        l.addAll(diffuseLink[link]);
      }
      perLink[link] = l;
      numPaths += l.size();
      for (Found f : l) {
        numInteractions += f.codes.length;
      }
    }
    double[] solidAngles = numDiffuse == 0 ? null : new double[numPaths];
    int numTx = txPos.length / 3;
    int[] linkOffsets = new int[links + 1];
    int[] interactionOffsets = new int[numPaths + 1];
    byte[] types = new byte[numInteractions];
    int[] triangles = new int[numInteractions];
    int[] objects = new int[numInteractions];
    int[] primitives = new int[numInteractions];
    double[] points = new double[3 * numInteractions];
    double[] normals = new double[3 * numInteractions];
    double[] lengths = new double[numPaths];
    double[] departure = new double[3 * numPaths];
    double[] arrival = new double[3 * numPaths];
    int[] edges = new int[numInteractions];
    Arrays.fill(edges, -1);
    int p = 0;
    int ii = 0;
    for (int link = 0; link < links; link++) {
      linkOffsets[link] = p;
      int rx = link / numTx;
      int tx = link % numTx;
      int firstDiffuse = perLink[link].size() - diffuseLink[link].size();
      for (int j = 0; j < perLink[link].size(); j++) {
        Found f = perLink[link].get(j);
        interactionOffsets[p] = ii;
        int depth = f.codes.length;
        boolean scattered = j >= firstDiffuse;
        if (scattered) {
          solidAngles[p] = solidAngle;
        }
        for (int k = 0; k < depth; k++) {
          int tri = f.codes[k] >>> 1;
          InteractionType type;
          if (f.edge >= 0) {
            type = InteractionType.DIFFRACTION;
            edges[ii + k] = f.edge;
          } else {
            type = (f.codes[k] & 1) == 1 ? InteractionType.TRANSMISSION : InteractionType.SPECULAR;
          }
          types[ii + k] = (byte) type.ordinal();
          if (scattered && k == depth - 1) {
            types[ii + k] = (byte) InteractionType.DIFFUSE.ordinal();
          }
          triangles[ii + k] = tri;
          objects[ii + k] = g.objectOf(tri);
          primitives[ii + k] = g.localIndexOf(tri);
        }
        System.arraycopy(f.points, 0, points, 3 * ii, 3 * depth);
        System.arraycopy(f.normals, 0, normals, 3 * ii, 3 * depth);
        lengths[p] = f.length;
        // Departure: towards the first point (or the receiver); arrival: towards the last point
        // (or the transmitter), seen from the receiver.
        double[] first = depth == 0 ? rxPos : f.points;
        int fo = depth == 0 ? 3 * rx : 0;
        unit(
            first[fo] - txPos[3 * tx],
            first[fo + 1] - txPos[3 * tx + 1],
            first[fo + 2] - txPos[3 * tx + 2],
            departure,
            3 * p);
        double[] last = depth == 0 ? txPos : f.points;
        int lo = depth == 0 ? 3 * tx : 3 * (depth - 1);
        unit(
            last[lo] - rxPos[3 * rx],
            last[lo + 1] - rxPos[3 * rx + 1],
            last[lo + 2] - rxPos[3 * rx + 2],
            arrival,
            3 * p);
        ii += depth;
        p++;
      }
    }
    linkOffsets[links] = p;
    interactionOffsets[numPaths] = ii;
    return new PathSet(
        txPos.clone(),
        rxPos.clone(),
        linkOffsets,
        interactionOffsets,
        types,
        triangles,
        objects,
        primitives,
        points,
        normals,
        lengths,
        departure,
        arrival,
        solidAngles,
        edges);
  }

  private static void unit(double x, double y, double z, double[] out, int o) {
    double n = Math.sqrt(x * x + y * y + z * z);
    out[o] = x / n;
    out[o + 1] = y / n;
    out[o + 2] = z / n;
  }
}
