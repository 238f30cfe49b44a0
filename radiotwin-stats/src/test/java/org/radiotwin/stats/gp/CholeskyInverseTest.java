package org.radiotwin.stats.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/** K⁻¹ from the Cholesky factor against K⁻¹·K = I, for orders around the block sizes. */
class CholeskyInverseTest {

  @Property(tries = 6)
  void inverseTimesMatrixIsIdentity(@ForAll @IntRange(min = 1, max = 200) int n) {
    SplittableRandom rnd = new SplittableRandom(n);
    DMatrixRMaj a = new DMatrixRMaj(n, n);
    for (int i = 0; i < n * n; i++) {
      a.data[i] = rnd.nextDouble() - 0.5;
    }
    DMatrixRMaj k = new DMatrixRMaj(n, n);
    CommonOps_DDRM.multTransB(a, a, k);
    for (int i = 0; i < n; i++) {
      k.add(i, i, 1);
    }
    CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
    DMatrixRMaj copy = k.copy();
    assertThat(chol.decompose(copy)).isTrue();
    DMatrixRMaj lower = chol.getT(null);
    double[] work = new double[n * n];
    double[] inv = new double[n * n];
    CholeskyInverse.invert(lower.data, n, work, inv);
    DMatrixRMaj product = new DMatrixRMaj(n, n);
    CommonOps_DDRM.mult(DMatrixRMaj.wrap(n, n, inv), k, product);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(product.get(i, j)).isCloseTo(i == j ? 1 : 0, within(1e-9));
      }
    }
  }
}
