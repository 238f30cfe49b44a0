package org.radiotwin.antenna;

import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.Orientation;

/**
 * Changes between the global frame and the local frame of a radio device, and the expression of a
 * local field pattern in the global spherical basis, as Sionna RT 1.x does it.
 *
 * <p>A device with {@link Orientation} (α, β, γ) has the rotation R = R_z(α)·R_y(β)·R_x(γ) (3GPP TR
 * 38.901 v17.0.0 eq. 7.1-4, Sionna's {@code rotation_matrix}); R maps local coordinates to global
 * ones (Sionna's {@code to_world}), so a global direction k̂ is k̂′ = Rᵀk̂ locally. Rotation
 * matrices are passed as 9 doubles, row-major, as {@link Orientation#rotationMatrix()} returns
 * them; precompute them once per device and reuse them in loops.
 *
 * <p>Field transformation (TR 38.901 §7.1.3; Sionna's {@code antenna_pattern_to_world_implicit}
 * with {@code direction="out"}): the local pattern C′ = (C′_θ, C′_φ) is evaluated at the local
 * angles (θ′, φ′) of k̂′ and is the field vector F = C′_θ·Rθ̂′ + C′_φ·Rφ̂′ in global coordinates;
 * its components in the global basis of k̂ are C_θ = F·θ̂(k̂), C_φ = F·φ̂(k̂). Both bases are
 * orthonormal and span the plane normal to k̂, so the map is a 2×2 rotation and preserves |C_θ|² +
 * |C_φ|².
 *
 * <p>All methods are static, allocation-free (unless stated) and thread-safe. Directions need not
 * be unit vectors (only their direction is used) but must not be zero.
 */
public final class AntennaFrames {

  /** Number of entries of a row-major 3×3 rotation matrix. */
  public static final int ROTATION_SIZE = 9;

  private AntennaFrames() {}

  /**
   * Fills the rotation matrix R = R_z(α)·R_y(β)·R_x(γ) of an orientation into a caller-owned
   * buffer, with the same entries as {@link Orientation#rotationMatrix()}.
   *
   * @param orientation device orientation (α, β, γ) [rad]
   * @param out receives the 9 entries of R, row-major
   */
  public static void rotationMatrix(Orientation orientation, double[] out) {
    AntennaFieldPattern.checkBuffer(out, 0, ROTATION_SIZE, "rotation matrix buffer");
    double ca = Math.cos(orientation.alpha());
    double sa = Math.sin(orientation.alpha());
    double cb = Math.cos(orientation.beta());
    double sb = Math.sin(orientation.beta());
    double cg = Math.cos(orientation.gamma());
    double sg = Math.sin(orientation.gamma());
    out[0] = ca * cb;
    out[1] = ca * sb * sg - sa * cg;
    out[2] = ca * sb * cg + sa * sg;
    out[3] = sa * cb;
    out[4] = sa * sb * sg + ca * cg;
    out[5] = sa * sb * cg - ca * sg;
    out[6] = -sb;
    out[7] = cb * sg;
    out[8] = cb * cg;
  }

  /**
   * Zenith and azimuth angles of a direction: θ = atan2(√(x² + y²), z) ∈ [0, π] (equal to acos z
   * for a unit vector, but accurate near the poles) and φ = atan2(y, x) ∈ [−π, π] (Sionna's {@code
   * theta_phi_from_unit_vec}; φ = 0 on the +z axis).
   *
   * @param x x component
   * @param y y component
   * @param z z component
   * @param out receives θ [rad] at index 0 and φ [rad] at index 1
   */
  public static void thetaPhi(double x, double y, double z, double[] out) {
    AntennaFieldPattern.checkBuffer(out, 0, 2, "angle buffer");
    out[0] = Math.atan2(Math.sqrt(x * x + y * y), z);
    out[1] = Math.atan2(y, x);
  }

