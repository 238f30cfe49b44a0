package org.radiotwin.calibration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.ElectricalProperties;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.rt.SceneGeometry;
import org.radiotwin.scene.Scene;

/**
 * The calibration parameters of a twin: a relative permittivity, a conductivity and a scattering
 * coefficient driver per material of the geometry ({@link SceneGeometry#materialNames()} order).
 * The η_r and σ drivers are selected for the trainable materials, the S drivers only when the
 * scattering coefficient is trained too. Trainable materials become custom (frequency-independent)
 * materials whose η_r and σ (and S, when trained) are the drivers' values; ITU materials start from
 * their values at the reference frequency. Thickness, XPD coefficient, scattering pattern and an
 * untrained S are kept.
 *
 * <p>Field evaluation with derivatives ({@code FieldEvaluator.evaluateWithDerivatives}) numbers the
 * parameters of the k-th material of {@link #selectedMaterialIndices()} as 2k (η_r) and 2k + 1 (σ),
 * or, when S is trained ({@link #trainsScattering()}), as 3k (η_r), 3k + 1 (σ) and 3k + 2 (S);
 * {@link #slotsPerMaterial()} gives the layout and {@link #chainRule} maps that gradient to the
 * selected drivers' unconstrained variables.
 *
 * <p>S only changes the field through the material's reflections: specular ones carry √(1 − S²),
 * diffuse ones S. The diffuse paths exist only when the twin is traced with {@code
 * PathSolverConfig.withDiffuse(true)} and S &gt; 0 at trace time, so a trained S must start in (0,
 * 1) (the sigmoid parametrisation cannot leave S = 0 either).
 */
public final class CalibrationParameters {

  /** Drivers stored per material (η_r, σ, S). */
  private static final int STRIDE = 3;

  /** Smallest admissible stand-in of an untrained S at the boundary 0 or 1. */
  private static final double S_EPS = 1e-9;

  private final List<String> names;
  private final RadioMaterial[] base;
  private final ParameterDriver[] drivers;

  private CalibrationParameters(List<String> names, RadioMaterial[] base, ParameterDriver[] d) {
    this.names = names;
    this.base = base;
    this.drivers = d;
  }

  /**
   * Parameters for a geometry's materials.
   *
   * @param geometry the twin's geometry
   * @param referenceFrequency frequency at which ITU materials give their initial values [Hz]
   * @param trainable names of the materials to estimate
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @return the parameters, at the scene's values
   * @throws RadioTwinException naming an unknown material
   */
  public static CalibrationParameters of(
      SceneGeometry geometry,
      double referenceFrequency,
      Collection<String> trainable,
      boolean allowExtrapolation) {
    return of(geometry, referenceFrequency, trainable, allowExtrapolation, false);
  }

  /**
   * Parameters for a geometry's materials, optionally training their scattering coefficients.
   *
   * @param geometry the twin's geometry (traced with diffuse paths for S to reach diffuse fields)
   * @param referenceFrequency frequency at which ITU materials give their initial values [Hz]
   * @param trainable names of the materials to estimate
   * @param allowExtrapolation evaluate ITU materials outside their ranges
   * @param trainScattering also estimate the scattering coefficient S of the trainable materials
   * @return the parameters, at the scene's values
   * @throws RadioTwinException naming an unknown material, or a material whose S is to be trained
   *     but is 0 or 1 in the scene
   */
  public static CalibrationParameters of(
      SceneGeometry geometry,
      double referenceFrequency,
      Collection<String> trainable,
      boolean allowExtrapolation,
      boolean trainScattering) {
    List<String> names = geometry.materialNames();
    RadioMaterial[] base = geometry.materials(geometry.scene());
    for (String t : trainable) {
      if (!names.contains(t)) {
        throw new RadioTwinException(
            RadioTwinMessages.UNKNOWN_MATERIAL, t, String.join(", ", names));
      }
    }
    ParameterDriver[] d = new ParameterDriver[STRIDE * names.size()];
    for (int i = 0; i < names.size(); i++) {
      ElectricalProperties e = base[i].evaluate(referenceFrequency, allowExtrapolation);
      boolean sel = trainable.contains(names.get(i));
      // A material at the boundary of the parametrisation (vacuum, η_r = 1; lossless, σ = 0) is
      // nudged inside it when trained, and kept out of the drivers when not.
      double etaR = Math.max(e.relativePermittivity(), 1 + 1e-6);
      double sigma = Math.max(e.conductivity(), 1e-12);
      double s = base[i].scatteringCoefficient();
      boolean selS = sel && trainScattering;
      if (selS && !(s > 0 && s < 1)) {
        throw new RadioTwinException(
            RadioTwinMessages.INVALID_ARGUMENT,
            "scattering coefficient S of material '" + names.get(i) + "'",
            s
                + " cannot be trained: S must start in (0, 1) (give the material an initial S > 0"
                + " and trace with diffuse paths)");
      }
      d[STRIDE * i] =
          new ParameterDriver(names.get(i), MaterialProperty.RELATIVE_PERMITTIVITY, etaR, sel);
      d[STRIDE * i + 1] =
          new ParameterDriver(names.get(i), MaterialProperty.CONDUCTIVITY, sigma, sel);
      // An untrained S at 0 or 1 gets an admissible stand-in; materials() keeps the scene's S.
      d[STRIDE * i + 2] =
          new ParameterDriver(
              names.get(i),
              MaterialProperty.SCATTERING_COEFFICIENT,
              Math.min(Math.max(s, S_EPS), 1 - S_EPS),
              selS);
    }
    return new CalibrationParameters(names, base, d);
  }

