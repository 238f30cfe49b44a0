package org.radiotwin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.io.AtomicFiles;
import org.radiotwin.stats.gp.GaussianProcessModel;
import org.radiotwin.stats.gp.GaussianProcessRegressor;
import org.radiotwin.stats.gp.GpPrediction;
import org.radiotwin.stats.gp.Hyperparameters;
import org.radiotwin.stats.gp.KernelFamily;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin stats gp}: Gaussian-process regression of one CSV column on others, with
 * scikit-learn's conventions (z-scored target; kernel amplitude × base + white noise;
 * hyper-parameters by maximum marginal likelihood or fixed by {@code --hyper}).
 */
@Command(
    name = "gp",
    mixinStandardHelpOptions = true,
    description = {
      "Gaussian-process regression: fits --target on --features of --train",
      "and writes the predictive mean and standard deviations (of a noisy",
      "observation and of the noise-free function) at the rows of --predict",
      "to --out (columns mean,std,stdLatent, in target units).",
      "Kernel = amplitude * base + white noise; hyper-parameters maximise the",
      "log marginal likelihood of the z-scored target (scikit-learn's",
      "normalize_y=True) unless --hyper fixes them:",
      "{\"amplitudeVar\":..,\"lengthScales\":[..],\"noiseVar\":..}."
    })
final class StatsGpCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, description = "Training CSV (header line).")
  Path train;

  @Option(names = "--predict", required = true, description = "CSV of inputs to predict at.")
  Path predict;

  @Option(
      names = "--features",
      required = true,
      split = ",",
      description = "Input columns, comma-separated.")
  List<String> features;

  @Option(names = "--target", required = true, description = "Target column of --train.")
  String target;

  @Option(
      names = "--kernel",
      defaultValue = "matern52-ard",
      description =
          "rbf, rbf-ard, matern12, matern12-ard, matern32, matern32-ard, matern52, matern52-ard"
              + " or exponential (default: ${DEFAULT-VALUE}).")
  String kernel;

  @Option(
      names = "--restarts",
      defaultValue = "5",
      description = "Random restarts of the optimiser (default: ${DEFAULT-VALUE}).")
  int restarts;

  @Option(names = "--seed", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--hyper", description = "JSON file of fixed hyper-parameters.")
  Path hyper;

  @Option(names = "--out", required = true, description = "Predictions CSV.")
  Path out;

  @Option(names = "--json", description = "Print one JSON document.")
  boolean json;

  @Override
  public Integer call() {
    KernelFamily family = KernelFamily.parse(kernel);
    if (restarts < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "--restarts", restarts + " is negative");
    }
    NumericCsv tr = NumericCsv.read(train);
    NumericCsv pr = NumericCsv.read(predict);
    double[][] x = tr.columns(features);
    double[] y = tr.column(target);
    double[][] xs = pr.columns(features);
    GaussianProcessRegressor regressor;
    if (hyper != null) {
      Hyperparameters h = readHyper(hyper, family.lengthScaleCount(features.size()));
      regressor = GaussianProcessRegressor.of(family.create(h)).withFixedHyperparameters();
    } else {
      regressor =
          GaussianProcessRegressor.of(family.initial(spreads(x)))
              .withRestarts(restarts)
              .withSeed(seed);
    }
    GaussianProcessModel model = regressor.fit(x, y);
    GpPrediction p = model.predict(xs);
    CliChecks.createParent(out);
    AtomicFiles.write(
        out,
        stream -> {
          StringBuilder b = new StringBuilder("mean,std,stdLatent\n");
          for (int i = 0; i < p.size(); i++) {
            b.append(p.mean()[i])
                .append(',')
                .append(p.std()[i])
                .append(',')
                .append(p.stdLatent()[i])
                .append('\n');
          }
          stream.write(b.toString().getBytes(StandardCharsets.UTF_8));
        });
    Hyperparameters h = KernelFamily.hyperparameters(model.kernel());
    PrintWriter o = spec.commandLine().getOut();
    if (json) {
      ObjectNode doc = Json.object();
      ObjectNode hp = doc.putObject("hyperparameters");
      hp.put("amplitudeVar", h.amplitudeVar());
      ArrayNode ls = hp.putArray("lengthScales");
      for (double l : h.lengthScales()) {
        ls.add(l);
      }
      hp.put("noiseVar", h.noiseVar());
      doc.put("logMarginalLikelihood", model.logMarginalLikelihood());
      Json.print(o, doc);
    } else {
      o.printf(
          Locale.ROOT,
          "kernel %s%nlog marginal likelihood %.6g (z-scored target)%n%d predictions -> %s%n",
          model.kernel(),
          model.logMarginalLikelihood(),
          p.size(),
          out);
    }
    o.flush();
    return 0;
  }

  private static double[] spreads(double[][] x) {
    double[] s = new double[x[0].length];
    for (int j = 0; j < s.length; j++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double[] r : x) {
        lo = Math.min(lo, r[j]);
        hi = Math.max(hi, r[j]);
      }
      s[j] = hi > lo ? (hi - lo) / 2 : 1;
    }
    return s;
  }

  private static Hyperparameters readHyper(Path file, int lengthScales) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new RadioTwinException(RadioTwinMessages.CANNOT_READ_FILE, file, e.getMessage());
    }
    JsonNode ls = n == null ? null : n.get("lengthScales");
    if (n == null
        || !n.path("amplitudeVar").isNumber()
        || !n.path("noiseVar").isNumber()
        || ls == null
        || !ls.isArray()) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "top level",
          "expected {\"amplitudeVar\": number, \"lengthScales\": [numbers], \"noiseVar\": number}");
    }
    if (ls.size() != lengthScales) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE,
          file,
          "lengthScales",
          "the kernel needs " + lengthScales + " length scale(s), got " + ls.size());
    }
    double[] l = new double[ls.size()];
    for (int i = 0; i < l.length; i++) {
      if (!ls.get(i).isNumber()) {
        throw new RadioTwinException(
            RadioTwinMessages.MALFORMED_FILE, file, "lengthScales[" + i + "]", "not a number");
      }
      l[i] = ls.get(i).asDouble();
    }
    try {
      return new Hyperparameters(n.get("amplitudeVar").asDouble(), l, n.get("noiseVar").asDouble());
    } catch (RadioTwinException e) {
      throw new RadioTwinException(
          RadioTwinMessages.MALFORMED_FILE, file, "hyper-parameters", e.getMessage());
    }
  }
}
