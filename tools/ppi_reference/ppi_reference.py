"""Transcription of ppi_py 0.2.3 (github.com/aangelopoulos/ppi_py: ppi_py/ppi.py,
ppi_py/cross_ppi.py, ppi_py/baselines.py, ppi_py/utils/statistics_utils.py) for generating test
vectors only. NOT shipped code: RadioTwin's implementation is org.radiotwin.learn.ppi (Java).

ppi_py itself cannot be installed here (no PyPI), so its functions are transcribed line by line
with numpy/scipy. Only the third-party calls are replaced:
  - statsmodels OLS/WLS(...).fit().params / .HC0_se  -> pinv of the whitened design + the HC0
    formula statsmodels uses (pinv_wexog @ diag(wresid^2) @ pinv_wexog.T);
  - statsmodels _zconfint_generic / _zstat_generic   -> transcribed below;
  - sklearn LogisticRegression / PoissonRegressor (only the starting point of L-BFGS-B) -> the
    same unpenalised labelled-only maximum-likelihood fit by scipy L-BFGS-B;
  - numba @njit                                       -> plain Python.
Known ppi_py 0.2.3 behaviours are kept (e.g. ppi_mean_ci drops `alternative` when lam is tuned);
the generator calls the functions so as to obtain the intended (documented) results where
RadioTwin deliberately differs.
"""

import numpy as np
from scipy import stats
from scipy.optimize import minimize


# ---- statsmodels.stats.weightstats ------------------------------------------------------------
def _zconfint_generic(mean, std_mean, alpha, alternative):
    if alternative in ["two-sided", "2-sided", "2s"]:
        zcrit = stats.norm.ppf(1 - alpha / 2.0)
        lower = mean - zcrit * std_mean
        upper = mean + zcrit * std_mean
    elif alternative in ["larger", "l"]:
        zcrit = stats.norm.ppf(alpha)
        lower = mean + zcrit * std_mean
        upper = np.inf
    elif alternative in ["smaller", "s"]:
        zcrit = stats.norm.ppf(1 - alpha)
        lower = -np.inf
        upper = mean + zcrit * std_mean
    else:
        raise ValueError("invalid alternative")
    return lower, upper


def _zstat_generic(value1, value2, std_diff, alternative, diff=0):
    zstat = (value1 - value2 - diff) / std_diff
    if alternative in ["two-sided", "2-sided", "2s"]:
        pvalue = stats.norm.sf(np.abs(zstat)) * 2
    elif alternative in ["larger", "l"]:
        pvalue = stats.norm.sf(zstat)
    elif alternative in ["smaller", "s"]:
        pvalue = stats.norm.cdf(zstat)
    else:
        raise ValueError("invalid alternative")
    return zstat, pvalue


# ---- statsmodels OLS / WLS ----------------------------------------------------------------------
def _fit_ls(X, Y, w=None):
    w = np.ones(len(Y)) if w is None else np.asarray(w, float)
    sw = np.sqrt(w)
    wexog = X * sw[:, None]
    pinv_wexog = np.linalg.pinv(wexog)
    params = pinv_wexog @ (Y * sw)
    wresid = Y * sw - wexog @ params
    hc0 = pinv_wexog @ (wresid[:, None] ** 2 * pinv_wexog.T)
    return params, np.sqrt(np.diag(hc0))


# ---- ppi_py/utils -------------------------------------------------------------------------------
def construct_weight_vector(n_obs, existing_weight, vectorized=False):
    res = (
        np.ones(n_obs)
        if existing_weight is None
        else existing_weight / existing_weight.sum() * n_obs
    )
    if vectorized and (len(res.shape) == 1):
        res = res[:, None]
    return res


def reshape_to_2d(x):
    return x.reshape(-1, 1) if len(x.shape) == 1 else x.copy()


def safe_expit(x):
    return np.exp(-np.logaddexp(0, -x))


def safe_log1pexp(x):
    idxs = x > 10
    out = np.empty_like(x)
    out[idxs] = x[idxs]
    out[~idxs] = np.log1p(np.exp(x[~idxs]))
    return out


def compute_cdf(Y, grid, w=None):
    w = np.ones(Y.shape[0]) if w is None else w / w.sum() * Y.shape[0]
    indicators = ((Y[:, None] <= grid[None, :]) * w[:, None]).astype(float)
    return indicators.mean(axis=0), indicators.std(axis=0)


def compute_cdf_diff(Y, Yhat, grid, w=None):
    w = np.ones(Y.shape[0]) if w is None else w / w.sum() * Y.shape[0]
    indicators_Y = (Y[:, None] <= grid[None, :]).astype(float)
    indicators_Yhat = (Yhat[:, None] <= grid[None, :]).astype(float)
    return (w[:, None] * (indicators_Y - indicators_Yhat)).mean(axis=0), (
        w[:, None] * (indicators_Y - indicators_Yhat)
    ).std(axis=0)


