package org.radiotwin.rt;

import org.radiotwin.antenna.AntennaFrames;
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
 * reports every crossing up to the maximum depth. Reflections are scaled by √(1 − S²) of their
 * material.
 *
 * <p>Diffuse scattering ({@link PathSolverConfig#diffuse()}, {@link DiffuseScattering}): a hit on a
 * material with S &gt; 0 also spawns one diffusely reflected tube in a direction k̂_s drawn from
 * the cosine-weighted hemisphere (density p = cos θ_s/π, from a stream seeded by the
 * configuration's seed and the ray index, so results do not depend on threads). The spawned tube is
 * traced to its first hit without further interactions, and stands for the whole scattered lobe:
 * its transport gets the factor S·√(f_s/p)·X(K_x)·diag(R_te, R_tm), so that the reported
 * coefficient is that of a tube of solid angle 4π/N carrying, on average over k̂_s, the diffusely
 * scattered power (an unbiased Monte Carlo estimate of the scattered power density; exact
 * importance sampling for the Lambertian pattern, where f_s/p = 1). Its unfolded length L, and so
 * its delay, is exact.
 *
 * <p>One instance per thread (it owns its stack and buffers).
 */
public final class RayTubeTracer extends RayTree {

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

  private final boolean los;
  private final double lambda;
  private final double[][] eta;
  private final double[] thickness;
  private final RadioMaterial[] materials;
  private final long seed;
  private final double[] angles = new double[4];
  private long stream;
  private int hitMaterial;
  private final PlanarArray txArray;
  private final double[] txRotation;
  private final PlanarArray rxArray;
  private final double[] rxRotation;
  private final double planeZ;
  private final double[] slab = new double[8];
  private final double[] bwork = new double[4];
  private final double[] txField = new double[4];
  private final double[] rxField = new double[4];
  private final double[] aOut = new double[2];
  private final double[] mFinal = new double[8];
  private final double[] wFinal = new double[12];
  private final double[] departure = new double[3];
  // Per branch slot: transport matrix M (8) and current field basis (6).
  private final double[] sM;
  private final double[] sW;
  private int currentRay;
  private Sink currentSink;

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
    super(geometry, config);
    this.los = config.los();
    this.lambda = PhysicalConstants.wavelength(frequency);
    this.eta = new double[materials.length][];
    this.thickness = new double[materials.length];
    for (int i = 0; i < materials.length; i++) {
      ElectricalProperties e = materials[i].evaluate(frequency, allowExtrapolation);
      eta[i] =
          new double[] {e.complexRelativePermittivity().re(), e.complexRelativePermittivity().im()};
      thickness[i] = materials[i].thickness();
    }
    this.materials = materials.clone();
    this.seed = config.seed();
    this.txArray = txArray;
    this.txRotation = txOrientation.rotationMatrix();
    this.rxArray = rxArray;
    this.rxRotation = rxOrientation.rotationMatrix();
    this.planeZ = planeZ;
    int cap = slots(config);
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
    currentRay = ray;
    currentSink = sink;
    stream = DiffuseScattering.mix(seed ^ DiffuseScattering.mix(ray + 0x632BE59BD9B4E019L));
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
    walk(ox, oy, oz, dx, dy, dz);
  }

  @Override
  protected void root() {
    // Identity transport in the (θ̂, φ̂) basis of the departure direction.
    java.util.Arrays.fill(sM, 0, 8, 0.0);
    sM[0] = 1;
    sM[6] = 1;
    JonesTransport.sphericalBasis(departure[0], departure[1], departure[2], sW, 0);
  }

  @Override
  protected void segment(
      int slot,
      double px,
      double py,
      double pz,
      double vx,
      double vy,
      double vz,
      double tHit,
      double len0,
      int level) {
    if (vz != 0 && (level > 0 || los)) {
      double tPlane = (planeZ - pz) / vz;
      if (tPlane > 0 && tPlane < tHit) {
        report(
            slot,
            currentRay,
            px + tPlane * vx,
            py + tPlane * vy,
            vx,
            vy,
            vz,
            len0 + tPlane,
            level,
            currentSink);
      }
    }
  }

  @Override
  protected void hit(int triangle, double cos) {
    int mat = geometry.materialOf(triangle);
    hitMaterial = mat;
    SlabCoefficients.compute(cos, eta[mat][0], eta[mat][1], thickness[mat], lambda, slab);
  }

  @Override
  protected boolean diffuse(
      int parent,
      int child,
      int triangle,
      int level,
      double hx,
      double hy,
      double hz,
      double kx,
      double ky,
      double kz,
      double nx,
      double ny,
      double nz,
      double len,
      double[] out) {
    RadioMaterial m = materials[hitMaterial];
    double s = m.scatteringCoefficient();
    if (s <= 0) {
      return false;
    }
    stream += 0x9E3779B97F4A7C15L;
    double u1 = DiffuseScattering.uniform(DiffuseScattering.mix(stream));
    stream += 0x9E3779B97F4A7C15L;
    double u2 = DiffuseScattering.uniform(DiffuseScattering.mix(stream));
    DiffuseScattering.sampleCosine(nx, ny, nz, u1, u2, out);
    DiffuseScattering.angles(kx, ky, kz, nx, ny, nz, out[0], out[1], out[2], angles, 0);
    double cosS = angles[1];
    if (cosS <= 1e-9) {
      return false;
    }
    double fs = DiffuseScattering.pattern(m, angles, 0);
    double weight = s * Math.sqrt(fs * Math.PI / cosS);
    if (child != parent) {
      System.arraycopy(sM, 8 * parent, sM, 8 * child, 8);
      System.arraycopy(sW, 6 * parent, sW, 6 * child, 6);
    }
    double[] w = wFinal;
    System.arraycopy(sW, 6 * child, w, 0, 6);
    JonesTransport.interaction(kx, ky, kz, nx, ny, nz, out[0], out[1], out[2], w, bwork, 0);
    DiffuseScattering.outgoingBasis(out[0], out[1], out[2], w);
    System.arraycopy(w, 0, sW, 6 * child, 6);
    System.arraycopy(sM, 8 * child, mFinal, 0, 8);
    JonesTransport.rotate(mFinal, bwork, 0);
    JonesTransport.scale(
        mFinal, weight * slab[0], weight * slab[1], weight * slab[2], weight * slab[3]);
    DiffuseScattering.crossPolarize(mFinal, m.xpdCoefficient());
    System.arraycopy(mFinal, 0, sM, 8 * child, 8);
    return true;
  }

  @Override
  protected void branch(
      int parent,
      int child,
      int triangle,
      boolean transmitted,
      int level,
      double kx,
      double ky,
      double kz,
      double nx,
      double ny,
      double nz,
      double ox,
      double oy,
      double oz) {
    if (child != parent) {
      System.arraycopy(sM, 8 * parent, sM, 8 * child, 8);
      System.arraycopy(sW, 6 * parent, sW, 6 * child, 6);
    }
    double[] w = wFinal;
    System.arraycopy(sW, 6 * child, w, 0, 6);
    JonesTransport.interaction(kx, ky, kz, nx, ny, nz, ox, oy, oz, w, bwork, 0);
    System.arraycopy(w, 0, sW, 6 * child, 6);
    System.arraycopy(sM, 8 * child, mFinal, 0, 8);
    JonesTransport.rotate(mFinal, bwork, 0);
    int c = transmitted ? 4 : 0;
    double sc = materials[hitMaterial].scatteringCoefficient();
    double f = transmitted || sc == 0 ? 1 : Math.sqrt(1 - sc * sc);
    JonesTransport.scale(mFinal, f * slab[c], f * slab[c + 1], f * slab[c + 2], f * slab[c + 3]);
    System.arraycopy(mFinal, 0, sM, 8 * child, 8);
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
