// Casts RadioTwin's benchmark ray set (shared/bench/RAYS.md) with Intel Embree 3 and prints one
// JSON line in the format of `radiotwin bench raycast --json`, so both can be compared on the
// same triangles and the same rays.
//
//   embree_raycast --geometry FILE [--rays N] [--seed S] [--threads T] [--repeats R]
//                  [--quality low|medium|high] [--mode intersect1|intersect16|stream]
//                  [--robust] [--dump-hits FILE]
//
// Differences from RadioTwin that are inherent to Embree, and how they are handled:
//  * Embree works in float32. Vertices are converted to float32; the Sionna PLY coordinates are
//    float32 already, so this is exact for those scenes (the program counts vertices that are
//    not, "inexactVertices" in the output). The rays are generated in binary64 exactly as in
//    RAYS.md and then rounded to float32 (origin and direction), so Embree casts rays that differ
//    from ours by up to half an ulp of float32 per component.
//  * Embree's t interval is inclusive, [tnear, tfar]; ours is (0, inf). We use tnear = 0 and
//    tfar = inf and report how many hits Embree returned at exactly t = 0 ("zeroTHits").
//  * Triangles are two-sided (Embree's default; backface culling is a compile-time option,
//    checked off at run time below).
//
// Casting threads set FTZ/DAZ as Embree recommends. Timing: only the casting is timed
// (std::chrono::steady_clock); one warm-up pass, then R timed passes, median rays/s. The BVH build (rtcCommitScene, with the device limited to T threads) is
// timed separately as buildMs. Casting runs on T threads (std::thread; T = 1 runs on the calling
// thread) taking chunks of 4096 consecutive rays from a shared counter, as RadioTwin does, each
// thread with its own RTCIntersectContext.
#include <embree3/rtcore.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <thread>
#if defined(__x86_64__) || defined(_M_X64)
#include <pmmintrin.h>
#include <xmmintrin.h>
#endif

#include "bench_common.hpp"

using bench::die;

namespace {

constexpr size_t kChunk = 4096;

enum class Mode { Intersect1, Intersect16, Stream };

void errorHandler(void*, RTCError code, const char* str) {
  std::fprintf(stderr, "embree error %d: %s\n", int(code), str ? str : "");
  std::exit(3);
}

struct Caster {
  RTCScene scene;
  const std::vector<float>* rays;  // 6 floats per ray
  size_t n;
  Mode mode;
  float* tOut;
  int32_t* triOut;

