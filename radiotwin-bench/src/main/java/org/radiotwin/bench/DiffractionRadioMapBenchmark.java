package org.radiotwin.bench;

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
import org.radiotwin.math.Vec3;
import org.radiotwin.radiomap.RadioMap;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.radiomap.RadioMapSolver;
import org.radiotwin.scene.Scene;

/**
 * Radio maps with first-order edge diffraction, 2 m cells over the whole scene, depth 3, 10⁶ ray
 * tubes, against the same maps without diffraction; munich's specular-only map is {@link
 * RadioMapBenchmark#munich()}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class DiffractionRadioMapBenchmark {

  private Scene etoile;
  private Scene munich;
  private RadioMapGrid etoileGrid;
  private RadioMapGrid munichGrid;
  private RadioMapSolver.Settings specular;
  private RadioMapSolver.Settings diffraction;

  /** Loads the scenes, transmitters in open places. */
  @Setup(Level.Trial)
  public void setUp() {
    etoile = BenchScenes.withTransmitter(BenchScenes.load("etoile"), new Vec3(-100, 20, 25));
    munich = BenchScenes.withTransmitter(BenchScenes.load("munich"), BenchScenes.MUNICH_TX);
    etoileGrid = BenchScenes.radioMapGrid(etoile);
    munichGrid = BenchScenes.radioMapGrid(munich);
    specular = BenchScenes.radioMapSettings();
    diffraction = specular.withPaths(specular.paths().withDiffraction(true));
  }

  /**
   * Etoile with diffraction.
   *
   * @return the map
   */
  @Benchmark
  public RadioMap etoileDiffraction() {
    return RadioMapSolver.solve(etoile, etoileGrid, diffraction, f -> {});
  }

  /**
   * Etoile without diffraction.
   *
   * @return the map
   */
  @Benchmark
  public RadioMap etoileSpecular() {
    return RadioMapSolver.solve(etoile, etoileGrid, specular, f -> {});
  }

  /**
   * Munich with diffraction.
   *
   * @return the map
   */
  @Benchmark
  public RadioMap munichDiffraction() {
    return RadioMapSolver.solve(munich, munichGrid, diffraction, f -> {});
  }
}
