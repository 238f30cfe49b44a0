package org.radiotwin.scene;

import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.math.Vec3;

/**
 * Random perturbations that turn a twin into a plausible "reality" (or a reality into a twin with
 * errors): every object moved horizontally by a Gaussian offset (geometry errors of a fraction of a
 * wavelength), and material parameters scaled by log-normal factors (η_r and σ are positive).
 * Deterministic for a seed: objects are visited in scene order with one generator.
 */
public final class ScenePerturbation {

  private ScenePerturbation() {}

  /**
   * Moves every object by independent Gaussian offsets in x and y.
   *
   * @param scene scene
   * @param sigma standard deviation of each horizontal coordinate [m], ≥ 0
   * @param seed generator seed
   * @return the perturbed scene
   */
  public static Scene jitterPositions(Scene scene, double sigma, long seed) {
    if (!(sigma >= 0) || !Double.isFinite(sigma)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "position jitter", "must be a finite number ≥ 0");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Scene s = scene;
    for (SceneObject o : scene.objects()) {
      s =
          s.withObjectMoved(
              o.name(), new Vec3(sigma * rnd.nextGaussian(), sigma * rnd.nextGaussian(), 0));
    }
    return s;
  }

  /**
   * Makes every material the given ITU type, keeping names and thicknesses (seed 004's uncalibrated
   * twin is the street canyon with every material ITU brick).
   *
   * @param scene scene
   * @param type ITU material type
   * @return the edited scene
   */
  public static Scene allMaterials(Scene scene, ItuMaterialType type) {
    Scene s = scene;
    for (RadioMaterial m : scene.materials().values()) {
      s = s.withMaterial(RadioMaterial.itu(m.name(), type, m.thickness()));
    }
    return s;
  }

  /**
   * Gives every material a scattering coefficient (rough surfaces for diffuse scattering), keeping
   * its cross-polarisation coefficient and scattering pattern.
   *
   * @param scene scene
   * @param coefficient S in [0, 1] for each material
   * @return the edited scene
   */
  public static Scene roughen(Scene scene, ToDoubleFunction<RadioMaterial> coefficient) {
    Scene s = scene;
    for (RadioMaterial m : scene.materials().values()) {
      s = s.withMaterial(m.withScattering(coefficient.applyAsDouble(m), m.xpdCoefficient()));
    }
    return s;
  }

  /**
   * Replaces every material by a custom one with η_r and σ (at the frequency) multiplied by
   * exp(s·N(0, 1)) each, keeping names and thicknesses.
   *
   * @param scene scene
   * @param relativeSpread s, the standard deviation of the log factor (e.g. 0.2 for about ±20 %)
   * @param frequency frequency at which ITU materials are evaluated [Hz]
   * @param seed generator seed
   * @return the perturbed scene
   */
  public static Scene perturbMaterials(
      Scene scene, double relativeSpread, double frequency, long seed) {
    if (!(relativeSpread >= 0) || !Double.isFinite(relativeSpread)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "material spread", "must be a finite number ≥ 0");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Scene s = scene;
    for (RadioMaterial m : scene.materials().values()) {
      var p = m.evaluate(frequency, true);
      double etaR =
          Math.max(1, p.relativePermittivity() * Math.exp(relativeSpread * rnd.nextGaussian()));
      double sigma = p.conductivity() * Math.exp(relativeSpread * rnd.nextGaussian());
      s =
          s.withMaterial(
              new RadioMaterial(
                  m.name(),
                  null,
                  etaR,
                  sigma,
                  m.thickness(),
                  m.scatteringCoefficient(),
                  m.xpdCoefficient(),
                  m.scatteringPattern()));
    }
    return s;
  }

  /**
   * Gives every material a random ITU type (uniform over the types valid at the frequency), keeping
   * names and thicknesses.
   *
   * @param scene scene
   * @param frequency frequency the types must be valid at [Hz]
   * @param seed generator seed
   * @return the perturbed scene
   */
  public static Scene randomItuMaterials(Scene scene, double frequency, long seed) {
    java.util.List<ItuMaterialType> valid = new java.util.ArrayList<>();
    for (ItuMaterialType t : ItuMaterialType.values()) {
      try {
        t.rangeFor(frequency, false);
        valid.add(t);
      } catch (RadioTwinException e) {
        // Not valid at this frequency: not a candidate.
      }
    }
    if (valid.isEmpty()) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "frequency " + frequency, "no ITU material is valid");
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    Scene s = scene;
    for (RadioMaterial m : scene.materials().values()) {
      ItuMaterialType t = valid.get(rnd.nextInt(valid.size()));
      s =
          s.withMaterial(
              new RadioMaterial(
                  m.name(),
                  t,
                  0,
                  0,
                  m.thickness(),
                  m.scatteringCoefficient(),
                  m.xpdCoefficient(),
                  m.scatteringPattern()));
    }
    return s;
  }
}
