package org.radiotwin.rt;

import java.util.Arrays;
import org.radiotwin.math.PhysicalConstants;

/**
 * The geometry of every path between every transmitter and receiver: independent of material
 * values, antennas and frequency, so fields can be re-evaluated for new materials without tracing
 * again. Structure of arrays; a <em>link</em> is a (receiver, transmitter) pair, numbered {@code
 * rx·numTx + tx} as Sionna orders its {@code [num_rx, num_tx]} axes.
 *
 * <p>Per path: its interactions (type, global triangle, object index, primitive index within the
 * object, point [m], unit surface normal oriented towards the side the wave arrives from), its
 * unfolded length L [m], delay τ = L/c [s], departure direction at the transmitter and arrival
 * direction at the receiver (unit vectors; the arrival direction points from the receiver towards
 * where the wave comes from, so θ_r, φ_r are the angles of arrival as in Sionna RT).
 */
public final class PathSet {

  private final double[] txPositions;
  private final double[] rxPositions;
  private final int[] linkOffsets;
  private final int[] interactionOffsets;
  private final byte[] types;
  private final int[] triangles;
  private final int[] objects;
  private final int[] primitives;
  private final double[] points;
  private final double[] normals;
  private final double[] lengths;
  private final double[] departure;
  private final double[] arrival;

  /** Per path, the solid angle dΩ [sr] of the shot ray of a diffuse path; null when none is. */
  private final double[] diffuseSolidAngles;

  /** Per interaction: the diffracting edge ({@link SceneGeometry#wedges()}) or −1. */
  private final int[] edges;

  PathSet(
      double[] txPositions,
      double[] rxPositions,
      int[] linkOffsets,
      int[] interactionOffsets,
      byte[] types,
      int[] triangles,
      int[] objects,
      int[] primitives,
      double[] points,
      double[] normals,
      double[] lengths,
      double[] departure,
      double[] arrival,
      double[] diffuseSolidAngles,
      int[] edges) {
    this.diffuseSolidAngles = diffuseSolidAngles;
    if (edges == null) {
      edges = new int[types.length];
      Arrays.fill(edges, -1);
    }
    this.edges = edges;
    this.txPositions = txPositions;
    this.rxPositions = rxPositions;
    this.linkOffsets = linkOffsets;
    this.interactionOffsets = interactionOffsets;
    this.types = types;
    this.triangles = triangles;
    this.objects = objects;
    this.primitives = primitives;
    this.points = points;
    this.normals = normals;
    this.lengths = lengths;
    this.departure = departure;
    this.arrival = arrival;
  }

  /**
   * Number of transmitters.
   *
   * @return numTx
   */
  public int transmitterCount() {
    return txPositions.length / 3;
  }

  /**
   * Number of receivers.
   *
   * @return numRx
   */
  public int receiverCount() {
    return rxPositions.length / 3;
  }

  /**
   * Number of links.
   *
   * @return numRx·numTx
   */
  public int linkCount() {
    return linkOffsets.length - 1;
  }

  /**
   * Index of a link.
   *
   * @param rx receiver index
   * @param tx transmitter index
   * @return rx·numTx + tx
   */
  public int link(int rx, int tx) {
    return rx * transmitterCount() + tx;
  }

  /**
   * Receiver of a link.
   *
   * @param link link index
   * @return receiver index
   */
  public int linkReceiver(int link) {
    return link / transmitterCount();
  }

  /**
   * Transmitter of a link.
   *
   * @param link link index
   * @return transmitter index
   */
  public int linkTransmitter(int link) {
    return link % transmitterCount();
  }

  /**
   * Coordinate of a transmitter position.
   *
   * @param tx transmitter index
   * @param axis 0, 1, 2
   * @return the coordinate [m]
   */
  public double txPosition(int tx, int axis) {
    return txPositions[3 * tx + axis];
  }

  /**
   * Coordinate of a receiver position.
   *
   * @param rx receiver index
   * @param axis 0, 1, 2
   * @return the coordinate [m]
   */
  public double rxPosition(int rx, int axis) {
    return rxPositions[3 * rx + axis];
  }

  /**
   * Total number of paths.
   *
   * @return P
   */
  public int pathCount() {
    return lengths.length;
  }

  /**
   * First path of a link.
   *
   * @param link link index
   * @return index of its first path
   */
  public int firstPath(int link) {
    return linkOffsets[link];
  }

  /**
   * Number of paths of a link.
   *
   * @param link link index
   * @return path count
   */
  public int pathCount(int link) {
    return linkOffsets[link + 1] - linkOffsets[link];
  }

  /**
   * Number of interactions of a path (0 for line of sight).
   *
   * @param path path index
   * @return depth
   */
  public int depth(int path) {
    return interactionOffsets[path + 1] - interactionOffsets[path];
  }

  /**
   * Whether a path is the line-of-sight path.
   *
   * @param path path index
   * @return true when it has no interaction
   */
  public boolean isLos(int path) {
    return depth(path) == 0;
  }

  /**
   * Index of a path's first interaction in the interaction arrays.
   *
   * @param path path index
   * @return interaction index
   */
  public int firstInteraction(int path) {
    return interactionOffsets[path];
  }

