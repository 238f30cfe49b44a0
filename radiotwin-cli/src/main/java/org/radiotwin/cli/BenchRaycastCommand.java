package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import org.radiotwin.geometry.BenchmarkRays;
import org.radiotwin.geometry.Bvh;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin bench raycast}: closest-hit throughput on the shared benchmark ray set
 * (shared/bench/RAYS.md, implemented by {@link BenchmarkRays}), for comparison with other ray
 * tracers on the same scene and rays.
 */
@Command(
    name = "raycast",
    mixinStandardHelpOptions = true,
    description = {
      "Cast the reproducible benchmark ray set (splitmix64 origins in the lower 30 % of the",
      "scene box, Marsaglia directions) against the scene with closest-hit queries and report",
      "rays/s (median of the timed passes after a warm-up; BVH build reported separately),",
      "the number of hits and the sum of hit distances."
    })
final class BenchRaycastCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--scene", required = true, description = "Scene (XML, .osm or builtin:NAME).")
  String scene;

  @Option(
      names = "--rays",
      defaultValue = "1000000",
      description = "Number of rays (default: ${DEFAULT-VALUE}).")
  int rays;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Ray generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      description = "Worker threads (default: the common fork-join pool, i.e. all cores).")
  Integer threads;

  @Option(
      names = "--repeats",
      defaultValue = "5",
      description = "Timed passes (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--json", description = "Print one JSON line.")
  boolean json;

  @Option(
      names = "--dump-geometry",
      paramLabel = "FILE",
      description = {
        "Also write the triangles for other ray tracers (tools/embree-compare): little-endian",
        "int32 vertexCount, int32 triangleCount, float64 xyz per vertex, int32 abc per",
        "triangle, then float64 lo.xyz, hi.xyz of the scene box."
      })
  Path dumpGeometry;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    CliChecks.positiveFinite("--rays", rays);
    CliChecks.positiveFinite("--repeats", repeats);
    if (threads != null) {
      CliChecks.positiveFinite("--threads", threads);
    }
    Scene s = SceneLoader.load(scene, osm.toOptions());
    TriangleMesh all = s.mergedMesh();
    double[] vertices = all.copyVertices();
    int[] indices = all.copyIndices();
    long t0 = System.nanoTime();
    Bvh bvh = Bvh.build(vertices, indices);
    double buildMs = (System.nanoTime() - t0) / 1e6;
    if (dumpGeometry != null) {
      writeGeometry(dumpGeometry, vertices, indices, s.bounds());
    }
    double[] r = BenchmarkRays.generate(s.bounds(), rays, seed);
    double[] t = new double[rays];
    int[] tri = new int[rays];
    ForkJoinPool pool = threads == null ? ForkJoinPool.commonPool() : new ForkJoinPool(threads);
    int usedThreads = threads == null ? ForkJoinPool.getCommonPoolParallelism() + 1 : threads;
    double[] rates = new double[repeats];
    try {
      bvh.castClosest(r, rays, t, tri, pool); // warm-up: lets the JIT compile the traversal
      for (int k = 0; k < repeats; k++) {
        long a = System.nanoTime();
        bvh.castClosest(r, rays, t, tri, pool);
        rates[k] = rays / ((System.nanoTime() - a) / 1e9);
      }
    } finally {
      if (pool != ForkJoinPool.commonPool()) {
        pool.shutdown();
      }
    }
    double median = median(rates);
    long hits = 0;
    double sumT = 0;
    for (int i = 0; i < rays; i++) {
      if (tri[i] >= 0) {
        hits++;
        sumT += t[i];
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode doc = Json.object();
      doc.put("raysPerSecond", median);
      doc.put("hits", hits);
      doc.put("sumT", sumT);
      doc.put("buildMs", buildMs);
      doc.put("threads", usedThreads);
      doc.put("triangles", indices.length / 3);
      doc.put("rays", rays);
      out.println(Json.compact(doc));
    } else {
      out.printf(
          Locale.ROOT,
          "scene %s: %d triangles, BVH built in %.1f ms (%d nodes)%n"
              + "%d rays, %d hits, sum of t = %.9g m%n"
              + "%.4g rays/s (median of %d passes, %d threads)%n",
          scene,
          indices.length / 3,
          buildMs,
          bvh.nodeCount(),
          rays,
          hits,
          sumT,
          median,
          repeats,
          usedThreads);
    }
    out.flush();
    return 0;
  }

  private static void writeGeometry(
      Path file, double[] vertices, int[] indices, org.radiotwin.geometry.BoundingBox box) {
    AtomicFiles.write(
        file,
        stream -> {
          ByteBuffer b =
              ByteBuffer.allocate(8 + 8 * vertices.length + 4 * indices.length + 48)
                  .order(ByteOrder.LITTLE_ENDIAN);
          b.putInt(vertices.length / 3).putInt(indices.length / 3);
          for (double v : vertices) {
            b.putDouble(v);
          }
          for (int i : indices) {
            b.putInt(i);
          }
          b.putDouble(box.min().x()).putDouble(box.min().y()).putDouble(box.min().z());
          b.putDouble(box.max().x()).putDouble(box.max().y()).putDouble(box.max().z());
          stream.write(b.array());
        });
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : 0.5 * (v[Math.max(0, n / 2 - 1)] + v[n / 2]);
  }
}