  void castRange(size_t begin, size_t end, RTCIntersectContext* ctx,
                 std::vector<RTCRayHit>& streamBuf) const {
    const float* r = rays->data();
    const float inf = std::numeric_limits<float>::infinity();
    if (mode == Mode::Intersect1) {
      for (size_t i = begin; i < end; i++) {
        RTCRayHit rh;
        const float* p = r + 6 * i;
        rh.ray.org_x = p[0];
        rh.ray.org_y = p[1];
        rh.ray.org_z = p[2];
        rh.ray.tnear = 0.0f;
        rh.ray.dir_x = p[3];
        rh.ray.dir_y = p[4];
        rh.ray.dir_z = p[5];
        rh.ray.time = 0.0f;
        rh.ray.tfar = inf;
        rh.ray.mask = 0xFFFFFFFFu;
        rh.ray.id = 0;
        rh.ray.flags = 0;
        rh.hit.geomID = RTC_INVALID_GEOMETRY_ID;
        rh.hit.instID[0] = RTC_INVALID_GEOMETRY_ID;
        rtcIntersect1(scene, ctx, &rh);
        store(i, rh.hit.geomID != RTC_INVALID_GEOMETRY_ID, rh.ray.tfar, rh.hit.primID);
      }
    } else if (mode == Mode::Intersect16) {
      alignas(64) RTCRayHit16 rh;
      alignas(64) int valid[16];
      for (size_t i0 = begin; i0 < end; i0 += 16) {
        for (int k = 0; k < 16; k++) {
          size_t i = i0 + k;
          if (i < end) {
            const float* p = r + 6 * i;
            valid[k] = -1;
            rh.ray.org_x[k] = p[0];
            rh.ray.org_y[k] = p[1];
            rh.ray.org_z[k] = p[2];
            rh.ray.dir_x[k] = p[3];
            rh.ray.dir_y[k] = p[4];
            rh.ray.dir_z[k] = p[5];
          } else {
            valid[k] = 0;
            rh.ray.org_x[k] = rh.ray.org_y[k] = rh.ray.org_z[k] = 0.0f;
            rh.ray.dir_x[k] = rh.ray.dir_y[k] = 0.0f;
            rh.ray.dir_z[k] = 1.0f;
          }
          rh.ray.tnear[k] = 0.0f;
          rh.ray.tfar[k] = inf;
          rh.ray.time[k] = 0.0f;
          rh.ray.mask[k] = 0xFFFFFFFFu;
          rh.ray.id[k] = 0;
          rh.ray.flags[k] = 0;
          rh.hit.geomID[k] = RTC_INVALID_GEOMETRY_ID;
          rh.hit.instID[0][k] = RTC_INVALID_GEOMETRY_ID;
        }
        rtcIntersect16(valid, scene, ctx, &rh);
        for (int k = 0; k < 16 && i0 + k < end; k++)
          store(i0 + k, rh.hit.geomID[k] != RTC_INVALID_GEOMETRY_ID, rh.ray.tfar[k],
                rh.hit.primID[k]);
      }
    } else {
      size_t m = end - begin;
      streamBuf.resize(m);
      for (size_t j = 0; j < m; j++) {
        RTCRayHit& rh = streamBuf[j];
        const float* p = r + 6 * (begin + j);
        rh.ray.org_x = p[0];
        rh.ray.org_y = p[1];
        rh.ray.org_z = p[2];
        rh.ray.tnear = 0.0f;
        rh.ray.dir_x = p[3];
        rh.ray.dir_y = p[4];
        rh.ray.dir_z = p[5];
        rh.ray.time = 0.0f;
        rh.ray.tfar = inf;
        rh.ray.mask = 0xFFFFFFFFu;
        rh.ray.id = unsigned(j);
        rh.ray.flags = 0;
        rh.hit.geomID = RTC_INVALID_GEOMETRY_ID;
        rh.hit.instID[0] = RTC_INVALID_GEOMETRY_ID;
      }
      rtcIntersect1M(scene, ctx, streamBuf.data(), unsigned(m), sizeof(RTCRayHit));
      for (size_t j = 0; j < m; j++)
        store(begin + j, streamBuf[j].hit.geomID != RTC_INVALID_GEOMETRY_ID,
              streamBuf[j].ray.tfar, streamBuf[j].hit.primID);
    }
  }

  void store(size_t i, bool hit, float t, unsigned prim) const {
    if (hit) {
      tOut[i] = t;
      triOut[i] = int32_t(prim);
    } else {
      tOut[i] = std::numeric_limits<float>::quiet_NaN();
      triOut[i] = -1;
    }
  }

