#!/usr/bin/env python3
"""Times scikit-learn on the data set of radiotwin-bench's GpFitBenchmark.

Run: /usr/bin/python3 tools/gp/sklearn_benchmark.py [n ...]   (default: 500 2000)
Prints, per n, the time of one log marginal likelihood with gradient and of a full fit
(Matern 5/2 ARD, n_restarts_optimizer=2, normalize_y=True) and the likelihood reached.
"""
import sys
import time

import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import ConstantKernel, Matern, WhiteKernel

for n in [int(a) for a in sys.argv[1:]] or [500, 2000]:
    i = np.arange(n)
    phi = (1 + 5 ** 0.5) / 2
    x = np.column_stack([100 * ((i * phi) % 1), 20 * ((i * phi * phi) % 1)])
    y = np.sin(x[:, 0] / 10) + np.cos(x[:, 1] / 5) + 0.1 * np.sin(37 * i)
    k = ConstantKernel(1.0) * Matern([10.0, 5.0], nu=2.5) + WhiteKernel(0.1)
    fixed = GaussianProcessRegressor(k, normalize_y=True, optimizer=None).fit(x, y)
    times = []
    for _ in range(3):
        t = time.perf_counter()
        fixed.log_marginal_likelihood(fixed.kernel_.theta, eval_gradient=True)
        times.append(time.perf_counter() - t)
    print(f"n={n} lml+gradient: best {min(times):.3f} s, mean {np.mean(times):.3f} s")
    t = time.perf_counter()
    gp = GaussianProcessRegressor(k, normalize_y=True, n_restarts_optimizer=2, random_state=0).fit(x, y)
    print(f"n={n} fit (3 optimiser runs): {time.perf_counter() - t:.1f} s, "
          f"lml {gp.log_marginal_likelihood_value_:.4f}, kernel {gp.kernel_}", flush=True)