# ---- ppi_py/ppi.py ------------------------------------------------------------------------------
def rectified_p_value(rectifier, rectifier_std, imputed_mean, imputed_std, null=0,
                      alternative="two-sided"):
    rectified_point_estimate = imputed_mean + rectifier
    rectified_std = np.maximum(np.sqrt(imputed_std**2 + rectifier_std**2), 1e-16)
    return _zstat_generic(rectified_point_estimate, 0, rectified_std, alternative, null)[1]


def _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, inv_hessian, coord=None, clip=False,
                   optim_mode="overall"):
    grads = reshape_to_2d(grads)
    grads_hat = reshape_to_2d(grads_hat)
    grads_hat_unlabeled = reshape_to_2d(grads_hat_unlabeled)
    n = grads.shape[0]
    N = grads_hat_unlabeled.shape[0]
    d = inv_hessian.shape[0]
    grads_cent = grads - grads.mean(axis=0)
    grad_hat_cent = grads_hat - grads_hat.mean(axis=0)
    cov_grads = (1 / n) * (grads_cent.T @ grad_hat_cent + grad_hat_cent.T @ grads_cent)
    var_grads_hat = np.cov(np.concatenate([grads_hat, grads_hat_unlabeled], axis=0).T)
    var_grads_hat = var_grads_hat.reshape(d, d)
    # ppi_py 0.2.3 uses inv_hessian[coord, coord] here, which raises for any d (scalar @ matrix);
    # RadioTwin uses the column V e_coord of ppi_py < 0.2 (see TunedLambda).
    vhat = inv_hessian if coord is None else inv_hessian @ np.eye(d)[coord]
    if optim_mode == "overall":
        num = np.trace(vhat @ cov_grads @ vhat) if coord is None else vhat @ cov_grads @ vhat
        denom = (
            2 * (1 + (n / N)) * np.trace(vhat @ var_grads_hat @ vhat)
            if coord is None
            else 2 * (1 + (n / N)) * vhat @ var_grads_hat @ vhat
        )
        lhat = num / denom
        lhat = lhat.item()
    elif optim_mode == "element":
        num = np.diag(vhat @ cov_grads @ vhat)
        denom = 2 * (1 + (n / N)) * np.diag(vhat @ var_grads_hat @ vhat)
        lhat = num / denom
    else:
        raise ValueError("optim_mode")
    if clip:
        lhat = np.clip(lhat, 0, 1)
    return lhat


def ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lhat=None, coord=None, w=None,
                           w_unlabeled=None, lambd_optim_mode="overall"):
    Y = reshape_to_2d(Y)
    Yhat = reshape_to_2d(Yhat)
    Yhat_unlabeled = reshape_to_2d(Yhat_unlabeled)
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    d = Yhat.shape[1]
    w = construct_weight_vector(n, w, vectorized=True)
    w_unlabeled = construct_weight_vector(N, w_unlabeled, vectorized=True)
    if lhat is None:
        ppi_pointest = (w_unlabeled * Yhat_unlabeled).mean(0) + (w * (Y - Yhat)).mean(0)
        grads = w * (Y - ppi_pointest)
        grads_hat = w * (Yhat - ppi_pointest)
        grads_hat_unlabeled = w_unlabeled * (Yhat_unlabeled - ppi_pointest)
        inv_hessian = np.eye(d)
        lhat = _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, inv_hessian, coord=None,
                              clip=True, optim_mode=lambd_optim_mode)
        return ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lhat=lhat, coord=coord, w=w,
                                      w_unlabeled=w_unlabeled)
    else:
        return (w_unlabeled * lhat * Yhat_unlabeled).mean(axis=0) + (
            w * (Y - lhat * Yhat)).mean(axis=0).squeeze()


def ppi_mean_lhat(Y, Yhat, Yhat_unlabeled, w=None, w_unlabeled=None, lambd_optim_mode="overall",
                  clip=True):
    """The tuned lhat exactly as ppi_mean_ci computes it (not a ppi_py function)."""
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    d = Y.shape[1] if len(Y.shape) > 1 else 1
    Y = reshape_to_2d(Y)
    Yhat = reshape_to_2d(Yhat)
    Yhat_unlabeled = reshape_to_2d(Yhat_unlabeled)
    w = construct_weight_vector(n, w, vectorized=True)
    w_unlabeled = construct_weight_vector(N, w_unlabeled, vectorized=True)
    ppi_pointest = ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lhat=1, w=w,
                                          w_unlabeled=w_unlabeled)
    grads = w * (Y - ppi_pointest)
    grads_hat = w * (Yhat - ppi_pointest)
    grads_hat_unlabeled = w_unlabeled * (Yhat_unlabeled - ppi_pointest)
    return _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, np.eye(d), coord=None,
                          clip=clip, optim_mode=lambd_optim_mode)


