package org.radiotwin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.radiotwin.measure.MeasurementCsv;
import org.radiotwin.measure.MeasurementSet;

class MeasureSimulateCommandTest {

  @Test
  void simulateThenCompareAgainstTwoTwins(@TempDir Path dir) throws Exception {
    Path set = dir.resolve("real.csv");
    CliTestSupport.Result r =
        CliTestSupport.run(
            "measure",
            "simulate",
            "--reality",
            "builtin:simple_street_canyon_with_cars",
            "--tx",
            "-30,2,1.5",
            "--tx",
            "10,-5,1.5",
            "--tx",
            "-60,-3,1.5",
            "--rx",
            "0,0,15",
            "--band",
            "3.4e9:3.6e9:201",
            "--snr",
            "30",
            "--phase-noise-deg",
            "5",
            "--max-depth",
            "2",
            "--samples",
            "100000",
            "--quiet",
            "--out",
            set.toString());
    assertThat(r.code()).as(r.err()).isZero();
    MeasurementSet m = MeasurementCsv.read(set);
    assertThat(m.positionCount()).isEqualTo(3);
    assertThat(m.frequencyCount()).isEqualTo(201);
    assertThat(m.metadata().campaign()).contains("simple_street_canyon_with_cars");

    Path twin = dir.resolve("twin/twin.xml");
    assertThat(
            CliTestSupport.run(
                    "scene",
                    "perturb",
                    "builtin:simple_street_canyon",
                    "--all-materials",
                    "itu_brick",
                    "--out",
                    twin.toString())
                .code())
        .isZero();
    JsonNode gapTwin =
        CliTestSupport.run(
                "measure",
                "compare",
                "--twin",
                twin.toString(),
                "--measurements",
                set.toString(),
                "--max-depth",
                "2",
                "--samples",
                "100000",
                "--json")
            .json();
    JsonNode gapSelf =
        CliTestSupport.run(
                "measure",
                "compare",
                "--twin",
                "builtin:simple_street_canyon_with_cars",
                "--measurements",
                set.toString(),
                "--max-depth",
                "2",
                "--samples",
                "100000",
                "--json")
            .json();
    assertThat(gapTwin.get("positions")).hasSize(3);
    // The reality compared with itself differs only by noise and phase errors.
    assertThat(gapSelf.get("meanAbsPowerGapDb").asDouble()).isLessThan(0.5);
    assertThat(gapTwin.get("meanAbsQuantileGapDb").asDouble())
        .isGreaterThan(gapSelf.get("meanAbsQuantileGapDb").asDouble());
  }
}
