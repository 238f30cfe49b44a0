/**
 * Antenna field patterns, the change between a device's local frame and the global frame, and the
 * geometry of planar arrays, with Sionna RT 1.x's conventions.
 *
 * <p>Angles: θ is the zenith angle from +z and φ the azimuth from +x towards +y, in radians; the
 * spherical unit vectors are r̂ = (sinθcosφ, sinθsinφ, cosθ), θ̂ = (cosθcosφ, cosθsinφ, −sinθ) and
 * φ̂ = (−sinφ, cosφ, 0). A field pattern is the pair of complex components (C_θ, C_φ) of the far
 * field along θ̂ and φ̂, normalised so that |C_θ|² + |C_φ|² is the directional gain.
 *
 * <p>Every evaluation method writes into caller-owned arrays and allocates nothing: they are meant
 * to be called per path and per antenna element in the ray tracer's inner loops.
 */
package org.radiotwin.antenna;
