package org.radiotwin.learn.mac;

import java.util.SplittableRandom;

/**
 * Performance of a policy on a system, averaged over independent episodes that start from empty
 * buffers (seed 000 Fig. 4: 3 episodes of 8 000 slots on the real system).
 *
 * @param meanReward mean shared reward per slot (the long-run average return)
 * @param throughput packets delivered per slot
 * @param overflowRate packets lost to full buffers per slot
 * @param slots number of slots simulated
 */
public record PolicyEvaluation(
    double meanReward, double throughput, double overflowRate, long slots) {

  /**
   * Runs a policy.
   *
   * @param policy the policy
   * @param system the system (its model is used as is; it is reset before each episode)
   * @param episodes number of episodes ≥ 1
   * @param slotsPerEpisode slots per episode ≥ 1
   * @param seed seed of the episode streams
   * @return the averages
   */
  public static PolicyEvaluation run(
      MacPolicy policy, MultipleAccessSystem system, int episodes, int slotsPerEpisode, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    boolean[] transmit = new boolean[system.setting().devices()];
    double reward = 0;
    long delivered = 0;
    long overflows = 0;
    for (int e = 0; e < episodes; e++) {
      system.reset();
      for (int t = 0; t < slotsPerEpisode; t++) {
        policy.decide(system, transmit, rng);
        reward += system.step(transmit, rng);
        delivered += system.lastDelivered();
        overflows += system.lastOverflows();
      }
    }
    long n = (long) episodes * slotsPerEpisode;
    return new PolicyEvaluation(reward / n, delivered / (double) n, overflows / (double) n, n);
  }
}