def ppi_mean_ci(Y, Yhat, Yhat_unlabeled, alpha=0.1, alternative="two-sided", lhat=None,
                coord=None, w=None, w_unlabeled=None, lambd_optim_mode="overall"):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    Y = reshape_to_2d(Y)
    Yhat = reshape_to_2d(Yhat)
    Yhat_unlabeled = reshape_to_2d(Yhat_unlabeled)
    w = construct_weight_vector(n, w, vectorized=True)
    w_unlabeled = construct_weight_vector(N, w_unlabeled, vectorized=True)
    if lhat is None:
        lhat = ppi_mean_lhat(Y, Yhat, Yhat_unlabeled, w=w, w_unlabeled=w_unlabeled,
                             lambd_optim_mode=lambd_optim_mode)
        # ppi_py 0.2.3 drops `alternative` in this recursive call (always two-sided).
        return ppi_mean_ci(Y, Yhat, Yhat_unlabeled, alpha=alpha, lhat=lhat, coord=coord, w=w,
                           w_unlabeled=w_unlabeled)
    ppi_pointest = ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled, lhat=lhat, coord=coord, w=w,
                                          w_unlabeled=w_unlabeled)
    imputed_std = (w_unlabeled * (lhat * Yhat_unlabeled)).std(0) / np.sqrt(N)
    rectifier_std = (w * (Y - lhat * Yhat)).std(0) / np.sqrt(n)
    return _zconfint_generic(ppi_pointest, np.sqrt(imputed_std**2 + rectifier_std**2), alpha,
                             alternative)


def ppi_mean_pval(Y, Yhat, Yhat_unlabeled, null=0, alternative="two-sided", lhat=None,
                  coord=None, w=None, w_unlabeled=None, lambd_optim_mode="overall"):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    w = construct_weight_vector(n, w, vectorized=True)
    w_unlabeled = construct_weight_vector(N, w_unlabeled, vectorized=True)
    Y = reshape_to_2d(Y)
    Yhat = reshape_to_2d(Yhat)
    Yhat_unlabeled = reshape_to_2d(Yhat_unlabeled)
    d = Y.shape[1]
    if lhat is None:
        ppi_pointest = (w_unlabeled * Yhat_unlabeled).mean(0) + (w * (Y - Yhat)).mean(0)
        grads = w * (Y - ppi_pointest)
        grads_hat = w * (Yhat - ppi_pointest)
        grads_hat_unlabeled = w_unlabeled * (Yhat_unlabeled - ppi_pointest)
        lhat = _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, np.eye(d), coord=None,
                              optim_mode=lambd_optim_mode)
    return rectified_p_value(
        rectifier=(w * Y - lhat * w * Yhat).mean(0),
        rectifier_std=(w * Y - lhat * w * Yhat).std(0) / np.sqrt(n),
        imputed_mean=(w_unlabeled * lhat * Yhat_unlabeled).mean(0),
        imputed_std=(w_unlabeled * lhat * Yhat_unlabeled).std(0) / np.sqrt(N),
        null=null, alternative=alternative)


def _rectified_cdf(Y, Yhat, Yhat_unlabeled, grid, w=None, w_unlabeled=None):
    w = np.ones(Y.shape[0]) if w is None else w / w.sum() * Y.shape[0]
    w_unlabeled = (np.ones(Yhat_unlabeled.shape[0]) if w_unlabeled is None
                   else w_unlabeled / w_unlabeled.sum() * Yhat_unlabeled.shape[0])
    cdf_Yhat_unlabeled, _ = compute_cdf(Yhat_unlabeled, grid, w=w_unlabeled)
    cdf_rectifier, _ = compute_cdf_diff(Y, Yhat, grid, w=w)
    return cdf_Yhat_unlabeled + cdf_rectifier


def ppi_quantile_pointestimate(Y, Yhat, Yhat_unlabeled, q, exact_grid=False, w=None,
                               w_unlabeled=None):
    assert len(Y.shape) == 1
    w = np.ones(Y.shape[0]) if w is None else w / w.sum() * Y.shape[0]
    w_unlabeled = (np.ones(Yhat_unlabeled.shape[0]) if w_unlabeled is None
                   else w_unlabeled / w_unlabeled.sum() * Yhat_unlabeled.shape[0])
    grid = np.concatenate([Y, Yhat, Yhat_unlabeled], axis=0)
    grid = np.sort(grid) if exact_grid else np.linspace(grid.min(), grid.max(), 5000)
    rectified_cdf = _rectified_cdf(Y, Yhat, Yhat_unlabeled, grid, w=w, w_unlabeled=w_unlabeled)
    minimizers = np.argmin(np.abs(rectified_cdf - q))
    minimizer = minimizers if isinstance(minimizers, (int, np.int64)) else minimizers[0]
    return grid[minimizer]


def ppi_quantile_ci(Y, Yhat, Yhat_unlabeled, q, alpha=0.1, exact_grid=False, w=None,
                    w_unlabeled=None):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    w = np.ones(n) if w is None else w / w.sum() * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / w_unlabeled.sum() * N
    grid = np.concatenate([Y, Yhat, Yhat_unlabeled], axis=0)
    grid = np.sort(grid) if exact_grid else np.linspace(grid.min(), grid.max(), 5000)
    cdf_Yhat_unlabeled, cdf_Yhat_unlabeled_std = compute_cdf(Yhat_unlabeled, grid, w=w_unlabeled)
    cdf_rectifier, cdf_rectifier_std = compute_cdf_diff(Y, Yhat, grid, w=w)
    rec_p_value = rectified_p_value(cdf_rectifier, cdf_rectifier_std / np.sqrt(n),
                                    cdf_Yhat_unlabeled, cdf_Yhat_unlabeled_std / np.sqrt(N),
                                    null=q, alternative="two-sided")
    return grid[rec_p_value > alpha][[0, -1]]


