package org.radiotwin.rt;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.hipparchus.analysis.differentiation.Gradient;
import org.hipparchus.complex.FieldComplex;
import org.radiotwin.antenna.AntennaFrames;
import org.radiotwin.antenna.ArrayGeometry;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.ElectricalProperties;
import org.radiotwin.material.FresnelCoefficients;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.SlabCoefficients;
import org.radiotwin.math.Derivatives;
import org.radiotwin.math.PhysicalConstants;
import org.radiotwin.scene.Orientation;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Scene;

/**
 * Evaluates the complex coefficient of every path for every antenna pair, for given material values
 * and frequency, without tracing again (Sionna RT's field computation):
 *
 * <pre>a = (λ/4π)·C_R(θ_r, φ_r)ᴴ · B_K·D_K···B_1·D_1·B_0 · C_T(θ_t, φ_t) / L</pre>
 *
 * where C_T, C_R are the antenna fields in the global (θ̂, φ̂) bases of the departure and arrival
 * directions, D_k = diag(R_te, R_tm) for a reflection or diag(T_te, T_tm) for a transmission (ITU-R
 * P.2040 single-layer slab, {@link SlabCoefficients}) and the real 2×2 matrices B_k change between
 * the bases: (θ̂, φ̂) at the transmitter, then at each interaction the incidence-plane basis e_s =
 * k_i × n/|k_i × n|, e_p = e_s × k (k the incident or the outgoing direction), and (θ̂, φ̂) of the
 * arrival direction at the receiver. At normal incidence the plane of incidence is undefined and
 * e_s = φ̂(k_i) is used; the result does not depend on that choice because R_tm = −R_te and T_tm =
 * T_te there. With this convention free space gives a = λ/(4πd) for vertically polarised isotropic
 * antennas, and a wave transmitted through a slab at normal incidence is the free-space coefficient
 * times T_te (no sign change of the co-polarised component).
 *
 * <p>A diffraction interaction ({@link InteractionType#DIFFRACTION}) uses the edge-fixed bases of
 * the incident and diffracted rays and D = −diag(D_s, D_h) with the UTD coefficients of the wedge
 * (Kouyoumjian–Pathak with Luebbers' slab reflection coefficients of its two faces, {@link
 * UtdCoefficients}, {@link EdgeDiffraction}); such a path divides by √(s'·s·(s' + s)) instead of L,
 * with s' and s its unfolded lengths before and after the edge. The coefficients depend on the
 * faces' materials through R₀ and Rₙ, so their derivatives are exact too.
 *
 * <p>Scattering ({@link DiffuseScattering}): reflection coefficients are scaled by √(1 − S²) of
 * their material; a path ending with a diffuse reflection has D_K = S·X(K_x)·diag(R_te, R_tm),
 * outgoing basis on the scattered wavefront, and the factor √(f_s·dΩ)/r_s in place of 1/L (r_s the
 * length of its last segment, dΩ its ray's solid angle).
 *
 * <p>Everything geometric (bases, incidence angles, antenna fields, synthetic-array phases (2π/λ)
 * k̂ᵀd with element spacings in wavelengths) is computed once in the constructor; {@link #evaluate}
 * then costs a few complex 2×2 products per path, and {@link #evaluateWithDerivatives} adds exact
 * forward-mode derivatives with respect to the materials' η_r and σ.
 */
public final class FieldEvaluator {

  private final PathSet paths;
  private final SceneGeometry geometry;
  private final int numTxAnt;
  private final int numRxAnt;

  /** Per path, depth + 1 real 2×2 basis changes, 4 doubles each, at 4·(firstInteraction + path). */
  private final double[] basis;

  /** Per interaction: cos of the incidence angle, material index, transmission flag. */
  private final double[] cosTheta;

  private final int[] material;
  private final boolean[] transmission;

  /** Per interaction: whether it is a diffuse reflection, and its angles (4 doubles each). */
  private final boolean[] diffuse;

  private final double[] diffuseAngles;

  /** Per interaction: UTD geometry of a diffraction ({@link EdgeDiffraction#SIZE} doubles). */
  private final double[] utd;

  /** Per interaction: material index of a diffracting edge's face n (−1 otherwise). */
  private final int[] materialN;

  /** Per path: L, or √(s'·s·(s' + s)) for a path with a diffraction [m]. */
  private final double[] spread;

