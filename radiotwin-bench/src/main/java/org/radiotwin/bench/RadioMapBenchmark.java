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
import org.radiotwin.radiomap.RadioMap;
import org.radiotwin.radiomap.RadioMapGrid;
import org.radiotwin.radiomap.RadioMapSolver;
import org.radiotwin.scene.Scene;

/** Munich radio map, 2 m cells over the whole scene, depth 3, 10⁶ ray tubes (fast method). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RadioMapBenchmark {

  private Scene scene;
  private RadioMapGrid grid;
  private RadioMapSolver.Settings settings;

  /** Loads munich and places a transmitter in an open square. */
  @Setup(Level.Trial)
  public void setUp() {
    scene = BenchScenes.withTransmitter(BenchScenes.load("munich"), BenchScenes.MUNICH_TX);
    grid = BenchScenes.radioMapGrid(scene);
    settings = BenchScenes.radioMapSettings();
  }

  /**
   * One radio map.
   *
   * @return the map
   */
  @Benchmark
  public RadioMap munich() {
    return RadioMapSolver.solve(scene, grid, settings, f -> {});
  }
}
