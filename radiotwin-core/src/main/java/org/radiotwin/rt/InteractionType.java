package org.radiotwin.rt;

/** Kind of interaction of a path with a surface. */
public enum InteractionType {
  /** Specular reflection (image method). */
  SPECULAR("specular"),
  /** Transmission through a slab; the ray is not bent (Sionna RT's refraction model). */
  TRANSMISSION("refraction"),
  /**
   * Diffuse reflection (scattering), always the last interaction of a path: the point lies on a
   * shot ray, which is connected to the receiver ({@link DiffuseScattering}).
   */
  DIFFUSE("diffuse"),
  /** First-order UTD diffraction on a wedge or free edge ({@link UtdCoefficients}). */
  DIFFRACTION("diffraction");

  private final String label;

  InteractionType(String label) {
    this.label = label;
  }

  /**
   * The name used in JSON output, as Sionna RT's interaction types.
   *
   * @return e.g. {@code specular}
   */
  public String label() {
    return label;
  }
}
