package org.radiotwin.bench;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radiotwin.geometry.BenchmarkRays;
import org.radiotwin.geometry.Bvh;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.scene.Scene;

/**
 * BVH build and closest-hit ray casting on the shared benchmark ray set (RAYS.md). Run from the
 * repository root: {@code java -jar radiotwin-bench/target/benchmarks.jar RayCast}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RayCastBenchmark {

  /** Scene name. */
  @Param({"munich", "etoile"})
  public String scene;

  /** Rays per cast. */
  @Param({"1000000"})
  public int rays;

  private double[] vertices;
  private int[] indices;
  private Bvh bvh;
  private double[] rayData;
  private double[] t;
  private int[] tri;

  /** Loads the scene, builds the BVH and the rays. */
  @Setup(Level.Trial)
  public void setUp() {
    Scene s = BenchScenes.load(scene);
    TriangleMesh all = s.mergedMesh();
    vertices = all.copyVertices();
    indices = all.copyIndices();
    bvh = Bvh.build(vertices, indices);
    rayData = BenchmarkRays.generate(s.bounds(), rays, 1);
    t = new double[rays];
    tri = new int[rays];
  }

  /**
   * SAH BVH construction over all triangles.
   *
   * @return the BVH (consumed by JMH)
   */
  @Benchmark
  public Bvh build() {
    return Bvh.build(vertices, indices);
  }

  /**
   * Closest hit for every ray, parallel on the common pool.
   *
   * @return a hit index (consumed by JMH)
   */
  @Benchmark
  public int castClosest() {
    bvh.castClosest(rayData, rays, t, tri, ForkJoinPool.commonPool());
    return tri[rays - 1];
  }
}
