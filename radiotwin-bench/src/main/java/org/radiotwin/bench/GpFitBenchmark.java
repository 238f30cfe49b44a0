package org.radiotwin.bench;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.radiotwin.stats.gp.GaussianProcessModel;
import org.radiotwin.stats.gp.GaussianProcessRegressor;
import org.radiotwin.stats.gp.Hyperparameters;
import org.radiotwin.stats.gp.Kernel;
import org.radiotwin.stats.gp.KernelFamily;
import org.radiotwin.stats.gp.LogMarginalLikelihood;

/**
 * Gaussian-process regression on n points in 2-D with a Matérn 5/2 ARD kernel (amplitude × Matérn +
 * white noise, 4 hyper-parameters): one log marginal likelihood with its gradient, and a full fit
 * with hyper-parameter search (2 restarts, i.e. 3 optimiser runs). The data set is closed-form, x_i
 * = (100·frac(iφ), 20·frac(iφ²)), y_i = sin(x_i1/10) + cos(x_i2/5) + 0.1·sin(37i), the same as
 * tools/gp/sklearn_benchmark.py, which times scikit-learn on the same machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class GpFitBenchmark {

  @Param({"500", "2000"})
  int n;

  private double[][] x;
  private double[] y;
  private double[] z;
  private Kernel kernel;
  private double reached = Double.NaN;

  /** Data and the starting kernel. */
  @Setup(Level.Trial)
  public void setUp() {
    double phi = (1 + Math.sqrt(5)) / 2;
    x = new double[n][2];
    y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 100 * ((i * phi) % 1);
      x[i][1] = 20 * ((i * phi * phi) % 1);
      y[i] = Math.sin(x[i][0] / 10) + Math.cos(x[i][1] / 5) + 0.1 * Math.sin(37 * i);
    }
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double var = 0;
    for (double v : y) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / n);
    z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = (y[i] - mean) / sd;
    }
    kernel = KernelFamily.MATERN52_ARD.create(new Hyperparameters(1, new double[] {10, 5}, 0.1));
  }

  /**
   * ln p(y | X, θ) and its gradient at the starting hyper-parameters.
   *
   * @return the value
   */
  @Benchmark
  public double logMarginalLikelihoodWithGradient() {
    double[] g = new double[kernel.parameterCount()];
    return new LogMarginalLikelihood(x, z, 1e-10).value(kernel, g) + g[0];
  }

  /**
   * A full fit: 3 optimiser runs, the best kept, then the final factorisation.
   *
   * @return the log marginal likelihood reached
   */
  @Benchmark
  public double fitWithHyperparameterSearch() {
    GaussianProcessModel m =
        GaussianProcessRegressor.of(kernel).withRestarts(2).withSeed(0).fit(x, y);
    reached = m.logMarginalLikelihood();
    return reached;
  }

  /** Prints the likelihood the fit reached, to compare with scikit-learn's. */
  @TearDown(Level.Trial)
  public void report() {
    if (!Double.isNaN(reached)) {
      System.out.printf("%nn = %d: log marginal likelihood reached %.4f%n", n, reached);
    }
  }
}
