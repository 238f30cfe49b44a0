/**
 * Bayesian digital twin for learned multiple access (seed 000 §III and Fig. 4; Ruah, Simeone and
 * Al-Hashimi, "Digital twin-based multiple access optimization and monitoring via model-driven
 * Bayesian learning", IEEE ICC 2023, arXiv:2210.05582).
 *
 * <p>The real system ({@link org.radiotwin.learn.mac.MultipleAccessSystem}) is a slotted random
 * access channel with N devices, finite buffers, cluster-correlated arrivals and a multi-packet
 * reception channel. Its structure ({@link org.radiotwin.learn.mac.MacSetting}) is known to the
 * twin; its statistics ({@link org.radiotwin.learn.mac.MacModel}) are not. The twin learns them
 * from a few logged slots ({@link org.radiotwin.learn.mac.ExplorationLog}) as Dirichlet–categorical
 * posteriors ({@link org.radiotwin.learn.mac.TwinPosterior}); a frequentist twin trains the
 * multi-agent policy ({@link org.radiotwin.learn.mac.IndependentQLearning}) on one point estimate,
 * the Bayesian twin on a fresh posterior sample every M slots. {@link
 * org.radiotwin.learn.mac.BayesMacExperiment} compares both, with TDMA, slotted ALOHA and
 * model-free learning, on the real system.
 */
package org.radiotwin.learn.mac;
