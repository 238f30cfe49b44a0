#!/usr/bin/env python3
"""Reference numbers for radiotwin-stats' GaussianProcessRegressor tests, from scikit-learn.

Run: /usr/bin/python3 tools/gp/sklearn_reference.py   (scikit-learn 1.2.1 from Debian)
The data set is a closed-form one (no random numbers) that GaussianProcessRegressorTest rebuilds.
"""
import numpy as np
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, Matern, WhiteKernel

n = 15
i = np.arange(n)
X = np.column_stack([3 * np.sin(1.3 * i), 2 * np.cos(0.7 * i)])
y = np.sin(X[:, 0]) + 0.5 * X[:, 1] + 0.1 * np.cos(5 * i) + 3.0
Xs = np.array([[0.0, 0.0], [1.5, -1.0], [-2.5, 1.7], [4.0, 3.0]])

def base(name, ls):
    if name.startswith("rbf"):
        return RBF(ls)
    nu = {"matern12": 0.5, "matern32": 1.5, "matern52": 2.5}[name.replace("-ard", "")]
    return Matern(ls, nu=nu)

cases = [("rbf", [1.3]), ("rbf-ard", [1.3, 0.8]), ("matern12", [1.7]),
         ("matern32-ard", [0.9, 2.2]), ("matern52", [1.1])]
for name, ls in cases:
    k = ConstantKernel(0.8) * base(name, ls) + WhiteKernel(0.05)
    gp = GaussianProcessRegressor(k, normalize_y=True, optimizer=None).fit(X, y)
    lml, grad = gp.log_marginal_likelihood(gp.kernel_.theta, eval_gradient=True)
    mu, sd = gp.predict(Xs, return_std=True)
    latent = np.sqrt(np.maximum(sd ** 2 - 0.05 * gp._y_train_std ** 2, 0))
    print(f"// {name} {ls}: lml, gradient, mean, std, stdLatent")
    print(repr(lml), list(map(repr, grad)))
    print(list(map(repr, mu)))
    print(list(map(repr, sd)))
    print(list(map(repr, latent)))

for name in ["rbf-ard", "matern52"]:
    ls = [1.0, 1.0] if name.endswith("ard") else [1.0]
    k = ConstantKernel(1.0) * base(name, ls) + WhiteKernel(0.1)
    gp = GaussianProcessRegressor(k, normalize_y=True, n_restarts_optimizer=5, random_state=0).fit(X, y)
    print(f"// fitted {name}: {gp.kernel_} lml {gp.log_marginal_likelihood_value_!r}")
