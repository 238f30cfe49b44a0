package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.XYChart;
import org.radiotwin.calibration.CalibrationMethod;
import org.radiotwin.calibration.CalibrationParameters;
import org.radiotwin.calibration.CalibrationResult;
import org.radiotwin.calibration.CalibrationStep;
import org.radiotwin.calibration.Calibrator;
import org.radiotwin.calibration.MaterialProperty;
import org.radiotwin.calibration.PowerErrors;
import org.radiotwin.calibration.TwinCampaign;
import org.radiotwin.calibration.loss.PowerLoss;
import org.radiotwin.calibration.optim.Adam;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.RadioMaterial;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementSet;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.io.MitsubaSceneWriter;
import org.radiotwin.scene.io.SceneLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin calibrate}: gradient-based calibration of the twin's materials against
 * measurements (seed 000 §II), tracing once and re-evaluating fields every iteration.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Calibrate material parameters (eta_r, sigma and, with --train-scattering, the scattering",
      "coefficient S) of a twin against measurements with the power loss (Hoydis et al.), PEOC,",
      "UPEC or PEAC (Ruah et al.); writes calibration.json (materials before/after, loss history,",
      "power errors), calibrated.xml (+ meshes/) and loss.png."
    })
final class CalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--scene",
      required = true,
      description = "Twin scene (XML, .osm or builtin:NAME).")
  String scene;

  @Option(names = "--measurements", required = true, description = "Measurement CSV.")
  Path measurements;

  @Option(
      names = "--method",
      defaultValue = "power",
      description = "power, peoc, upec or peac (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(
      names = "--train",
      required = true,
      split = ",",
      description = "Materials to calibrate, comma-separated.")
  List<String> train;

  @Option(
      names = "--initial",
      description =
          "Initial values MAT=ETA_R,SIGMA[,S] of a trained material (default: the scene's); S in"
              + " (0, 1) is set before tracing, so that --diffuse traces the material's diffuse"
              + " paths.")
  List<String> initial = new ArrayList<>();

  @Option(
      names = "--train-scattering",
      description =
          "Also calibrate the scattering coefficient S of the --train materials (each needs S > 0,"
              + " from the scene or --initial; trace with --diffuse for the diffuse paths).")
  boolean trainScattering;

  @Option(
      names = "--iterations",
      defaultValue = "200",
      description = "Adam iterations (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(
      names = "--lr",
      defaultValue = "0.05",
      description = "Adam learning rate on log-parameters (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(
      names = "--delay-spread",
      description = "With --method power: add the same term on the RMS delay spread.")
  boolean delaySpread;

  @Option(
      names = "--tolerance",
      defaultValue = "0",
      description = "Stop when the relative loss change is below this (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--snr-db",
      defaultValue = "20",
      description = "Measurement SNR, PEAC's noise level [dB] (default: ${DEFAULT-VALUE}).")
  double snrDb;

  @Option(
      names = "--subband",
      defaultValue = "50e6",
      description =
          "Width within which path coefficients are constant [Hz] (default: ${DEFAULT-VALUE}).")
  double subband;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Ray seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Mixin CampaignOptions campaign;

  @Mixin OsmOptions osm;

  @Override
  public Integer call() {
    if (iterations < 1) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "--iterations", iterations + " must be ≥ 1");
    }
    CliChecks.positiveFinite("--lr", lr);
    CliChecks.positiveFinite("--subband", subband);
    if (!(tolerance >= 0)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "--tolerance", tolerance + " must be ≥ 0");
    }
    CalibrationMethod m = CalibrationMethod.parse(method);
    if (delaySpread && m != CalibrationMethod.POWER) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "--delay-spread", "only with --method power");
    }
    List<InitialValues> starts = new ArrayList<>();
    for (String spec : initial) {
      starts.add(parseInitial(spec));
    }
    MeasurementSet set = MeasurementCsv.read(measurements);
    Scene twin = SceneLoader.load(scene, osm.toOptions());
    for (InitialValues v : starts) {
      if (!Double.isNaN(v.scattering())) {
        twin = withScattering(twin, v);
      }
    }
    double fc = 0.5 * (set.minFrequency() + set.maxFrequency());
    TwinCampaign tc;
    CalibrationParameters params;
    CalibrationResult result;
    double[] before;
    double[] after;
    RadioMaterial[] beforeMaterials;
    try (Progress p = Progress.start("calibrate", campaign.quiet)) {
      tc =
          TwinCampaign.trace(
              twin,
              set,
              campaign.paths(seed),
              subband,
              snrDb,
              campaign.extrapolate,
              f -> p.listener().accept(0.2 * f));
      params =
          CalibrationParameters.of(tc.geometry(), fc, train, campaign.extrapolate, trainScattering);
      for (InitialValues v : starts) {
        params.setInitial(v.material(), v.relativePermittivity(), v.conductivity());
      }
      beforeMaterials = params.materials();
      before = predicted(tc, params);
      result =
          Calibrator.calibrate(
              tc,
              params,
              delaySpread ? new PowerLoss(true) : m.newLoss(),
              new Calibrator.Settings(iterations, tolerance, Adam.Settings.of(lr)),
              f -> p.listener().accept(0.2 + 0.8 * f));
      after = predicted(tc, params);
    }
    double[] measured = tc.measuredPowers();
    PowerErrors eb = PowerErrors.of(before, measured);
    PowerErrors ea = PowerErrors.of(after, measured);
    Scene calibrated = params.applyTo(twin);
    ObjectNode doc = document(m, set, result, tc, params, beforeMaterials, eb, ea);
    CliChecks.createParent(out.resolve("calibration.json"));
    XYChart chart = Plots.chart("Calibration loss (" + m.name() + ")", "iteration", "loss");
    chart.getStyler().setYAxisLogarithmic(true);
    double[] it = new double[result.history().size()];
    double[] loss = new double[it.length];
    for (int i = 0; i < it.length; i++) {
      it[i] = result.history().get(i).iteration();
      loss[i] = Math.max(result.history().get(i).loss(), 1e-300);
    }
    Plots.line(chart, m.name(), it, loss);
    MitsubaSceneWriter.write(calibrated, out.resolve("calibrated.xml"));
    Plots.writePng(chart, out.resolve("loss.png"));
    Json.writeFile(out.resolve("calibration.json"), doc);
    spec.commandLine()
        .getErr()
        .printf(
            Locale.ROOT,
            "%s: loss %.4g -> %.4g; power error %.3f -> %.3f (%.2f -> %.2f dB RMS)%n",
            m.name(),
            result.initialLoss(),
            result.finalLoss(),
            eb.meanRelativeError(),
            ea.meanRelativeError(),
            eb.rmseDb(),
            ea.rmseDb());
    return 0;
  }

  /** One {@code --initial MAT=ETA_R,SIGMA[,S]}; S is NaN when not given. */
  private record InitialValues(
      String material, double relativePermittivity, double conductivity, double scattering) {}

  /** Parses one {@code --initial MAT=ETA_R,SIGMA[,S]}. */
  private InitialValues parseInitial(String value) {
    int eq = value.lastIndexOf('=');
    String[] v = eq < 0 ? new String[0] : value.substring(eq + 1).split(",");
    if (eq <= 0 || v.length < 2 || v.length > 3) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "--initial '" + value + "'",
          "expected MAT=ETA_R,SIGMA[,S]");
    }
    String mat = value.substring(0, eq);
    if (!train.contains(mat)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "--initial '" + value + "'",
          mat + " is not in --train");
    }
    double[] x = new double[3];
    x[2] = Double.NaN;
    try {
      for (int i = 0; i < v.length; i++) {
        x[i] = Double.parseDouble(v[i].trim());
      }
    } catch (NumberFormatException e) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "--initial '" + value + "'", "not numbers");
    }
    if (v.length == 3 && !(x[2] > 0 && x[2] < 1)) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT,
          "--initial '" + value + "'",
          "the scattering coefficient S must lie in (0, 1)");
    }
    return new InitialValues(mat, x[0], x[1], x[2]);
  }

  /** The twin with an initial S set before tracing (diffuse paths need S > 0 at trace time). */
  private static Scene withScattering(Scene twin, InitialValues v) {
    RadioMaterial mat = twin.materials().get(v.material());
    if (mat == null) {
      throw new RadioTwinException(
          RadioTwinMessages.UNKNOWN_MATERIAL,
          v.material(),
          String.join(", ", twin.materials().keySet()));
    }
    return twin.withMaterial(mat.withScattering(v.scattering(), mat.xpdCoefficient()));
  }

  private static double[] predicted(TwinCampaign tc, CalibrationParameters params) {
    double[] coef = new double[tc.data().coefficientLength()];
    tc.evaluate(params.materials(), params.selectedMaterialIndices(), coef, null);
    return tc.predictedPowers(coef);
  }

  private ObjectNode document(
      CalibrationMethod m,
      MeasurementSet set,
      CalibrationResult result,
      TwinCampaign tc,
      CalibrationParameters params,
      RadioMaterial[] beforeMaterials,
      PowerErrors eb,
      PowerErrors ea) {
    ObjectNode doc = Json.object();
    doc.put("scene", scene);
    doc.put("measurements", measurements.toString());
    doc.put("method", m.name());
    doc.put("delaySpread", delaySpread);
    doc.put("positions", set.positionCount());
    doc.put("frequencies", set.frequencyCount());
    doc.put("iterations", result.history().size() - 1);
    doc.put("converged", result.converged());
    doc.put("learningRate", lr);
    doc.put("trainScattering", trainScattering);
    doc.put("diffuse", campaign.diffuse);
    RadioMaterial[] afterMaterials = params.materials();
    ArrayNode mats = doc.putArray("materials");
    for (String name : params.selectedMaterialNames()) {
      ObjectNode o = mats.addObject();
      o.put("name", name);
      o.put("calibratedName", CalibrationParameters.calibratedName(name));
      ObjectNode b = o.putObject("before");
      ObjectNode a = o.putObject("after");
      for (MaterialProperty prop :
          List.of(MaterialProperty.RELATIVE_PERMITTIVITY, MaterialProperty.CONDUCTIVITY)) {
        var d = params.driver(name, prop);
        String key =
            prop == MaterialProperty.RELATIVE_PERMITTIVITY
                ? "relativePermittivity"
                : "conductivity";
        b.put(key, d.referenceValue());
        a.put(key, d.value());
      }
      int k = tc.geometry().materialNames().indexOf(name);
      b.put("scatteringCoefficient", beforeMaterials[k].scatteringCoefficient());
      a.put("scatteringCoefficient", afterMaterials[k].scatteringCoefficient());
    }
    doc.put("initialLoss", result.initialLoss());
    doc.put("finalLoss", result.finalLoss());
    ArrayNode hist = doc.putArray("lossHistory");
    List<double[]> values = new ArrayList<>();
    for (CalibrationStep s : result.history()) {
      hist.add(s.loss());
      values.add(s.values());
    }
    doc.putArray("parameterNames")
        .addAll(
            result.parameterNames().stream().map(Json.MAPPER.getNodeFactory()::textNode).toList());
    ArrayNode pv = doc.putArray("parameterHistory");
    for (double[] v : values) {
      ArrayNode row = pv.addArray();
      Arrays.stream(v).forEach(row::add);
    }
    ObjectNode errors = doc.putObject("errors");
    ObjectNode eB = errors.putObject("before");
    eB.put("meanRelativePowerError", eb.meanRelativeError());
    eB.put("powerRmseDb", eb.rmseDb());
    ObjectNode eA = errors.putObject("after");
    eA.put("meanRelativePowerError", ea.meanRelativeError());
    eA.put("powerRmseDb", ea.rmseDb());
    return doc;
  }
}
