// Lists and classifies the rays on which Embree and RadioTwin disagree.
//
//   explain_diffs --geometry FILE --rays N --seed S --ours FILE --ours-f32 FILE --embree FILE
//                 [--list K]
//
// --ours: RadioTwin's hits for the binary64 rays of RAYS.md; --ours-f32: RadioTwin's hits for
// the same rays rounded to float32 (as Embree gets them); --embree: Embree's hits. All three are
// hit files (bench_common.hpp), written by DumpHits.java and `embree_raycast --dump-hits`.
//
// A ray "agrees" when both miss, or both hit the same triangle. Every other ray is intersected
// in binary64 with the planes of the triangle(s) involved and put in one of these classes:
//   coincident      both hit, different triangles, the exact ray passes through both, and meets
//                   their planes at the same t (same plane, overlapping faces): either answer is
//                   right; which one is reported depends only on the order in which equal-t
//                   candidates are visited;
//   near-coincident both hit, different triangles, the exact ray passes through both, and the two
//                   planes are closer along the ray than float32 can resolve there (exact
//                   separation < 16 x the float32 resolution of t, resolution =
//                   2^-24 * max|coordinate| / sin(angle between ray and plane));
//   edge            both hit, different triangles, the exact ray misses one of them, or hits it,
//                   within 1 mm of an edge (a shared edge or corner, or the border of an
//                   overlapping face: the two answers are the same surface point to within 1 mm);
//   missed          one of them missed the triangle T that the other hit nearer (including
//                   hit/miss); T's signed edge distance (> 0: the exact ray is inside T), whether
//                   that edge is shared with another triangle, and the angle are listed.
// The cause of a non-coincident difference is "ray rounding" when RadioTwin, given the
// float32-rounded rays, reproduces Embree's answer (same triangle or same miss), and "Embree
// arithmetic" otherwise.
#include <algorithm>
#include <array>
#include <map>

#include "bench_common.hpp"

using bench::die;