def _ols(X, Y, return_se=False):
    theta, se = _fit_ls(X, Y)
    return (theta, se) if return_se else theta


def _wls(X, Y, w=None, return_se=False):
    if w is None or np.all(w == 1):
        return _ols(X, Y, return_se=return_se)
    theta, se = _fit_ls(X, Y, w)
    return (theta, se) if return_se else theta


def _ols_get_stats(pointest, X, Y, Yhat, X_unlabeled, Yhat_unlabeled, w=None, w_unlabeled=None,
                   use_unlabeled=True):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    d = X.shape[1]
    w = np.ones(n) if w is None else w / np.sum(w) * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / np.sum(w_unlabeled) * N
    hessian = np.zeros((d, d))
    grads_hat_unlabeled = np.zeros(X_unlabeled.shape)
    if use_unlabeled:
        for i in range(N):
            hessian += w_unlabeled[i] / (N + n) * np.outer(X_unlabeled[i], X_unlabeled[i])
            grads_hat_unlabeled[i, :] = (w_unlabeled[i] * X_unlabeled[i, :]
                                         * (np.dot(X_unlabeled[i, :], pointest) - Yhat_unlabeled[i]))
    grads = np.zeros(X.shape)
    grads_hat = np.zeros(X.shape)
    for i in range(n):
        hessian += (w[i] / (N + n) * np.outer(X[i], X[i]) if use_unlabeled
                    else w[i] / n * np.outer(X[i], X[i]))
        grads[i, :] = w[i] * X[i, :] * (np.dot(X[i, :], pointest) - Y[i])
        grads_hat[i, :] = w[i] * X[i, :] * (np.dot(X[i, :], pointest) - Yhat[i])
    inv_hessian = np.linalg.inv(hessian).reshape(d, d)
    return grads, grads_hat, grads_hat_unlabeled, inv_hessian


def ppi_ols_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, lhat=None, coord=None, w=None,
                          w_unlabeled=None):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    w = np.ones(n) if w is None else w / np.sum(w) * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / np.sum(w_unlabeled) * N
    use_unlabeled = lhat != 0
    imputed_theta = (_wls(X_unlabeled, Yhat_unlabeled, w=w_unlabeled) if lhat is None
                     else _wls(X_unlabeled, lhat * Yhat_unlabeled, w=w_unlabeled))
    rectifier = _wls(X, Y - Yhat, w=w) if lhat is None else _wls(X, Y - lhat * Yhat, w=w)
    ppi_pointest = imputed_theta + rectifier
    if lhat is None:
        grads, grads_hat, grads_hat_unlabeled, inv_hessian = _ols_get_stats(
            ppi_pointest, X.astype(float), Y, Yhat, X_unlabeled.astype(float), Yhat_unlabeled,
            w=w, w_unlabeled=w_unlabeled, use_unlabeled=use_unlabeled)
        lhat = _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, inv_hessian, coord, clip=True)
        return ppi_ols_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, lhat=lhat,
                                     coord=coord, w=w, w_unlabeled=w_unlabeled)
    return ppi_pointest


def ppi_ols_ci(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha=0.1, alternative="two-sided",
               lhat=None, coord=None, w=None, w_unlabeled=None, _lhat_out=None):
    n = Y.shape[0]
    d = X.shape[1]
    N = Yhat_unlabeled.shape[0]
    w = np.ones(n) if w is None else w / w.sum() * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / w_unlabeled.sum() * N
    use_unlabeled = lhat != 0
    ppi_pointest = ppi_ols_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, lhat=lhat,
                                         coord=coord, w=w, w_unlabeled=w_unlabeled)
    grads, grads_hat, grads_hat_unlabeled, inv_hessian = _ols_get_stats(
        ppi_pointest, X.astype(float), Y, Yhat, X_unlabeled.astype(float), Yhat_unlabeled, w=w,
        w_unlabeled=w_unlabeled, use_unlabeled=use_unlabeled)
    if lhat is None:
        lhat = _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, inv_hessian, coord, clip=True)
        return ppi_ols_ci(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha=alpha,
                          alternative=alternative, lhat=lhat, coord=coord, w=w,
                          w_unlabeled=w_unlabeled, _lhat_out=_lhat_out)
    if _lhat_out is not None:
        _lhat_out.append(lhat)
    var_unlabeled = np.cov(lhat * grads_hat_unlabeled.T).reshape(d, d)
    var = np.cov(grads.T - lhat * grads_hat.T).reshape(d, d)
    Sigma_hat = inv_hessian @ (n / N * var_unlabeled + var) @ inv_hessian
    return _zconfint_generic(ppi_pointest, np.sqrt(np.diag(Sigma_hat) / n), alpha=alpha,
                             alternative=alternative)


