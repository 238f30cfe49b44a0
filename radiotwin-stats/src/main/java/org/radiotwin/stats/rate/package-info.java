/**
 * URLLC rate selection under a meta-probability constraint (seed 004 §V-C; Kallehauge et al.,
 * GLOBECOM 2022 and ICC 2024): the ε-outage capacity, the predictive rate from a Gaussian
 * predictive distribution of ln q_ε, Kallehauge's non-parametric order-statistic rate, and a split
 * conformal calibration of the predictive quantile.
 */
package org.radiotwin.stats.rate;
