package org.radiotwin.rt;

import org.radiotwin.antenna.AntennaFrames;
import org.radiotwin.geometry.RayQuery;
import org.radiotwin.material.ElectricalProperties;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.SlabCoefficients;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;

/**
 * Shoots and bounces ray tubes from a transmitter and reports where they cross a horizontal
 * measurement plane, with the complex coefficient the tube carries there: the fast radio-map method
 * (Sionna RT's {@code RadioMapSolver}). Each tube starts on a Fibonacci lattice of N directions
 * (solid angle 4π/N each), splits at every hit into its specular reflection and its continuation
 * through the slab, and carries the polarimetric transport matrix (ITU slab coefficients in the
 * incidence-plane bases, as the {@link FieldEvaluator}), so that at a crossing of unfolded length L
 * the coefficient a = (λ/4πL)·C_Rᴴ·M·C_T is that of a path ending there. Crossings continue: a tube
 * reports every crossing up to the maximum depth.
 *
 * <p>One instance per thread (it owns its stack and buffers).
 */
public final class RayTubeTracer {

  /** Receives plane crossings. */
  public interface Sink {
    /**
     * One crossing.
     *
     * @param x crossing point x [m]
     * @param y crossing point y [m]
     * @param aRe real part of the coefficient
     * @param aIm imaginary part of the coefficient
     * @param length unfolded length L [m]
     * @param depth number of interactions so far
     * @param vz z component of the unit propagation direction (|vz| = |cos| to the plane normal)
     * @param ray index of the launched ray
     * @param departure unit departure direction at the transmitter (3 entries)
     * @param arrivalX unit arrival direction seen from the crossing (towards the source), x
     * @param arrivalY arrival y
     * @param arrivalZ arrival z
     */
    void accept(
        double x,
        double y,
        double aRe,
        double aIm,
        double length,
        int depth,
        double vz,
        int ray,
        double[] departure,
        double arrivalX,
        double arrivalY,
        double arrivalZ);
  }

  private final SceneGeometry g;
  private final PathSolverConfig config;
  private final double lambda;
  private final double[][] eta;
  private final double[] thickness;
  private final PlanarArray txArray;
  private final double[] txRotation;
  private final PlanarArray rxArray;
  private final double[] rxRotation;
  private final double planeZ;
  private final RayQuery q = new RayQuery();
  private final double[] slab = new double[8];
  private final double[] bwork = new double[4];
  private final double[] txField = new double[4];
  private final double[] rxField = new double[4];
  private final double[] aOut = new double[2];
  private final double[] mFinal = new double[8];
  private final double[] wFinal = new double[12];
  private final double[] departure = new double[3];
  // Stack of pending branches: origin, direction, length, depth, transport matrix, basis.
  private final double[] sOrigin;
  private final double[] sDir;
  private final double[] sLength;
  private final int[] sDepth;
  private final double[] sM;
  private final double[] sW;

  /**
   * Creates a tracer.
   *
   * @param geometry scene geometry
   * @param materials one per material index of the geometry
   * @param frequency carrier frequency [Hz]
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @param config maximum depth and interaction switches (LoS off removes depth-0 crossings)
   * @param txArray transmit array (its first element is used)
   * @param txOrientation transmitter orientation
   * @param rxArray receive array (its first element is used)
   * @param rxOrientation receiver orientation
   * @param planeZ height of the measurement plane [m]
   */
  public RayTubeTracer(
      SceneGeometry geometry,
      RadioMaterial[] materials,
      double frequency,
      boolean allowExtrapolation,
      PathSolverConfig config,
      PlanarArray txArray,
      Orientation txOrientation,
      PlanarArray rxArray,
      Orientation rxOrientation,
      double planeZ) {
    this.g = geometry;
    this.config = config;
    this.lambda = PhysicalConstants.wavelength(frequency);
    this.eta = new double[materials.length][];
    this.thickness = new double[materials.length];
    for (int i = 0; i < materials.length; i++) {
      ElectricalProperties e = materials[i].evaluate(frequency, allowExtrapolation);
      eta[i] =
          new double[] {e.complexRelativePermittivity().re(), e.complexRelativePermittivity().im()};
      thickness[i] = materials[i].thickness();
    }
    this.txArray = txArray;
    this.txRotation = txOrientation.rotationMatrix();
    this.rxArray = rxArray;
    this.rxRotation = rxOrientation.rotationMatrix();
    this.planeZ = planeZ;
    int cap = 2 * config.maxDepth() + 2;
    sOrigin = new double[3 * cap];
    sDir = new double[3 * cap];
    sLength = new double[cap];
    sDepth = new int[cap];
    sM = new double[8 * cap];
    sW = new double[6 * cap];
  }

