/**
 * Prediction-powered inference (PPI, PPI++, Cross-PPI), models trained on twin data, Bayesian twins
 * and MARL for multiple access (seed 000 §III-IV). Depends only on radiotwin-core.
 */
package org.radiotwin.learn;
