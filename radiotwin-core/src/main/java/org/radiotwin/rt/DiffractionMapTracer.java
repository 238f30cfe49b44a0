package org.radiotwin.rt;

import java.util.Arrays;
import org.radiotwin.antenna.AntennaFrames;
import org.radiotwin.geometry.RayQuery;
import org.radiotwin.material.ElectricalProperties;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.SlabCoefficients;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;

/**
 * First-order edge diffraction onto the cells of a horizontal radio-map plane, without a path
 * search per cell.
 *
 * <p>Method, per edge lit by the transmitter ({@link DiffractionPathFinder#litEdges}): (1) which
 * cells the edge can reach is found by shooting rays on Keller's diffraction cones: from sample
 * points about one cell apart along the edge that the transmitter sees, rays at angular steps of
 * {@value #STEP_DEGREES}° around the edge over the exterior (0 &lt; φ &lt; nπ) of the cone of
 * half-angle β₀ of the incident ray; a ray that reaches the plane before any surface marks the
 * cells within its footprint (half the ray spacing there, at least half a cell), and where two
 * neighbouring rays cross the plane more than two cells apart (rays nearly parallel to it) the
 * angle between them is halved, up to {@value #MAX_REFINE} times; likewise the same ray from two
 * neighbouring edge samples is cast from the sample halfway between them; only gaps with an end on
 * the grid are refined. (2) For each marked cell the exact Keller diffraction point of its centre
 * is computed and, when it lies on the edge and the centre is in the wedge's exterior, the exact
 * UTD coefficient of that path ({@link EdgeDiffraction}, {@link UtdCoefficients}) with the first
 * antenna elements. Visibility is thus that of the nearest cone ray: a cell up to a footprint
 * radius into a shadow may be kept. The cost is about (edge length / cell size)·(180·n/{@value
 * #STEP_DEGREES}) rays per lit edge, most stopping at the first nearby wall, instead of one
 * visibility test per cell and edge.
 *
 * <p>One instance per thread (it owns its buffers).
 */
public final class DiffractionMapTracer {

  /** Angular step of the cone rays [°]. */
  static final double STEP_DEGREES = 1.0;

  /** Largest number of sample points per edge. */
  private static final int MAX_SAMPLES = 256;

  /** Largest number of halvings of the angular step between two cone rays. */
  private static final int MAX_REFINE = 5;

  /** Largest footprint radius, in cells. */
  private static final double MAX_FOOTPRINT = 4;

  /** Receives diffracted contributions. */
  public interface Sink {
    /**
     * One diffracted path to a cell centre.
     *
     * @param cell cell index
     * @param aRe real part of the path coefficient
     * @param aIm imaginary part
     * @param length unfolded length s' + s [m]
     * @param dx unit departure direction at the transmitter, x
     * @param dy departure y
     * @param dz departure z
     * @param ax unit arrival direction at the cell (towards the edge), x
     * @param ay arrival y
     * @param az arrival z
     */
    void accept(
        int cell,
        double aRe,
        double aIm,
        double length,
        double dx,
        double dy,
        double dz,
        double ax,
        double ay,
        double az);
  }

  /** Locates cells of the plane. */
  public interface PlaneCells {
    /**
     * The cell containing a point of the plane.
     *
     * @param x x [m]
     * @param y y [m]
     * @return cell index, or −1 outside
     */
    int cellAt(double x, double y);
  }