  /**
   * The launch directions: a randomly rotated Fibonacci lattice.
   *
   * @param n number of rays
   * @param seed rotation seed
   * @return packed unit directions
   */
  public static double[] directions(int n, long seed) {
    return PathSolver.fibonacciSphere(n, seed);
  }

  /**
   * Traces one launched ray tree.
   *
   * @param ray index of the ray (reported to the sink)
   * @param ox transmitter x [m]
   * @param oy transmitter y [m]
   * @param oz transmitter z [m]
   * @param dx unit launch direction x
   * @param dy unit launch direction y
   * @param dz unit launch direction z
   * @param sink receives the crossings
   */
  public void trace(
      int ray, double ox, double oy, double oz, double dx, double dy, double dz, Sink sink) {
    departure[0] = dx;
    departure[1] = dy;
    departure[2] = dz;
    AntennaFrames.globalField(
        txArray.pattern(),
        txArray.polarization().slantAngle(0),
        txRotation,
        dx,
        dy,
        dz,
        txField,
        0);
    int sp = 0;
    setBranch(sp, ox, oy, oz, dx, dy, dz, 0, 0);
    // Identity transport in the (θ̂, φ̂) basis of the departure direction.
    int m0 = 8 * sp;
    java.util.Arrays.fill(sM, m0, m0 + 8, 0.0);
    sM[m0] = 1;
    sM[m0 + 6] = 1;
    JonesTransport.sphericalBasis(dx, dy, dz, sW, 6 * sp);
    sp++;
    while (sp > 0) {
      sp--;
      double px = sOrigin[3 * sp];
      double py = sOrigin[3 * sp + 1];
      double pz = sOrigin[3 * sp + 2];
      double vx = sDir[3 * sp];
      double vy = sDir[3 * sp + 1];
      double vz = sDir[3 * sp + 2];
      double len0 = sLength[sp];
      int depth = sDepth[sp];
      boolean hit = g.bvh().closestHit(px, py, pz, vx, vy, vz, 0, Double.POSITIVE_INFINITY, q);
      double tHit = hit ? q.t : Double.POSITIVE_INFINITY;
      if (vz != 0 && (depth > 0 || config.los())) {
        double tPlane = (planeZ - pz) / vz;
        if (tPlane > 0 && tPlane < tHit) {
          report(
              sp, ray, px + tPlane * vx, py + tPlane * vy, vx, vy, vz, len0 + tPlane, depth, sink);
        }
      }
      if (!hit || depth >= config.maxDepth()) {
        continue;
      }
      int tri = q.triangle;
      double hx = px + tHit * vx;
      double hy = py + tHit * vy;
      double hz = pz + tHit * vz;
      double nx = g.normal(tri, 0);
      double ny = g.normal(tri, 1);
      double nz = g.normal(tri, 2);
      double dn = vx * nx + vy * ny + vz * nz;
      if (dn == 0) {
        continue;
      }
      double s = dn < 0 ? 1 : -1;
      double onx = s * nx;
      double ony = s * ny;
      double onz = s * nz;
      int mat = g.materialOf(tri);
      double len = len0 + tHit;
      double cos = Math.min(1, Math.abs(dn));
      SlabCoefficients.compute(cos, eta[mat][0], eta[mat][1], thickness[mat], lambda, slab);
      // The parent's transport and basis, before the branches overwrite slot sp.
      int pm = 8 * sp;
      int pw = 6 * sp;
      double rxd = vx - 2 * dn * nx;
      double ryd = vy - 2 * dn * ny;
      double rzd = vz - 2 * dn * nz;
      boolean both = config.transmission() && config.specularReflection();
      if (config.transmission()) {
        int b = both ? sp + 1 : sp;
        copyState(pm, pw, b);
        branch(b, vx, vy, vz, onx, ony, onz, vx, vy, vz, 4);
        setBranch(
            b,
            RayOffset.offset(hx, -onx),
            RayOffset.offset(hy, -ony),
            RayOffset.offset(hz, -onz),
            vx,
            vy,
            vz,
            len,
            depth + 1);
      }
      if (config.specularReflection()) {
        int b = sp;
        branch(b, vx, vy, vz, onx, ony, onz, rxd, ryd, rzd, 0);
        setBranch(
            b,
            RayOffset.offset(hx, onx),
            RayOffset.offset(hy, ony),
            RayOffset.offset(hz, onz),
            rxd,
            ryd,
            rzd,
            len,
            depth + 1);
      }
      sp += (config.transmission() ? 1 : 0) + (config.specularReflection() ? 1 : 0);
    }
  }