  /** One pass over all rays on `threads` threads (the caller's thread included). */
  void castAll(int threads) const {
    std::atomic<size_t> next{0};
    auto worker = [&]() {
#if defined(__x86_64__) || defined(_M_X64)
      // Embree's recommended setting for every rendering thread (its "Performance
      // Recommendations"): flush denormals to zero. It only affects Embree's float32 arithmetic;
      // the rays were generated before, in binary64, with the default control word.
      _MM_SET_FLUSH_ZERO_MODE(_MM_FLUSH_ZERO_ON);
      _MM_SET_DENORMALS_ZERO_MODE(_MM_DENORMALS_ZERO_ON);
#endif
      RTCIntersectContext ctx;
      rtcInitIntersectContext(&ctx);  // flags: RTC_INTERSECT_CONTEXT_FLAG_INCOHERENT
      std::vector<RTCRayHit> streamBuf;
      for (;;) {
        size_t b = next.fetch_add(kChunk, std::memory_order_relaxed);
        if (b >= n) break;
        castRange(b, std::min(n, b + kChunk), &ctx, streamBuf);
      }
    };
    std::vector<std::thread> pool;
    for (int k = 1; k < threads; k++) pool.emplace_back(worker);
    worker();
    for (auto& th : pool) th.join();
  }
};

double seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || bench::flag(argc, argv, "--help")) {
    std::printf(
        "usage: embree_raycast --geometry FILE [--rays N=1000000] [--seed S=1] [--threads T=2]\n"
        "       [--repeats R=5] [--quality low|medium|high (high)]\n"
        "       [--mode intersect1|intersect16|stream (intersect1)] [--robust]\n"
        "       [--dump-hits FILE]\n");
    return argc < 2 ? 2 : 0;
  }
  const std::string geomFile = bench::option(argc, argv, "--geometry", "");
  if (geomFile.empty()) die("--geometry FILE is required");
  const size_t n = size_t(bench::parsePositive("--rays", bench::option(argc, argv, "--rays", "1000000")));
  const std::string seedText = bench::option(argc, argv, "--seed", "1");
  char* seedEnd = nullptr;
  const long long seed = std::strtoll(seedText.c_str(), &seedEnd, 10);
  if (seedText.empty() || *seedEnd != '\0') die("--seed must be an integer, got '" + seedText + "'");
  const int threads = int(bench::parsePositive("--threads", bench::option(argc, argv, "--threads", "2")));
  const int repeats = int(bench::parsePositive("--repeats", bench::option(argc, argv, "--repeats", "5")));
  const std::string quality = bench::option(argc, argv, "--quality", "high");
  const std::string modeName = bench::option(argc, argv, "--mode", "intersect1");
  const bool robust = bench::flag(argc, argv, "--robust");
  const std::string dumpHits = bench::option(argc, argv, "--dump-hits", "");

  RTCBuildQuality q;
  if (quality == "low") q = RTC_BUILD_QUALITY_LOW;
  else if (quality == "medium") q = RTC_BUILD_QUALITY_MEDIUM;
  else if (quality == "high") q = RTC_BUILD_QUALITY_HIGH;
  else die("--quality must be low, medium or high");
  Mode mode;
  if (modeName == "intersect1") mode = Mode::Intersect1;
  else if (modeName == "intersect16") mode = Mode::Intersect16;
  else if (modeName == "stream") mode = Mode::Stream;
  else die("--mode must be intersect1, intersect16 or stream");

  bench::Geometry g = bench::readGeometry(geomFile);
  const int nv = g.vertexCount();
  const int nt = g.triangleCount();

  // Rays: binary64 exactly as RAYS.md, then rounded to float32 for Embree.
  const std::vector<double> raysD = bench::generateRays(g, n, uint64_t(seed));
  std::vector<float> rays(raysD.size());
  for (size_t k = 0; k < raysD.size(); k++) rays[k] = float(raysD[k]);

  // The device's TBB thread count limits the parallel BVH build to T threads as well.
  const std::string config = "threads=" + std::to_string(threads);
  RTCDevice device = rtcNewDevice(config.c_str());
  if (!device) die("rtcNewDevice failed");
  rtcSetDeviceErrorFunction(device, errorHandler, nullptr);
  if (rtcGetDeviceProperty(device, RTC_DEVICE_PROPERTY_BACKFACE_CULLING_ENABLED))
    die("this Embree build culls back faces; the benchmark needs two-sided triangles");
  if (mode == Mode::Intersect16 &&
      !rtcGetDeviceProperty(device, RTC_DEVICE_PROPERTY_NATIVE_RAY16_SUPPORTED))
    std::fprintf(stderr, "note: rtcIntersect16 is emulated on this CPU/build\n");

  auto tb0 = std::chrono::steady_clock::now();
  RTCScene scene = rtcNewScene(device);
  rtcSetSceneFlags(scene, robust ? RTC_SCENE_FLAG_ROBUST : RTC_SCENE_FLAG_NONE);
  rtcSetSceneBuildQuality(scene, q);
  RTCGeometry geom = rtcNewGeometry(device, RTC_GEOMETRY_TYPE_TRIANGLE);
  rtcSetGeometryBuildQuality(geom, q);
  float* vb = static_cast<float*>(rtcSetNewGeometryBuffer(
      geom, RTC_BUFFER_TYPE_VERTEX, 0, RTC_FORMAT_FLOAT3, 3 * sizeof(float), size_t(nv)));
  unsigned* ib = static_cast<unsigned*>(rtcSetNewGeometryBuffer(
      geom, RTC_BUFFER_TYPE_INDEX, 0, RTC_FORMAT_UINT3, 3 * sizeof(unsigned), size_t(nt)));
  long inexactVertices = 0;
  for (int v = 0; v < nv; v++) {
    bool exact = true;
    for (int k = 0; k < 3; k++) {
      double x = g.vertices[3 * size_t(v) + k];
      vb[3 * size_t(v) + k] = float(x);
      exact = exact && double(float(x)) == x;
    }
    inexactVertices += exact ? 0 : 1;
  }
  for (size_t k = 0; k < g.indices.size(); k++) ib[k] = unsigned(g.indices[k]);
  rtcCommitGeometry(geom);
  rtcAttachGeometry(scene, geom);  // the only geometry: primID = global triangle index
  rtcReleaseGeometry(geom);
  rtcCommitScene(scene);
  auto tb1 = std::chrono::steady_clock::now();
  const double buildMs = 1e3 * seconds(tb0, tb1);

  std::vector<float> tOut(n);
  std::vector<int32_t> triOut(n);
  Caster caster{scene, &rays, n, mode, tOut.data(), triOut.data()};
  caster.castAll(threads);  // warm-up: page in the BVH and the ray buffers
  std::vector<double> rates(repeats);
  for (int k = 0; k < repeats; k++) {
    auto a = std::chrono::steady_clock::now();
    caster.castAll(threads);
    rates[k] = double(n) / seconds(a, std::chrono::steady_clock::now());
  }
  std::vector<double> sorted = rates;
  std::sort(sorted.begin(), sorted.end());
  const double median = repeats % 2 == 1
                            ? sorted[repeats / 2]
                            : 0.5 * (sorted[repeats / 2 - 1] + sorted[repeats / 2]);

  long long hits = 0, zeroT = 0;
  double sumT = 0;  // Embree's float32 t values, summed in ray order in binary64
  for (size_t i = 0; i < n; i++) {
    if (triOut[i] >= 0) {
      hits++;
      sumT += double(tOut[i]);
      zeroT += tOut[i] == 0.0f ? 1 : 0;
    }
  }
  if (!dumpHits.empty()) {
    bench::Hits h;
    h.t.assign(tOut.begin(), tOut.end());
    h.tri.assign(triOut.begin(), triOut.end());
    bench::writeHits(dumpHits, h);
  }
  std::printf(
      "{\"raysPerSecond\":%.17g,\"hits\":%lld,\"sumT\":%.17g,\"buildMs\":%.6f,\"threads\":%d,"
      "\"triangles\":%d,\"rays\":%zu,\"engine\":\"embree %d.%d.%d\",\"mode\":\"%s\","
      "\"buildQuality\":\"%s\",\"robust\":%s,\"zeroTHits\":%lld,\"inexactVertices\":%ld}\n",
      median, hits, sumT, buildMs, threads, nt, n,
      int(rtcGetDeviceProperty(device, RTC_DEVICE_PROPERTY_VERSION_MAJOR)),
      int(rtcGetDeviceProperty(device, RTC_DEVICE_PROPERTY_VERSION_MINOR)),
      int(rtcGetDeviceProperty(device, RTC_DEVICE_PROPERTY_VERSION_PATCH)), modeName.c_str(),
      quality.c_str(), robust ? "true" : "false", zeroT, inexactVertices);
  rtcReleaseScene(scene);
  rtcReleaseDevice(device);
  return 0;
}