  /**
   * Type of an interaction.
   *
   * @param interaction interaction index
   * @return its type
   */
  public InteractionType type(int interaction) {
    return InteractionType.values()[types[interaction]];
  }

  /**
   * Global triangle of an interaction (for a diffraction: the edge's face 0).
   *
   * @param interaction interaction index
   * @return triangle index
   */
  public int triangle(int interaction) {
    return triangles[interaction];
  }

  /**
   * Scene object of an interaction.
   *
   * @param interaction interaction index
   * @return object index in the scene
   */
  public int object(int interaction) {
    return objects[interaction];
  }

  /**
   * Primitive (triangle) index of an interaction within its object.
   *
   * @param interaction interaction index
   * @return local triangle index
   */
  public int primitive(int interaction) {
    return primitives[interaction];
  }

  /**
   * Diffracting edge of an interaction.
   *
   * @param interaction interaction index
   * @return index into {@link SceneGeometry#wedges()} for a {@link InteractionType#DIFFRACTION},
   *     else −1
   */
  public int edge(int interaction) {
    return edges[interaction];
  }

  /**
   * Coordinate of an interaction point.
   *
   * @param interaction interaction index
   * @param axis 0, 1, 2
   * @return the coordinate [m]
   */
  public double point(int interaction, int axis) {
    return points[3 * interaction + axis];
  }

  /**
   * Component of an interaction's unit normal, oriented towards the side the wave arrives from (for
   * a diffraction: the normal of the edge's face 0 towards the exterior of the wedge).
   *
   * @param interaction interaction index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double normal(int interaction, int axis) {
    return normals[3 * interaction + axis];
  }

  /**
   * Unfolded length of a path.
   *
   * @param path path index
   * @return L [m]
   */
  public double length(int path) {
    return lengths[path];
  }

  /**
   * Whether a path ends with a diffuse reflection ({@link InteractionType#DIFFUSE}).
   *
   * @param path path index
   * @return true for a diffusely reflected path
   */
  public boolean isDiffuse(int path) {
    return diffuseSolidAngles != null && diffuseSolidAngles[path] > 0;
  }

  /**
   * Solid angle of the shot ray a diffuse path was found with (4π/N for N rays per transmitter);
   * the diffusely scattered field is proportional to its square root ({@link DiffuseScattering}).
   *
   * @param path path index
   * @return dΩ [sr], 0 for a path without diffuse reflection
   */
  public double diffuseSolidAngle(int path) {
    return diffuseSolidAngles == null ? 0 : diffuseSolidAngles[path];
  }

  /**
   * Propagation delay of a path.
   *
   * @param path path index
   * @return τ = L/c [s]
   */
  public double delay(int path) {
    return lengths[path] / PhysicalConstants.SPEED_OF_LIGHT;
  }

  /**
   * Component of the unit departure direction at the transmitter.
   *
   * @param path path index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double departure(int path, int axis) {
    return departure[3 * path + axis];
  }

  /**
   * Component of the unit arrival direction (from the receiver towards the incoming wave).
   *
   * @param path path index
   * @param axis 0, 1, 2
   * @return the component
   */
  public double arrival(int path, int axis) {
    return arrival[3 * path + axis];
  }

  /**
   * Zenith angle of departure.
   *
   * @param path path index
   * @return θ_t [rad]
   */
  public double thetaT(int path) {
    return Math.acos(clamp(departure[3 * path + 2]));
  }

  /**
   * Azimuth angle of departure.
   *
   * @param path path index
   * @return φ_t [rad] in (−π, π]
   */
  public double phiT(int path) {
    return Math.atan2(departure[3 * path + 1], departure[3 * path]);
  }

  /**
   * Zenith angle of arrival.
   *
   * @param path path index
   * @return θ_r [rad]
   */
  public double thetaR(int path) {
    return Math.acos(clamp(arrival[3 * path + 2]));
  }

  /**
   * Azimuth angle of arrival.
   *
   * @param path path index
   * @return φ_r [rad] in (−π, π]
   */
  public double phiR(int path) {
    return Math.atan2(arrival[3 * path + 1], arrival[3 * path]);
  }

  private static double clamp(double c) {
    return Math.max(-1, Math.min(1, c));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PathSet p
        && Arrays.equals(txPositions, p.txPositions)
        && Arrays.equals(rxPositions, p.rxPositions)
        && Arrays.equals(linkOffsets, p.linkOffsets)
        && Arrays.equals(interactionOffsets, p.interactionOffsets)
        && Arrays.equals(types, p.types)
        && Arrays.equals(triangles, p.triangles)
        && Arrays.equals(edges, p.edges)
        && Arrays.equals(points, p.points)
        && Arrays.equals(normals, p.normals)
        && Arrays.equals(lengths, p.lengths)
        && Arrays.equals(departure, p.departure)
        && Arrays.equals(arrival, p.arrival)
        && Arrays.equals(diffuseSolidAngles, p.diffuseSolidAngles);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(lengths) + Arrays.hashCode(triangles);
  }

  @Override
  public String toString() {
    return "PathSet[" + linkCount() + " links, " + pathCount() + " paths]";
  }
}
