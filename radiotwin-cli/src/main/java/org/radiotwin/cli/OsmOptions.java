package org.radiotwin.cli;

import org.radiotwin.scene.io.OsmImportOptions;
import picocli.CommandLine.Option;

/** OpenStreetMap import options, shared by every command that reads a scene. */
final class OsmOptions {

  @Option(
      names = "--osm-default-height",
      paramLabel = "M",
      description = "Height of buildings without height or levels tags [m] (default 10).")
  Double defaultHeight;

  @Option(
      names = "--osm-metres-per-level",
      paramLabel = "M",
      description = "Storey height for building:levels [m] (default 3).")
  Double metresPerLevel;

  @Option(
      names = "--osm-all-brick",
      description = "Make walls, roofs and ground itu_brick (as seed 004 did).")
  boolean allBrick;

  @Option(names = "--osm-no-ground", description = "Do not add a ground plane.")
  boolean noGround;

  @Option(
      names = "--osm-ground-margin",
      paramLabel = "M",
      description = "Ground margin around the buildings [m] (default 20).")
  Double groundMargin;

  OsmImportOptions toOptions() {
    OsmImportOptions o = allBrick ? OsmImportOptions.allBrick() : OsmImportOptions.defaults();
    if (defaultHeight != null) {
      o = o.withDefaultHeight(defaultHeight);
    }
    if (metresPerLevel != null) {
      o = o.withMetresPerLevel(metresPerLevel);
    }
    if (noGround || groundMargin != null) {
      o = o.withGround(!noGround, groundMargin != null ? groundMargin : o.groundMargin());
    }
    return o;
  }
}
