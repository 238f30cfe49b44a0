package org.radiotwin.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.radiotwin.errors.RadioTwinException;
import org.radiotwin.errors.RadioTwinMessages;
import org.radiotwin.math.Complex;
import org.radiotwin.math.Vec3;

class MeasurementSetTest {

  /**
   * Three positions, four frequencies, H_{p,k} = (p + 1) + j·k: each value says where it is, so a
   * wrong index shows as a wrong number.
   */
  static MeasurementSet labelled() {
    double[] f = {1e9, 2e9, 3e9, 4e9};
    double[] tx = {0, 0, 10, 1, 0, 10, 2, 0, 10};
    double[] rx = {5, 5, 1.5, 5, 5, 1.5, 5, 5, 1.5};
    double[] h = new double[2 * 3 * 4];
    for (int p = 0; p < 3; p++) {
      for (int k = 0; k < 4; k++) {
        h[2 * (p * 4 + k)] = p + 1;
        h[2 * (p * 4 + k) + 1] = k;
      }
    }
    return MeasurementSet.of(
        new int[] {10, 20, 30}, tx, rx, f, 1, 1, h, MeasurementMetadata.ofCampaign("labelled"));
  }

  @Test
  void accessorsFollowTheDocumentedLayout() {
    MeasurementSet s = labelled();
    assertThat(s.positionCount()).isEqualTo(3);
    assertThat(s.frequencyCount()).isEqualTo(4);
    assertThat(s.antennaPairCount()).isEqualTo(1);
    assertThat(s.sampleCount()).isEqualTo(12);
    assertThat(s.positionId(1)).isEqualTo(20);
    assertThat(s.indexOfId(30)).isEqualTo(2);
    assertThat(s.indexOfId(31)).isEqualTo(-1);
    assertThat(s.txPosition(2)).isEqualTo(new Vec3(2, 0, 10));
    assertThat(s.rxPosition(0)).isEqualTo(new Vec3(5, 5, 1.5));
    assertThat(s.frequency(2)).isEqualTo(3e9);
    assertThat(s.minFrequency()).isEqualTo(1e9);
    assertThat(s.maxFrequency()).isEqualTo(4e9);
    assertThat(s.re(1, 3)).isEqualTo(2);
    assertThat(s.im(1, 3)).isEqualTo(3);
    assertThat(s.sample(2, 0, 1)).isEqualTo(new Complex(3, 1));
    // |3 + 2j|² = 13.
    assertThat(s.power(2, 2)).isEqualTo(13);
    double[] buf = new double[10];
    s.copyResponse(1, 0, buf, 2);
    assertThat(buf).containsExactly(0, 0, 2, 0, 2, 1, 2, 2, 2, 3);
    assertThat(s.metadata().campaign()).isEqualTo("labelled");
  }

  @Test
  void meanPowerIsTheAverageOfSquaredMagnitudes() {
    MeasurementSet s = labelled();
    // Position p: (1/4)·Σ_k ((p+1)² + k²) = (p+1)² + (0+1+4+9)/4 = (p+1)² + 3.5.
    assertThat(s.meanPower(0)).isEqualTo(4.5);
    assertThat(s.meanPowers()).containsExactly(4.5, 7.5, 12.5);
    assertThat(s.meanPower()).isEqualTo((4.5 + 7.5 + 12.5) / 3);
  }

  @Test
  void antennaPairsAreRowMajorReceiveThenTransmit() {
    // 2 receive × 3 transmit antennas, 2 frequencies: H = 100·r + 10·t + k.
    double[] f = {1e9, 1.5e9};
    double[] h = new double[2 * 6 * 2];
    for (int r = 0; r < 2; r++) {
      for (int t = 0; t < 3; t++) {
        for (int k = 0; k < 2; k++) {
          h[2 * ((r * 3 + t) * 2 + k)] = 100 * r + 10 * t + k;
        }
      }
    }
    MeasurementSet s =
        MeasurementSet.builder(f, 2, 3).add(7, Vec3.ZERO, new Vec3(1, 0, 0), h).build();
    assertThat(s.rxAntennaCount()).isEqualTo(2);
    assertThat(s.txAntennaCount()).isEqualTo(3);
    assertThat(s.antennaPair(1, 2)).isEqualTo(5);
    assertThat(s.re(0, s.antennaPair(1, 2), 1)).isEqualTo(121);
    assertThat(s.re(0, s.antennaPair(0, 1), 0)).isEqualTo(10);
    assertThatThrownBy(() -> s.re(0, 0))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("2 x 3 antennas");
    assertThatThrownBy(() -> s.antennaPair(2, 0)).hasMessageContaining("receive antenna 2");
  }

