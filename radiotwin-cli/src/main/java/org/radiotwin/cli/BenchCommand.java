package org.radiotwin.cli;

import picocli.CommandLine.Command;

/** {@code radiotwin bench}: performance figures. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Performance figures on reproducible inputs.",
    subcommands = {BenchRaycastCommand.class})
final class BenchCommand {}