  /**
   * Spherical unit vectors θ̂ = (cosθcosφ, cosθsinφ, −sinθ) and φ̂ = (−sinφ, cosφ, 0).
   *
   * @param theta zenith angle θ [rad]
   * @param phi azimuth angle φ [rad]
   * @param thetaHat receives θ̂ (3 entries)
   * @param phiHat receives φ̂ (3 entries)
   */
  public static void sphericalBasis(double theta, double phi, double[] thetaHat, double[] phiHat) {
    AntennaFieldPattern.checkBuffer(thetaHat, 0, 3, "theta-hat buffer");
    AntennaFieldPattern.checkBuffer(phiHat, 0, 3, "phi-hat buffer");
    double st = Math.sin(theta);
    double ct = Math.cos(theta);
    double sp = Math.sin(phi);
    double cp = Math.cos(phi);
    thetaHat[0] = ct * cp;
    thetaHat[1] = ct * sp;
    thetaHat[2] = -st;
    phiHat[0] = -sp;
    phiHat[1] = cp;
    phiHat[2] = 0.0;
  }

  /**
   * Local angles (θ′, φ′) of a global direction: the angles of k̂′ = Rᵀk̂.
   *
   * @param rotation R, 9 entries row-major (local to global)
   * @param kx global direction, x
   * @param ky global direction, y
   * @param kz global direction, z
   * @param out receives θ′ [rad] at index 0 and φ′ [rad] at index 1
   */
  public static void localAngles(double[] rotation, double kx, double ky, double kz, double[] out) {
    AntennaFieldPattern.checkBuffer(rotation, 0, ROTATION_SIZE, "rotation matrix");
    double[] r = rotation;
    // Rᵀk: the i-th local component is the dot product of k with column i of R.
    double lx = r[0] * kx + r[3] * ky + r[6] * kz;
    double ly = r[1] * kx + r[4] * ky + r[7] * kz;
    double lz = r[2] * kx + r[5] * ky + r[8] * kz;
    thetaPhi(lx, ly, lz, out);
  }

  /**
   * Re-expresses, in place, a field given in the local basis (θ̂′, φ̂′) at the local angles of k̂
   * in the global basis (θ̂(k̂), φ̂(k̂)): C_θ = (Rθ̂′·θ̂)C′_θ + (Rφ̂′·θ̂)C′_φ, C_φ = (Rθ̂′·φ̂)C′_θ
   * + (Rφ̂′·φ̂)C′_φ, applied to the real and imaginary parts alike.
   *
   * @param rotation R, 9 entries row-major (local to global)
   * @param kx global direction, x
   * @param ky global direction, y
   * @param kz global direction, z
   * @param field (Re C_θ, Im C_θ, Re C_φ, Im C_φ) at {@code offset}: local on entry, global on exit
   * @param offset index of Re C_θ in {@code field}
   */
  public static void localFieldToGlobal(
      double[] rotation, double kx, double ky, double kz, double[] field, int offset) {
    AntennaFieldPattern.checkBuffer(rotation, 0, ROTATION_SIZE, "rotation matrix");
    AntennaFieldPattern.checkBuffer(field, offset, AntennaFieldPattern.FIELD_SIZE, "field buffer");
    double[] r = rotation;
    double lx = r[0] * kx + r[3] * ky + r[6] * kz;
    double ly = r[1] * kx + r[4] * ky + r[7] * kz;
    double lz = r[2] * kx + r[5] * ky + r[8] * kz;
    double thetaLocal = Math.atan2(Math.sqrt(lx * lx + ly * ly), lz);
    double phiLocal = Math.atan2(ly, lx);
    rotateToGlobal(r, kx, ky, kz, thetaLocal, phiLocal, field, offset);
  }