  private final SceneGeometry geometry;
  private final WedgeEdges edges;
  private final double lambda;
  private final double k;
  private final double[][] eta;
  private final double[] thickness;
  private final double[] specular;
  private final PlanarArray txArray;
  private final double[] txRotation;
  private final PlanarArray rxArray;
  private final double[] rxRotation;
  private final double planeZ;
  private final double cellSize;
  private final PlaneCells cells;
  private final double[] centres;
  private final RayQuery query = new RayQuery();
  private final int[] stamp;
  private int currentStamp;
  private int[] marked = new int[1024];
  private int markedCount;
  private final double[] w = new double[12];
  private final double[] basis = new double[8];
  private final double[] geo = new double[EdgeDiffraction.SIZE];
  private final double[] work = new double[32];
  private final double[] m = new double[8];
  private final double[] txField = new double[4];
  private final double[] rxField = new double[4];
  private final double[] aOut = new double[2];
  private final double[] crossing = new double[3];
  private final double[] point = new double[5];
  private double[] alongX = new double[0];
  private double[] alongY = new double[0];
  private boolean[] alongOk = new boolean[0];
  private boolean[] alongIn = new boolean[0];

  /**
   * Creates a tracer.
   *
   * @param geometry scene geometry
   * @param materials one per material index of the geometry
   * @param frequency carrier frequency [Hz]
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @param txArray transmit array (its first element is used)
   * @param txOrientation transmitter orientation
   * @param rxArray receive array (its first element is used)
   * @param rxOrientation receiver orientation
   * @param planeZ height of the plane [m]
   * @param cellSize cell edge [m]
   * @param cells locates the cells
   * @param centres packed cell centres (x, y, z per cell) [m]
   */
  public DiffractionMapTracer(
      SceneGeometry geometry,
      RadioMaterial[] materials,
      double frequency,
      boolean allowExtrapolation,
      PlanarArray txArray,
      Orientation txOrientation,
      PlanarArray rxArray,
      Orientation rxOrientation,
      double planeZ,
      double cellSize,
      PlaneCells cells,
      double[] centres) {
    this.geometry = geometry;
    this.edges = geometry.wedges();
    this.lambda = PhysicalConstants.wavelength(frequency);
    this.k = 2 * Math.PI / lambda;
    this.eta = new double[materials.length][];
    this.thickness = new double[materials.length];
    this.specular = new double[materials.length];
    for (int i = 0; i < materials.length; i++) {
      ElectricalProperties e = materials[i].evaluate(frequency, allowExtrapolation);
      eta[i] =
          new double[] {e.complexRelativePermittivity().re(), e.complexRelativePermittivity().im()};
      thickness[i] = materials[i].thickness();
      double sc = materials[i].scatteringCoefficient();
      specular[i] = Math.sqrt(1 - sc * sc);
    }
    this.txArray = txArray;
    this.txRotation = txOrientation.rotationMatrix();
    this.rxArray = rxArray;
    this.rxRotation = rxOrientation.rotationMatrix();
    this.planeZ = planeZ;
    this.cellSize = cellSize;
    this.cells = cells;
    this.centres = centres;
    this.stamp = new int[centres.length / 3];
  }

  /**
   * Reports the diffracted paths of one edge lit by a transmitter to the cells it reaches, in
   * increasing cell order.
   *
   * @param e edge index ({@link SceneGeometry#wedges()})
   * @param tx transmitter position (3 entries) [m]
   * @param sink receives the contributions
   */
  public void trace(int e, double[] tx, Sink sink) {
    markCells(e, tx);
    Arrays.sort(marked, 0, markedCount);
    for (int i = 0; i < markedCount; i++) {
      int c = marked[i];
      evaluate(e, tx, c, sink);
    }
  }

