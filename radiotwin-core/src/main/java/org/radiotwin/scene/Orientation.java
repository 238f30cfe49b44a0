package org.radiotwin.scene;

/**
 * Orientation of a radio device or array as Sionna RT defines it: intrinsic rotations by α about z,
 * then β about the new y, then γ about the new x (radians).
 *
 * @param alpha yaw α [rad]
 * @param beta pitch β [rad]
 * @param gamma roll γ [rad]
 */
public record Orientation(double alpha, double beta, double gamma) {

  /** No rotation: the array faces +x. */
  public static final Orientation IDENTITY = new Orientation(0, 0, 0);

  /**
   * The rotation matrix R = R_z(α)·R_y(β)·R_x(γ), row-major.
   *
   * @return 9 entries
   */
  public double[] rotationMatrix() {
    double ca = Math.cos(alpha);
    double sa = Math.sin(alpha);
    double cb = Math.cos(beta);
    double sb = Math.sin(beta);
    double cg = Math.cos(gamma);
    double sg = Math.sin(gamma);
    return new double[] {
      ca * cb,
      ca * sb * sg - sa * cg,
      ca * sb * cg + sa * sg,
      sa * cb,
      sa * sb * sg + ca * cg,
      sa * sb * cg - ca * sg,
      -sb,
      cb * sg,
      cb * cg
    };
  }
}
