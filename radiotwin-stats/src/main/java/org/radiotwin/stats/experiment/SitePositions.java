package org.radiotwin.stats.experiment;

import java.util.SplittableRandom;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;

/**
 * User positions spread over the open ground of a site: uniform at a fixed height within a
 * horizontal rectangle, rejecting points within a margin of any object's axis-aligned bounding box
 * that spans that height (buildings, cars), drawn from a generator seeded with {@code seed}.
 */
public final class SitePositions {

  private SitePositions() {}

  /**
   * Draws the positions.
   *
   * @param scene the site whose objects are avoided (use the reality: it has every obstacle)
   * @param area {xMin, xMax, yMin, yMax} [m]
   * @param height height of every position [m]
   * @param margin clearance from the objects' bounding boxes [m]
   * @param count number of positions
   * @param seed generator seed
   * @return packed positions [m]
   */
  public static double[] uniform(
      Scene scene, double[] area, double height, double margin, int count, long seed) {
    if (area.length != 4 || !(area[1] > area[0]) || !(area[3] > area[2]) || count < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "site area",
          "need xMin < xMax, yMin < yMax and at least one position");
    }
    double[][] boxes = obstacleBoxes(scene, height, margin);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] out = new double[3 * count];
    int n = 0;
    int tries = 0;
    while (n < count) {
      if (++tries > 1000 * count) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "site area",
            "only " + n + " of " + count + " positions are clear of the objects");
      }
      double x = area[0] + (area[1] - area[0]) * rnd.nextDouble();
      double y = area[2] + (area[3] - area[2]) * rnd.nextDouble();
      if (!blocked(boxes, x, y)) {
        out[3 * n] = x;
        out[3 * n + 1] = y;
        out[3 * n + 2] = height;
        n++;
      }
    }
    return out;
  }

  private static boolean blocked(double[][] boxes, double x, double y) {
    for (double[] b : boxes) {
      if (x >= b[0] && x <= b[1] && y >= b[2] && y <= b[3]) {
        return true;
      }
    }
    return false;
  }

  private static double[][] obstacleBoxes(Scene scene, double height, double margin) {
    return scene.objects().stream()
        .map(SceneObject::mesh)
        .map(SitePositions::bounds)
        .filter(b -> b[4] - margin <= height && b[5] + margin >= height)
        .map(b -> new double[] {b[0] - margin, b[1] + margin, b[2] - margin, b[3] + margin})
        .toArray(double[][]::new);
  }

  private static double[] bounds(TriangleMesh m) {
    double[] b = {
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (int i = 0; i < m.vertexCount(); i++) {
      for (int a = 0; a < 3; a++) {
        double c = m.coordinate(i, a);
        b[2 * a] = Math.min(b[2 * a], c);
        b[2 * a + 1] = Math.max(b[2 * a + 1], c);
      }
    }
    return b;
  }
}