  /**
   * Field pattern of an element of a device, for a global direction, in the global basis: evaluates
   * {@link AntennaFieldPattern#field} at the local angles of k̂ and applies {@link
   * #localFieldToGlobal}.
   *
   * <p>Direction convention: k̂ always points away from the antenna. For a transmitter it is the
   * direction of departure of the path. For a receiver it is the direction of arrival, pointing
   * from the receiver towards where the wave comes from; the result is then expressed in the basis
   * (θ̂(k̂), φ̂(k̂)) of that outward direction. To compare it with an incoming wave written in
   * Sionna's basis of its propagation direction −k̂, apply {@link #toIncomingBasis}.
   *
   * @param pattern element pattern
   * @param slant slant angle ζ of the element [rad]
   * @param rotation R of the device, 9 entries row-major (local to global)
   * @param kx global direction leaving the antenna, x
   * @param ky global direction leaving the antenna, y
   * @param kz global direction leaving the antenna, z
   * @param out receives (Re C_θ, Im C_θ, Re C_φ, Im C_φ) in the global basis, first four entries
   */
  public static void globalField(
      AntennaPattern pattern,
      double slant,
      double[] rotation,
      double kx,
      double ky,
      double kz,
      double[] out) {
    globalField(pattern, slant, rotation, kx, ky, kz, out, 0);
  }

  /**
   * As {@link #globalField(AntennaPattern, double, double[], double, double, double, double[])},
   * writing at an offset.
   *
   * @param pattern element pattern
   * @param slant slant angle ζ of the element [rad]
   * @param rotation R of the device, 9 entries row-major (local to global)
   * @param kx global direction leaving the antenna, x
   * @param ky global direction leaving the antenna, y
   * @param kz global direction leaving the antenna, z
   * @param out receives (Re C_θ, Im C_θ, Re C_φ, Im C_φ) at {@code offset … offset + 3}
   * @param offset first index written
   */
  public static void globalField(
      AntennaPattern pattern,
      double slant,
      double[] rotation,
      double kx,
      double ky,
      double kz,
      double[] out,
      int offset) {
    AntennaFieldPattern.checkBuffer(rotation, 0, ROTATION_SIZE, "rotation matrix");
    AntennaFieldPattern.checkBuffer(out, offset, AntennaFieldPattern.FIELD_SIZE, "field buffer");
    double[] r = rotation;
    double lx = r[0] * kx + r[3] * ky + r[6] * kz;
    double ly = r[1] * kx + r[4] * ky + r[7] * kz;
    double lz = r[2] * kx + r[5] * ky + r[8] * kz;
    double thetaLocal = Math.atan2(Math.sqrt(lx * lx + ly * ly), lz);
    double phiLocal = Math.atan2(ly, lx);
    AntennaFieldPattern.field(pattern, slant, thetaLocal, phiLocal, out, offset);
    rotateToGlobal(r, kx, ky, kz, thetaLocal, phiLocal, out, offset);
  }

  /**
   * Convenience form of {@link #globalField(AntennaPattern, double, double[], double, double,
   * double, double[])} taking the orientation; it allocates the 9-entry rotation matrix, so loops
   * should precompute it and use the other form.
   *
   * @param pattern element pattern
   * @param slant slant angle ζ of the element [rad]
   * @param orientation device orientation
   * @param kx global direction leaving the antenna, x
   * @param ky global direction leaving the antenna, y
   * @param kz global direction leaving the antenna, z
   * @param out receives (Re C_θ, Im C_θ, Re C_φ, Im C_φ) in the global basis, first four entries
   */
  public static void globalField(
      AntennaPattern pattern,
      double slant,
      Orientation orientation,
      double kx,
      double ky,
      double kz,
      double[] out) {
    globalField(pattern, slant, orientation.rotationMatrix(), kx, ky, kz, out, 0);
  }