namespace {

using V3 = std::array<double, 3>;
V3 sub(const V3& a, const V3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
V3 cross(const V3& a, const V3& b) {
  return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
double dot(const V3& a, const V3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
double norm(const V3& a) { return std::sqrt(dot(a, a)); }

struct Scene {
  const bench::Geometry& g;
  std::map<std::pair<V3, V3>, int> edgeUse;  // undirected edge (by coordinates) -> triangles

  explicit Scene(const bench::Geometry& geom) : g(geom) {
    for (int t = 0; t < g.triangleCount(); t++)
      for (int e = 0; e < 3; e++) edgeUse[key(t, e)]++;
  }
  V3 vertex(int t, int c) const {
    int v = g.indices[3 * size_t(t) + c];
    return {g.vertices[3 * size_t(v)], g.vertices[3 * size_t(v) + 1], g.vertices[3 * size_t(v) + 2]};
  }
  std::pair<V3, V3> key(int t, int e) const {
    V3 p = vertex(t, e), q = vertex(t, (e + 1) % 3);
    return p < q ? std::make_pair(p, q) : std::make_pair(q, p);
  }
  int sharedCorners(int s, int t) const {
    int k = 0;
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 3; j++) k += vertex(s, i) == vertex(t, j) ? 1 : 0;
    return k;
  }
};

/** Where the exact ray meets triangle T's plane, relative to T. */
struct Probe {
  double t;          // ray parameter of the plane intersection [m]
  double edgeDist;   // signed distance to the nearest edge line [m], > 0 inside
  int edge;          // that edge (0: v0v1, 1: v1v2, 2: v2v0)
  bool sharedEdge;   // another triangle has the same edge
  double grazeDeg;   // angle between ray and plane [deg]
};

Probe probe(const Scene& sc, int tri, const double* ray) {
  V3 a = sc.vertex(tri, 0), b = sc.vertex(tri, 1), c = sc.vertex(tri, 2);
  V3 o{ray[0], ray[1], ray[2]}, d{ray[3], ray[4], ray[5]};
  V3 n = cross(sub(b, a), sub(c, a));
  double nd = dot(n, d);
  Probe p{};
  p.t = dot(n, sub(a, o)) / nd;
  V3 x{o[0] + p.t * d[0], o[1] + p.t * d[1], o[2] + p.t * d[2]};
  const V3 corner[3] = {a, b, c};
  p.edgeDist = std::numeric_limits<double>::infinity();
  for (int e = 0; e < 3; e++) {
    V3 u = sub(corner[(e + 1) % 3], corner[e]);
    V3 w = cross(u, sub(x, corner[e]));
    double dist = norm(w) / norm(u);
    double signedDist = dot(w, n) >= 0 ? dist : -dist;
    if (std::fabs(signedDist) < std::fabs(p.edgeDist)) {
      p.edgeDist = signedDist;
      p.edge = e;
    }
  }
  p.sharedEdge = sc.edgeUse.at(sc.key(tri, p.edge)) > 1;
  p.grazeDeg = std::asin(std::min(1.0, std::fabs(nd) / (norm(n) * norm(d)))) * 180.0 / M_PI;
  return p;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string geomFile = bench::option(argc, argv, "--geometry", "");
  const std::string oursFile = bench::option(argc, argv, "--ours", "");
  const std::string oursF32File = bench::option(argc, argv, "--ours-f32", "");
  const std::string embreeFile = bench::option(argc, argv, "--embree", "");
  if (geomFile.empty() || oursFile.empty() || oursF32File.empty() || embreeFile.empty())
    die("usage: explain_diffs --geometry FILE --rays N --seed S --ours FILE --ours-f32 FILE "
        "--embree FILE [--list K]");
  const size_t n = size_t(bench::parsePositive("--rays", bench::option(argc, argv, "--rays", "")));
  const std::string seedText = bench::option(argc, argv, "--seed", "1");
  char* seedEnd = nullptr;
  const long long seed = std::strtoll(seedText.c_str(), &seedEnd, 10);
  if (seedText.empty() || *seedEnd != '\0') die("--seed must be an integer, got '" + seedText + "'");
  const long long list = bench::parsePositive("--list", bench::option(argc, argv, "--list", "4"));

  bench::Geometry g = bench::readGeometry(geomFile);
  const std::vector<double> rays = bench::generateRays(g, n, uint64_t(seed));
  bench::Hits ours = bench::readHits(oursFile), oursF = bench::readHits(oursF32File),
              emb = bench::readHits(embreeFile);
  if (ours.t.size() != n || oursF.t.size() != n || emb.t.size() != n)
    die("hit files do not have --rays entries");
  Scene sc(g);
  double maxCoord = 0;
  for (double v : g.vertices) maxCoord = std::max(maxCoord, std::fabs(v));

  enum { Coincident, NearCoincident, Edge, Missed, Classes };
  const char* names[Classes] = {"coincident", "near-coincident", "edge", "missed"};
  long count[Classes] = {}, byRounding[Classes] = {}, listed[Classes] = {};
  long agree = 0, oursOnly = 0, embreeOnly = 0, oursHits = 0, embreeHits = 0;
  double maxDtSame = 0, maxDtNear = 0;
  size_t maxDtRay = 0;
  for (size_t i = 0; i < n; i++) {
    int a = ours.tri[i], b = emb.tri[i];
    oursHits += a >= 0;
    embreeHits += b >= 0;
    if (a == b) {
      agree++;
      if (a >= 0 && std::fabs(ours.t[i] - emb.t[i]) > maxDtSame) {
        maxDtSame = std::fabs(ours.t[i] - emb.t[i]);
        maxDtRay = i;
      }
      continue;
    }
    const double* ray = &rays[6 * i];
    const bool rounded = oursF.tri[i] == b;
    int cls;
    char detail[256];
    if (a >= 0 && b >= 0) {
      Probe pa = probe(sc, a, ray), pb = probe(sc, b, ray);
      double dt = std::fabs(pa.t - pb.t);
      double graze = std::min(pa.grazeDeg, pb.grazeDeg) * M_PI / 180.0;
      double resolution = 0x1.0p-24 * maxCoord / std::max(std::sin(graze), 1e-12);
      bool inside = pa.edgeDist > 0 && pb.edgeDist > 0;  // the exact ray goes through both
      if (inside && dt <= 1e-9 * std::max(1.0, pa.t)) cls = Coincident;
      else if (inside && dt < 16 * resolution) cls = NearCoincident;
      else if (std::fabs(pa.edgeDist) < 1e-3 || std::fabs(pb.edgeDist) < 1e-3) cls = Edge;
      else cls = Missed;
      if (cls == NearCoincident) maxDtNear = std::max(maxDtNear, dt);
      if (cls != Missed) {
        std::snprintf(detail, sizeof detail,
                      "ours %d at t %.6f, Embree %d at t %.6f; exact: planes %.2e m apart along "
                      "the ray, edge distances %.2e/%.2e m, angle %.2f deg, %d shared corner(s)",
                      a, ours.t[i], b, emb.t[i], dt, pa.edgeDist, pb.edgeDist,
                      std::min(pa.grazeDeg, pb.grazeDeg), sc.sharedCorners(a, b));
      }
    } else {
      cls = Missed;
      (a >= 0 ? oursOnly : embreeOnly)++;
    }
    if (cls == Missed) {
      int tri = b < 0 ? a : a < 0 ? b : ours.t[i] < emb.t[i] ? a : b;
      Probe p = probe(sc, tri, ray);
      std::snprintf(detail, sizeof detail,
                    "ours %d (t %.6f), Embree %d (t %.6f); nearer triangle %d: exact t %.6f, "
                    "edge distance %.2e m (%s edge), angle %.2f deg",
                    a, ours.t[i], b, emb.t[i], tri, p.t, p.edgeDist,
                    p.sharedEdge ? "shared" : "boundary", p.grazeDeg);
    }
    count[cls]++;
    byRounding[cls] += rounded ? 1 : 0;
    if (listed[cls]++ < list)
      std::printf("  ray %zu [%s%s]: %s\n", i, names[cls],
                  cls == Coincident ? "" : rounded ? ", ray rounding" : ", Embree arithmetic",
                  detail);
  }
  std::printf("rays %zu: hits ours %ld, Embree %ld (ours only %ld, Embree only %ld)\n", n,
              oursHits, embreeHits, oursOnly, embreeOnly);
  std::printf("  agree (same triangle or both miss): %ld\n", agree);
  if (maxDtSame > 0) {
    Probe p = probe(sc, ours.tri[maxDtRay], &rays[6 * maxDtRay]);
    std::printf("  largest |t_ours - t_Embree| on the same triangle: %.2e m (ray %zu, t %.3f m, "
                "angle to the plane %.3f deg)\n", maxDtSame, maxDtRay, ours.t[maxDtRay], p.grazeDeg);
  }
  for (int c = 0; c < Classes; c++)
    std::printf("  %-16s %7ld%s\n", names[c], count[c],
                c == Coincident || count[c] == 0
                    ? ""
                    : (" (reproduced by ours with float32 rays: " + std::to_string(byRounding[c]) +
                       ")" + (c == NearCoincident ? ", largest plane separation " +
                                                        std::to_string(maxDtNear) + " m"
                                                  : std::string()))
                          .c_str());
  return 0;
}
