package org.radiotwin.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The fast decimal parser must agree with {@link Double#parseDouble} on every input, bit for bit.
 */
class EiselLemireTest {

  private static double parse(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    return EiselLemire.parse(b, 0, b.length, 0);
  }

  private static void assertSameAsJdk(String s) {
    assertThat(Double.doubleToRawLongBits(parse(s)))
        .as(s)
        .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
  }

  @Property(tries = 3000)
  void shortestDecimalReadsBackExactly(@ForAll double x) {
    // Double.toString is the CSV writer's format: reading it must give x back, bit for bit.
    assertThat(Double.doubleToRawLongBits(parse(Double.toString(x))))
        .isEqualTo(Double.doubleToRawLongBits(x));
  }

  @Property(tries = 2000)
  void printfFormatsAgreeWithTheJdk(@ForAll double x, @ForAll @IntRange(min = 0, max = 25) int d) {
    if (Double.isFinite(x)) {
      assertSameAsJdk(String.format(Locale.ROOT, "%." + d + "e", x));
      assertSameAsJdk(String.format(Locale.ROOT, "%." + d + "g", x));
    }
  }

  @Test
  void randomDecimalsAgreeWithTheJdk() {
    // Random significands of 1 to 25 digits with exponents over the whole double range, and
    // beyond it: exercises Clinger's path, Eisel–Lemire over every table row, and the fallbacks
    // (more than 19 digits, subnormals, overflow).
    SplittableRandom r = new SplittableRandom(2024);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      sb.setLength(0);
      if (r.nextBoolean()) {
        sb.append('-');
      }
      int digits = 1 + r.nextInt(i % 4 == 0 ? 25 : 19);
      for (int j = 0; j < digits; j++) {
        sb.append((char) ('0' + r.nextInt(10)));
        if (j == 0 && r.nextInt(3) == 0) {
          sb.append('.');
        }
      }
      sb.append('e').append(r.nextInt(-360, 330));
      assertSameAsJdk(sb.toString());
    }
  }

  @Test
  void randomBitPatternsReadBackExactly() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 100_000; i++) {
      double x = Double.longBitsToDouble(r.nextLong());
      if (Double.isFinite(x)) {
        assertThat(Double.doubleToRawLongBits(parse(Double.toString(x))))
            .isEqualTo(Double.doubleToRawLongBits(x));
        assertSameAsJdk(String.format(Locale.ROOT, "%.17g", x));
      }
    }
  }

  @Test
  void hardCasesAgreeWithTheJdk() {
    String[] cases = {
      "0",
      "-0",
      "0.0",
      "-0.0",
      "0e10",
      "1",
      "-1",
      "+1",
      "0.1",
      "0.3",
      "1e23",
      "8.41e21",
      "9007199254740992",
      "9007199254740993", // 2^53 + 1: half-way, ties to even
      "9007199254740995",
      "18014398509481985",
      "2.2250738585072011e-308",
      "2.2250738585072012e-308", // the classic PHP/Java hang inputs
      "2.2250738585072014e-308", // smallest normal
      "4.9e-324",
      "5e-324",
      "2.4703282292062327e-324",
      "2.4703282292062328e-324",
      "1e-400",
      "1.7976931348623157e308",
      "1.7976931348623158e308",
      "1.7976931348623159e308",
      "1e309",
      "123456789012345678901234567890",
      "0.000000000000000000000000000001234567890123456789",
      "7.3177701707893310e+15",
      "9.5e-1",
      "3.14159265358979323846264338327950288",
      "1.00000000000000011102230246251565404236316680908203125", // exactly half an ulp above 1
      "1.00000000000000011102230246251565404236316680908203124",
      "1.00000000000000011102230246251565404236316680908203126",
      "  42.5  ",
      "\t-17\t",
      "1E5",
      "1e+05",
      "1e-05",
      ".5",
      "5.",
      "00000000000000000000001.5"
    };
    for (String s : cases) {
      assertSameAsJdk(s);
    }
  }

  @Test
  void nonNumbersGiveNaN() {
    for (String s : new String[] {"", " ", "abc", "1e", "1e+", "1.2.3", "--1", "-", ".", "1,5"}) {
      assertThat(parse(s)).as(s).isNaN();
    }
    // Text the JDK reads but a finite check rejects stays non-finite.
    assertThat(parse("NaN")).isNaN();
    assertThat(parse("Infinity")).isInfinite();
    assertThat(parse("1e999")).isInfinite();
  }

  @Property(tries = 2000)
  void decimalShiftIsExact(
      @ForAll @IntRange(min = 0, max = 99_999_999) int ghzMicro,
      @ForAll @IntRange(min = -12, max = 12) int shift) {
    // "a.bcdef" times 10^shift must be the correctly rounded value of the scaled decimal, as
    // BigDecimal computes it (reading GHz as Hz must not round twice).
    String text = BigDecimal.valueOf(ghzMicro, 6).toPlainString();
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    double expected = new BigDecimal(text).scaleByPowerOfTen(shift).doubleValue();
    assertThat(EiselLemire.parse(b, 0, b.length, shift)).isEqualTo(expected);
  }

  @Test
  void gigahertzTextBecomesWholeHertz() {
    // 2.002 GHz read with a shift of 9 is exactly 2 002 000 000 Hz, whereas 2.002 · 1e9 in
    // floating point is 2001999999.9999998 (checked in Python: float('2.002') * 1e9).
    byte[] b = "2.002".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(EiselLemire.parse(b, 0, b.length, 9)).isEqualTo(2_002_000_000.0);
    assertThat(2.002 * 1e9).isNotEqualTo(2_002_000_000.0);
  }

  @Test
  void parsesInsideALargerBuffer() {
    byte[] b = "xx,12.75,yy".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(EiselLemire.parse(b, 3, 8, 0)).isEqualTo(12.75);
  }
}
