package org.radiotwin.cli;

import picocli.CommandLine.Command;

/** {@code radiotwin scene}: inspect and convert scenes. */
@Command(
    name = "scene",
    mixinStandardHelpOptions = true,
    description = "Inspect and convert scenes (Mitsuba XML + PLY, OpenStreetMap, built-ins).",
    subcommands = {SceneInfoCommand.class, SceneConvertCommand.class, ScenePerturbCommand.class})
final class SceneCommand {}
