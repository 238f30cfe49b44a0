package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.radiotwin.geometry.BenchmarkRays;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.math.Vec3;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;
import org.radiotwin.scene.io.BuiltinScenes;

class BenchRaycastCommandTest {

  @Test
  void hitsAndDistancesMatchABruteForceCast() throws Exception {
    int n = 3000;
    CliTestSupport.Result r =
        CliTestSupport.run(
            "bench",
            "raycast",
            "--scene",
            "builtin:simple_street_canyon",
            "--rays",
            "" + n,
            "--seed",
            "1",
            "--repeats",
            "1",
            "--threads",
            "2",
            "--json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip().lines()).hasSize(1);
    JsonNode j = r.json();
    assertThat(j.get("threads").asInt()).isEqualTo(2);
    assertThat(j.get("raysPerSecond").asDouble()).isPositive();
    assertThat(j.get("buildMs").asDouble()).isNotNegative();

    // Independent reference: Möller–Trumbore against every triangle, same rays.
    Scene s = BuiltinScenes.load("simple_street_canyon");
    TriangleMesh m =
        TriangleMesh.concat(
            s.objects().stream().map(SceneObject::mesh).toArray(TriangleMesh[]::new));
    double[] rays = BenchmarkRays.generate(s.bounds(), n, 1);
    long hits = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double best = Double.POSITIVE_INFINITY;
      Vec3 o = new Vec3(rays[6 * i], rays[6 * i + 1], rays[6 * i + 2]);
      Vec3 d = new Vec3(rays[6 * i + 3], rays[6 * i + 4], rays[6 * i + 5]);
      for (int t = 0; t < m.triangleCount(); t++) {
        Vec3 a = m.vertex(m.index(t, 0));
        Vec3 e1 = m.vertex(m.index(t, 1)).sub(a);
        Vec3 e2 = m.vertex(m.index(t, 2)).sub(a);
        Vec3 p = d.cross(e2);
        double det = e1.dot(p);
        if (det == 0) {
          continue;
        }
        Vec3 tv = o.sub(a);
        double u = tv.dot(p) / det;
        Vec3 q = tv.cross(e1);
        double v = d.dot(q) / det;
        double tt = e2.dot(q) / det;
        if (u >= 0 && v >= 0 && u + v <= 1 && tt > 0 && tt < best) {
          best = tt;
        }
      }
      if (best < Double.POSITIVE_INFINITY) {
        hits++;
        sum += best;
      }
    }
    assertThat(j.get("hits").asLong()).isEqualTo(hits);
    assertThat(j.get("sumT").asDouble()).isCloseTo(sum, within(1e-7 * sum));
    // Same seed, same numbers, whatever the thread count.
    JsonNode again =
        CliTestSupport.run(
                "bench",
                "raycast",
                "--scene",
                "builtin:simple_street_canyon",
                "--rays",
                "" + n,
                "--repeats",
                "1",
                "--threads",
                "1",
                "--json")
            .json();
    assertThat(again.get("hits")).isEqualTo(j.get("hits"));
    assertThat(again.get("sumT")).isEqualTo(j.get("sumT"));
  }
}