  /** Per path and element: (Re C_θ, Im C_θ, Re C_φ, Im C_φ) including the array phase. */
  private final double[] txField;

  private final double[] rxField;

  /**
   * Prepares evaluation with the scene's antenna arrays: transmitter and receiver i get the
   * orientation of the scene's device i, and positions beyond the scene's device lists (paths
   * solved for bare positions) get the identity orientation.
   *
   * @param paths traced paths
   * @param geometry the geometry the paths were traced in
   * @return the evaluator
   */
  public static FieldEvaluator forScene(PathSet paths, SceneGeometry geometry) {
    Scene s = geometry.scene();
    Orientation[] tx = new Orientation[paths.transmitterCount()];
    Orientation[] rx = new Orientation[paths.receiverCount()];
    for (int i = 0; i < tx.length; i++) {
      tx[i] =
          i < s.transmitters().size()
              ? s.transmitters().get(i).orientation()
              : Orientation.IDENTITY;
    }
    for (int i = 0; i < rx.length; i++) {
      rx[i] = i < s.receivers().size() ? s.receivers().get(i).orientation() : Orientation.IDENTITY;
    }
    return new FieldEvaluator(paths, geometry, s.txArray(), tx, s.rxArray(), rx);
  }

  /**
   * Prepares evaluation.
   *
   * @param paths traced paths
   * @param geometry the geometry the paths were traced in
   * @param txArray array of every transmitter
   * @param txOrientations orientation of each transmitter
   * @param rxArray array of every receiver
   * @param rxOrientations orientation of each receiver
   */
  public FieldEvaluator(
      PathSet paths,
      SceneGeometry geometry,
      PlanarArray txArray,
      Orientation[] txOrientations,
      PlanarArray rxArray,
      Orientation[] rxOrientations) {
    if (txOrientations.length != paths.transmitterCount()
        || rxOrientations.length != paths.receiverCount()) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "device orientations",
          paths.transmitterCount() + paths.receiverCount(),
          txOrientations.length + rxOrientations.length);
    }
    this.paths = paths;
    this.geometry = geometry;
    this.numTxAnt = txArray.elementCount();
    this.numRxAnt = rxArray.elementCount();
    int np = paths.pathCount();
    int ni = np == 0 ? 0 : paths.firstInteraction(np - 1) + paths.depth(np - 1);
    basis = new double[4 * (ni + np)];
    cosTheta = new double[ni];
    material = new int[ni];
    transmission = new boolean[ni];
    diffuse = new boolean[ni];
    diffuseAngles = new double[4 * ni];
    boolean anyDiffraction = false;
    for (int i = 0; i < ni; i++) {
      anyDiffraction |= paths.type(i) == InteractionType.DIFFRACTION;
    }
    utd = new double[anyDiffraction ? EdgeDiffraction.SIZE * ni : 0];
    materialN = new int[ni];
    Arrays.fill(materialN, -1);
    spread = new double[np];
    txField = new double[4 * np * numTxAnt];
    rxField = new double[4 * np * numRxAnt];
    double[][] txOffsets = new double[txOrientations.length][];
    double[][] txRot = new double[txOrientations.length][];
    for (int i = 0; i < txOrientations.length; i++) {
      txRot[i] = txOrientations[i].rotationMatrix();
      txOffsets[i] = ArrayGeometry.globalElementOffsets(txArray, txRot[i], 1.0);
    }
    double[][] rxOffsets = new double[rxOrientations.length][];
    double[][] rxRot = new double[rxOrientations.length][];
    for (int i = 0; i < rxOrientations.length; i++) {
      rxRot[i] = rxOrientations[i].rotationMatrix();
      rxOffsets[i] = ArrayGeometry.globalElementOffsets(rxArray, rxRot[i], 1.0);
    }
    IntStream.range(0, paths.linkCount())
        .parallel()
        .forEach(
            link -> {
              double[] work = new double[24];
              int tx = paths.linkTransmitter(link);
              int rx = paths.linkReceiver(link);
              for (int p = paths.firstPath(link);
                  p < paths.firstPath(link) + paths.pathCount(link);
                  p++) {
                prepareBases(p, work, tx, rx);
                antennaFields(p, txArray, txRot[tx], txOffsets[tx], true, txField, numTxAnt);
                antennaFields(p, rxArray, rxRot[rx], rxOffsets[rx], false, rxField, numRxAnt);
              }
            });
  }

  /** Computes the basis changes and incidence angles of one path. */
  private void prepareBases(int p, double[] w, int tx, int rx) {
    int depth = paths.depth(p);
    int i0 = paths.firstInteraction(p);
    int b = 4 * (i0 + p);
    spread[p] = paths.length(p);
    // Unfolded length from the transmitter to the current interaction.
    double run = 0;
    double qx = paths.txPosition(tx, 0);
    double qy = paths.txPosition(tx, 1);
    double qz = paths.txPosition(tx, 2);
    double kx = paths.departure(p, 0);
    double ky = paths.departure(p, 1);
    double kz = paths.departure(p, 2);
    JonesTransport.sphericalBasis(kx, ky, kz, w, 0);
    for (int k = 0; k < depth; k++) {
      int ii = i0 + k;
      double ox;
      double oy;
      double oz;
      if (k + 1 < depth) {
        ox = paths.point(ii + 1, 0) - paths.point(ii, 0);
        oy = paths.point(ii + 1, 1) - paths.point(ii, 1);
        oz = paths.point(ii + 1, 2) - paths.point(ii, 2);
        double n = Math.sqrt(ox * ox + oy * oy + oz * oz);
        ox /= n;
        oy /= n;
        oz /= n;
      } else {
        ox = -paths.arrival(p, 0);
        oy = -paths.arrival(p, 1);
        oz = -paths.arrival(p, 2);
      }
      run +=
          Math.sqrt(
              sq(paths.point(ii, 0) - qx)
                  + sq(paths.point(ii, 1) - qy)
                  + sq(paths.point(ii, 2) - qz));
      qx = paths.point(ii, 0);
      qy = paths.point(ii, 1);
      qz = paths.point(ii, 2);
      if (paths.type(ii) == InteractionType.DIFFRACTION) {
        int e = paths.edge(ii);
        WedgeEdges edges = geometry.wedges();
        double after = paths.length(p) - run;
        EdgeDiffraction.prepare(
            edges,
            e,
            kx,
            ky,
            kz,
            ox,
            oy,
            oz,
            run,
            after,
            w,
            basis,
            b,
            utd,
            EdgeDiffraction.SIZE * ii);
        cosTheta[ii] = utd[EdgeDiffraction.SIZE * ii + 5];
        material[ii] = geometry.materialOf(edges.face0(e));
        materialN[ii] = geometry.materialOf(edges.faceN(e));
        spread[p] = Math.sqrt(run * after * paths.length(p));
      } else {
        double nx = paths.normal(ii, 0);
        double ny = paths.normal(ii, 1);
        double nz = paths.normal(ii, 2);
        cosTheta[ii] = JonesTransport.interaction(kx, ky, kz, nx, ny, nz, ox, oy, oz, w, basis, b);
        material[ii] = geometry.materialOf(paths.triangle(ii));
        transmission[ii] = paths.type(ii) == InteractionType.TRANSMISSION;
        if (paths.type(ii) == InteractionType.DIFFUSE) {
          diffuse[ii] = true;
          DiffuseScattering.outgoingBasis(ox, oy, oz, w);
          DiffuseScattering.angles(kx, ky, kz, nx, ny, nz, ox, oy, oz, diffuseAngles, 4 * ii);
        }
      }
      b += 4;
      kx = ox;
      ky = oy;
      kz = oz;
    }
    JonesTransport.arrival(
        paths.arrival(p, 0), paths.arrival(p, 1), paths.arrival(p, 2), w, basis, b);
  }

  private static double sq(double x) {
    return x * x;
  }

  private void antennaFields(
      int p,
      PlanarArray array,
      double[] rotation,
      double[] offsets,
      boolean transmit,
      double[] out,
      int count) {
    double kx = transmit ? paths.departure(p, 0) : paths.arrival(p, 0);
    double ky = transmit ? paths.departure(p, 1) : paths.arrival(p, 1);
    double kz = transmit ? paths.departure(p, 2) : paths.arrival(p, 2);
    int perPosition = array.polarization().elementsPerPosition();
    for (int e = 0; e < count; e++) {
      int o = 4 * (p * count + e);
      AntennaFrames.globalField(
          array.pattern(),
          array.polarization().slantAngle(e % perPosition),
          rotation,
          kx,
          ky,
          kz,
          out,
          o);
      // Offsets are in wavelengths (λ = 1), so the phase 2π k̂ᵀd does not depend on frequency.
      double ph = ArrayGeometry.syntheticPhase(offsets, e, 1.0, kx, ky, kz);
      double c = Math.cos(ph);
      double s = Math.sin(ph);
      for (int q = 0; q < 4; q += 2) {
        double re = out[o + q];
        double im = out[o + q + 1];
        out[o + q] = re * c - im * s;
        out[o + q + 1] = re * s + im * c;
      }
    }
  }

  /**
   * The paths.
   *
   * @return the path set
   */
  public PathSet paths() {
    return paths;
  }

  /**
   * Coefficients with the materials of the scene the paths were traced in.
   *
   * @param frequency carrier frequency [Hz]
   * @return coefficients
   */
  public PathCoefficients evaluate(double frequency) {
    return evaluate(frequency, geometry.materials(geometry.scene()), false);
  }

  /**
   * Coefficients for other material values.
   *
   * @param frequency carrier frequency [Hz]
   * @param materials one per material index of the geometry ({@link SceneGeometry#materialNames()})
   * @param allowExtrapolation evaluate ITU materials outside their frequency ranges
   * @return coefficients
   */
  public PathCoefficients evaluate(
      double frequency, RadioMaterial[] materials, boolean allowExtrapolation) {
    double[][] eta = permittivities(frequency, materials, allowExtrapolation);
    double lambda = PhysicalConstants.wavelength(frequency);
    int np = paths.pathCount();
    double[] a = new double[2 * np * numRxAnt * numTxAnt];
    IntStream.range(0, paths.linkCount())
        .parallel()
        .forEach(
            link -> {
              double[] m = new double[8];
              double[] d = new double[32];
              for (int p = paths.firstPath(link);
                  p < paths.firstPath(link) + paths.pathCount(link);
                  p++) {
                transport(p, eta, materials, lambda, m, d);
                combine(p, m, spreading(p, materials, lambda), a, 0);
              }
            });
    return new PathCoefficients(paths, frequency, numRxAnt, numTxAnt, a, new double[0], 0);
  }

  private double[][] permittivities(
      double frequency, RadioMaterial[] materials, boolean allowExtrapolation) {
    if (materials.length != geometry.materialNames().size()) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "materials",
          geometry.materialNames().size(),
          materials.length);
    }
    double[][] eta = new double[materials.length][];
    for (int i = 0; i < materials.length; i++) {
      ElectricalProperties e = materials[i].evaluate(frequency, allowExtrapolation);
      eta[i] =
          new double[] {e.complexRelativePermittivity().re(), e.complexRelativePermittivity().im()};
    }
    return eta;
  }

  /** M = B_K·D_K···D_1·B_0 as an interleaved complex 2×2 in m. */
  private void transport(
      int p, double[][] eta, RadioMaterial[] materials, double lambda, double[] m, double[] d) {
    int depth = paths.depth(p);
    int i0 = paths.firstInteraction(p);
    int b = 4 * (i0 + p);
    JonesTransport.start(m, basis, b);
    for (int k = 0; k < depth; k++) {
      int ii = i0 + k;
      int mi = material[ii];
      SlabCoefficients.compute(
          cosTheta[ii], eta[mi][0], eta[mi][1], materials[mi].thickness(), lambda, d);
      if (materialN[ii] >= 0) {
        // Diffraction: D₁ + D₂, D₃, D₄ at d[16..21], face n's slab at d[8..15], −D at d[24..27].
        int go = EdgeDiffraction.SIZE * ii;
        int mn = materialN[ii];
        SlabCoefficients.compute(
            utd[go + 6], eta[mn][0], eta[mn][1], materials[mn].thickness(), lambda, d, 8);
        UtdCoefficients.terms(
            utd[go],
            2 * Math.PI / lambda,
            utd[go + 4],
            utd[go + 1],
            utd[go + 2],
            utd[go + 3],
            d,
            16);
        // Luebbers' face coefficients carry the specular share √(1 − S²) as the reflected rays do.
        double f0 = specularFactor(materials[mi]);
        double fn = specularFactor(materials[mn]);
        for (int q = 0; q < 4; q++) {
          d[q] *= f0;
          d[8 + q] *= fn;
        }
        EdgeDiffraction.factors(d, 16, d, 0, d, 8, d);
        JonesTransport.scale(m, d[0], d[1], d[2], d[3]);
        b += 4;
        JonesTransport.rotate(m, basis, b);
        continue;
      }
      int c = transmission[ii] ? 4 : 0;
      // Power balance of scattering: √(1 − S²) of the reflected field is specular, S diffuse.
      double f =
          transmission[ii]
              ? 1
              : diffuse[ii] ? materials[mi].scatteringCoefficient() : specularFactor(materials[mi]);
      JonesTransport.scale(m, f * d[c], f * d[c + 1], f * d[c + 2], f * d[c + 3]);
      if (diffuse[ii]) {
        DiffuseScattering.crossPolarize(m, materials[mi].xpdCoefficient());
      }
      b += 4;
      JonesTransport.rotate(m, basis, b);
    }
  }

  private static double specularFactor(RadioMaterial m) {
    double s = m.scatteringCoefficient();
    return s == 0 ? 1 : Math.sqrt(1 - s * s);
  }

  /**
   * The real factor of a path besides its transport: λ/(4πL), or λ/(4π)·√(f_s·dΩ)/r_s for a path
   * ending with a diffuse reflection.
   */
  private double spreading(int p, RadioMaterial[] materials, double lambda) {
    if (!paths.isDiffuse(p)) {
      // L, or √(s'·s·(s' + s)) for a diffracted path.
      return lambda / (4 * Math.PI * spread[p]);
    }
    int last = paths.firstInteraction(p) + paths.depth(p) - 1;
    int rx = paths.linkReceiver(linkOf(p));
    double dx = paths.rxPosition(rx, 0) - paths.point(last, 0);
    double dy = paths.rxPosition(rx, 1) - paths.point(last, 1);
    double dz = paths.rxPosition(rx, 2) - paths.point(last, 2);
    double rs = Math.sqrt(dx * dx + dy * dy + dz * dz);
    double fs = DiffuseScattering.pattern(materials[material[last]], diffuseAngles, 4 * last);
    return lambda / (4 * Math.PI) * Math.sqrt(fs * paths.diffuseSolidAngle(p)) / rs;
  }

  /** The link of a path (binary search of the link offsets). */
  private int linkOf(int p) {
    int lo = 0;
    int hi = paths.linkCount() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (paths.firstPath(mid) <= p) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** a[offset + index(p, r, t)] = scale · C_R[r]ᴴ · M · C_T[t]. */
  private void combine(int p, double[] m, double scale, double[] a, int offset) {
    for (int t = 0; t < numTxAnt; t++) {
      for (int r = 0; r < numRxAnt; r++) {
        JonesTransport.combine(
            m,
            txField,
            4 * (p * numTxAnt + t),
            rxField,
            4 * (p * numRxAnt + r),
            scale,
            a,
            offset + 2 * ((p * numRxAnt + r) * numTxAnt + t));
      }
    }
  }

  /**
   * Coefficients with exact derivatives with respect to (η_r, σ) of selected materials (forward
   * mode, Hipparchus {@link Gradient}). Parameter 2k is η_r and 2k + 1 is σ [S/m] of material
   * {@code selected[k]}; ITU materials are differentiated at their values at this frequency.
   *
   * @param frequency carrier frequency [Hz]
   * @param materials one per material index of the geometry
   * @param selected material indices whose parameters are differentiated
   * @param allowExtrapolation evaluate ITU materials outside their frequency ranges
   * @return coefficients with {@code 2·selected.length} parameters
   */
  public PathCoefficients evaluateWithDerivatives(
      double frequency, RadioMaterial[] materials, int[] selected, boolean allowExtrapolation) {
    return evaluateWithGradient(frequency, materials, selected, allowExtrapolation, false);
  }

  /**
   * Coefficients with exact derivatives with respect to (η_r, σ, S) of selected materials.
   * Parameter 3k is η_r, 3k + 1 is σ [S/m] and 3k + 2 is the scattering coefficient S of material
   * {@code selected[k]}. Specular reflections depend on S through √(1 − S²) (derivative −S/√(1 −
   * S²), unbounded as S → 1), diffuse reflections through S.
   *
   * @param frequency carrier frequency [Hz]
   * @param materials one per material index of the geometry
   * @param selected material indices whose parameters are differentiated
   * @param allowExtrapolation evaluate ITU materials outside their frequency ranges
   * @param withScattering true for this layout (3 parameters per material); false gives the (η_r,
   *     σ) layout of {@link #evaluateWithDerivatives(double, RadioMaterial[], int[], boolean)}
   * @return coefficients with {@code 3·selected.length} (or {@code 2·selected.length}) parameters
   */
  public PathCoefficients evaluateWithDerivatives(
      double frequency,
      RadioMaterial[] materials,
      int[] selected,
      boolean allowExtrapolation,
      boolean withScattering) {
    return evaluateWithGradient(frequency, materials, selected, allowExtrapolation, withScattering);
  }

  private PathCoefficients evaluateWithGradient(
      double frequency,
      RadioMaterial[] materials,
      int[] selected,
      boolean allowExtrapolation,
      boolean withScattering) {
    double[][] etaValues = permittivities(frequency, materials, allowExtrapolation);
    int per = withScattering ? 3 : 2;
    int nParams = per * selected.length;
    @SuppressWarnings("unchecked")
    FieldComplex<Gradient>[] eta = new FieldComplex[materials.length];
    Gradient[] specular = new Gradient[materials.length];
    Gradient[] scattering = new Gradient[materials.length];
    for (int mi = 0; mi < materials.length; mi++) {
      eta[mi] =
          Derivatives.constant(
              new org.radiotwin.math.Complex(etaValues[mi][0], etaValues[mi][1]), nParams);
      scattering[mi] = Gradient.constant(nParams, materials[mi].scatteringCoefficient());
      specular[mi] = Gradient.constant(nParams, specularFactor(materials[mi]));
    }
    for (int k = 0; k < selected.length; k++) {
      int mi = selected[k];
      if (mi < 0 || mi >= materials.length) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT, "selected material index", mi + " is out of range");
      }
      ElectricalProperties e = materials[mi].evaluate(frequency, allowExtrapolation);
      eta[mi] =
          FresnelCoefficients.complexRelativePermittivity(
              Derivatives.variable(e.relativePermittivity(), per * k, nParams),
              Derivatives.variable(e.conductivity(), per * k + 1, nParams),
              frequency);
      if (withScattering) {
        Gradient s =
            Derivatives.variable(materials[mi].scatteringCoefficient(), per * k + 2, nParams);
        scattering[mi] = s;
        specular[mi] = s.multiply(s).negate().add(1).sqrt();
      }
    }
    double lambda = PhysicalConstants.wavelength(frequency);
    int np = paths.pathCount();
    int size = 2 * np * numRxAnt * numTxAnt;
    double[] a = new double[size];
    double[] da = new double[nParams * size];
    IntStream.range(0, paths.linkCount())
        .parallel()
        .forEach(
            link -> {
              double[] m = new double[8];
              double[] scratch = new double[8];
              double[] dm = new double[8 * nParams];
              for (int p = paths.firstPath(link);
                  p < paths.firstPath(link) + paths.pathCount(link);
                  p++) {
                transportWithGradient(
                    p, eta, specular, scattering, materials, lambda, nParams, m, dm);
                double scale = spreading(p, materials, lambda);
                combine(p, m, scale, a, 0);
                for (int k = 0; k < nParams; k++) {
                  System.arraycopy(dm, 8 * k, scratch, 0, 8);
                  combine(p, scratch, scale, da, k * size);
                }
              }
            });
    return new PathCoefficients(paths, frequency, numRxAnt, numTxAnt, a, da, nParams);
  }

  /** −D = −[(D₁ + D₂) + R₀·D₃ + Rₙ·D₄] with the face reflection coefficients as gradients. */
  private static FieldComplex<Gradient> diffractionFactor(
      double[] t, FieldComplex<Gradient> r0, FieldComplex<Gradient> rn, int nParams) {
    FieldComplex<Gradient> d12 =
        Derivatives.constant(new org.radiotwin.math.Complex(t[0], t[1]), nParams);
    FieldComplex<Gradient> d3 =
        Derivatives.constant(new org.radiotwin.math.Complex(t[2], t[3]), nParams);
    FieldComplex<Gradient> d4 =
        Derivatives.constant(new org.radiotwin.math.Complex(t[4], t[5]), nParams);
    return d12.add(r0.multiply(d3)).add(rn.multiply(d4)).negate();
  }

  private void transportWithGradient(
      int p,
      FieldComplex<Gradient>[] eta,
      Gradient[] specular,
      Gradient[] scattering,
      RadioMaterial[] materials,
      double lambda,
      int nParams,
      double[] m,
      double[] dm) {
    int depth = paths.depth(p);
    int i0 = paths.firstInteraction(p);
    int b = 4 * (i0 + p);
    @SuppressWarnings("unchecked")
    FieldComplex<Gradient>[] g = new FieldComplex[4];
    for (int q = 0; q < 4; q++) {
      g[q] = Derivatives.constant(new org.radiotwin.math.Complex(basis[b + q], 0), nParams);
    }
    for (int k = 0; k < depth; k++) {
      int ii = i0 + k;
      int mi = material[ii];
      SlabCoefficients.FieldSlabResponse<Gradient> s =
          SlabCoefficients.compute(cosTheta[ii], eta[mi], materials[mi].thickness(), lambda);
      FieldComplex<Gradient> x;
      FieldComplex<Gradient> y;
      if (materialN[ii] >= 0) {
        int go = EdgeDiffraction.SIZE * ii;
        int mn = materialN[ii];
        SlabCoefficients.FieldSlabResponse<Gradient> sn =
            SlabCoefficients.compute(utd[go + 6], eta[mn], materials[mn].thickness(), lambda);
        double[] t = new double[6];
        UtdCoefficients.terms(
            utd[go],
            2 * Math.PI / lambda,
            utd[go + 4],
            utd[go + 1],
            utd[go + 2],
            utd[go + 3],
            t,
            0);
        // Luebbers' face coefficients carry the specular share √(1 − S²) as the reflected rays do.
        x =
            diffractionFactor(
                t, s.rTe().multiply(specular[mi]), sn.rTe().multiply(specular[mn]), nParams);
        y =
            diffractionFactor(
                t, s.rTm().multiply(specular[mi]), sn.rTm().multiply(specular[mn]), nParams);
      } else {
        x = transmission[ii] ? s.tTe() : s.rTe();
        y = transmission[ii] ? s.tTm() : s.rTm();
        if (!transmission[ii]) {
          Gradient f = diffuse[ii] ? scattering[mi] : specular[mi];
          x = x.multiply(f);
          y = y.multiply(f);
        }
      }
      g[0] = g[0].multiply(x);
      g[1] = g[1].multiply(x);
      g[2] = g[2].multiply(y);
      g[3] = g[3].multiply(y);
      if (diffuse[ii] && materials[mi].xpdCoefficient() != 0) {
        double c = Math.sqrt(1 - materials[mi].xpdCoefficient());
        double sn = Math.sqrt(materials[mi].xpdCoefficient());
        FieldComplex<Gradient> t0 = g[0].multiply(c).subtract(g[2].multiply(sn));
        FieldComplex<Gradient> t1 = g[1].multiply(c).subtract(g[3].multiply(sn));
        FieldComplex<Gradient> t2 = g[0].multiply(sn).add(g[2].multiply(c));
        FieldComplex<Gradient> t3 = g[1].multiply(sn).add(g[3].multiply(c));
        g[0] = t0;
        g[1] = t1;
        g[2] = t2;
        g[3] = t3;
      }
      b += 4;
      double b00 = basis[b];
      double b01 = basis[b + 1];
      double b10 = basis[b + 2];
      double b11 = basis[b + 3];
      FieldComplex<Gradient> n0 = g[0].multiply(b00).add(g[2].multiply(b01));
      FieldComplex<Gradient> n1 = g[1].multiply(b00).add(g[3].multiply(b01));
      FieldComplex<Gradient> n2 = g[0].multiply(b10).add(g[2].multiply(b11));
      FieldComplex<Gradient> n3 = g[1].multiply(b10).add(g[3].multiply(b11));
      g[0] = n0;
      g[1] = n1;
      g[2] = n2;
      g[3] = n3;
    }
    Arrays.fill(dm, 0);
    for (int q = 0; q < 4; q++) {
      m[2 * q] = g[q].getRealPart().getValue();
      m[2 * q + 1] = g[q].getImaginaryPart().getValue();
      for (int k = 0; k < nParams; k++) {
        dm[8 * k + 2 * q] = g[q].getRealPart().getPartialDerivative(k);
        dm[8 * k + 2 * q + 1] = g[q].getImaginaryPart().getPartialDerivative(k);
      }
    }
  }
}