def _labelled_mle(loss, grad, X, Y):
    """Stands in for sklearn's unpenalised fit: the starting point of ppi_py's L-BFGS-B."""
    return minimize(lambda t: loss(t, X, Y), np.zeros(X.shape[1]), jac=lambda t: grad(t, X, Y),
                    method="L-BFGS-B", tol=1e-15, options={"ftol": 1e-15, "maxiter": 10000}).x


def _logistic_loss(t, X, Y):
    return np.mean(-Y * (X @ t) + safe_log1pexp(X @ t))


def _logistic_grad(t, X, Y):
    return X.T @ (safe_expit(X @ t) - Y) / len(Y)


def _poisson_loss(t, X, Y):
    return np.mean(np.exp(X @ t) - Y * (X @ t))


def _poisson_grad(t, X, Y):
    return X.T @ (np.exp(X @ t) - Y) / len(Y)


def ppi_logistic_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, lhat=None, coord=None,
                               optimizer_options=None, w=None, w_unlabeled=None):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    w = np.ones(n) if w is None else w / w.sum() * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / w_unlabeled.sum() * N
    if optimizer_options is None:
        optimizer_options = {"ftol": 1e-15}
    if "ftol" not in optimizer_options.keys():
        optimizer_options["ftol"] = 1e-15
    theta = _labelled_mle(_logistic_loss, _logistic_grad, X, Y)
    lhat_curr = 1 if lhat is None else lhat

    def rectified_logistic_loss(_theta):
        return (lhat_curr / N * np.sum(w_unlabeled * (-Yhat_unlabeled * (X_unlabeled @ _theta)
                                                     + safe_log1pexp(X_unlabeled @ _theta)))
                - lhat_curr / n * np.sum(w * (-Yhat * (X @ _theta) + safe_log1pexp(X @ _theta)))
                + 1 / n * np.sum(w * (-Y * (X @ _theta) + safe_log1pexp(X @ _theta))))

    def rectified_logistic_grad(_theta):
        return (lhat_curr / N * X_unlabeled.T
                @ (w_unlabeled * (safe_expit(X_unlabeled @ _theta) - Yhat_unlabeled))
                - lhat_curr / n * X.T @ (w * (safe_expit(X @ _theta) - Yhat))
                + 1 / n * X.T @ (w * (safe_expit(X @ _theta) - Y)))

    ppi_pointest = minimize(rectified_logistic_loss, theta, jac=rectified_logistic_grad,
                            method="L-BFGS-B", tol=optimizer_options["ftol"],
                            options=optimizer_options).x
    if lhat is None:
        grads, grads_hat, grads_hat_unlabeled, inv_hessian = _logistic_get_stats(
            ppi_pointest, X, Y, Yhat, X_unlabeled, Yhat_unlabeled, w, w_unlabeled)
        lhat = _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, inv_hessian, clip=True)
        return ppi_logistic_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled,
                                          optimizer_options=optimizer_options, lhat=lhat,
                                          coord=coord, w=w, w_unlabeled=w_unlabeled)
    return ppi_pointest


def _glm_get_stats(mean_fn, var_fn, pointest, X, Y, Yhat, X_unlabeled, Yhat_unlabeled, w=None,
                   w_unlabeled=None, use_unlabeled=True):
    """_logistic_get_stats (mean expit, var mu(1-mu)) and _poisson_get_stats (exp, exp)."""
    n = Y.shape[0]
    d = X.shape[1]
    N = Yhat_unlabeled.shape[0]
    w = np.ones(n) if w is None else w / w.sum() * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / w_unlabeled.sum() * N
    mu = mean_fn(X @ pointest)
    mu_til = mean_fn(X_unlabeled @ pointest)
    hessian = np.zeros((d, d))
    grads_hat_unlabeled = np.zeros(X_unlabeled.shape)
    if use_unlabeled:
        for i in range(N):
            hessian += (w_unlabeled[i] / (N + n) * var_fn(mu_til[i])
                        * np.outer(X_unlabeled[i], X_unlabeled[i]))
            grads_hat_unlabeled[i, :] = (w_unlabeled[i] * X_unlabeled[i, :]
                                         * (mu_til[i] - Yhat_unlabeled[i]))
    grads = np.zeros(X.shape)
    grads_hat = np.zeros(X.shape)
    for i in range(n):
        hessian += (w[i] / (N + n) * var_fn(mu[i]) * np.outer(X[i], X[i]) if use_unlabeled
                    else w[i] / n * var_fn(mu[i]) * np.outer(X[i], X[i]))
        grads[i, :] = w[i] * X[i, :] * (mu[i] - Y[i])
        grads_hat[i, :] = w[i] * X[i, :] * (mu[i] - Yhat[i])
    inv_hessian = np.linalg.inv(hessian).reshape(d, d)
    return grads, grads_hat, grads_hat_unlabeled, inv_hessian


def _logistic_get_stats(*args, **kwargs):
    return _glm_get_stats(safe_expit, lambda m: m * (1 - m), *args, **kwargs)


