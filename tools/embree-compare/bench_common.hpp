// Shared by embree_raycast.cpp and explain_diffs.cpp: the geometry dump written by
// `radiotwin bench raycast --dump-geometry`, the benchmark ray set of shared/bench/RAYS.md and
// the per-ray hit files.
//
// The ray generator must reproduce RadioTwin's BenchmarkRays bit for bit: plain IEEE-754
// binary64, round to nearest, no fused multiply-add. Compile with -ffp-contract=off (build.sh
// does) and never with -ffast-math.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace bench {

[[noreturn]] inline void die(const std::string& msg) {
  std::fprintf(stderr, "error: %s\n", msg.c_str());
  std::exit(2);
}

/** Scene triangles as dumped by RadioTwin (binary64 vertices, global triangle order). */
struct Geometry {
  std::vector<double> vertices;  // x, y, z per vertex [m]
  std::vector<int32_t> indices;  // a, b, c per triangle
  double lo[3];                  // scene box used by the ray generator [m]
  double hi[3];
  int vertexCount() const { return int(vertices.size() / 3); }
  int triangleCount() const { return int(indices.size() / 3); }
};

// The dump is little-endian; so is every machine this tool targets (x86-64, AArch64 Linux).
static_assert(sizeof(double) == 8 && sizeof(int32_t) == 4, "unexpected type sizes");

inline Geometry readGeometry(const std::string& file) {
  FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) die("cannot open geometry dump " + file);
  Geometry g;
  int32_t nv = 0, nt = 0;
  if (std::fread(&nv, 4, 1, f) != 1 || std::fread(&nt, 4, 1, f) != 1 || nv < 0 || nt < 0)
    die(file + ": truncated or malformed header");
  g.vertices.resize(size_t(nv) * 3);
  g.indices.resize(size_t(nt) * 3);
  if (std::fread(g.vertices.data(), 8, g.vertices.size(), f) != g.vertices.size() ||
      std::fread(g.indices.data(), 4, g.indices.size(), f) != g.indices.size() ||
      std::fread(g.lo, 8, 3, f) != 3 || std::fread(g.hi, 8, 3, f) != 3)
    die(file + ": truncated");
  if (std::fgetc(f) != EOF) die(file + ": trailing bytes after the scene box");
  std::fclose(f);
  for (int32_t v : g.indices)
    if (v < 0 || v >= nv) die(file + ": vertex index " + std::to_string(v) + " out of range");
  return g;
}

/** splitmix64 (Steele, Lea and Flood 2014), unsigned arithmetic modulo 2^64. */
struct SplitMix64 {
  uint64_t state;
  uint64_t next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  double uniform() { return double(next() >> 11) * 0x1.0p-53; }
};

/** The benchmark rays: 6 doubles each (origin, unit direction), exactly as RAYS.md. */
inline std::vector<double> generateRays(const Geometry& g, size_t n, uint64_t seed) {
  const double ex = g.hi[0] - g.lo[0];
  const double ey = g.hi[1] - g.lo[1];
  const double ez = 0.3 * (g.hi[2] - g.lo[2]);
  std::vector<double> r(6 * n);
  SplitMix64 rng{seed};
  for (size_t i = 0; i < n; i++) {
    double ox = g.lo[0] + rng.uniform() * ex;
    double oy = g.lo[1] + rng.uniform() * ey;
    double oz = g.lo[2] + rng.uniform() * ez;
    double a, b, s;
    do {
      a = 2.0 * rng.uniform() - 1.0;
      b = 2.0 * rng.uniform() - 1.0;
      s = a * a + b * b;
    } while (s >= 1.0);
    double q = 2.0 * std::sqrt(1.0 - s);
    double* p = &r[6 * i];
    p[0] = ox;
    p[1] = oy;
    p[2] = oz;
    p[3] = a * q;
    p[4] = b * q;
    p[5] = 1.0 - 2.0 * s;
  }
  return r;
}

/**
 * Per-ray results: little-endian int32 rayCount, then per ray float64 t (NaN on a miss) and
 * int32 triangle (-1 on a miss). Same format as DumpHits.java writes.
 */
struct Hits {
  std::vector<double> t;
  std::vector<int32_t> tri;
};

inline void writeHits(const std::string& file, const Hits& h) {
  FILE* f = std::fopen(file.c_str(), "wb");
  if (!f) die("cannot write " + file);
  int32_t n = int32_t(h.t.size());
  std::fwrite(&n, 4, 1, f);
  for (size_t i = 0; i < h.t.size(); i++) {
    std::fwrite(&h.t[i], 8, 1, f);
    std::fwrite(&h.tri[i], 4, 1, f);
  }
  if (std::fclose(f) != 0) die("cannot write " + file);
}

inline Hits readHits(const std::string& file) {
  FILE* f = std::fopen(file.c_str(), "rb");
  if (!f) die("cannot open hit file " + file);
  int32_t n = 0;
  if (std::fread(&n, 4, 1, f) != 1 || n < 0) die(file + ": malformed header");
  Hits h;
  h.t.resize(n);
  h.tri.resize(n);
  for (int32_t i = 0; i < n; i++)
    if (std::fread(&h.t[i], 8, 1, f) != 1 || std::fread(&h.tri[i], 4, 1, f) != 1)
      die(file + ": truncated");
  std::fclose(f);
  return h;
}

/** Value of "--name VALUE" in argv, or def. */
inline std::string option(int argc, char** argv, const char* name, const std::string& def) {
  for (int i = 1; i + 1 < argc; i++)
    if (std::strcmp(argv[i], name) == 0) return argv[i + 1];
  return def;
}

inline bool flag(int argc, char** argv, const char* name) {
  for (int i = 1; i < argc; i++)
    if (std::strcmp(argv[i], name) == 0) return true;
  return false;
}

inline long long parsePositive(const std::string& what, const std::string& s) {
  char* end = nullptr;
  long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || v <= 0) die(what + " must be a positive integer, got '" + s + "'");
  return v;
}

}  // namespace bench