  /**
   * Replaces a material's initial values (and resets its drivers there).
   *
   * @param material material name
   * @param relativePermittivity initial η_r &gt; 1
   * @param conductivity initial σ &gt; 0 [S/m]
   * @return this
   */
  public CalibrationParameters setInitial(
      String material, double relativePermittivity, double conductivity) {
    int i = indexOf(material);
    boolean sel = drivers[STRIDE * i].isSelected();
    boolean selSigma = drivers[STRIDE * i + 1].isSelected();
    drivers[STRIDE * i] =
        new ParameterDriver(
            material, MaterialProperty.RELATIVE_PERMITTIVITY, relativePermittivity, sel);
    drivers[STRIDE * i + 1] =
        new ParameterDriver(material, MaterialProperty.CONDUCTIVITY, conductivity, selSigma);
    return this;
  }

  /**
   * Replaces a material's initial η_r, σ and S (and resets its drivers there). The diffuse paths of
   * the material exist only if its S was &gt; 0 when the twin was traced.
   *
   * @param material material name
   * @param relativePermittivity initial η_r &gt; 1
   * @param conductivity initial σ &gt; 0 [S/m]
   * @param scatteringCoefficient initial S ∈ (0, 1)
   * @return this
   */
  public CalibrationParameters setInitial(
      String material,
      double relativePermittivity,
      double conductivity,
      double scatteringCoefficient) {
    setInitial(material, relativePermittivity, conductivity);
    int i = indexOf(material);
    drivers[STRIDE * i + 2] =
        new ParameterDriver(
            material,
            MaterialProperty.SCATTERING_COEFFICIENT,
            scatteringCoefficient,
            drivers[STRIDE * i + 2].isSelected());
    return this;
  }

