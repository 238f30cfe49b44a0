package org.radiotwin.rt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.radiotwin.scene.io.BuiltinScenes;

/**
 * The SBR candidate search finds exactly the paths that trying every triangle sequence finds
 * (exhaustive image method), on the bundled Sionna scenes, up to depth 2 with reflection and
 * transmission.
 */
class PathSolverBuiltinScenesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "double_reflector; -3,0,2; 2,0.1,3",
        "triple_reflector; -6,1,3; 7,-2,4",
        "box; -2,1,2; 2.5,-1.5,3.2",
        "box_two_screens; -3.5,0.5,2; 3.5,-0.7,2.6",
        "simple_street_canyon; -30,0,15; 40,5,1.5"
      })
  void sbrFindsTheExhaustivePathSet(String scene, String tx, String rx) {
    SceneGeometry g = SceneGeometry.of(BuiltinScenes.load(scene));
    double[] t = parse(tx);
    double[] r = parse(rx);
    PathSolverConfig cfg = PathSolverConfig.defaults().withMaxDepth(2).withSamples(300_000, 11);
    PathSet exhaustive =
        new PathSolver(cfg.withMethod(PathSolverConfig.Method.EXHAUSTIVE))
            .solve(g, t, r, ForkJoinPool.commonPool());
    PathSet sbr = new PathSolver(cfg).solve(g, t, r, ForkJoinPool.commonPool());
    assertThat(exhaustive.pathCount()).as("paths in %s", scene).isGreaterThan(1);
    assertThat(sbr.pathCount()).as("SBR paths in %s", scene).isEqualTo(exhaustive.pathCount());
    for (int p = 0; p < exhaustive.pathCount(); p++) {
      assertThat(sbr.depth(p)).isEqualTo(exhaustive.depth(p));
      assertThat(sbr.length(p)).isCloseTo(exhaustive.length(p), within(1e-9));
      for (int i = 0; i < exhaustive.depth(p); i++) {
        int a = exhaustive.firstInteraction(p) + i;
        int b = sbr.firstInteraction(p) + i;
        assertThat(sbr.type(b)).isEqualTo(exhaustive.type(a));
        assertThat(sbr.object(b)).isEqualTo(exhaustive.object(a));
      }
    }
  }

  private static double[] parse(String s) {
    String[] p = s.split(",");
    return new double[] {
      Double.parseDouble(p[0]), Double.parseDouble(p[1]), Double.parseDouble(p[2])
    };
  }
}
