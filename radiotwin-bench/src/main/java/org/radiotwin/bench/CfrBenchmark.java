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
import org.radiotwin.math.ComplexArrays;

/**
 * The CFR kernel: H(f_k) += a·e^{−j2πf_kτ} for 8 001 tones (2–10 GHz at 1 MHz, seed 004's
 * frequency-as-space proxy) and 50 paths, exact per tone versus the re-anchored recurrence.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CfrBenchmark {

  private static final int TONES = 8001;
  private static final int PATHS = 50;

  private double[] freqs;
  private double[] out;
  private double[] taus;

  /** Tones and delays. */
  @Setup(Level.Trial)
  public void setUp() {
    freqs = new double[TONES];
    for (int k = 0; k < TONES; k++) {
      freqs[k] = 2e9 + 1e6 * k;
    }
    out = new double[2 * TONES];
    taus = new double[PATHS];
    for (int p = 0; p < PATHS; p++) {
      taus[p] = 50e-9 + 7.3e-9 * p;
    }
  }

  /**
   * Exact sine and cosine per tone.
   *
   * @return a value of the response
   */
  @Benchmark
  public double direct() {
    java.util.Arrays.fill(out, 0);
    for (int p = 0; p < PATHS; p++) {
      ComplexArrays.accumulatePhasor(out, freqs, 1e-4, 2e-5, taus[p]);
    }
    return out[2 * TONES - 1];
  }

  /**
   * Rotation recurrence on the uniform grid, re-anchored every 64 tones.
   *
   * @return a value of the response
   */
  @Benchmark
  public double uniformRecurrence() {
    java.util.Arrays.fill(out, 0);
    for (int p = 0; p < PATHS; p++) {
      ComplexArrays.accumulatePhasorUniform(out, 2e9, 1e6, TONES, 1e-4, 2e-5, taus[p]);
    }
    return out[2 * TONES - 1];
  }
}