  @Test
  void theSetSharesNothingMutable() {
    double[] f = {1e9, 2e9};
    double[] tx = {0, 0, 0};
    double[] rx = {1, 0, 0};
    double[] h = {1, 0, 2, 0};
    MeasurementSet s = MeasurementSet.of(tx, rx, f, h);
    f[0] = 0.5e9;
    tx[0] = 9;
    h[0] = 99;
    assertThat(s.frequency(0)).isEqualTo(1e9);
    assertThat(s.txPosition(0).x()).isZero();
    assertThat(s.re(0, 0)).isEqualTo(1);
    s.frequencies()[1] = 7;
    s.copySamples()[2] = 7;
    s.txPositions()[0] = 7;
    assertThat(s.frequency(1)).isEqualTo(2e9);
    assertThat(s.re(0, 1)).isEqualTo(2);
    assertThat(s.txPosition(0).x()).isZero();
  }

  @Test
  void slicingByPositionsKeepsIdsAndOrder() {
    MeasurementSet s = labelled().selectPositions(2, 0);
    assertThat(s.positionIds()).containsExactly(30, 10);
    assertThat(s.txPosition(0)).isEqualTo(new Vec3(2, 0, 10));
    assertThat(s.re(0, 3)).isEqualTo(3);
    assertThat(s.re(1, 3)).isEqualTo(1);
    assertThat(s.metadata().campaign()).isEqualTo("labelled");
    MeasurementSet range = labelled().slicePositions(1, 3);
    assertThat(range.positionIds()).containsExactly(20, 30);
    assertThat(range.re(0, 0)).isEqualTo(2);
  }

  @Test
  void slicingByFrequencyIndexAndBand() {
    MeasurementSet s = labelled().sliceFrequencies(1, 3);
    assertThat(s.frequencies()).containsExactly(2e9, 3e9);
    assertThat(s.im(2, 0)).isEqualTo(1);
    assertThat(s.im(2, 1)).isEqualTo(2);
    assertThat(s.re(2, 1)).isEqualTo(3);
    // Band edges are inclusive.
    MeasurementSet band = labelled().selectBand(2e9, 3e9);
    assertThat(band).isEqualTo(s);
    MeasurementSet inner = labelled().selectBand(1.5e9, 3.5e9);
    assertThat(inner).isEqualTo(s);
    assertThat(labelled().selectBand(0, 1e12)).isEqualTo(labelled());
  }

  @Test
  void badSlicesAreRefused() {
    MeasurementSet s = labelled();
    assertThatThrownBy(() -> s.selectPositions()).hasMessageContaining("select at least one");
    assertThatThrownBy(() -> s.selectPositions(0, 0)).hasMessageContaining("selected twice");
    assertThatThrownBy(() -> s.selectPositions(3)).hasMessageContaining("position index 3");
    assertThatThrownBy(() -> s.sliceFrequencies(2, 2)).hasMessageContaining("frequency range");
    assertThatThrownBy(() -> s.sliceFrequencies(0, 5)).hasMessageContaining("frequency range");
    assertThatThrownBy(() -> s.selectBand(4.1e9, 5e9))
        .hasMessageContaining("no measured frequency");
    assertThatThrownBy(() -> s.selectBand(3e9, 2e9)).hasMessageContaining("fmin <= fmax");
    assertThatThrownBy(() -> s.selectBand(Double.NaN, 2e9)).hasMessageContaining("finite");
  }

  @Property(tries = 200)
  void slicesCommute(
      @ForAll @IntRange(min = 0, max = 2) int p0,
      @ForAll @IntRange(min = 1, max = 3) int pn,
      @ForAll @IntRange(min = 0, max = 3) int k0,
      @ForAll @IntRange(min = 1, max = 4) int kn) {
    int p1 = Math.min(3, p0 + pn);
    int k1 = Math.min(4, k0 + kn);
    MeasurementSet s = labelled();
    MeasurementSet a = s.slicePositions(p0, p1).sliceFrequencies(k0, k1);
    MeasurementSet b = s.sliceFrequencies(k0, k1).slicePositions(p0, p1);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    for (int p = p0; p < p1; p++) {
      for (int k = k0; k < k1; k++) {
        assertThat(a.sample(p - p0, k - k0)).isEqualTo(s.sample(p, k));
      }
    }
  }

