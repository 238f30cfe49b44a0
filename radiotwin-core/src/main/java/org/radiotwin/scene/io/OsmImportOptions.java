package org.radiotwin.scene.io;

import java.util.Objects;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.material.ItuMaterialType;
import org.radiotwin.material.RadioMaterial;

/**
 * Options of {@link OsmSceneReader}: how building heights are estimated, which radio materials the
 * surfaces get, the ground plane, and the map projection.
 *
 * @param defaultHeight height [m] of a building that has neither a {@code height} nor a {@code
 *     building:levels} tag; default {@value #DEFAULT_HEIGHT}
 * @param metresPerLevel storey height [m] that converts {@code building:levels} and {@code
 *     building:min_level} to metres; default {@value #DEFAULT_METRES_PER_LEVEL}
 * @param wallMaterial material of the walls; default {@code itu_brick}
 * @param roofMaterial material of the flat roofs; default {@code itu_concrete}
 * @param groundMaterial material of the ground plane; default {@code itu_medium_dry_ground}
 * @param groundPlane whether to add the ground object; default true
 * @param groundMargin margin [m] added on every side of the buildings' horizontal extent to size
 *     the ground; default {@value #DEFAULT_GROUND_MARGIN}
 * @param projection the projection of lat/lon to the scene frame, or null (default) to project
 *     around the centre of the lat/lon bounding box of the file's nodes (an extract that straddles
 *     the ±180° meridian needs an explicit origin)
 */
public record OsmImportOptions(
    double defaultHeight,
    double metresPerLevel,
    RadioMaterial wallMaterial,
    RadioMaterial roofMaterial,
    RadioMaterial groundMaterial,
    boolean groundPlane,
    double groundMargin,
    LocalTangentProjection projection) {

  /** Default building height [m]. */
  public static final double DEFAULT_HEIGHT = 10.0;

  /** Default storey height [m]. */
  public static final double DEFAULT_METRES_PER_LEVEL = 3.0;

  /** Default ground margin [m]. */
  public static final double DEFAULT_GROUND_MARGIN = 20.0;

  /** Sionna RT's ITU brick. */
  public static final RadioMaterial ITU_BRICK =
      RadioMaterial.itu("itu_brick", ItuMaterialType.BRICK);

  /** Sionna RT's ITU concrete. */
  public static final RadioMaterial ITU_CONCRETE =
      RadioMaterial.itu("itu_concrete", ItuMaterialType.CONCRETE);

  /** Sionna RT's ITU medium-dry ground. */
  public static final RadioMaterial ITU_MEDIUM_DRY_GROUND =
      RadioMaterial.itu("itu_medium_dry_ground", ItuMaterialType.MEDIUM_DRY_GROUND);

  /** Validates the options. */
  public OsmImportOptions {
    positive("default building height", defaultHeight);
    positive("metres per level", metresPerLevel);
    Objects.requireNonNull(wallMaterial, "wallMaterial");
    Objects.requireNonNull(roofMaterial, "roofMaterial");
    Objects.requireNonNull(groundMaterial, "groundMaterial");
    if (!Double.isFinite(groundMargin)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, "ground margin", groundMargin);
    }
    if (groundMargin < 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, "ground margin", groundMargin + " m is negative");
    }
  }

  private static void positive(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new RadioTwinException(RadioTwinMessages.NOT_FINITE, what, v);
    }
    if (v <= 0) {
      throw new RadioTwinException(
          RadioTwinMessages.INVALID_ARGUMENT, what, v + " m is not positive");
    }
  }

  /**
   * The defaults: 10 m buildings, 3 m storeys, brick walls, concrete roofs, medium-dry ground with
   * a 20 m margin, projection centred on the data.
   *
   * @return default options
   */
  public static OsmImportOptions defaults() {
    return new OsmImportOptions(
        DEFAULT_HEIGHT,
        DEFAULT_METRES_PER_LEVEL,
        ITU_BRICK,
        ITU_CONCRETE,
        ITU_MEDIUM_DRY_GROUND,
        true,
        DEFAULT_GROUND_MARGIN,
        null);
  }

  /**
   * The defaults with every surface, ground included, made of {@code itu_brick}: the uncalibrated
   * twin of the URLLC rate-selection study (seed paper 004, "all objects, ground included, having
   * material parameters equal to that of a brick wall").
   *
   * @return options with brick walls, roofs and ground
   */
  public static OsmImportOptions allBrick() {
    return defaults().withMaterials(ITU_BRICK, ITU_BRICK, ITU_BRICK);
  }

  /**
   * The same options with another default height.
   *
   * @param height height [m] of buildings without height information, positive
   * @return a copy
   */
  public OsmImportOptions withDefaultHeight(double height) {
    return new OsmImportOptions(
        height,
        metresPerLevel,
        wallMaterial,
        roofMaterial,
        groundMaterial,
        groundPlane,
        groundMargin,
        projection);
  }

  /**
   * The same options with another storey height.
   *
   * @param metres storey height [m], positive
   * @return a copy
   */
  public OsmImportOptions withMetresPerLevel(double metres) {
    return new OsmImportOptions(
        defaultHeight,
        metres,
        wallMaterial,
        roofMaterial,
        groundMaterial,
        groundPlane,
        groundMargin,
        projection);
  }

  /**
   * The same options with other materials.
   *
   * @param walls wall material
   * @param roofs roof material
   * @param ground ground material
   * @return a copy
   */
  public OsmImportOptions withMaterials(
      RadioMaterial walls, RadioMaterial roofs, RadioMaterial ground) {
    return new OsmImportOptions(
        defaultHeight, metresPerLevel, walls, roofs, ground, groundPlane, groundMargin, projection);
  }

  /**
   * The same options with another ground setting.
   *
   * @param enabled whether to add the ground object
   * @param margin margin [m] around the buildings' extent, ≥ 0
   * @return a copy
   */
  public OsmImportOptions withGround(boolean enabled, double margin) {
    return new OsmImportOptions(
        defaultHeight,
        metresPerLevel,
        wallMaterial,
        roofMaterial,
        groundMaterial,
        enabled,
        margin,
        projection);
  }

  /**
   * The same options with an explicit projection origin, so that other geo-referenced data (for
   * instance transmitter positions) can be projected into the same frame.
   *
   * @param latitude origin latitude [deg]
   * @param longitude origin longitude [deg]
   * @return a copy projecting around (latitude, longitude)
   */
  public OsmImportOptions withOrigin(double latitude, double longitude) {
    return new OsmImportOptions(
        defaultHeight,
        metresPerLevel,
        wallMaterial,
        roofMaterial,
        groundMaterial,
        groundPlane,
        groundMargin,
        new LocalTangentProjection(latitude, longitude));
  }
}
