package org.radiotwin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.material.ScatteringPattern;
import org.radiotwin.math.Vec3;
import org.radiotwin.rt.PathSolverConfig;
import org.radiotwin.scene.AntennaPattern;
import org.radiotwin.scene.PlanarArray;
import org.radiotwin.scene.Polarization;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Scene, frequency, path-search, antenna and material options shared by the tracing commands. */
final class RadioOptions {

  @Option(
      names = "--scene",
      required = true,
      description = "Scene: Mitsuba XML, OpenStreetMap .osm or builtin:NAME.")
  String scene;

  @Option(
      names = {"-f", "--frequency"},
      defaultValue = "3.5e9",
      description = "Carrier frequency [Hz] (default: ${DEFAULT-VALUE}).")
  double frequency;

  @Option(
      names = "--max-depth",
      defaultValue = "3",
      description = "Maximum number of interactions (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(names = "--no-los", description = "Leave out line-of-sight paths.")
  boolean noLos;

  @Option(names = "--no-reflection", description = "Leave out specular reflections.")
  boolean noReflection;

  @Option(names = "--no-transmission", description = "Leave out transmissions through slabs.")
  boolean noTransmission;

  @Option(
      names = "--diffraction",
      description = "Add first-order UTD edge diffraction paths (wedges and free edges).")
  boolean diffraction;

  @Option(
      names = "--samples",
      defaultValue = "1000000",
      description = "Rays shot per transmitter (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--pattern",
      defaultValue = "iso",
      description = "Antenna pattern of every device: iso, dipole, hw_dipole, tr38901.")
  String pattern;

  @Option(
      names = "--polarization",
      defaultValue = "V",
      description = "Antenna polarisation: V, H, VH or cross (default: ${DEFAULT-VALUE}).")
  String polarization;

  @Option(
      names = "--material",
      paramLabel = "NAME=SPEC",
      description = {
        "Override a scene material: NAME=itu_TYPE or NAME=eta_r,sigma[,thickness].",
        "Repeatable."
      })
  List<String> materials = new ArrayList<>();

  @Option(
      names = "--diffuse",
      description =
          "Add diffusely reflected paths (materials with a scattering coefficient S > 0).")
  boolean diffuse;

  @Option(
      names = "--scattering",
      paramLabel = "NAME=S[,XPD]",
      description = {
        "Scattering coefficient S and cross-polarisation discrimination K_x of a material",
        "(both in [0, 1]). Repeatable."
      })
  List<String> scattering = new ArrayList<>();

  @Option(
      names = "--pattern-scattering",
      paramLabel = "PATTERN",
      description =
          "Diffuse scattering pattern of every material: lambertian, directive:ALPHA_R or"
              + " backscattering:ALPHA_R,ALPHA_I,LAMBDA.")
  String scatteringPattern;

  @Option(
      names = "--extrapolate",
      description = "Evaluate ITU materials outside their frequency ranges.")
  boolean extrapolate;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Mixin OsmOptions osm;

  /** Loads the scene with material overrides and the antenna arrays applied. */
  Scene loadScene() {
    CliChecks.positiveFinite("--frequency", frequency);
    Scene s = SceneLoader.load(scene, osm.toOptions());
    for (String spec : materials) {
      s = s.withMaterial(parseMaterial(spec, s));
    }
    for (String spec : scattering) {
      s = s.withMaterial(parseScattering(spec, s));
    }
    if (scatteringPattern != null) {
      ScatteringPattern p = ScatteringPattern.parse(scatteringPattern);
      for (RadioMaterial m : List.copyOf(s.materials().values())) {
        s = s.withMaterial(m.withScatteringPattern(p));
      }
    }
    PlanarArray array =
        PlanarArray.single(AntennaPattern.fromName(pattern), Polarization.fromName(polarization));
    return s.withArrays(array, array);
  }

  PathSolverConfig pathConfig() {
    return new PathSolverConfig(
            maxDepth,
            !noLos,
            !noReflection,
            !noTransmission,
            samples,
            seed,
            PathSolverConfig.Method.SBR)
        .withDiffuse(diffuse)
        .withDiffraction(diffraction);
  }

  /** The new electrical properties keep the scene material's scattering. */
  private static RadioMaterial keepScattering(RadioMaterial m, RadioMaterial current) {
    return m.withScattering(current.scatteringCoefficient(), current.xpdCoefficient())
        .withScatteringPattern(current.scatteringPattern());
  }

  /** A material with the S and K_x of a {@code NAME=S[,XPD]} specification. */
  static RadioMaterial parseScattering(String spec, Scene scene) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw bad("--scattering " + spec, "expected NAME=S[,XPD]");
    }
    String name = spec.substring(0, eq).trim();
    RadioMaterial current = scene.materials().get(name);
    if (current == null) {
      throw new RadioTwinException(
          RadioTwinMessages.UNKNOWN_MATERIAL, name, String.join(", ", scene.materials().keySet()));
    }
    String[] parts = spec.substring(eq + 1).split(",", -1);
    if (parts.length > 2) {
      throw bad("--scattering " + spec, "expected NAME=S[,XPD]");
    }
    try {
      double s = Double.parseDouble(parts[0].trim());
      double xpd =
          parts.length == 2 ? Double.parseDouble(parts[1].trim()) : current.xpdCoefficient();
      return current.withScattering(s, xpd);
    } catch (NumberFormatException e) {
      throw bad("--scattering " + spec, "not a number: " + e.getMessage());
    }
  }

  static RadioMaterial parseMaterial(String spec, Scene scene) {
    int eq = spec.indexOf('=');
    if (eq <= 0) {
      throw bad(spec, "expected NAME=itu_TYPE or NAME=eta_r,sigma[,thickness]");
    }
    String name = spec.substring(0, eq).trim();
    String value = spec.substring(eq + 1).trim();
    RadioMaterial current = scene.materials().get(name);
    if (current == null) {
      throw new RadioTwinException(
          RadioTwinMessages.UNKNOWN_MATERIAL, name, String.join(", ", scene.materials().keySet()));
    }
    ItuMaterialType type = ItuMaterialType.find(value);
    if (type != null) {
      return keepScattering(RadioMaterial.itu(name, type, current.thickness()), current);
    }
    String[] parts = value.split(",");
    if (parts.length < 2 || parts.length > 3) {
      throw bad(spec, "expected NAME=itu_TYPE or NAME=eta_r,sigma[,thickness]");
    }
    try {
      double thickness = parts.length == 3 ? Double.parseDouble(parts[2]) : current.thickness();
      return keepScattering(
          RadioMaterial.custom(
              name, Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), thickness),
          current);
    } catch (NumberFormatException e) {
      throw bad(spec, "not a number: " + e.getMessage());
    }
  }

  static Vec3 parseVec3(String option, String text) {
    String[] p = text.split(",");
    if (p.length != 3) {
      throw bad(option + " " + text, "expected x,y,z");
    }
    try {
      Vec3 v =
          new Vec3(
              Double.parseDouble(p[0].trim()),
              Double.parseDouble(p[1].trim()),
              Double.parseDouble(p[2].trim()));
      if (!v.isFinite()) {
        throw bad(option + " " + text, "coordinates must be finite");
      }
      return v;
    } catch (NumberFormatException e) {
      throw bad(option + " " + text, "expected x,y,z numbers");
    }
  }

  static double[] parsePair(String option, String text) {
    String[] p = text.split(",");
    if (p.length != 2) {
      throw bad(option + " " + text, "expected two numbers a,b");
    }
    try {
      return new double[] {Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim())};
    } catch (NumberFormatException e) {
      throw bad(option + " " + text, "expected two numbers a,b");
    }
  }

  private static RadioTwinException bad(String what, String why) {
    return new RadioTwinException(
        RadioTwinMessages.INVALID_ARGUMENT, String.format(Locale.ROOT, "'%s'", what), why);
  }
}
