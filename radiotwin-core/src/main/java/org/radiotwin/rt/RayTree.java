package org.radiotwin.rt;

import org.radiotwin.geometry.RayQuery;

/**
 * Walks the tree of one launched ray for shooting-and-bouncing methods: closest hit along each
 * segment, then a split at the hit into the specular reflection and the continuation through the
 * slab (not bent), each starting just off the surface on its own side ({@link RayOffset}), up to
 * the maximum depth. Subclasses keep their own per-branch state (interaction codes, a transport
 * matrix, …) in slots parallel to the walker's stack and see every segment.
 *
 * <p>Slot discipline: a branch's children go into its own slot (the specular child) and the next
 * one (the transmitted child), and {@link #branch} is called for the transmitted child first, so a
 * subclass can copy the parent's state before the specular child overwrites it.
 *
 * <p>With diffuse scattering on ({@link PathSolverConfig#diffuse()}), {@link #diffuse} is offered
 * every hit first; a subclass may spawn one diffusely reflected child ray, which goes into the slot
 * after the other children and is traced to its first hit without further interactions (a diffuse
 * reflection is the last interaction of a path).
 *
 * <p>One instance per thread; no allocation per ray.
 */
abstract class RayTree {

  /** The traced geometry. */
  protected final SceneGeometry geometry;

  private final boolean specular;
  private final boolean transmission;
  private final int maxDepth;
  private final boolean diffuseOn;
  private final double[] scattered = new double[3];

  /**
   * The point of the interaction being processed [m], set before {@link #hit}, {@link #diffuse} and
   * {@link #branch} are called for it.
   */
  protected final double[] hitPoint = new double[3];

  private final boolean[] terminal;
  private final RayQuery query = new RayQuery();
  private final double[] origin;
  private final double[] direction;
  private final double[] length;
  private final int[] depth;

  RayTree(SceneGeometry geometry, PathSolverConfig config) {
    this.geometry = geometry;
    this.specular = config.specularReflection();
    this.transmission = config.transmission();
    this.maxDepth = config.maxDepth();
    this.diffuseOn = config.diffuse();
    int cap = slots(config);
    terminal = new boolean[cap];
    origin = new double[3 * cap];
    direction = new double[3 * cap];
    length = new double[cap];
    depth = new int[cap];
  }

  /** Number of stack slots a tree of this configuration needs. */
  static int slots(PathSolverConfig config) {
    // Each hit replaces its ray by up to two children, or three with a diffuse one.
    return (config.diffuse() ? 3 : 2) * config.maxDepth() + 2;
  }

  /** Sets up the root's state in slot 0. */
  protected abstract void root();

  /**
   * One segment of the tree, from (p) along the unit direction (v) up to tHit (+∞ on a miss).
   *
   * @param slot the branch's slot
   * @param len0 unfolded length from the source to p [m]
   * @param level number of interactions before this segment
   */
  protected abstract void segment(
      int slot,
      double px,
      double py,
      double pz,
      double vx,
      double vy,
      double vz,
      double tHit,
      double len0,
      int level);

  /** Called once per hit that branches, before the branches, with cos of the incidence angle. */
  protected void hit(int triangle, double cos) {}

  /**
   * A new branch at a hit: copy the parent's state into the child's slot (unless it is the same
   * slot) and apply the interaction.
   *
   * @param parent parent's slot
   * @param child child's slot
   * @param triangle hit triangle
   * @param transmitted true for the continuation through the slab, false for the reflection
   * @param level number of interactions before this one
   * @param k incoming unit direction (3)
   * @param n unit normal oriented towards the incoming ray (3)
   * @param out outgoing unit direction (3)
   */
  protected abstract void branch(
      int parent,
      int child,
      int triangle,
      boolean transmitted,
      int level,
      double kx,
      double ky,
      double kz,
      double nx,
      double ny,
      double nz,
      double ox,
      double oy,
      double oz);

