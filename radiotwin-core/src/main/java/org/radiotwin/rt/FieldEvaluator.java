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

  /** Per path and element: (Re C_θ, Im C_θ, Re C_φ, Im C_φ) including the array phase. */
  private final double[] txField;

  private final double[] rxField;

  /**
   * Prepares evaluation for paths traced in a scene whose devices are the scene's transmitters and
   * receivers (their arrays and orientations).
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
                prepareBases(p, work);
                antennaFields(p, txArray, txRot[tx], txOffsets[tx], true, txField, numTxAnt);
                antennaFields(p, rxArray, rxRot[rx], rxOffsets[rx], false, rxField, numRxAnt);
              }
            });
  }

  /** Computes the basis changes and incidence angles of one path. */
  private void prepareBases(int p, double[] w) {
    int depth = paths.depth(p);
    int i0 = paths.firstInteraction(p);
    int b = 4 * (i0 + p);
    // Current basis (a1, a2) at w[0..5]: (θ̂, φ̂) of the departure direction.
    double kx = paths.departure(p, 0);
    double ky = paths.departure(p, 1);
    double kz = paths.departure(p, 2);
    sphericalBasis(kx, ky, kz, w, 0);
    for (int k = 0; k < depth; k++) {
      int ii = i0 + k;
      double nx = paths.normal(ii, 0);
      double ny = paths.normal(ii, 1);
      double nz = paths.normal(ii, 2);
      // Outgoing direction.
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
      // e_s = k_i × n, or φ̂(k_i) at normal incidence.
      double sx = ky * nz - kz * ny;
      double sy = kz * nx - kx * nz;
      double sz = kx * ny - ky * nx;
      double sn = Math.sqrt(sx * sx + sy * sy + sz * sz);
      if (sn < 1e-12) {
        double phi = Math.atan2(ky, kx);
        sx = -Math.sin(phi);
        sy = Math.cos(phi);
        sz = 0;
      } else {
        sx /= sn;
        sy /= sn;
        sz /= sn;
      }
      // e_p of the incident wave: e_s × k_i.
      double pix = sy * kz - sz * ky;
      double piy = sz * kx - sx * kz;
      double piz = sx * ky - sy * kx;
      basis[b] = sx * w[0] + sy * w[1] + sz * w[2];
      basis[b + 1] = sx * w[3] + sy * w[4] + sz * w[5];
      basis[b + 2] = pix * w[0] + piy * w[1] + piz * w[2];
      basis[b + 3] = pix * w[3] + piy * w[4] + piz * w[5];
      b += 4;
      cosTheta[ii] = Math.min(1, Math.max(0, -(kx * nx + ky * ny + kz * nz)));
      material[ii] = geometry.materialOf(paths.triangle(ii));
      transmission[ii] = paths.type(ii) == InteractionType.TRANSMISSION;
      // New basis: (e_s, e_s × k_o).
      w[0] = sx;
      w[1] = sy;
      w[2] = sz;
      w[3] = sy * oz - sz * oy;
      w[4] = sz * ox - sx * oz;
      w[5] = sx * oy - sy * ox;
      kx = ox;
      ky = oy;
      kz = oz;
    }
    // Into (θ̂, φ̂) of the arrival direction at the receiver.
    sphericalBasis(paths.arrival(p, 0), paths.arrival(p, 1), paths.arrival(p, 2), w, 6);
    basis[b] = w[6] * w[0] + w[7] * w[1] + w[8] * w[2];
    basis[b + 1] = w[6] * w[3] + w[7] * w[4] + w[8] * w[5];
    basis[b + 2] = w[9] * w[0] + w[10] * w[1] + w[11] * w[2];
    basis[b + 3] = w[9] * w[3] + w[10] * w[4] + w[11] * w[5];
  }

  /** θ̂ at w[o..o+2] and φ̂ at w[o+3..o+5] of a unit direction. */
  private static void sphericalBasis(double x, double y, double z, double[] w, int o) {
    double theta = Math.acos(Math.max(-1, Math.min(1, z)));
    double phi = Math.atan2(y, x);
    double ct = Math.cos(theta);
    double st = Math.sin(theta);
    double cp = Math.cos(phi);
    double sp = Math.sin(phi);
    w[o] = ct * cp;
    w[o + 1] = ct * sp;
    w[o + 2] = -st;
    w[o + 3] = -sp;
    w[o + 4] = cp;
    w[o + 5] = 0;
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
              double[] tmp = new double[8];
              double[] d = new double[8];
              for (int p = paths.firstPath(link);
                  p < paths.firstPath(link) + paths.pathCount(link);
                  p++) {
                transport(p, eta, materials, lambda, m, tmp, d);
                combine(p, m, lambda / (4 * Math.PI * paths.length(p)), a, 0);
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
      int p,
      double[][] eta,
      RadioMaterial[] materials,
      double lambda,
      double[] m,
      double[] tmp,
      double[] d) {
    int depth = paths.depth(p);
    int i0 = paths.firstInteraction(p);
    int b = 4 * (i0 + p);
    // m = B_0 (real).
    m[0] = basis[b];
    m[1] = 0;
    m[2] = basis[b + 1];
    m[3] = 0;
    m[4] = basis[b + 2];
    m[5] = 0;
    m[6] = basis[b + 3];
    m[7] = 0;
    for (int k = 0; k < depth; k++) {
      int ii = i0 + k;
      int mi = material[ii];
      SlabCoefficients.compute(
          cosTheta[ii], eta[mi][0], eta[mi][1], materials[mi].thickness(), lambda, d);
      int c = transmission[ii] ? 4 : 0;
      double xr = d[c];
      double xi = d[c + 1];
      double yr = d[c + 2];
      double yi = d[c + 3];
      // Rows scaled by diag(x, y): row 0 by x (s), row 1 by y (p).
      scaleRow(m, 0, xr, xi);
      scaleRow(m, 4, yr, yi);
      // Then the next basis change (real): m = B·m.
      b += 4;
      double b00 = basis[b];
      double b01 = basis[b + 1];
      double b10 = basis[b + 2];
      double b11 = basis[b + 3];
      for (int col = 0; col < 2; col++) {
        double r0 = m[2 * col];
        double i0v = m[2 * col + 1];
        double r1 = m[4 + 2 * col];
        double i1v = m[4 + 2 * col + 1];
        tmp[2 * col] = b00 * r0 + b01 * r1;
        tmp[2 * col + 1] = b00 * i0v + b01 * i1v;
        tmp[4 + 2 * col] = b10 * r0 + b11 * r1;
        tmp[4 + 2 * col + 1] = b10 * i0v + b11 * i1v;
      }
      System.arraycopy(tmp, 0, m, 0, 8);
    }
  }

  private static void scaleRow(double[] m, int o, double xr, double xi) {
    for (int q = o; q < o + 4; q += 2) {
      double re = m[q];
      double im = m[q + 1];
      m[q] = re * xr - im * xi;
      m[q + 1] = re * xi + im * xr;
    }
  }

  /** a[offset + index(p, r, t)] = scale · C_R[r]ᴴ · M · C_T[t]. */
  private void combine(int p, double[] m, double scale, double[] a, int offset) {
    for (int t = 0; t < numTxAnt; t++) {
      int to = 4 * (p * numTxAnt + t);
      // v = M·C_T
      double v0r =
          m[0] * txField[to]
              - m[1] * txField[to + 1]
              + m[2] * txField[to + 2]
              - m[3] * txField[to + 3];
      double v0i =
          m[0] * txField[to + 1]
              + m[1] * txField[to]
              + m[2] * txField[to + 3]
              + m[3] * txField[to + 2];
      double v1r =
          m[4] * txField[to]
              - m[5] * txField[to + 1]
              + m[6] * txField[to + 2]
              - m[7] * txField[to + 3];
      double v1i =
          m[4] * txField[to + 1]
              + m[5] * txField[to]
              + m[6] * txField[to + 3]
              + m[7] * txField[to + 2];
      for (int r = 0; r < numRxAnt; r++) {
        int ro = 4 * (p * numRxAnt + r);
        // conj(C_R)·v
        double cr0 = rxField[ro];
        double ci0 = -rxField[ro + 1];
        double cr1 = rxField[ro + 2];
        double ci1 = -rxField[ro + 3];
        double re = cr0 * v0r - ci0 * v0i + cr1 * v1r - ci1 * v1i;
        double im = cr0 * v0i + ci0 * v0r + cr1 * v1i + ci1 * v1r;
        int i = offset + 2 * ((p * numRxAnt + r) * numTxAnt + t);
        a[i] = scale * re;
        a[i + 1] = scale * im;
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
    double[][] etaValues = permittivities(frequency, materials, allowExtrapolation);
    int nParams = 2 * selected.length;
    @SuppressWarnings("unchecked")
    FieldComplex<Gradient>[] eta = new FieldComplex[materials.length];
    for (int mi = 0; mi < materials.length; mi++) {
      eta[mi] =
          Derivatives.constant(
              new org.radiotwin.math.Complex(etaValues[mi][0], etaValues[mi][1]), nParams);
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
              Derivatives.variable(e.relativePermittivity(), 2 * k, nParams),
              Derivatives.variable(e.conductivity(), 2 * k + 1, nParams),
              frequency);
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
                transportWithGradient(p, eta, materials, lambda, nParams, m, dm);
                double scale = lambda / (4 * Math.PI * paths.length(p));
                combine(p, m, scale, a, 0);
                for (int k = 0; k < nParams; k++) {
                  System.arraycopy(dm, 8 * k, scratch, 0, 8);
                  combine(p, scratch, scale, da, k * size);
                }
              }
            });
    return new PathCoefficients(paths, frequency, numRxAnt, numTxAnt, a, da, nParams);
  }

  private void transportWithGradient(
      int p,
      FieldComplex<Gradient>[] eta,
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
      FieldComplex<Gradient> x = transmission[ii] ? s.tTe() : s.rTe();
      FieldComplex<Gradient> y = transmission[ii] ? s.tTm() : s.rTm();
      g[0] = g[0].multiply(x);
      g[1] = g[1].multiply(x);
      g[2] = g[2].multiply(y);
      g[3] = g[3].multiply(y);
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