def _poisson_get_stats(*args, **kwargs):
    return _glm_get_stats(np.exp, lambda m: m, *args, **kwargs)


def _glm_ci(pointest_fn, stats_fn, X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha, alternative,
            lhat, w, w_unlabeled, lhat_out):
    """Body shared by ppi_logistic_ci and ppi_poisson_ci (identical in ppi_py)."""
    n = Y.shape[0]
    d = X.shape[1]
    N = Yhat_unlabeled.shape[0]
    w = np.ones(n) if w is None else w / w.sum() * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / w_unlabeled.sum() * N
    use_unlabeled = lhat != 0
    ppi_pointest = pointest_fn(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, lhat=lhat, w=w,
                               w_unlabeled=w_unlabeled)
    grads, grads_hat, grads_hat_unlabeled, inv_hessian = stats_fn(
        ppi_pointest, X, Y, Yhat, X_unlabeled, Yhat_unlabeled, w, w_unlabeled,
        use_unlabeled=use_unlabeled)
    if lhat is None:
        lhat = _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, inv_hessian, clip=True)
        return _glm_ci(pointest_fn, stats_fn, X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha,
                       alternative, lhat, w, w_unlabeled, lhat_out)
    if lhat_out is not None:
        lhat_out.append(lhat)
    var_unlabeled = np.cov(lhat * grads_hat_unlabeled.T).reshape(d, d)
    var = np.cov(grads.T - lhat * grads_hat.T).reshape(d, d)
    Sigma_hat = inv_hessian @ (n / N * var_unlabeled + var) @ inv_hessian
    return _zconfint_generic(ppi_pointest, np.sqrt(np.diag(Sigma_hat) / n), alpha=alpha,
                             alternative=alternative)


def ppi_logistic_ci(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha=0.1, alternative="two-sided",
                    lhat=None, w=None, w_unlabeled=None, _lhat_out=None):
    return _glm_ci(ppi_logistic_pointestimate, _logistic_get_stats, X, Y, Yhat, X_unlabeled,
                   Yhat_unlabeled, alpha, alternative, lhat, w, w_unlabeled, _lhat_out)


def ppi_poisson_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, lhat=None, coord=None,
                              optimizer_options=None, w=None, w_unlabeled=None):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    w = np.ones(n) if w is None else w / w.sum() * n
    w_unlabeled = np.ones(N) if w_unlabeled is None else w_unlabeled / w_unlabeled.sum() * N
    if optimizer_options is None:
        optimizer_options = {"ftol": 1e-15}
    theta = _labelled_mle(_poisson_loss, _poisson_grad, X, Y)
    lhat_curr = 1 if lhat is None else lhat

    def poisson_loss(_theta):
        return (lhat_curr / N * np.sum(w_unlabeled * (np.exp(X_unlabeled @ _theta)
                                                     - Yhat_unlabeled * (X_unlabeled @ _theta)))
                - lhat_curr / n * np.sum(w * (np.exp(X @ _theta) - Yhat * (X @ _theta)))
                + 1 / n * np.sum(w * (np.exp(X @ _theta) - Y * (X @ _theta))))

    def poisson_grad(_theta):
        return (lhat_curr / N * X_unlabeled.T
                @ (w_unlabeled * (np.exp(X_unlabeled @ _theta) - Yhat_unlabeled))
                - lhat_curr / n * X.T @ (w * (np.exp(X @ _theta) - Yhat))
                + 1 / n * X.T @ (w * (np.exp(X @ _theta) - Y)))

    ppi_pointest = minimize(poisson_loss, theta, jac=poisson_grad, method="L-BFGS-B",
                            tol=optimizer_options["ftol"], options=optimizer_options).x
    if lhat is None:
        grads, grads_hat, grads_hat_unlabeled, inv_hessian = _poisson_get_stats(
            ppi_pointest, X, Y, Yhat, X_unlabeled, Yhat_unlabeled, w, w_unlabeled)
        lhat = _calc_lhat_glm(grads, grads_hat, grads_hat_unlabeled, inv_hessian, clip=True)
        return ppi_poisson_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled,
                                         optimizer_options=optimizer_options, lhat=lhat,
                                         coord=coord, w=w, w_unlabeled=w_unlabeled)
    return ppi_pointest


def ppi_poisson_ci(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha=0.1, alternative="two-sided",
                   lhat=None, w=None, w_unlabeled=None, _lhat_out=None):
    return _glm_ci(ppi_poisson_pointestimate, _poisson_get_stats, X, Y, Yhat, X_unlabeled,
                   Yhat_unlabeled, alpha, alternative, lhat, w, w_unlabeled, _lhat_out)


# ---- ppi_py/baselines.py ------------------------------------------------------------------------
def classical_mean_ci(Y, w=None, alpha=0.1, alternative="two-sided"):
    n = Y.shape[0]
    if w is None:
        return _zconfint_generic(Y.mean(), Y.std() / np.sqrt(n), alpha, alternative)
    w = w / w.sum() * n
    return _zconfint_generic((w * Y).mean(), (w * Y).std() / np.sqrt(n), alpha, alternative)


