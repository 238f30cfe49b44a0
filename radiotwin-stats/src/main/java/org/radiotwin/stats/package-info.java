/**
 * Channel-statistics maps: Gaussian-process regression, geometry-informed quantile prediction,
 * URLLC rate selection (seed 004). Depends only on radiotwin-core.
 */
package org.radiotwin.stats;