  private void markCells(int e, double[] tx) {
    currentStamp++;
    if (currentStamp == Integer.MAX_VALUE) {
      Arrays.fill(stamp, 0);
      currentStamp = 1;
    }
    markedCount = 0;
    double len = edges.length(e);
    double n = edges.wedgeIndex(e);
    int samples = (int) Math.min(MAX_SAMPLES, Math.max(1, Math.ceil(len / cellSize)));
    double spacing = len / samples;
    double step = Math.toRadians(STEP_DEGREES);
    int rays = (int) Math.ceil(n * Math.PI / step);
    double dphi = n * Math.PI / rays;
    if (alongX.length < rays) {
      alongX = new double[rays];
      alongY = new double[rays];
      alongOk = new boolean[rays];
      alongIn = new boolean[rays];
    }
    Arrays.fill(alongOk, false);
    double prevT = 0;
    for (int j = 0; j < samples; j++) {
      double t = spacing * (j + 0.5);
      if (!sample(e, t, tx, point)) {
        Arrays.fill(alongOk, false);
        continue;
      }
      double qx = point[0];
      double qy = point[1];
      double qz = point[2];
      double cosB = point[3];
      double sinB = point[4];
      boolean prevValid = false;
      boolean prevIn = false;
      double prevX = 0;
      double prevY = 0;
      for (int r = 0; r < rays; r++) {
        double phi = (r + 0.5) * dphi;
        boolean valid = cast(e, qx, qy, qz, cosB, sinB, phi, dphi, spacing, crossing);
        double cx = crossing[0];
        double cy = crossing[1];
        boolean in = valid && crossing[2] > 0;
        if (valid && prevValid) {
          refine(
              e,
              qx,
              qy,
              qz,
              cosB,
              sinB,
              phi - dphi,
              prevX,
              prevY,
              phi,
              cx,
              cy,
              prevIn || in,
              dphi,
              spacing,
              0);
        }
        if (valid && alongOk[r]) {
          refineAlong(
              e,
              tx,
              prevT,
              alongX[r],
              alongY[r],
              t,
              cx,
              cy,
              phi,
              alongIn[r] || in,
              dphi,
              spacing,
              0);
        }
        prevValid = valid;
        prevIn = in;
        prevX = cx;
        prevY = cy;
        alongOk[r] = valid;
        alongIn[r] = in;
        alongX[r] = cx;
        alongY[r] = cy;
      }
      prevT = t;
    }
  }

  /**
   * The diffraction point at parameter t of an edge and its cone: writes (Q, cos β₀, sin β₀) to
   * {@code out} and returns whether the transmitter sees Q (and the cone is not degenerate).
   */
  private boolean sample(int e, double t, double[] tx, double[] out) {
    double ex = edges.direction(e, 0);
    double ey = edges.direction(e, 1);
    double ez = edges.direction(e, 2);
    double qx = edges.origin(e, 0) + t * ex;
    double qy = edges.origin(e, 1) + t * ey;
    double qz = edges.origin(e, 2) + t * ez;
    double ix = qx - tx[0];
    double iy = qy - tx[1];
    double iz = qz - tx[2];
    if (geometry.bvh().occluded(tx[0], tx[1], tx[2], ix, iy, iz, 0, 1 - 1e-6, query)) {
      return false;
    }
    double in = Math.sqrt(ix * ix + iy * iy + iz * iz);
    double cosB = (ix * ex + iy * ey + iz * ez) / in;
    double sinB = Math.sqrt(Math.max(0, 1 - cosB * cosB));
    out[0] = qx;
    out[1] = qy;
    out[2] = qz;
    out[3] = cosB;
    out[4] = sinB;
    return sinB >= 1e-6;
  }

  /**
   * Where the same cone ray from two neighbouring edge samples crosses the plane more than two
   * cells apart (a cone nearly parallel to the plane), casts it from the sample halfway between
   * them, up to {@value #MAX_REFINE} times.
   */
  private void refineAlong(
      int e,
      double[] tx,
      double tA,
      double ax,
      double ay,
      double tB,
      double bx,
      double by,
      double phi,
      boolean inside,
      double dphi,
      double spacing,
      int level) {
    double gap = Math.hypot(bx - ax, by - ay);
    if (!inside || level >= MAX_REFINE || gap <= 2 * cellSize) {
      return;
    }
    double mid = 0.5 * (tA + tB);
    if (!sample(e, mid, tx, point)
        || !cast(
            e, point[0], point[1], point[2], point[3], point[4], phi, dphi, spacing, crossing)) {
      return;
    }
    double mx = crossing[0];
    double my = crossing[1];
    boolean mIn = crossing[2] > 0;
    boolean aIn = cells.cellAt(ax, ay) >= 0;
    boolean bIn = cells.cellAt(bx, by) >= 0;
    refineAlong(e, tx, tA, ax, ay, mid, mx, my, phi, aIn || mIn, dphi, spacing, level + 1);
    refineAlong(e, tx, mid, mx, my, tB, bx, by, phi, mIn || bIn, dphi, spacing, level + 1);
  }

