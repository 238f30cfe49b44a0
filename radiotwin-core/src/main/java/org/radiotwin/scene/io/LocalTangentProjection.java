package org.radiotwin.scene.io;

import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;

/**
 * Projection of WGS84 geodetic coordinates onto the local tangent plane of an origin: x east, y
 * north [m], the horizontal part of the East-North-Up (ENU) frame.
 *
 * <p>A point (φ, λ) on the ellipsoid (h = 0) is first placed in Earth-centred Earth-fixed
 * coordinates
 *
 * <pre>
 *   X = N(φ)·cos φ·cos λ,  Y = N(φ)·cos φ·sin λ,  Z = N(φ)·(1 − e²)·sin φ,
 *   N(φ) = a / √(1 − e²·sin² φ)
 * </pre>
 *
 * and its offset from the origin (φ0, λ0) is rotated into ENU:
 *
 * <pre>
 *   x = −sin λ0·ΔX + cos λ0·ΔY
 *   y = −sin φ0·cos λ0·ΔX − sin φ0·sin λ0·ΔY + cos φ0·ΔZ
 * </pre>
 *
 * (the up component is dropped). WGS84: a = 6 378 137 m, f = 1/298.257223563, e² = f(2 − f) (NIMA
 * TR8350.2, 3rd ed., table 3.1; ENU rotation as in Hofmann-Wellenhof et al., <i>GNSS</i>, Springer
 * 2008, §10.2.2).
 *
 * <p><b>Accuracy.</b> This is the orthographic projection of the ellipsoid onto its tangent plane.
 * A point at a geodesic distance s from the origin lands at R·sin(s/R) ≈ s − s³/(6R²): 0.5 mm at s
 * = 5 km, 4 mm at 10 km; local scale factors differ from 1 by at most s²/(2R²) (3·10⁻⁷ at 5 km).
 * Dropping the up component flattens the Earth: the ground at distance s lies s²/(2R) below the
 * plane (2 m at 5 km), the usual flat-ground assumption of ray-tracing scenes, in which heights are
 * measured from the local ground. The projection is continuous across the ±180° meridian.
 */
public final class LocalTangentProjection {

  /** WGS84 semi-major axis a [m]. */
  public static final double WGS84_A = 6_378_137.0;

  /** WGS84 flattening f. */
  public static final double WGS84_F = 1 / 298.257223563;

  /** WGS84 first eccentricity squared e² = f(2 − f). */
  public static final double WGS84_E2 = WGS84_F * (2 - WGS84_F);

  private static final double INVERSE_TOLERANCE = 1e-7;
  private static final int INVERSE_MAX_ITERATIONS = 50;

  private final double originLatitude;
  private final double originLongitude;
  private final double sinLat0;
  private final double cosLat0;
  private final double sinLon0;
  private final double cosLon0;
  private final double x0;
  private final double y0;
  private final double z0;
  private final double meridionalRadius0;
  private final double primeVerticalRadius0;

  /**
   * A projection around an origin.
   *
   * @param originLatitude geodetic latitude φ0 of the origin [deg], in [−90, 90]
   * @param originLongitude longitude λ0 of the origin [deg], in [−180, 180]
   * @throws RadioTwinException if a coordinate is not finite or out of range
   */
  public LocalTangentProjection(double originLatitude, double originLongitude) {
    checkRange("origin latitude", originLatitude, 90);
    checkRange("origin longitude", originLongitude, 180);
    this.originLatitude = originLatitude;
    this.originLongitude = originLongitude;
    double phi = Math.toRadians(originLatitude);
    double lambda = Math.toRadians(originLongitude);
    sinLat0 = Math.sin(phi);
    cosLat0 = Math.cos(phi);
    sinLon0 = Math.sin(lambda);
    cosLon0 = Math.cos(lambda);
    double w2 = 1 - WGS84_E2 * sinLat0 * sinLat0;
    primeVerticalRadius0 = WGS84_A / Math.sqrt(w2);
    meridionalRadius0 = WGS84_A * (1 - WGS84_E2) / (w2 * Math.sqrt(w2));
    x0 = primeVerticalRadius0 * cosLat0 * cosLon0;
    y0 = primeVerticalRadius0 * cosLat0 * sinLon0;
    z0 = primeVerticalRadius0 * (1 - WGS84_E2) * sinLat0;
  }

