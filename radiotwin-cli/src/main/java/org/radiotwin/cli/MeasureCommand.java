package org.radiotwin.cli;

import picocli.CommandLine.Command;

/** {@code radiotwin measure}: measurement sets (import, inspect). */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = "Channel measurement sets: import VNA exports, inspect measurement CSV files.",
    subcommands = {
      MeasureImportCommand.class,
      MeasureInfoCommand.class,
      MeasureSimulateCommand.class,
      MeasureCompareCommand.class
    })
final class MeasureCommand {}
