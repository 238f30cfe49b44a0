/**
 * Differentiable material calibration of the twin: power loss, PEOC, UPEC, PEAC (seed 000 §II).
 * Depends only on radiotwin-core.
 */
package org.radiotwin.calibration;
