package org.radiotwin.scene.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radiotwin.errors.RadioTwinException;

class LocalTangentProjectionTest {

  private static double[] forward(LocalTangentProjection p, double lat, double lon) {
    double[] xy = new double[2];
    p.forward(lat, lon, xy, 0);
    return xy;
  }

  @Test
  void originIsZero() {
    double[] xy = forward(new LocalTangentProjection(57.0, 9.9), 57.0, 9.9);
    assertThat(xy[0]).isEqualTo(0.0, within(1e-9));
    assertThat(xy[1]).isEqualTo(0.0, within(1e-9));
  }

  /**
   * Length of one degree of latitude and of longitude on the WGS84 ellipsoid, from the classical
   * series (e.g. Wikipedia "Latitude", §"Length of a degree"; accurate to ~1 cm): 111 132.954 −
   * 559.822 cos 2φ + 1.175 cos 4φ m per degree of latitude, 111 412.84 cos φ − 93.5 cos 3φ + 0.118
   * cos 5φ m per degree of longitude. Tabulated there as 110 574 / 111 320 m at 0°, 111 132 / 78
   * 847 m at 45°, 111 412 / 55 800 m at 60°. Measured over ±0.005° (so the orthographic shortening,
   * ~10⁻⁷ m, is negligible) and scaled by 100.
   */
  @ParameterizedTest
  @CsvSource({"0.0", "45.0", "60.0", "-33.9"})
  void degreeLengthsMatchTheEllipsoidSeries(double lat) {
    LocalTangentProjection p = new LocalTangentProjection(lat, 12.0);
    double phi = Math.toRadians(lat);
    double degLat = 111_132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
    double degLon =
        111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
    double north = forward(p, lat + 0.005, 12.0)[1] - forward(p, lat - 0.005, 12.0)[1];
    double east = forward(p, lat, 12.005)[0] - forward(p, lat, 11.995)[0];
    assertThat(100 * north).isEqualTo(degLat, within(0.05));
    assertThat(100 * east).isEqualTo(degLon, within(0.05));
    // The radii of curvature give the same scales: M·π/180 and N·cos φ·π/180.
    assertThat(p.meridionalRadius() * Math.PI / 180).isEqualTo(degLat, within(0.05));
    assertThat(p.primeVerticalRadius() * Math.cos(phi) * Math.PI / 180)
        .isEqualTo(degLon, within(0.05));
  }

  @Test
  void tabulatedDegreeAt45() {
    // Wikipedia "Latitude" table: at 45°, 1° of latitude = 111 132 m, 1° of longitude = 78 847 m.
    LocalTangentProjection p = new LocalTangentProjection(45.0, 0.0);
    assertThat(100 * (forward(p, 45.005, 0)[1] - forward(p, 44.995, 0)[1]))
        .isEqualTo(111_132, within(1.0));
    assertThat(100 * (forward(p, 45, 0.005)[0] - forward(p, 45, -0.005)[0]))
        .isEqualTo(78_847, within(1.0));
  }

  @Test
  void orthographicShorteningOverLongDistances() {
    // On the equator along the meridian λ0 + Δλ the tangent plane at (0°, 0°) sees the point
    // at x = a·sin(Δλ) exactly (the equator is a circle of radius a): 1° → 111 313.84 m, while
    // the arc is a·π/180 = 111 319.49 m.
    LocalTangentProjection p = new LocalTangentProjection(0, 0);
    assertThat(forward(p, 0, 1)[0])
        .isEqualTo(LocalTangentProjection.WGS84_A * Math.sin(Math.toRadians(1)), within(1e-6))
        .isEqualTo(111_313.84, within(0.01));
  }

  @Property(tries = 300)
  void inverseUndoesForward(
      @ForAll @DoubleRange(min = -85, max = 85) double lat0,
      @ForAll @DoubleRange(min = -180, max = 180) double lon0,
      @ForAll @DoubleRange(min = -0.05, max = 0.05) double dLat,
      @ForAll @DoubleRange(min = -0.05, max = 0.05) double dLon) {
    LocalTangentProjection p = new LocalTangentProjection(lat0, lon0);
    double lat = Math.max(-89.9, Math.min(89.9, lat0 + dLat));
    double lon = lon0 + dLon;
    double[] xy = forward(p, lat, lon);
    double[] back = new double[2];
    p.inverse(xy[0], xy[1], back, 0);
    assertThat(back[0]).isEqualTo(lat, within(1e-11));
    assertThat(Math.IEEEremainder(back[1] - lon, 360)).isEqualTo(0.0, within(1e-11));
  }

  @Property(tries = 200)
  void forwardUndoesInverse(
      @ForAll @DoubleRange(min = -80, max = 80) double lat0,
      @ForAll @DoubleRange(min = -5000, max = 5000) double x,
      @ForAll @DoubleRange(min = -5000, max = 5000) double y) {
    LocalTangentProjection p = new LocalTangentProjection(lat0, 179.99);
    double[] ll = new double[2];
    p.inverse(x, y, ll, 0);
    assertThat(ll[1]).isBetween(-180.0, 180.0);
    double[] xy = forward(p, ll[0], ll[1]);
    assertThat(xy[0]).isEqualTo(x, within(1e-6));
    assertThat(xy[1]).isEqualTo(y, within(1e-6));
  }

  @Test
  void rejectsBadOrigins() {
    assertThatThrownBy(() -> new LocalTangentProjection(91, 0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("origin latitude");
    assertThatThrownBy(() -> new LocalTangentProjection(0, Double.NaN))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("origin longitude");
  }

  @Test
  void equalityByOrigin() {
    assertThat(new LocalTangentProjection(1, 2))
        .isEqualTo(new LocalTangentProjection(1, 2))
        .hasSameHashCodeAs(new LocalTangentProjection(1, 2))
        .isNotEqualTo(new LocalTangentProjection(1, 3));
  }
}