  @Test
  void validationNamesWhatIsWrong() {
    double[] f = {1e9, 2e9};
    double[] tx = {0, 0, 0, 1, 0, 0};
    double[] rx = {5, 0, 0, 5, 0, 0};
    double[] h = new double[8];
    int[] ids = {1, 2};
    MeasurementMetadata none = MeasurementMetadata.NONE;

    double[] nanSample = h.clone();
    nanSample[7] = Double.NaN;
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, f, 1, 1, nanSample, none))
        .isInstanceOf(RadioTwinException.class)
        .hasMessageContaining("imaginary part of the sample at position index 1 (id 2)")
        .hasMessageContaining("frequency index 1");
    double[] infTx = tx.clone();
    infTx[4] = Double.POSITIVE_INFINITY;
    assertThatThrownBy(() -> MeasurementSet.of(ids, infTx, rx, f, 1, 1, h, none))
        .hasMessageContaining("tx y of position index 1 (id 2)");
    assertThatThrownBy(
            () -> MeasurementSet.of(ids, tx, rx, new double[] {1e9, Double.NaN}, 1, 1, h, none))
        .hasMessageContaining("frequency[1] must be finite");
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, new double[] {2e9, 1e9}, 1, 1, h, none))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, new double[] {1e9, 1e9}, 1, 1, h, none))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, new double[] {0, 1e9}, 1, 1, h, none))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, f, 1, 1, new double[6], none))
        .satisfies(
            e ->
                assertThat(((RadioTwinException) e).getSpecifier())
                    .isEqualTo(RadioTwinMessages.SIZE_MISMATCH))
        .hasMessageContaining("samples")
        .hasMessageContaining("expected 8, got 6");
    assertThatThrownBy(() -> MeasurementSet.of(ids, new double[5], rx, f, 1, 1, h, none))
        .hasMessageContaining("tx positions");
    assertThatThrownBy(() -> MeasurementSet.of(new int[] {3, 3}, tx, rx, f, 1, 1, h, none))
        .hasMessageContaining("duplicate position id name '3'");
    double[] sameTx = {0, 0, 0, -0.0, 0, 0};
    assertThatThrownBy(() -> MeasurementSet.of(ids, sameTx, rx, f, 1, 1, h, none))
        .hasMessageContaining("ids 1 and 2 have the same tx");
    assertThatThrownBy(
            () ->
                MeasurementSet.of(
                    new int[0], new double[0], new double[0], f, 1, 1, new double[0], none))
        .hasMessageContaining("no positions");
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, new double[0], 1, 1, h, none))
        .hasMessageContaining("no frequencies");
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, f, 0, 1, h, none))
        .hasMessageContaining("antenna");
    assertThatThrownBy(() -> MeasurementSet.of(ids, tx, rx, f, 1, 1, h, null))
        .hasMessageContaining("metadata");
    assertThatThrownBy(() -> MeasurementSet.of(null, tx, rx, f, 1, 1, h, none))
        .hasMessageContaining("position ids");
    // The same transmitter with another receiver is another position.
    double[] otherRx = {5, 0, 0, 6, 0, 0};
    assertThat(MeasurementSet.of(ids, sameTx, otherRx, f, 1, 1, h, none).positionCount())
        .isEqualTo(2);
  }

  @Test
  void builderChecksEachPositionsSampleCount() {
    MeasurementSet.Builder b = MeasurementSet.builder(new double[] {1e9, 2e9});
    assertThatThrownBy(() -> b.add(1, Vec3.ZERO, Vec3.ZERO, new double[3]))
        .hasMessageContaining("samples of position id 1: expected 4, got 3");
    for (int p = 0; p < 40; p++) {
      b.add(p, new Vec3(p, 0, 0), Vec3.ZERO, new double[] {p, 0, 0, p});
    }
    MeasurementSet s = b.build();
    assertThat(s.positionCount()).isEqualTo(40);
    assertThat(s.sample(39, 1)).isEqualTo(new Complex(0, 39));
  }

  @Test
  void metadataValidation() {
    assertThatThrownBy(() -> MeasurementMetadata.ofCampaign("a\nb"))
        .hasMessageContaining("campaign name");
    assertThatThrownBy(() -> MeasurementMetadata.NONE.withNotes("a\r\nb"))
        .hasMessageContaining("notes");
    assertThatThrownBy(() -> MeasurementMetadata.NONE.withNoiseLevelDb(Double.NaN))
        .hasMessageContaining("noise level");
    MeasurementMetadata m =
        MeasurementMetadata.ofCampaign("c").withNoiseLevelDb(-100).withNotes("x\ny");
    assertThat(m.noiseLevelDb()).isEqualTo(OptionalDouble.of(-100));
    assertThat(m.notes()).isEqualTo("x\ny");
    assertThat(labelled().withMetadata(m).metadata()).isEqualTo(m);
  }

  @Test
  void toStringSummarises() {
    assertThat(labelled().toString())
        .isEqualTo(
            "MeasurementSet[3 positions, 4 frequencies 1.00000..4.00000 GHz, 1 x 1 antennas,"
                + " campaign 'labelled']");
  }
}
