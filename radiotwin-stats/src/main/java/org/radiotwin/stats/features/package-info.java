/** Features of the digital twin's channel that inform a channel-statistics map (seed 004 eq. 3). */
package org.radiotwin.stats.features;