  /**
   * Where the gap between the plane crossings of two neighbouring cone rays exceeds two cells (rays
   * leaving the edge nearly parallel to the plane), casts the ray halfway between them, up to
   * {@value #MAX_REFINE} times.
   */
  private void refine(
      int e,
      double qx,
      double qy,
      double qz,
      double cosB,
      double sinB,
      double phiA,
      double ax,
      double ay,
      double phiB,
      double bx,
      double by,
      boolean inside,
      double dphi,
      double spacing,
      int level) {
    double gap = Math.hypot(bx - ax, by - ay);
    if (!inside || level >= MAX_REFINE || gap <= 2 * cellSize) {
      return;
    }
    double mid = 0.5 * (phiA + phiB);
    double half = 0.5 * dphi;
    if (!cast(e, qx, qy, qz, cosB, sinB, mid, half, spacing, crossing)) {
      return;
    }
    double mx = crossing[0];
    double my = crossing[1];
    boolean mIn = crossing[2] > 0;
    boolean aIn = cells.cellAt(ax, ay) >= 0;
    boolean bIn = cells.cellAt(bx, by) >= 0;
    refine(
        e, qx, qy, qz, cosB, sinB, phiA, ax, ay, mid, mx, my, aIn || mIn, half, spacing, level + 1);
    refine(
        e, qx, qy, qz, cosB, sinB, mid, mx, my, phiB, bx, by, mIn || bIn, half, spacing, level + 1);
  }

  /**
   * Casts the cone ray at angle φ from the diffraction point; when it reaches the plane before any
   * surface, marks the cells of its footprint, writes the crossing to {@code out} and returns true.
   */
  private boolean cast(
      int e,
      double qx,
      double qy,
      double qz,
      double cosB,
      double sinB,
      double phi,
      double dphi,
      double spacing,
      double[] out) {
    double c = Math.cos(phi);
    double s = Math.sin(phi);
    double dx =
        cosB * edges.direction(e, 0) + sinB * (c * edges.tangent0(e, 0) + s * edges.normal0(e, 0));
    double dy =
        cosB * edges.direction(e, 1) + sinB * (c * edges.tangent0(e, 1) + s * edges.normal0(e, 1));
    double dz =
        cosB * edges.direction(e, 2) + sinB * (c * edges.tangent0(e, 2) + s * edges.normal0(e, 2));
    double tPlane = (planeZ - qz) / dz;
    if (!(tPlane > 0) || Double.isInfinite(tPlane)) {
      return false;
    }
    if (geometry.bvh().occluded(qx, qy, qz, dx, dy, dz, 1e-6, tPlane, query)) {
      return false;
    }
    double px = qx + tPlane * dx;
    double py = qy + tPlane * dy;
    double radius =
        Math.min(
            MAX_FOOTPRINT * cellSize,
            0.5 * Math.max(tPlane * sinB * dphi, spacing) / Math.max(Math.abs(dz), 0.25));
    splat(px, py, radius);
    out[0] = px;
    out[1] = py;
    out[2] = cells.cellAt(px, py) >= 0 ? 1 : 0;
    return true;
  }

