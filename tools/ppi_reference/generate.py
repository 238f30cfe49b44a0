"""Generates the PPI test vectors of radiotwin-learn (test-vector generation only, not shipped).

Writes small seeded data sets as PPI CSV files and the ppi_py 0.2.3 results on them (through the
transcription in ppi_reference.py) to
radiotwin-learn/src/test/resources/org/radiotwin/learn/ppi/. Run: python3 generate.py
"""

import os
import numpy as np
import ppi_reference as P

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "radiotwin-learn", "src", "test",
                   "resources", "org", "radiotwin", "learn", "ppi")
lines = []


def put(case, key, values):
    v = np.atleast_1d(np.asarray(values, dtype=float)).ravel()
    lines.append(case + "." + key + " = " + " ".join(repr(float(x)) for x in v))


def put_result(case, est, ci, lam=None, pval=None):
    put(case, "estimate", est)
    put(case, "lower", ci[0])
    put(case, "upper", ci[1])
    if lam is not None:
        put(case, "lambda", lam)
    if pval is not None:
        put(case, "pvalue", pval)


def write_csv(name, cols):
    keys = list(cols)
    n = len(cols[keys[0]])
    with open(os.path.join(OUT, name), "w") as f:
        f.write(",".join(keys) + "\n")
        for i in range(n):
            f.write(",".join(repr(float(cols[k][i])) for k in keys) + "\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.default_rng(20231101)

    # ---- 1-D mean / quantile: n = 40 labelled, N = 300 unlabelled, weights ----
    n, N = 40, 300
    Y = rng.normal(2.0, 1.0, n)
    Yhat = 0.8 * Y + 0.5 + rng.normal(0, 0.5, n)
    Yu_true = rng.normal(2.0, 1.0, N)
    Yhat_u = 0.8 * Yu_true + 0.5 + rng.normal(0, 0.5, N)
    w = rng.uniform(0.5, 1.5, n)
    wu = rng.uniform(0.5, 1.5, N)
    write_csv("mean_labeled.csv", {"Y": Y, "Yhat": Yhat, "w": w})
    write_csv("mean_unlabeled.csv", {"Yhat": Yhat_u, "w": wu})

    lam = P.ppi_mean_lhat(Y, Yhat, Yhat_u)
    put_result("mean_tuned", P.ppi_mean_pointestimate(Y, Yhat, Yhat_u),
               P.ppi_mean_ci(Y, Yhat, Yhat_u, alpha=0.1), lam,
               P.ppi_mean_pval(Y, Yhat, Yhat_u, null=2.2))
    put("mean_tuned", "lambda_unclipped", P.ppi_mean_lhat(Y, Yhat, Yhat_u, clip=False))
    lamw = P.ppi_mean_lhat(Y, Yhat, Yhat_u, w=w, w_unlabeled=wu)
    put_result("mean_tuned_weighted", P.ppi_mean_pointestimate(Y, Yhat, Yhat_u, w=w, w_unlabeled=wu),
               P.ppi_mean_ci(Y, Yhat, Yhat_u, alpha=0.05, w=w, w_unlabeled=wu), lamw,
               P.ppi_mean_pval(Y, Yhat, Yhat_u, null=2.2, alternative="larger", w=w,
                               w_unlabeled=wu))
    put_result("mean_fixed_larger", P.ppi_mean_pointestimate(Y, Yhat, Yhat_u, lhat=0.5),
               P.ppi_mean_ci(Y, Yhat, Yhat_u, alpha=0.1, alternative="larger", lhat=0.5), 0.5,
               P.ppi_mean_pval(Y, Yhat, Yhat_u, null=1.9, alternative="larger", lhat=0.5))
    # Tuned one-sided: RadioTwin gives the one-sided interval at the tuned lambda (ppi_py 0.2.3
    # returns the two-sided one; both are recorded).
    put_result("mean_tuned_smaller", P.ppi_mean_pointestimate(Y, Yhat, Yhat_u),
               P.ppi_mean_ci(Y, Yhat, Yhat_u, alpha=0.1, alternative="smaller", lhat=lam), lam)
    put("mean_tuned_smaller", "ppi_py_lower",
        P.ppi_mean_ci(Y, Yhat, Yhat_u, alpha=0.1, alternative="smaller")[0])
    put_result("mean_ppi", P.ppi_mean_pointestimate(Y, Yhat, Yhat_u, lhat=1),
               P.ppi_mean_ci(Y, Yhat, Yhat_u, alpha=0.1, lhat=1), 1.0)
    ci = P.classical_mean_ci(Y, alpha=0.1)
    put_result("mean_classical", Y.mean(), ci, 0.0)
    ci = P.classical_mean_ci(Y, w=w, alpha=0.1)
    put_result("mean_classical_weighted", (w / w.sum() * n * Y).mean(), ci, 0.0)

    for name, q, exact, ww, wwu in [("quantile_grid", 0.3, False, None, None),
                                    ("quantile_exact", 0.7, True, None, None),
                                    ("quantile_weighted", 0.5, False, w, wu)]:
        put_result(name, P.ppi_quantile_pointestimate(Y, Yhat, Yhat_u, q, exact_grid=exact, w=ww,
                                                      w_unlabeled=wwu),
                   P.ppi_quantile_ci(Y, Yhat, Yhat_u, q, alpha=0.1, exact_grid=exact, w=ww,
                                     w_unlabeled=wwu), 1.0)
    put("quantile_classical", "lower", P.classical_quantile_ci(Y, 0.3, alpha=0.1)[0])
    put("quantile_classical", "upper", P.classical_quantile_ci(Y, 0.3, alpha=0.1)[1])

    # ---- 2-D mean ----
    Y2 = np.stack([Y, rng.normal(-1.0, 2.0, n)], axis=1)
    Yhat2 = np.stack([Yhat, 0.3 * Y2[:, 1] + rng.normal(0, 1.5, n)], axis=1)
    Yhat2_u = np.stack([Yhat_u, 0.3 * rng.normal(-1.0, 2.0, N) + rng.normal(0, 1.5, N)], axis=1)
    write_csv("mean2_labeled.csv", {"Y0": Y2[:, 0], "Y1": Y2[:, 1], "Yhat0": Yhat2[:, 0],
                                    "Yhat1": Yhat2[:, 1]})
    write_csv("mean2_unlabeled.csv", {"Yhat0": Yhat2_u[:, 0], "Yhat1": Yhat2_u[:, 1]})
    for mode in ["overall", "element"]:
        lam2 = P.ppi_mean_lhat(Y2, Yhat2, Yhat2_u, lambd_optim_mode=mode)
        put_result("mean2_" + mode,
                   P.ppi_mean_pointestimate(Y2, Yhat2, Yhat2_u, lambd_optim_mode=mode),
                   P.ppi_mean_ci(Y2, Yhat2, Yhat2_u, alpha=0.1, lambd_optim_mode=mode), lam2,
                   P.ppi_mean_pval(Y2, Yhat2, Yhat2_u, null=0.0, lambd_optim_mode=mode))

    # ---- OLS: n = 60, N = 400, X0 = 1 ----
    n, N = 60, 400
    beta = np.array([1.0, 2.0, -0.5])
    X = np.column_stack([np.ones(n), rng.normal(0, 1, (n, 2))])
    Xu = np.column_stack([np.ones(N), rng.normal(0, 1, (N, 2))])
    Yo = X @ beta + rng.normal(0, 1, n) * (1 + 0.5 * np.abs(X[:, 1]))
    Yo_u = Xu @ beta + rng.normal(0, 1, N) * (1 + 0.5 * np.abs(Xu[:, 1]))
    Yo_hat = 0.9 * Yo + 0.3 + rng.normal(0, 0.6, n)
    Yo_hat_u = 0.9 * Yo_u + 0.3 + rng.normal(0, 0.6, N)
    wo = rng.uniform(0.5, 2.0, n)
    wou = rng.uniform(0.5, 2.0, N)
    write_csv("ols_labeled.csv", {"Y": Yo, "Yhat": Yo_hat, "X0": X[:, 0], "X1": X[:, 1],
                                  "X2": X[:, 2], "w": wo})
    write_csv("ols_unlabeled.csv", {"Yhat": Yo_hat_u, "X0": Xu[:, 0], "X1": Xu[:, 1],
                                    "X2": Xu[:, 2], "w": wou})
    for name, kw in [("ols_tuned", {}), ("ols_weighted", {"w": wo, "w_unlabeled": wou})]:
        out = []
        ci = P.ppi_ols_ci(X, Yo, Yo_hat, Xu, Yo_hat_u, alpha=0.1, _lhat_out=out, **kw)
        put_result(name, P.ppi_ols_pointestimate(X, Yo, Yo_hat, Xu, Yo_hat_u, **kw), ci, out[0])
    out = []
    ci = P.ppi_ols_ci(X, Yo, Yo_hat, Xu, Yo_hat_u, alpha=0.1, coord=1, _lhat_out=out)
    put_result("ols_coord1", P.ppi_ols_pointestimate(X, Yo, Yo_hat, Xu, Yo_hat_u, coord=1), ci,
               out[0])
    put_result("ols_fixed_larger", P.ppi_ols_pointestimate(X, Yo, Yo_hat, Xu, Yo_hat_u, lhat=1),
               P.ppi_ols_ci(X, Yo, Yo_hat, Xu, Yo_hat_u, alpha=0.2, alternative="larger",
                            lhat=1), 1.0)
    put_result("ols_classical", P._ols(X, Yo), P.classical_ols_ci(X, Yo, alpha=0.1), 0.0)
    put_result("ols_classical_weighted", P._wls(X, Yo, wo / wo.sum() * n),
               P.classical_ols_ci(X, Yo, w=wo, alpha=0.1), 0.0)

    # ---- logistic: n = 80, N = 500 ----
    n, N = 80, 500
    bl = np.array([-0.3, 1.2, -0.8])
    X = np.column_stack([np.ones(n), rng.normal(0, 1, (n, 2))])
    Xu = np.column_stack([np.ones(N), rng.normal(0, 1, (N, 2))])
    Yl = (rng.uniform(size=n) < P.safe_expit(X @ bl)).astype(float)
    Yl_u = (rng.uniform(size=N) < P.safe_expit(Xu @ bl)).astype(float)
    Yl_hat = np.clip(0.6 * Yl + 0.2 + rng.normal(0, 0.1, n), 0.01, 0.99)
    Yl_hat_u = np.clip(0.6 * Yl_u + 0.2 + rng.normal(0, 0.1, N), 0.01, 0.99)
    wl = rng.uniform(0.5, 2.0, n)
    wlu = rng.uniform(0.5, 2.0, N)
    write_csv("logistic_labeled.csv", {"Y": Yl, "Yhat": Yl_hat, "X0": X[:, 0], "X1": X[:, 1],
                                       "X2": X[:, 2], "w": wl})
    write_csv("logistic_unlabeled.csv", {"Yhat": Yl_hat_u, "X0": Xu[:, 0], "X1": Xu[:, 1],
                                         "X2": Xu[:, 2], "w": wlu})
    for name, kw in [("logistic_tuned", {}), ("logistic_weighted", {"w": wl, "w_unlabeled": wlu})]:
        out = []
        ci = P.ppi_logistic_ci(X, Yl, Yl_hat, Xu, Yl_hat_u, alpha=0.1, _lhat_out=out, **kw)
        put_result(name, P.ppi_logistic_pointestimate(X, Yl, Yl_hat, Xu, Yl_hat_u, **kw), ci,
                   out[0])
    put_result("logistic_fixed", P.ppi_logistic_pointestimate(X, Yl, Yl_hat, Xu, Yl_hat_u, lhat=0.7),
               P.ppi_logistic_ci(X, Yl, Yl_hat, Xu, Yl_hat_u, alpha=0.1, lhat=0.7), 0.7)
    est, ci = P.classical_logistic_ci(X, Yl, alpha=0.1)
    put_result("logistic_classical", est, ci, 0.0)

    # ---- Poisson: n = 80, N = 500 ----
    bp = np.array([0.5, 0.4, -0.3])
    Yp = rng.poisson(np.exp(X @ bp)).astype(float)
    Yp_u = rng.poisson(np.exp(Xu @ bp)).astype(float)
    Yp_hat = 0.8 * Yp + 0.4 + rng.uniform(0, 0.5, n)
    Yp_hat_u = 0.8 * Yp_u + 0.4 + rng.uniform(0, 0.5, N)
    write_csv("poisson_labeled.csv", {"Y": Yp, "Yhat": Yp_hat, "X0": X[:, 0], "X1": X[:, 1],
                                      "X2": X[:, 2]})
    write_csv("poisson_unlabeled.csv", {"Yhat": Yp_hat_u, "X0": Xu[:, 0], "X1": Xu[:, 1],
                                        "X2": Xu[:, 2]})
    out = []
    ci = P.ppi_poisson_ci(X, Yp, Yp_hat, Xu, Yp_hat_u, alpha=0.1, _lhat_out=out)
    put_result("poisson_tuned", P.ppi_poisson_pointestimate(X, Yp, Yp_hat, Xu, Yp_hat_u), ci,
               out[0])
    put_result("poisson_classical", P.ppi_poisson_pointestimate(X, Yp, Yp_hat, Xu, Yp_hat_u, lhat=0),
               P.ppi_poisson_ci(X, Yp, Yp_hat, Xu, Yp_hat_u, alpha=0.1, lhat=0), 0.0)

    # ---- Cross-PPI: K = 3 fold models ----
    n, N, K = 60, 300, 3
    X = np.column_stack([np.ones(n), rng.normal(0, 1, (n, 1))])
    Xu = np.column_stack([np.ones(N), rng.normal(0, 1, (N, 1))])
    Yc = X @ np.array([0.5, 1.5]) + rng.normal(0, 1, n)
    Yc_hat = X @ np.array([0.6, 1.3]) + rng.normal(0, 0.5, n)
    Yc_hat_u = np.column_stack([Xu @ np.array([0.6 + 0.05 * k, 1.3 - 0.05 * k])
                                + rng.normal(0, 0.5, N) for k in range(K)])
    Yb = (rng.uniform(size=n) < P.safe_expit(X @ np.array([0.2, 1.0]))).astype(float)
    Yb_hat = P.safe_expit(X @ np.array([0.1, 0.9]) + rng.normal(0, 0.3, n))
    Yb_hat_u = np.column_stack([P.safe_expit(Xu @ np.array([0.1 + 0.05 * k, 0.9])
                                             + rng.normal(0, 0.3, N)) for k in range(K)])
    write_csv("cross_labeled.csv", {"Y": Yc, "Yhat": Yc_hat, "B": Yb, "Bhat": Yb_hat,
                                    "X0": X[:, 0], "X1": X[:, 1]})
    cols = {"Yhat_%d" % k: Yc_hat_u[:, k] for k in range(K)}
    cols.update({"Bhat_%d" % k: Yb_hat_u[:, k] for k in range(K)})
    cols.update({"X0": Xu[:, 0], "X1": Xu[:, 1]})
    write_csv("cross_unlabeled.csv", cols)
    put_result("cross_mean", P.crossppi_mean_pointestimate(Yc, Yc_hat, Yc_hat_u),
               P.crossppi_mean_ci(Yc, Yc_hat, Yc_hat_u, alpha=0.1), 1.0)
    put_result("cross_quantile", P.crossppi_quantile_pointestimate(Yc, Yc_hat, Yc_hat_u, 0.4),
               P.crossppi_quantile_ci(Yc, Yc_hat, Yc_hat_u, 0.4, alpha=0.1), 1.0)
    put_result("cross_quantile_exact",
               P.crossppi_quantile_pointestimate(Yc, Yc_hat, Yc_hat_u, 0.6, exact_grid=True),
               P.crossppi_quantile_ci(Yc, Yc_hat, Yc_hat_u, 0.6, alpha=0.2, exact_grid=True), 1.0)
    est, ci = P.crossppi_ols_ci(X, Yc, Yc_hat, Xu, Yc_hat_u, alpha=0.1)
    put_result("cross_ols", est, ci, 1.0)
    est, ci = P.crossppi_logistic_ci(X, Yb, Yb_hat, Xu, Yb_hat_u, alpha=0.1)
    put_result("cross_logistic", est, ci, 1.0)

    with open(os.path.join(OUT, "expected.txt"), "w") as f:
        f.write("# ppi_py 0.2.3 results (transcription tools/ppi_reference/ppi_reference.py,\n")
        f.write("# generated by tools/ppi_reference/generate.py); alpha etc. in the tests.\n")
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
