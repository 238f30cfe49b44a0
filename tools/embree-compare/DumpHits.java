import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.radiotwin.geometry.BenchmarkRays;
import org.radiotwin.geometry.Bvh;
import org.radiotwin.geometry.TriangleMesh;
import org.radiotwin.scene.Scene;
import org.radiotwin.scene.SceneObject;
import org.radiotwin.scene.io.SceneLoader;

/**
 * Per-ray closest hits of RadioTwin's BVH on the benchmark ray set, for explain_diffs (not part
 * of the timed comparison). Run as a single-file program against the CLI jar:
 *
 * <pre>
 * java -cp radiotwin-cli/target/radiotwin.jar tools/embree-compare/DumpHits.java \
 *     SCENE RAYS SEED OUT_DOUBLE OUT_FLOAT32
 * </pre>
 *
 * <p>Writes two hit files (little-endian int32 rayCount, then per ray float64 t, NaN on a miss,
 * and int32 triangle, -1 on a miss): OUT_DOUBLE for the binary64 rays of RAYS.md (what
 * `radiotwin bench raycast` casts), OUT_FLOAT32 for the same rays with origin and direction
 * rounded to float32 first (what Embree casts), so that the two causes of a difference -- ray
 * rounding and Embree's float32 arithmetic -- can be told apart. Prints hits and sum of t of both
 * sets as one JSON line; the first pair must equal the CLI's.
 */
public final class DumpHits {
  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: DumpHits SCENE RAYS SEED OUT_DOUBLE OUT_FLOAT32");
      System.exit(2);
    }
    Scene s = SceneLoader.load(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = Long.parseLong(args[2]);
    TriangleMesh all =
        TriangleMesh.concat(
            s.objects().stream().map(SceneObject::mesh).toArray(TriangleMesh[]::new));
    Bvh bvh = Bvh.build(all.copyVertices(), all.copyIndices());
    double[] rays = BenchmarkRays.generate(s.bounds(), n, seed);
    double[] raysF = new double[rays.length];
    for (int k = 0; k < rays.length; k++) {
      raysF[k] = (float) rays[k];
    }
    String a = cast(bvh, rays, n, Path.of(args[3]));
    String b = cast(bvh, raysF, n, Path.of(args[4]));
    String bf = b.replace("\"hits\"", "\"hitsF32\"").replace("\"sumT\"", "\"sumTF32\"");
    System.out.println("{" + a + "," + bf + "}");
  }

  private static String cast(Bvh bvh, double[] rays, int n, Path out) throws IOException {
    double[] t = new double[n];
    int[] tri = new int[n];
    bvh.castClosest(rays, n, t, tri, ForkJoinPool.commonPool());
    long hits = 0;
    double sumT = 0;
    ByteBuffer b = ByteBuffer.allocate(4 + 12 * n).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(n);
    for (int i = 0; i < n; i++) {
      b.putDouble(tri[i] >= 0 ? t[i] : Double.NaN).putInt(tri[i]);
      if (tri[i] >= 0) {
        hits++;
        sumT += t[i];
      }
    }
    Files.write(out, b.array());
    return String.format(Locale.ROOT, "\"hits\":%d,\"sumT\":%.17g", hits, sumT);
  }
}
