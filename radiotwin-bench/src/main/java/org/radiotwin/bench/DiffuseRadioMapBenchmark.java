package org.radiotwin.bench;

import java.util.List;
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
import org.radiotwin.math.Vec3;
import org.radiotwin.radiomap.RadioMap;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.radiomap.RadioMapSolver;
import org.radiotwin.scene.Scene;

/**
 * Etoile radio map, 2 m cells over the whole scene, depth 3, 10⁶ ray tubes (fast method), with and
 * without diffuse scattering (S = 0.5, Lambertian, on every material): the cost of the diffuse
 * tubes spawned at every hit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class DiffuseRadioMapBenchmark {

  private Scene scene;
  private RadioMapGrid grid;
  private RadioMapSolver.Settings specular;
  private RadioMapSolver.Settings diffuse;

  /** Loads etoile, makes every material rough and places a transmitter above the square. */
  @Setup(Level.Trial)
  public void setUp() {
    Scene s = BenchScenes.load("etoile");
    for (RadioMaterial m : List.copyOf(s.materials().values())) {
      s = s.withMaterial(m.withScattering(0.5, 0));
    }
    scene = BenchScenes.withTransmitter(s, new Vec3(60, 40, 25));
    grid = BenchScenes.radioMapGrid(scene);
    specular = BenchScenes.radioMapSettings();
    diffuse = specular.withPaths(specular.paths().withDiffuse(true));
  }

  /**
   * One radio map with diffuse scattering.
   *
   * @return the map
   */
  @Benchmark
  public RadioMap etoileDiffuse() {
    return RadioMapSolver.solve(scene, grid, diffuse, f -> {});
  }

  /**
   * The same map without diffuse scattering (specular reflections still scaled by √(1 − S²)).
   *
   * @return the map
   */
  @Benchmark
  public RadioMap etoileSpecular() {
    return RadioMapSolver.solve(scene, grid, specular, f -> {});
  }
}
