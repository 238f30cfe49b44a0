package org.radiotwin.cli;

import org.radiotwin.rt.PathSolverConfig;
import picocli.CommandLine.Option;

/** Path-search and evaluation options of the measurement-campaign commands. */
final class CampaignOptions {

  @Option(
      names = "--max-depth",
      defaultValue = "3",
      description = "Path depth (default: ${DEFAULT-VALUE}).")
  int maxDepth;

  @Option(
      names = "--samples",
      defaultValue = "1000000",
      description = "Rays per transmitter (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(
      names = "--diffuse",
      description =
          "Add diffusely reflected paths (materials whose scene file gives a scattering"
              + " coefficient S > 0).")
  boolean diffuse;

  @Option(
      names = "--diffraction",
      description = "Add first-order UTD edge diffraction paths (wedges and free edges).")
  boolean diffraction;

  @Option(names = "--extrapolate", description = "Evaluate ITU materials outside their ranges.")
  boolean extrapolate;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  PathSolverConfig paths(long seed) {
    return PathSolverConfig.defaults()
        .withMaxDepth(maxDepth)
        .withSamples(samples, seed)
        .withDiffuse(diffuse)
        .withDiffraction(diffraction);
  }
}
