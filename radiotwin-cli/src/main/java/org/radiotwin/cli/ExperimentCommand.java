package org.radiotwin.cli;

import picocli.CommandLine.Command;

/** {@code radiotwin experiment}: the papers' studies, each writing results.json and figures. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = "The papers' studies; each writes results.json and figures to --out.",
    subcommands = {
      FadingProxyExperiment.class,
      RadioStatsExperimentCommand.class,
      CanyonExperiment.class,
      BayesMacCommand.class,
      BeamSelectionCommand.class,
      AodPredictionCommand.class
    })
final class ExperimentCommand {}