def classical_quantile_ci(Y, q, alpha=0.1):
    n = Y.shape[0]
    lower, upper = _zconfint_generic(q * n, np.sqrt(q * (1 - q) * n), alpha, "two-sided")
    sorted_Y = np.sort(Y)
    return sorted_Y[int(lower)], sorted_Y[int(upper)]


def classical_ols_ci(X, Y, w=None, alpha=0.1, alternative="two-sided"):
    if w is None:
        pointest, se = _ols(X, Y, return_se=True)
    else:
        w = w / w.sum() * Y.shape[0]
        pointest, se = _wls(X, Y, w, return_se=True)
    return _zconfint_generic(pointest, se, alpha, alternative)


def logistic(X, Y):
    return _labelled_mle(_logistic_loss, _logistic_grad, X, Y)


def classical_logistic_ci(X, Y, alpha=0.1, alternative="two-sided"):
    n = Y.shape[0]
    d = X.shape[1]
    pointest = logistic(X, Y)
    mu = safe_expit(X @ pointest)
    V = np.zeros((d, d))
    grads = np.zeros((n, d))
    for i in range(n):
        V += 1 / n * mu[i] * (1 - mu[i]) * X[i: i + 1, :].T @ X[i: i + 1, :]
        grads[i] += (mu[i] - Y[i]) * X[i]
    V_inv = np.linalg.inv(V)
    cov_mat = V_inv @ np.cov(grads.T) @ V_inv
    return pointest, _zconfint_generic(pointest, np.sqrt(np.diag(cov_mat) / n), alpha, alternative)


# ---- ppi_py/cross_ppi.py ------------------------------------------------------------------------
def crossppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled):
    return ppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled.mean(axis=1), lhat=1)


def crossppi_mean_ci(Y, Yhat, Yhat_unlabeled, alpha=0.1, alternative="two-sided"):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    crossppi_pointest = crossppi_mean_pointestimate(Y, Yhat, Yhat_unlabeled)
    imputed_var = Yhat_unlabeled.mean(axis=1).var() / N
    rectifier_var = (Yhat - Y).var() / n
    return _zconfint_generic(crossppi_pointest, np.sqrt(imputed_var + rectifier_var), alpha,
                             alternative=alternative)


def _cross_rectified_cdf(Y, Yhat, Yhat_unlabeled, grid):
    K = Yhat_unlabeled.shape[1]
    cdf_Yhat_unlabeled = np.zeros(len(grid))
    for j in range(K):
        cdf_Yhat_unlabeled_temp, _ = compute_cdf(Yhat_unlabeled[:, j], grid)
        cdf_Yhat_unlabeled += cdf_Yhat_unlabeled_temp / K
    cdf_rectifier, _ = compute_cdf_diff(Y, Yhat, grid)
    return cdf_Yhat_unlabeled + cdf_rectifier


def crossppi_quantile_pointestimate(Y, Yhat, Yhat_unlabeled, q, exact_grid=False):
    grid = np.concatenate([Y, Yhat, Yhat_unlabeled.flatten()], axis=0)
    grid = np.sort(grid) if exact_grid else np.linspace(grid.min(), grid.max(), 5000)
    rectified_cdf = _cross_rectified_cdf(Y, Yhat, Yhat_unlabeled, grid)
    minimizers = np.argmin(np.abs(rectified_cdf - q))
    minimizer = minimizers if isinstance(minimizers, (int, np.int64)) else minimizers[0]
    return grid[minimizer]


def crossppi_quantile_ci(Y, Yhat, Yhat_unlabeled, q, alpha=0.1, alternative="two-sided",
                         exact_grid=False):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    K = Yhat_unlabeled.shape[1]
    grid = np.concatenate([Y, Yhat, Yhat_unlabeled.flatten()], axis=0)
    grid = np.sort(grid) if exact_grid else np.linspace(grid.min(), grid.max(), 5000)
    cdf_Yhat_unlabeled = np.zeros(len(grid))
    for j in range(K):
        cdf_Yhat_unlabeled_temp, _ = compute_cdf(Yhat_unlabeled[:, j], grid)
        cdf_Yhat_unlabeled += cdf_Yhat_unlabeled_temp / K
    cdf_rectifier, _ = compute_cdf_diff(Y, Yhat, grid)
    Yhat_unlabeled_bstrap_mean = Yhat_unlabeled.mean(axis=1)
    indicators_Yhat_unlabeled_bstrap = (
        Yhat_unlabeled_bstrap_mean[:, None] <= grid[None, :]).astype(float)
    indicators_Y_bstrap = (Y[:, None] <= grid[None, :]).astype(float)
    indicators_Yhat_bstrap = (Yhat[:, None] <= grid[None, :]).astype(float)
    imputed_std = indicators_Yhat_unlabeled_bstrap.std(axis=0)
    rectifier_std = (indicators_Y_bstrap - indicators_Yhat_bstrap).std(axis=0)
    rectified_p_val = rectified_p_value(cdf_rectifier, rectifier_std / np.sqrt(n),
                                        cdf_Yhat_unlabeled, imputed_std / np.sqrt(N), null=q,
                                        alternative=alternative)
    return grid[rectified_p_val > alpha][[0, -1]]


