package org.radiotwin.measure;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.testing.JazzerRegressionMode;

/**
 * Coverage-guided fuzzing of the measurement CSV reader with Jazzer. Property: whatever the bytes,
 * the reader returns a valid set or throws a {@link RadioTwinException} naming the source; a
 * returned set writes and reads back to an equal set. Seeds in {@code
 * src/test/resources/org/radiotwin/measure/MeasurementCsvFuzzTestInputs/fuzzCsv/} replay in every
 * test run; {@code JAZZER_FUZZ=1} fuzzes (see the README's fuzzing section).
 */
class MeasurementCsvFuzzTest {

  @BeforeAll
  static void fastRegressionMode() {
    JazzerRegressionMode.disableHooksUnlessFuzzing();
  }

  @FuzzTest(maxDuration = "2m")
  void fuzzCsv(byte[] data) throws IOException {
    MeasurementSet set;
    try {
      set = MeasurementCsv.read(new ByteArrayInputStream(data), "fuzz.csv");
    } catch (RadioTwinException e) {
      assertThat(e.getMessage()).contains("fuzz.csv");
      return;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    MeasurementCsv.write(set, out);
    assertThat(MeasurementCsv.read(new ByteArrayInputStream(out.toByteArray()), "again.csv"))
        .isEqualTo(set);
  }
}