  private int indexOf(String material) {
    int i = names.indexOf(material);
    if (i < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.UNKNOWN_MATERIAL, material, String.join(", ", names));
    }
    return i;
  }

  /**
   * A driver.
   *
   * @param material material name
   * @param property property
   * @return the driver
   */
  public ParameterDriver driver(String material, MaterialProperty property) {
    int i = indexOf(material);
    return switch (property) {
      case RELATIVE_PERMITTIVITY -> drivers[STRIDE * i];
      case CONDUCTIVITY -> drivers[STRIDE * i + 1];
      case SCATTERING_COEFFICIENT -> drivers[STRIDE * i + 2];
    };
  }

  /**
   * The selected drivers, in the order of {@link #unconstrained()}.
   *
   * @return the drivers
   */
  public List<ParameterDriver> selectedDrivers() {
    List<ParameterDriver> out = new ArrayList<>();
    for (ParameterDriver d : drivers) {
      if (d.isSelected()) {
        out.add(d);
      }
    }
    return out;
  }

  /**
   * Indices (in the geometry's material order) of the materials with a selected driver.
   *
   * @return the indices, increasing
   */
  public int[] selectedMaterialIndices() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      if (drivers[STRIDE * i].isSelected()
          || drivers[STRIDE * i + 1].isSelected()
          || drivers[STRIDE * i + 2].isSelected()) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Whether a scattering coefficient is estimated, so that derivatives use the (η_r, σ, S) layout.
   *
   * @return true when an S driver is selected
   */
  public boolean trainsScattering() {
    for (int i = 2; i < drivers.length; i += STRIDE) {
      if (drivers[i].isSelected()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parameters per material in the field evaluator's derivative layout: 3 (η_r, σ, S) when {@link
   * #trainsScattering()}, else 2 (η_r, σ).
   *
   * @return 2 or 3
   */
  public int slotsPerMaterial() {
    return trainsScattering() ? 3 : 2;
  }

  /**
   * Names of the materials with a selected driver.
   *
   * @return the names
   */
  public List<String> selectedMaterialNames() {
    List<String> out = new ArrayList<>();
    for (int i : selectedMaterialIndices()) {
      out.add(names.get(i));
    }
    return out;
  }

  /**
   * Unconstrained variables of the selected drivers.
   *
   * @return a new array
   */
  public double[] unconstrained() {
    return selectedDrivers().stream().mapToDouble(ParameterDriver::unconstrained).toArray();
  }

  /**
   * Sets the selected drivers' unconstrained variables.
   *
   * @param u values in the order of {@link #selectedDrivers()}
   */
  public void setUnconstrained(double[] u) {
    List<ParameterDriver> sel = selectedDrivers();
    if (u.length != sel.size()) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH, "calibration parameters", sel.size(), u.length);
    }
    for (int i = 0; i < u.length; i++) {
      sel.get(i).setUnconstrained(u[i]);
    }
  }

  /**
   * Current physical values of the selected drivers.
   *
   * @return a new array
   */
  public double[] values() {
    return selectedDrivers().stream().mapToDouble(ParameterDriver::value).toArray();
  }

  /**
   * Maps ∂L/∂(η_r, σ[, S]) in the field evaluator's layout to ∂L/∂u of the selected drivers.
   *
   * @param slotGradient {@link #slotsPerMaterial()} entries per material of {@link
   *     #selectedMaterialIndices()}
   * @return ∂L/∂u in the order of {@link #selectedDrivers()}
   */
  public double[] chainRule(double[] slotGradient) {
    int[] mats = selectedMaterialIndices();
    int per = slotsPerMaterial();
    if (slotGradient.length != per * mats.length) {
      throw new RadioTwinException(
          RadioTwinMessages.SIZE_MISMATCH,
          "calibration slot gradient",
          per * mats.length,
          slotGradient.length);
    }
    double[] out = new double[selectedDrivers().size()];
    int j = 0;
    for (int k = 0; k < mats.length; k++) {
      for (int s = 0; s < per; s++) {
        ParameterDriver d = drivers[STRIDE * mats[k] + s];
        if (d.isSelected()) {
          out[j++] = slotGradient[per * k + s] * d.derivative();
        }
      }
    }
    return out;
  }

  /**
   * The materials in the geometry's order with the current values: trainable ones as custom
   * materials, the others unchanged.
   *
   * @return a new array
   */
  public RadioMaterial[] materials() {
    RadioMaterial[] out = base.clone();
    for (int i : selectedMaterialIndices()) {
      RadioMaterial b = base[i];
      ParameterDriver s = drivers[STRIDE * i + 2];
      out[i] =
          new RadioMaterial(
              b.name(),
              null,
              drivers[STRIDE * i].value(),
              drivers[STRIDE * i + 1].value(),
              b.thickness(),
              s.isSelected() ? s.value() : b.scatteringCoefficient(),
              b.xpdCoefficient(),
              b.scatteringPattern());
    }
    return out;
  }

  /**
   * A scene with the current values of the trainable materials. A calibrated material whose name
   * Sionna would read as an ITU material ({@code itu_…}, {@code mat-itu_…}) is renamed {@code
   * calibrated_…} so that the values survive loading the written XML in Sionna RT.
   *
   * @param scene the twin scene (with the same material names)
   * @return the calibrated scene
   */
  public Scene applyTo(Scene scene) {
    RadioMaterial[] mats = materials();
    Scene out = scene;
    for (int i : selectedMaterialIndices()) {
      RadioMaterial m = mats[i];
      String name = m.name();
      if (name.startsWith("itu_") || name.startsWith("mat-itu_")) {
        RadioMaterial renamed = m.withName(calibratedName(name));
        for (var o : scene.objects()) {
          if (o.material().name().equals(name)) {
            out = out.withObjectMaterial(o.name(), renamed);
          }
        }
      } else {
        out = out.withMaterial(m);
      }
    }
    return out;
  }

  /**
   * The name a calibrated material gets in {@link #applyTo}.
   *
   * @param name original material name
   * @return the name in the calibrated scene
   */
  public static String calibratedName(String name) {
    return name.startsWith("itu_") || name.startsWith("mat-itu_") ? "calibrated_" + name : name;
  }
}
