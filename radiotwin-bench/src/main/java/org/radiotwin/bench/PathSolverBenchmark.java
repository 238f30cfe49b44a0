package org.radiotwin.bench;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.rt.FieldEvaluator;
import org.radiotwin.rt.PathCoefficients;
import org.radiotwin.rt.PathSet;
import org.radiotwin.rt.PathSolver;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;

/**
 * Path solving for 1 000 receivers in etoile (depth 3, 10⁶ rays), and re-evaluating the fields of
 * those paths for new material values: the "trace once, evaluate many times" ratio.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PathSolverBenchmark {

  private SceneGeometry geometry;
  private Scene scene;
  private double[] tx;
  private double[] rx;
  private PathSolver solver;
  private FieldEvaluator evaluator;
  private RadioMaterial[] materials;

  /** Loads etoile and places 1 000 receivers at 1.5 m around the Arc de Triomphe. */
  @Setup(Level.Trial)
  public void setUp() {
    scene = BenchScenes.load("etoile");
    geometry = SceneGeometry.of(scene);
    tx = new double[] {60, 40, 25};
    rx = new double[3 * 1000];
    SplittableRandom rnd = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      rx[3 * i] = rnd.nextDouble(-250, 250);
      rx[3 * i + 1] = rnd.nextDouble(-200, 200);
      rx[3 * i + 2] = 1.5;
    }
    solver = new PathSolver(PathSolverConfig.defaults());
    PathSet paths = solver.solve(geometry, tx, rx, ForkJoinPool.commonPool());
    evaluator = FieldEvaluator.forScene(paths, geometry);
    materials = geometry.materials(scene);
  }

  /**
   * Traces every path (SBR candidates + image method + visibility).
   *
   * @return the paths
   */
  @Benchmark
  public PathSet solve() {
    return solver.solve(geometry, tx, rx, ForkJoinPool.commonPool());
  }

  /**
   * Re-evaluates the coefficients of all traced paths for other material values.
   *
   * @return coefficients
   */
  @Benchmark
  public PathCoefficients reevaluateFields() {
    return evaluator.evaluate(3.5e9, materials, false);
  }
}
