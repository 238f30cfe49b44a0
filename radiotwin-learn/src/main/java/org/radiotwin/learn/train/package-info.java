/**
 * Training with real and twin (synthetic) data (seed 000 §IV; METHODS.md §4): weighted per-sample
 * objectives for ERM, P-ERM, PPI, PPI++, Cross-PPI and context-aware PPI, minimised by Adam on
 * minibatches.
 */
package org.radiotwin.learn.train;
