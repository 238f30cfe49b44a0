/**
 * The learning studies of seed 000 §IV as reusable runners returning result records: beam selection
 * from the UE position (Fig. 5b) and angle-of-departure prediction with a LoS context (Fig. 6),
 * with labels from a twin scene (synthetic) and a reality scene (real), both ray traced.
 */
package org.radiotwin.learn.task;