  /**
   * A hit that may scatter diffusely, offered before its other branches (only with diffuse
   * scattering on). To spawn a diffusely reflected ray, copy the parent's state into the child's
   * slot, apply the interaction, write the unit scattered direction into {@code out} and return
   * true.
   *
   * @param parent parent's slot
   * @param child the slot a diffuse child would take (the parent's own when it has no other child)
   * @param triangle hit triangle
   * @param level number of interactions before this one
   * @param hx hit point x [m]
   * @param hy hit point y
   * @param hz hit point z
   * @param kx incoming unit direction x
   * @param ky incoming y
   * @param kz incoming z
   * @param nx unit normal oriented towards the incoming ray, x
   * @param ny normal y
   * @param nz normal z
   * @param len unfolded length from the source to the hit point [m]
   * @param out receives the scattered unit direction (3) when a child is spawned
   * @return whether a diffuse child ray is traced
   */
  protected boolean diffuse(
      int parent,
      int child,
      int triangle,
      int level,
      double hx,
      double hy,
      double hz,
      double kx,
      double ky,
      double kz,
      double nx,
      double ny,
      double nz,
      double len,
      double[] out) {
    return false;
  }

  /** Traces the whole tree of one ray from (o) along the unit direction (d). */
  final void walk(double ox, double oy, double oz, double dx, double dy, double dz) {
    set(0, ox, oy, oz, dx, dy, dz, 0, 0);
    root();
    int sp = 1;
    while (sp > 0) {
      sp--;
      int o = 3 * sp;
      double px = origin[o];
      double py = origin[o + 1];
      double pz = origin[o + 2];
      double vx = direction[o];
      double vy = direction[o + 1];
      double vz = direction[o + 2];
      double len0 = length[sp];
      int level = depth[sp];
      boolean hit =
          geometry.bvh().closestHit(px, py, pz, vx, vy, vz, 0, Double.POSITIVE_INFINITY, query);
      double tHit = hit ? query.t : Double.POSITIVE_INFINITY;
      segment(sp, px, py, pz, vx, vy, vz, tHit, len0, level);
      if (!hit || level >= maxDepth || terminal[sp]) {
        continue;
      }
      int tri = query.triangle;
      double nx = geometry.normal(tri, 0);
      double ny = geometry.normal(tri, 1);
      double nz = geometry.normal(tri, 2);
      double dn = vx * nx + vy * ny + vz * nz;
      if (dn == 0) {
        continue;
      }
      double hx = px + tHit * vx;
      double hy = py + tHit * vy;
      double hz = pz + tHit * vz;
      // Orient the normal towards the arriving ray.
      double s = dn < 0 ? 1 : -1;
      double onx = s * nx;
      double ony = s * ny;
      double onz = s * nz;
      double len = len0 + tHit;
      hitPoint[0] = hx;
      hitPoint[1] = hy;
      hitPoint[2] = hz;
      hit(tri, Math.min(1, Math.abs(dn)));
      int children = 0;
      if (diffuseOn) {
        int d = sp + (transmission ? 1 : 0) + (specular ? 1 : 0);
        if (diffuse(sp, d, tri, level, hx, hy, hz, vx, vy, vz, onx, ony, onz, len, scattered)) {
          set(
              d,
              RayOffset.offset(hx, onx),
              RayOffset.offset(hy, ony),
              RayOffset.offset(hz, onz),
              scattered[0],
              scattered[1],
              scattered[2],
              len,
              level + 1);
          terminal[d] = true;
          children++;
        }
      }
      if (transmission) {
        int b = specular ? sp + 1 : sp;
        branch(sp, b, tri, true, level, vx, vy, vz, onx, ony, onz, vx, vy, vz);
        set(
            b,
            RayOffset.offset(hx, -onx),
            RayOffset.offset(hy, -ony),
            RayOffset.offset(hz, -onz),
            vx,
            vy,
            vz,
            len,
            level + 1);
        children++;
      }
      if (specular) {
        double rx = vx - 2 * dn * nx;
        double ry = vy - 2 * dn * ny;
        double rz = vz - 2 * dn * nz;
        branch(sp, sp, tri, false, level, vx, vy, vz, onx, ony, onz, rx, ry, rz);
        set(
            sp,
            RayOffset.offset(hx, onx),
            RayOffset.offset(hy, ony),
            RayOffset.offset(hz, onz),
            rx,
            ry,
            rz,
            len,
            level + 1);
        children++;
      }
      sp += children;
    }
  }

  private void set(
      int b,
      double ox,
      double oy,
      double oz,
      double dx,
      double dy,
      double dz,
      double len,
      int level) {
    origin[3 * b] = ox;
    origin[3 * b + 1] = oy;
    origin[3 * b + 2] = oz;
    direction[3 * b] = dx;
    direction[3 * b + 1] = dy;
    direction[3 * b + 2] = dz;
    length[b] = len;
    depth[b] = level;
    terminal[b] = false;
  }
}
