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
 * The calibration parameters of a twin: a relative permittivity and a conductivity driver per
 * material of the geometry ({@link SceneGeometry#materialNames()} order), selected for the
 * trainable materials. Trainable materials become custom (frequency-independent) materials whose
 * η_r and σ are the drivers' values; ITU materials start from their values at the reference
 * frequency. Thickness, scattering and XPD coefficients are kept.
 *
 * <p>Field evaluation with derivatives ({@code FieldEvaluator.evaluateWithDerivatives}) numbers the
 * parameters of the k-th material of {@link #selectedMaterialIndices()} as 2k (η_r) and 2k + 1 (σ);
 * {@link #chainRule} maps that gradient to the selected drivers' unconstrained variables.
 */
public final class CalibrationParameters {

  /** Parameters per material in the field evaluator's derivative layout (η_r, σ). */
  static final int SLOTS_PER_MATERIAL = 2;

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
    List<String> names = geometry.materialNames();
    RadioMaterial[] base = geometry.materials(geometry.scene());
    for (String t : trainable) {
      if (!names.contains(t)) {
        throw new RadioTwinException(
            RadioTwinMessages.UNKNOWN_MATERIAL, t, String.join(", ", names));
      }
    }
    ParameterDriver[] d = new ParameterDriver[SLOTS_PER_MATERIAL * names.size()];
    for (int i = 0; i < names.size(); i++) {
      ElectricalProperties e = base[i].evaluate(referenceFrequency, allowExtrapolation);
      boolean sel = trainable.contains(names.get(i));
      // A material at the boundary of the parametrisation (vacuum, η_r = 1; lossless, σ = 0) is
      // nudged inside it when trained, and kept out of the drivers when not.
      double etaR = Math.max(e.relativePermittivity(), 1 + 1e-6);
      double sigma = Math.max(e.conductivity(), 1e-12);
      d[2 * i] =
          new ParameterDriver(names.get(i), MaterialProperty.RELATIVE_PERMITTIVITY, etaR, sel);
      d[2 * i + 1] = new ParameterDriver(names.get(i), MaterialProperty.CONDUCTIVITY, sigma, sel);
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
    boolean sel = drivers[2 * i].isSelected();
    drivers[2 * i] =
        new ParameterDriver(
            material, MaterialProperty.RELATIVE_PERMITTIVITY, relativePermittivity, sel);
    drivers[2 * i + 1] =
        new ParameterDriver(material, MaterialProperty.CONDUCTIVITY, conductivity, sel);
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
      case RELATIVE_PERMITTIVITY -> drivers[2 * i];
      case CONDUCTIVITY -> drivers[2 * i + 1];
      case SCATTERING_COEFFICIENT ->
          throw new RadioTwinException(
              RadioTwinMessages.INVALID_ARGUMENT,
              "parameter " + material + ".S",
              "the field evaluator differentiates η_r and σ only");
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
      if (drivers[2 * i].isSelected() || drivers[2 * i + 1].isSelected()) {
        out.add(i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
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
   * Maps ∂L/∂(η_r, σ) in the field evaluator's layout to ∂L/∂u of the selected drivers.
   *
   * @param slotGradient 2 entries per material of {@link #selectedMaterialIndices()}
   * @return ∂L/∂u in the order of {@link #selectedDrivers()}
   */
  public double[] chainRule(double[] slotGradient) {
    int[] mats = selectedMaterialIndices();
    double[] out = new double[selectedDrivers().size()];
    int j = 0;
    for (int k = 0; k < mats.length; k++) {
      for (int s = 0; s < SLOTS_PER_MATERIAL; s++) {
        ParameterDriver d = drivers[SLOTS_PER_MATERIAL * mats[k] + s];
        if (d.isSelected()) {
          out[j++] = slotGradient[SLOTS_PER_MATERIAL * k + s] * d.derivative();
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
      out[i] =
          new RadioMaterial(
              b.name(),
              null,
              drivers[2 * i].value(),
              drivers[2 * i + 1].value(),
              b.thickness(),
              b.scatteringCoefficient(),
              b.xpdCoefficient());
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
