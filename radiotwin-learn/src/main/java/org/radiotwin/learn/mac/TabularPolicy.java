package org.radiotwin.learn.mac;

import java.util.SplittableRandom;

/**
 * A greedy decentralised policy from per-device action values Q_i(o, a) over local observations o
 * and actions a ∈ {wait, transmit}: device i transmits iff Q_i(o, transmit) &gt; Q_i(o, wait), and
 * tosses a fair coin on a tie (an observation never visited in training).
 */
public final class TabularPolicy implements MacPolicy {

  private final double[][][] q;

  /**
   * A policy from action values.
   *
   * @param q q[device][observation][action], action 0 = wait, 1 = transmit (copied)
   */
  public TabularPolicy(double[][][] q) {
    this.q = new double[q.length][][];
    for (int i = 0; i < q.length; i++) {
      this.q[i] = new double[q[i].length][];
      for (int o = 0; o < q[i].length; o++) {
        this.q[i][o] = q[i][o].clone();
      }
    }
  }

  @Override
  public void decide(MultipleAccessSystem system, boolean[] transmit, SplittableRandom rng) {
    for (int i = 0; i < transmit.length; i++) {
      if (system.buffer(i) == 0) {
        transmit[i] = false;
        continue;
      }
      double[] v = q[i][system.observation(i)];
      transmit[i] = v[1] > v[0] || (v[1] == v[0] && rng.nextBoolean());
    }
  }

  /**
   * The greedy decision of a device for an observation (ties count as transmit).
   *
   * @param device device index
   * @param observation observation index
   * @return true if the device transmits
   */
  public boolean transmits(int device, int observation) {
    return q[device][observation][1] >= q[device][observation][0];
  }

  /**
   * Action value.
   *
   * @param device device index
   * @param observation observation index
   * @param action 0 = wait, 1 = transmit
   * @return Q_i(o, a)
   */
  public double value(int device, int observation, int action) {
    return q[device][observation][action];
  }
}
