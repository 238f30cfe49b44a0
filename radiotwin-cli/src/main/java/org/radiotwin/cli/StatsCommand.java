package org.radiotwin.cli;

import picocli.CommandLine.Command;

/** {@code radiotwin stats}: statistical models of channel data. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description = "Statistical models of channel data (Gaussian-process regression).",
    subcommands = {StatsGpCommand.class})
final class StatsCommand {}