  private void copyState(int pm, int pw, int b) {
    if (b * 8 != pm) {
      System.arraycopy(sM, pm, sM, 8 * b, 8);
      System.arraycopy(sW, pw, sW, 6 * b, 6);
    }
  }

  /** Applies one interaction (slab coefficients at offset c: 0 reflection, 4 transmission). */
  private void branch(
      int b,
      double kx,
      double ky,
      double kz,
      double nx,
      double ny,
      double nz,
      double ox,
      double oy,
      double oz,
      int c) {
    double[] w = wFinal;
    System.arraycopy(sW, 6 * b, w, 0, 6);
    JonesTransport.interaction(kx, ky, kz, nx, ny, nz, ox, oy, oz, w, bwork, 0);
    System.arraycopy(w, 0, sW, 6 * b, 6);
    System.arraycopy(sM, 8 * b, mFinal, 0, 8);
    JonesTransport.rotate(mFinal, bwork, 0);
    JonesTransport.scale(mFinal, slab[c], slab[c + 1], slab[c + 2], slab[c + 3]);
    System.arraycopy(mFinal, 0, sM, 8 * b, 8);
  }

  private void setBranch(
      int b,
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double len,
      int depth) {
    sOrigin[3 * b] = ox;
    sOrigin[3 * b + 1] = oy;
    sOrigin[3 * b + 2] = oz;
    sDir[3 * b] = dx;
    sDir[3 * b + 1] = dy;
    sDir[3 * b + 2] = dz;
    sLength[b] = len;
    sDepth[b] = depth;
  }

  private void report(
      int sp,
      int ray,
      double x,
      double y,
      double vx,
      double vy,
      double vz,
      double length,
      int depth,
      Sink sink) {
    System.arraycopy(sM, 8 * sp, mFinal, 0, 8);
    System.arraycopy(sW, 6 * sp, wFinal, 0, 6);
    JonesTransport.arrival(-vx, -vy, -vz, wFinal, bwork, 0);
    JonesTransport.rotate(mFinal, bwork, 0);
    AntennaFrames.globalField(
        rxArray.pattern(),
        rxArray.polarization().slantAngle(0),
        rxRotation,
        -vx,
        -vy,
        -vz,
        rxField,
        0);
    JonesTransport.combine(
        mFinal, txField, 0, rxField, 0, lambda / (4 * Math.PI * length), aOut, 0);
    sink.accept(x, y, aOut[0], aOut[1], length, depth, vz, ray, departure, -vx, -vy, -vz);
  }
}
