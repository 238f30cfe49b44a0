package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.math.PhysicalConstants;

class TracingCommandsTest {

  @Test
  void pathsJsonOverTheReflector() throws Exception {
    // simple_reflector: a 1×1 m metal plate in z = 0 (0.01 m thick). Tx and rx 1 m above it,
    // 1 m apart: LoS (1 m) and one specular reflection of length √(1 + 4) m.
    CliTestSupport.Result r =
        CliTestSupport.run(
            "paths",
            "--scene",
            "builtin:simple_reflector",
            "--tx",
            "-0.5,0,1",
            "--rx",
            "0.5,0,1",
            "--max-depth",
            "1",
            "--samples",
            "100000",
            "--json",
            "--frequency",
            "3.5e9");
    assertThat(r.code()).as(r.err()).isZero();
    JsonNode paths = r.json().at("/links/0/paths");
    assertThat(paths).hasSize(2);
    double lambda = PhysicalConstants.SPEED_OF_LIGHT / 3.5e9;
    assertThat(paths.get(0).get("interactions")).isEmpty();
    assertThat(paths.get(0).get("tau").asDouble())
        .isCloseTo(1 / PhysicalConstants.SPEED_OF_LIGHT, within(1e-20));
    assertThat(paths.get(0).get("gainDb").asDouble())
        .isCloseTo(20 * Math.log10(lambda / (4 * Math.PI)), within(1e-9));
    assertThat(paths.get(1).get("interactions").get(0).asText()).isEqualTo("specular");
    assertThat(paths.get(1).get("objects").get(0).asText()).isEqualTo("reflector");
    assertThat(paths.get(1).get("tau").asDouble())
        .isCloseTo(Math.sqrt(5) / PhysicalConstants.SPEED_OF_LIGHT, within(1e-20));
    // Metal at grazing angle 63.4° from the normal: |R| ≈ 1, so the gain is that of free space
    // over √5 m within 0.1 dB.
    assertThat(paths.get(1).get("gainDb").asDouble())
        .isCloseTo(20 * Math.log10(lambda / (4 * Math.PI * Math.sqrt(5))), within(0.1));
  }

  @Test
  void cfrCsvIsTheSumOfPathPhasors(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cfr.csv");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "cfr",
            "--scene",
            "builtin:simple_reflector",
            "--tx",
            "-0.5,0,1",
            "--rx",
            "0.5,0,1",
            "--rx",
            "0,0.5,2",
            "--max-depth",
            "1",
            "--samples",
            "100000",
            "--band",
            "3.4e9:3.6e9:11",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).isEqualTo("rx,frequency,re,im");
    assertThat(lines).hasSize(1 + 2 * 11);
    // Receiver 0 at f = 3.5 GHz (the carrier): H = Σ a_i e^{−j2πfτ_i} from the paths command.
    JsonNode paths =
        CliTestSupport.run(
                "paths",
                "--scene",
                "builtin:simple_reflector",
                "--tx",
                "-0.5,0,1",
                "--rx",
                "0.5,0,1",
                "--max-depth",
                "1",
                "--samples",
                "100000",
                "--json")
            .json()
            .at("/links/0/paths");
    double re = 0;
    double im = 0;
    for (JsonNode p : paths) {
      double ph = -2 * Math.PI * 3.5e9 * p.get("tau").asDouble();
      double ar = p.get("a").get(0).asDouble();
      double ai = p.get("a").get(1).asDouble();
      re += ar * Math.cos(ph) - ai * Math.sin(ph);
      im += ar * Math.sin(ph) + ai * Math.cos(ph);
    }
    String[] mid = lines.get(1 + 5).split(",");
    assertThat(Integer.parseInt(mid[0])).isZero();
    assertThat(Double.parseDouble(mid[1])).isEqualTo(3.5e9);
    assertThat(Double.parseDouble(mid[2])).isCloseTo(re, within(1e-12));
    assertThat(Double.parseDouble(mid[3])).isCloseTo(im, within(1e-12));
  }

  @Test
  void radioMapCsvAndPng(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("map.csv");
    Path png = dir.resolve("map.png");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "radiomap",
            "--scene",
            "builtin:simple_street_canyon",
            "--tx",
            "-30,0,15",
            "--cell-size",
            "10",
            "--samples",
            "100000",
            "--max-depth",
            "2",
            "--out",
            csv.toString(),
            "--png",
            png.toString(),
            "--quiet");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    // Scene extent 186.4 m × 121.1 m in 10 m cells: 19 × 13 cells.
    assertThat(lines).hasSize(1 + 19 * 13);
    assertThat(lines.get(0)).startsWith("x,y,tx,pathGainDb,rssDbm,sinrDb");
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isGreaterThan(500);
    // The cell under the transmitter has line of sight and RSS = 44 dBm + path gain.
    boolean checked = false;
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      if (Math.abs(Double.parseDouble(f[0]) + 28.0) < 5.1
          && Math.abs(Double.parseDouble(f[1]) - 0.0) < 5.1) {
        assertThat(f[7]).isEqualTo("1");
        assertThat(Double.parseDouble(f[4])).isCloseTo(44 + Double.parseDouble(f[3]), within(1e-3));
        checked = true;
      }
    }
    assertThat(checked).isTrue();
    CliTestSupport.Result bad =
        CliTestSupport.run(
            "radiomap",
            "--scene",
            "builtin:box",
            "--tx",
            "0,0",
            "--cell-size",
            "1",
            "--out",
            csv.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("x,y,z");
  }
}