  /** Marks the cells within a square of half-side radius (at least the cell under the point). */
  private void splat(double px, double py, double radius) {
    int reach = (int) Math.ceil(radius / cellSize - 0.5);
    for (int a = -reach; a <= reach; a++) {
      for (int b = -reach; b <= reach; b++) {
        int c = cells.cellAt(px + a * cellSize, py + b * cellSize);
        if (c >= 0 && stamp[c] != currentStamp) {
          stamp[c] = currentStamp;
          if (markedCount == marked.length) {
            marked = Arrays.copyOf(marked, 2 * marked.length);
          }
          marked[markedCount++] = c;
        }
      }
    }
  }

  private void evaluate(int e, double[] tx, int c, Sink sink) {
    double t = DiffractionPathFinder.kellerParameter(edges, e, tx, 0, centres, 3 * c);
    if (!(t > 0 && t < edges.length(e))) {
      return;
    }
    double px = centres[3 * c];
    double py = centres[3 * c + 1];
    double pz = centres[3 * c + 2];
    double phiObs = edges.angle(e, px, py, pz);
    if (!(phiObs > 0 && phiObs < edges.wedgeIndex(e) * Math.PI)) {
      return;
    }
    double qx = edges.origin(e, 0) + t * edges.direction(e, 0);
    double qy = edges.origin(e, 1) + t * edges.direction(e, 1);
    double qz = edges.origin(e, 2) + t * edges.direction(e, 2);
    double kx = qx - tx[0];
    double ky = qy - tx[1];
    double kz = qz - tx[2];
    double sIn = Math.sqrt(kx * kx + ky * ky + kz * kz);
    kx /= sIn;
    ky /= sIn;
    kz /= sIn;
    double ox = px - qx;
    double oy = py - qy;
    double oz = pz - qz;
    double sOut = Math.sqrt(ox * ox + oy * oy + oz * oz);
    if (!(sOut > 0)) {
      return;
    }
    ox /= sOut;
    oy /= sOut;
    oz /= sOut;
    JonesTransport.sphericalBasis(kx, ky, kz, w, 0);
    EdgeDiffraction.prepare(edges, e, kx, ky, kz, ox, oy, oz, sIn, sOut, w, basis, 0, geo, 0);
    JonesTransport.arrival(-ox, -oy, -oz, w, basis, 4);
    int m0 = geometry.materialOf(edges.face0(e));
    int mn = geometry.materialOf(edges.faceN(e));
    SlabCoefficients.compute(geo[5], eta[m0][0], eta[m0][1], thickness[m0], lambda, work, 0);
    SlabCoefficients.compute(geo[6], eta[mn][0], eta[mn][1], thickness[mn], lambda, work, 8);
    UtdCoefficients.terms(geo[0], k, geo[4], geo[1], geo[2], geo[3], work, 16);
    // Luebbers' face coefficients carry the specular share √(1 − S²), as the reflected rays do.
    for (int q = 0; q < 4; q++) {
      work[q] *= specular[m0];
      work[8 + q] *= specular[mn];
    }
    EdgeDiffraction.factors(work, 16, work, 0, work, 8, work);
    JonesTransport.start(m, basis, 0);
    JonesTransport.scale(m, work[0], work[1], work[2], work[3]);
    JonesTransport.rotate(m, basis, 4);
    AntennaFrames.globalField(
        txArray.pattern(),
        txArray.polarization().slantAngle(0),
        txRotation,
        kx,
        ky,
        kz,
        txField,
        0);
    AntennaFrames.globalField(
        rxArray.pattern(),
        rxArray.polarization().slantAngle(0),
        rxRotation,
        -ox,
        -oy,
        -oz,
        rxField,
        0);
    double scale = lambda / (4 * Math.PI * Math.sqrt(sIn * sOut * (sIn + sOut)));
    JonesTransport.combine(m, txField, 0, rxField, 0, scale, aOut, 0);
    sink.accept(c, aOut[0], aOut[1], sIn + sOut, kx, ky, kz, -ox, -oy, -oz);
  }
}