  /**
   * Changes, in place, a field expressed in the basis (θ̂(k̂), φ̂(k̂)) of an outward direction k̂
   * to the basis (θ̂(−k̂), φ̂(−k̂)) of the reversed direction, in which Sionna writes a wave that
   * propagates along −k̂ towards a receiver ({@code jones_matrix_rotator_flip_forward}): (C_θ, C_φ)
   * → (c·C_θ, −c·C_φ) with c = θ̂(k̂)·θ̂(−k̂). Away from the poles c = 1 (θ̂ is even and φ̂ odd
   * under k̂ → −k̂), so this negates C_φ.
   *
   * @param kx outward direction, x
   * @param ky outward direction, y
   * @param kz outward direction, z
   * @param field (Re C_θ, Im C_θ, Re C_φ, Im C_φ) at {@code offset}, changed in place
   * @param offset index of Re C_θ in {@code field}
   */
  public static void toIncomingBasis(double kx, double ky, double kz, double[] field, int offset) {
    AntennaFieldPattern.checkBuffer(field, offset, AntennaFieldPattern.FIELD_SIZE, "field buffer");
    double t1 = Math.atan2(Math.sqrt(kx * kx + ky * ky), kz);
    double p1 = Math.atan2(ky, kx);
    double t2 = Math.atan2(Math.sqrt(kx * kx + ky * ky), -kz);
    double p2 = Math.atan2(-ky, -kx);
    double c =
        Math.cos(t1) * Math.cos(p1) * Math.cos(t2) * Math.cos(p2)
            + Math.cos(t1) * Math.sin(p1) * Math.cos(t2) * Math.sin(p2)
            + Math.sin(t1) * Math.sin(t2);
    field[offset] *= c;
    field[offset + 1] *= c;
    field[offset + 2] *= -c;
    field[offset + 3] *= -c;
  }

  /**
   * Projects the field vector C′_θ·Rθ̂′ + C′_φ·Rφ̂′ on the global θ̂, φ̂ of k, given the local
   * angles (θ′, φ′) of k.
   */
  private static void rotateToGlobal(
      double[] r,
      double kx,
      double ky,
      double kz,
      double thetaLocal,
      double phiLocal,
      double[] field,
      int offset) {
    // Local spherical basis built from the angles (not from Rᵀk directly) so that the pole
    // convention φ′ = atan2(±0, ±0) is exactly the one the pattern was evaluated with.
    double stl = Math.sin(thetaLocal);
    double ctl = Math.cos(thetaLocal);
    double spl = Math.sin(phiLocal);
    double cpl = Math.cos(phiLocal);
    double tlx = ctl * cpl;
    double tly = ctl * spl;
    double tlz = -stl;
    double plx = -spl;
    double ply = cpl;
    // Rθ̂′ and Rφ̂′ (φ̂′ has no z component).
    double gtx = r[0] * tlx + r[1] * tly + r[2] * tlz;
    double gty = r[3] * tlx + r[4] * tly + r[5] * tlz;
    double gtz = r[6] * tlx + r[7] * tly + r[8] * tlz;
    double gpx = r[0] * plx + r[1] * ply;
    double gpy = r[3] * plx + r[4] * ply;
    double gpz = r[6] * plx + r[7] * ply;
    // Global spherical basis at k.
    double theta = Math.atan2(Math.sqrt(kx * kx + ky * ky), kz);
    double phi = Math.atan2(ky, kx);
    double st = Math.sin(theta);
    double ct = Math.cos(theta);
    double sp = Math.sin(phi);
    double cp = Math.cos(phi);
    double thx = ct * cp;
    double thy = ct * sp;
    double thz = -st;
    double phx = -sp;
    double phy = cp;
    double m00 = gtx * thx + gty * thy + gtz * thz;
    double m01 = gpx * thx + gpy * thy + gpz * thz;
    double m10 = gtx * phx + gty * phy;
    double m11 = gpx * phx + gpy * phy;
    double tRe = field[offset];
    double tIm = field[offset + 1];
    double pRe = field[offset + 2];
    double pIm = field[offset + 3];
    field[offset] = m00 * tRe + m01 * pRe;
    field[offset + 1] = m00 * tIm + m01 * pIm;
    field[offset + 2] = m10 * tRe + m11 * pRe;
    field[offset + 3] = m10 * tIm + m11 * pIm;
  }
}