def crossppi_ols_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled):
    return ppi_ols_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled.mean(axis=1), lhat=1)


def crossppi_ols_ci(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha=0.1, alternative="two-sided"):
    n = Y.shape[0]
    d = X.shape[1]
    N = Yhat_unlabeled.shape[0]
    crossppi_pointest = crossppi_ols_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled)
    Yhat_unlabeled_bstrap = Yhat_unlabeled.mean(axis=1)
    hessian = np.zeros((d, d))
    grads_hat_unlabeled = np.zeros(X_unlabeled.shape)
    for i in range(N):
        hessian += 1 / (N + n) * np.outer(X_unlabeled[i], X_unlabeled[i])
        grads_hat_unlabeled[i, :] = X_unlabeled[i, :] * (
            np.dot(X_unlabeled[i, :], crossppi_pointest) - Yhat_unlabeled_bstrap[i])
    for i in range(n):
        hessian += 1 / (N + n) * np.outer(X[i], X[i])
    grads_diff = np.zeros(X.shape)
    for i in range(X.shape[0]):
        grads_diff[i, :] = X[i, :] * (Yhat[i] - Y[i])
    inv_hessian = np.linalg.inv(hessian).reshape(d, d)
    var_unlabeled = np.cov(grads_hat_unlabeled.T).reshape(d, d)
    var = np.cov(grads_diff.T).reshape(d, d)
    Sigma_hat = inv_hessian @ (n / N * var_unlabeled + var) @ inv_hessian
    return crossppi_pointest, _zconfint_generic(crossppi_pointest, np.sqrt(np.diag(Sigma_hat) / n),
                                                alpha=alpha, alternative=alternative)


def crossppi_logistic_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled,
                                    optimizer_options=None):
    n = Y.shape[0]
    N = Yhat_unlabeled.shape[0]
    # ppi_py 0.2.3 reads optimizer_options.keys() unconditionally; callers pass {}.
    if optimizer_options is None or "ftol" not in optimizer_options.keys():
        optimizer_options = {"ftol": 1e-15}
    theta = logistic(X, Y)
    avg = Yhat_unlabeled.mean(axis=1)

    def rectified_logistic_loss(_theta):
        return (1 / N * np.sum(-avg * (X_unlabeled @ _theta) + safe_log1pexp(X_unlabeled @ _theta))
                - 1 / n * np.sum(-Yhat * (X @ _theta) + safe_log1pexp(X @ _theta))
                + 1 / n * np.sum(-Y * (X @ _theta) + safe_log1pexp(X @ _theta)))

    def rectified_logistic_grad(_theta):
        return (1 / N * X_unlabeled.T @ (safe_expit(X_unlabeled @ _theta) - avg)
                - 1 / n * X.T @ (safe_expit(X @ _theta) - Yhat)
                + 1 / n * X.T @ (safe_expit(X @ _theta) - Y))

    return minimize(rectified_logistic_loss, theta, jac=rectified_logistic_grad,
                    method="L-BFGS-B", tol=optimizer_options["ftol"], options=optimizer_options).x


def crossppi_logistic_ci(X, Y, Yhat, X_unlabeled, Yhat_unlabeled, alpha=0.1,
                         alternative="two-sided"):
    n = Y.shape[0]
    d = X.shape[1]
    N = Yhat_unlabeled.shape[0]
    Yhat_unlabeled_bstrap = Yhat_unlabeled.mean(axis=1)
    crossppi_pointest = crossppi_logistic_pointestimate(X, Y, Yhat, X_unlabeled, Yhat_unlabeled,
                                                        {})
    mu = safe_expit(X @ crossppi_pointest)
    mu_til = safe_expit(X_unlabeled @ crossppi_pointest)
    hessian = np.zeros((d, d))
    grads_hat_unlabeled = np.zeros(X_unlabeled.shape)
    for i in range(N):
        hessian += (1 / (N + n) * mu_til[i] * (1 - mu_til[i])
                    * np.outer(X_unlabeled[i], X_unlabeled[i]))
        grads_hat_unlabeled[i, :] = X_unlabeled[i, :] * (mu_til[i] - Yhat_unlabeled_bstrap[i])
    for i in range(n):
        hessian += 1 / (N + n) * mu[i] * (1 - mu[i]) * np.outer(X[i], X[i])
    grads_diff = np.zeros(X.shape)
    for i in range(X.shape[0]):
        grads_diff[i, :] = X[i, :] * (Yhat[i] - Y[i])
    inv_hessian = np.linalg.inv(hessian).reshape(d, d)
    var_unlabeled = np.cov(grads_hat_unlabeled.T).reshape(d, d)
    var = np.cov(grads_diff.T).reshape(d, d)
    Sigma_hat = inv_hessian @ (n / N * var_unlabeled + var) @ inv_hessian
    return crossppi_pointest, _zconfint_generic(crossppi_pointest, np.sqrt(np.diag(Sigma_hat) / n),
                                                alpha=alpha, alternative=alternative)
