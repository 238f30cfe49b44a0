package org.radiotwin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code radiotwin demo}: the whole sim-to-real chain on the bundled street-canyon site, written as
 * a self-contained HTML report with its numbers in {@code results.json}. The output folder is
 * assembled next to the target and moved into place at the end, so a failed run leaves nothing.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the whole sim-to-real chain on the bundled street-canyon site and write",
      "report.html (self-contained), results.json and the figures into --out."
    })
final class DemoCommand implements Callable<Integer> {

  /** Marker file that tells a folder was written by this command (and may be replaced). */
  static final String RESULTS = "results.json";

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "radiotwin-demo",
      description =
          "Output folder (default: ${DEFAULT-VALUE}); replaced if it holds an earlier"
              + " demo's output.")
  Path out;

  @Option(names = "--quick", description = "Reduced run (about 2 minutes on 2 cores).")
  boolean quick;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  static List<DemoStage> stages() {
    return List.of(
        new DemoSiteStage(),
        new DemoCampaignStage(),
        new DemoGapStage(),
        new DemoCalibrationStage(),
        new DemoRadioStatsStage(),
        new DemoBeamStage(),
        new DemoCanyonStage(),
        new DemoBayesMacStage());
  }

  @Override
  public Integer call() throws IOException {
    Path target = out.toAbsolutePath().normalize();
    checkTarget(target);
    long t0 = System.nanoTime();
    DemoSite site = DemoSite.streetCanyon(seed, quick);
    HtmlReport report =
        new HtmlReport(
            "RadioTwin demo: a digital twin of a street canyon, from"
                + " measurements to guarantees");
    report.intro(
        "This report was written by `radiotwin demo"
            + (quick ? " --quick" : "")
            + " --seed "
            + seed
            + "`. It runs the whole sim-to-real chain on a bundled site: a twin that is wrong in"
            + " the ways real twins are, a reality simulated with richer physics, a handful of"
            + " measurements, calibration, statistical maps with guarantees and learning that"
            + " stays reliable on real data. Every number shown is in results.json.");
    ObjectNode results = Json.object();
    results.put("seed", seed);
    results.put("quick", quick);
    DemoContext ctx = new DemoContext(site, report, results, seed, quick);
    List<DemoStage> stages = stages();
    for (int i = 0; i < stages.size(); i++) {
      DemoStage st = stages.get(i);
      long s0 = System.nanoTime();
      try (Progress p =
          Progress.start(
              String.format(Locale.ROOT, "[%d/%d] %s", i + 1, stages.size(), st.key()), quiet)) {
        st.run(ctx, p.listener());
      }
      ctx.results.with("timings").put(st.key() + "Seconds", (System.nanoTime() - s0) * 1e-9);
    }
    results.with("timings").put("totalSeconds", (System.nanoTime() - t0) * 1e-9);
    publish(target, report, results);
    PrintWriter w = spec.commandLine().getOut();
    w.println("report:  " + target.resolve("report.html"));
    w.println("results: " + target.resolve(RESULTS));
    return 0;
  }

  /** Refuses to overwrite a folder that is not empty and was not written by this command. */
  private static void checkTarget(Path target) throws IOException {
    if (Files.exists(target)) {
      if (!Files.isDirectory(target)) {
        throw new RadioTwinException(
            RadioTwinMessages.CANNOT_WRITE_FILE, target, "exists and is not a folder");
      }
      boolean empty;
      try (Stream<Path> s = Files.list(target)) {
        empty = s.findAny().isEmpty();
      }
      if (!empty && !Files.exists(target.resolve(RESULTS))) {
        throw new RadioTwinException(
            RadioTwinMessages.CANNOT_WRITE_FILE,
            target,
            "folder is not empty and holds no earlier demo output; choose another --out");
      }
    }
  }

  /** Writes everything into a fresh sibling folder, then swaps it in place of the target. */
  private static void publish(Path target, HtmlReport report, ObjectNode results)
      throws IOException {
    Path parent = target.getParent();
    if (parent == null) {
      throw new RadioTwinException(
          RadioTwinMessages.CANNOT_WRITE_FILE, target, "the output cannot be a file-system root");
    }
    Files.createDirectories(parent);
    Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".new-");
    try {
      report.writeFigures(staging);
      byte[] html = report.html().getBytes(StandardCharsets.UTF_8);
      AtomicFiles.write(staging.resolve("report.html"), o -> o.write(html));
      byte[] json = Json.MAPPER.writeValueAsBytes(results);
      AtomicFiles.write(staging.resolve(RESULTS), o -> o.write(json));
      if (Files.exists(target)) {
        deleteTree(target);
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      deleteTree(staging);
      throw e;
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
