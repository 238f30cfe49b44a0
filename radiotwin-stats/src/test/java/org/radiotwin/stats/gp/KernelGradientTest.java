package org.radiotwin.stats.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Analytic kernel gradients against central differences in ln θ, for every family. */
class KernelGradientTest {

  @Property(tries = 60)
  void gradientMatchesFiniteDifferences(
      @ForAll @IntRange(min = 0, max = 8) int familyIndex,
      @ForAll @DoubleRange(min = -2, max = 2) double a,
      @ForAll @DoubleRange(min = -2, max = 2) double b,
      @ForAll @DoubleRange(min = 0.3, max = 3) double l1,
      @ForAll @DoubleRange(min = 0.3, max = 3) double l2) {
    KernelFamily f = KernelFamily.values()[familyIndex];
    double[] ls = f.isArd() ? new double[] {l1, l2} : new double[] {l1};
    Kernel k =
        new ProductKernel(f.create(new Hyperparameters(0.7, ls, 0.2)), new ConstantKernel(1.3));
    double[] x = {a, b};
    double[] y = {0.5 * b - 0.2, a + 0.3};
    double[] g = new double[k.parameterCount()];
    double v = k.valueAndGradient(x, y, false, g, 0);
    assertThat(v).isCloseTo(k.value(x, y, false), within(1e-14));
    double[] t = k.logParameters();
    for (int i = 0; i < t.length; i++) {
      double h = 1e-6;
      double[] tp = t.clone();
      double[] tm = t.clone();
      tp[i] += h;
      tm[i] -= h;
      double fd =
          (k.withLogParameters(tp).value(x, y, false) - k.withLogParameters(tm).value(x, y, false))
              / (2 * h);
      assertThat(g[i]).as("%s parameter %d", f, i).isCloseTo(fd, within(1e-7));
    }
  }
}