  private static void checkRange(String what, double value, double limit) {
    if (!Double.isFinite(value)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, what, value);
    }
    if (Math.abs(value) > limit) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          what,
          value + "° is outside [" + -limit + ", " + limit + "]");
    }
  }

  /**
   * Latitude of the origin.
   *
   * @return φ0 [deg]
   */
  public double originLatitude() {
    return originLatitude;
  }

  /**
   * Longitude of the origin.
   *
   * @return λ0 [deg]
   */
  public double originLongitude() {
    return originLongitude;
  }

  /**
   * Meridional radius of curvature at the origin, M = a(1 − e²)/(1 − e² sin² φ0)^{3/2}: metres
   * north per radian of latitude near the origin.
   *
   * @return M [m]
   */
  public double meridionalRadius() {
    return meridionalRadius0;
  }

  /**
   * Prime-vertical radius of curvature at the origin, N = a/√(1 − e² sin² φ0); N·cos φ0 is metres
   * east per radian of longitude near the origin.
   *
   * @return N [m]
   */
  public double primeVerticalRadius() {
    return primeVerticalRadius0;
  }

  /**
   * Projects a point on the ellipsoid to the local frame.
   *
   * @param latitude geodetic latitude φ [deg]
   * @param longitude longitude λ [deg]
   * @param out receives x east [m] at {@code offset} and y north [m] at {@code offset + 1}
   * @param offset first index written in {@code out}
   */
  public void forward(double latitude, double longitude, double[] out, int offset) {
    double phi = Math.toRadians(latitude);
    double lambda = Math.toRadians(longitude);
    double sinPhi = Math.sin(phi);
    double cosPhi = Math.cos(phi);
    double n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinPhi * sinPhi);
    double dx = n * cosPhi * Math.cos(lambda) - x0;
    double dy = n * cosPhi * Math.sin(lambda) - y0;
    double dz = n * (1 - WGS84_E2) * sinPhi - z0;
    out[offset] = -sinLon0 * dx + cosLon0 * dy;
    out[offset + 1] = -sinLat0 * cosLon0 * dx - sinLat0 * sinLon0 * dy + cosLat0 * dz;
  }

  /**
   * Inverts {@link #forward}: the point of the ellipsoid (h = 0) that projects to (x, y), found by
   * a fixed-point iteration on the radii of curvature at the origin (Δφ = Δy/M, Δλ = Δx/(N cos
   * φ0)). It stops when the residual in x and y is below 10⁻⁷ m (a tolerance safely above the ~10⁻⁹
   * m rounding of ECEF coordinates), after a few steps for points within tens of km of an origin
   * away from the poles.
   *
   * @param x east [m]
   * @param y north [m]
   * @param out receives latitude [deg] at {@code offset} and longitude [deg] in [−180, 180] at
   *     {@code offset + 1}
   * @param offset first index written in {@code out}
   * @throws RadioTwinException if the iteration does not converge (point far from the origin)
   */
  public void inverse(double x, double y, double[] out, int offset) {
    double lat = originLatitude + Math.toDegrees(y / meridionalRadius0);
    double lon = originLongitude + Math.toDegrees(x / (primeVerticalRadius0 * cosLat0));
    double[] xy = new double[2];
    for (int i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
      forward(lat, lon, xy, 0);
      double ex = x - xy[0];
      double ey = y - xy[1];
      if (Math.abs(ex) < INVERSE_TOLERANCE && Math.abs(ey) < INVERSE_TOLERANCE) {
        out[offset] = lat;
        out[offset + 1] = Math.IEEEremainder(lon, 360);
        return;
      }
      lat += Math.toDegrees(ey / meridionalRadius0);
      lon += Math.toDegrees(ex / (primeVerticalRadius0 * cosLat0));
    }
    throw new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT,
        "local point (" + x + ", " + y + ") m",
        "too far from the origin " + this + " to invert the tangent-plane projection");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LocalTangentProjection p
        && Double.compare(originLatitude, p.originLatitude) == 0
        && Double.compare(originLongitude, p.originLongitude) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Double.hashCode(originLatitude) + Double.hashCode(originLongitude);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "LocalTangentProjection[%.9f°, %.9f°]", originLatitude, originLongitude);
  }
}
