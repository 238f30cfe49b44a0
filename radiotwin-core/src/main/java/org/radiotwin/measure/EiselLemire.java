package org.radiotwin.measure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Correctly rounded conversion of decimal ASCII text to {@code double}, without allocation in the
 * common case, for the measurement readers (a million-row CSV file holds two million 17-digit
 * numbers, and {@link Double#parseDouble} takes 300–500 ns on each of those on JDK 17).
 *
 * <p>The text {@code [±]digits[.digits][(e|E)[±]digits]} is read into a decimal significand w of at
 * most 19 digits and an exponent q, so that the value is w·10^q. Then, in order:
 *
 * <ol>
 *   <li>Clinger's fast path: when w ≤ 2⁵³ and |q| ≤ 22, both w and 10^|q| are exact doubles and one
 *       IEEE multiplication or division gives the correctly rounded result (W. D. Clinger, "How to
 *       read floating point numbers accurately", PLDI 1990, doi:10.1145/93542.93557);
 *   <li>the Eisel–Lemire algorithm: w times a 128-bit truncated approximation of 10^q, with a test
 *       that the truncation cannot change the rounded result (D. Lemire, "Number parsing at a
 *       gigabyte per second", Software: Practice and Experience 51(8), 2021, doi:10.1002/spe.2984;
 *       this follows the formulation of Go's {@code strconv} package);
 *   <li>otherwise (more than 19 significant digits, subnormal or overflowing results, the rare
 *       inputs the test rejects, or text that is not a plain decimal such as {@code NaN}) the JDK's
 *       own conversion.
 * </ol>
 *
 * <p>Every path returns the same double as {@link Double#parseDouble} (round half to even), which
 * the tests check on random and adversarial inputs.
 */
final class EiselLemire {

  /** Smallest decimal exponent in the table. */
  private static final int MIN_EXP10 = -348;

  /** Largest decimal exponent in the table. */
  private static final int MAX_EXP10 = 347;

  /** High 64 bits of the 128-bit normalised mantissa of 10^q, rounded down. */
  private static final long[] POW10_HI = new long[MAX_EXP10 - MIN_EXP10 + 1];

  /** Low 64 bits of the same. */
  private static final long[] POW10_LO = new long[MAX_EXP10 - MIN_EXP10 + 1];

  /** Exact powers of ten for Clinger's fast path. */
  private static final double[] SMALL_POW10 = new double[23];

  static {
    // The table is computed rather than pasted: floor(10^q·2^s) with s such that the result has
    // exactly 128 bits, i.e. the normalised mantissa truncated (never rounded up), as the error
    // analysis of the algorithm requires.
    BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
      BigInteger m;
      if (q >= 0) {
        BigInteger v = BigInteger.TEN.pow(q);
        int shift = v.bitLength() - 128;
        m = shift >= 0 ? v.shiftRight(shift) : v.shiftLeft(-shift);
      } else {
        BigInteger d = BigInteger.TEN.pow(-q);
        // 2^(L−1) < d < 2^L, so 2^(L+127)/d lies strictly between 2^127 and 2^128.
        m = BigInteger.ONE.shiftLeft(d.bitLength() + 127).divide(d);
      }
      POW10_HI[q - MIN_EXP10] = m.shiftRight(64).longValue();
      POW10_LO[q - MIN_EXP10] = m.and(mask64).longValue();
    }
    double p = 1;
    for (int i = 0; i < SMALL_POW10.length; i++) {
      SMALL_POW10[i] = p;
      p *= 10;
    }
  }

  private EiselLemire() {}

  /**
   * Parses {@code text[from, to)} times 10^exp10Shift. Surrounding spaces and tabs are ignored.
   *
   * @param text ASCII bytes
   * @param from first byte
   * @param to end (exclusive)
   * @param exp10Shift power of ten to multiply by, exactly (9 reads GHz as Hz)
   * @return the correctly rounded double; NaN if the text is not a number (callers reject
   *     non-finite results, so NaN, infinities and garbage are all errors to them)
   */
  static double parse(byte[] text, int from, int to, int exp10Shift) {
    int i = from;
    int end = to;
    while (i < end && isBlank(text[i])) {
      i++;
    }
    while (end > i && isBlank(text[end - 1])) {
      end--;
    }
    int start = i;
    if (i == end) {
      return Double.NaN;
    }
    boolean negative = false;
    if (text[i] == '-' || text[i] == '+') {
      negative = text[i] == '-';
      i++;
    }
    long w = 0; // unsigned: up to 19 digits < 2^64
    int digits = 0;
    int exp10 = 0;
    boolean anyDigit = false;
    boolean truncated = false;
    while (i < end && isDigit(text[i])) {
      int d = text[i] - '0';
      anyDigit = true;
      if (digits < 19) {
        if (w != 0 || d != 0) {
          w = w * 10 + d;
          digits++;
        }
      } else {
        exp10++;
        truncated |= d != 0;
      }
      i++;
    }
    if (i < end && text[i] == '.') {
      i++;
      while (i < end && isDigit(text[i])) {
        int d = text[i] - '0';
        anyDigit = true;
        if (digits < 19) {
          if (w != 0 || d != 0) {
            w = w * 10 + d;
            digits++;
          }
          exp10--;
        } else {
          truncated |= d != 0;
        }
        i++;
      }
    }
    if (!anyDigit) {
      return slow(text, start, end, exp10Shift);
    }
    if (i < end && (text[i] == 'e' || text[i] == 'E')) {
      i++;
      boolean expNegative = false;
      if (i < end && (text[i] == '-' || text[i] == '+')) {
        expNegative = text[i] == '-';
        i++;
      }
      if (i == end) {
        return Double.NaN;
      }
      int e = 0;
      while (i < end && isDigit(text[i])) {
        // Saturate: any exponent beyond ±10^5 underflows or overflows whatever the digits.
        e = Math.min(100_000, e * 10 + (text[i] - '0'));
        i++;
      }
      exp10 += expNegative ? -e : e;
    }
    if (i != end) {
      return slow(text, start, end, exp10Shift);
    }
    if (w == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (truncated) {
      return slow(text, start, end, exp10Shift);
    }
    exp10 += exp10Shift;
    if (Long.compareUnsigned(w, 1L << 53) <= 0 && exp10 >= -22 && exp10 <= 22) {
      double v = w;
      v = exp10 < 0 ? v / SMALL_POW10[-exp10] : v * SMALL_POW10[exp10];
      return negative ? -v : v;
    }
    long bits = eiselLemire(w, exp10);
    if (bits < 0) {
      return slow(text, start, end, exp10Shift);
    }
    double v = Double.longBitsToDouble(bits);
    return negative ? -v : v;
  }

  /**
   * The Eisel–Lemire step for w·10^q with w ≠ 0.
   *
   * @return the bits of the positive result, or −1 when the fast algorithm cannot decide
   */
  static long eiselLemire(long w, int q) {
    if (q < MIN_EXP10 || q > MAX_EXP10) {
      return -1;
    }
    int clz = Long.numberOfLeadingZeros(w);
    long man = w << clz;
    // floor(q·log2(10)) via 217706 = round(2^16·log2 10), exact over the table's range.
    long exp2 = ((217706L * q) >> 16) + 64 + 1023 - clz;
    long hi = POW10_HI[q - MIN_EXP10];
    long lo = POW10_LO[q - MIN_EXP10];
    long xHi = unsignedMultiplyHigh(man, hi);
    long xLo = man * hi;
    // The truncated table entry and the dropped man·lo make the product at most man too small in
    // its low word: only when that could carry into the 9 bits below the mantissa's rounding bit
    // does the low word of the table matter.
    if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
      long yHi = unsignedMultiplyHigh(man, lo);
      long yLo = man * lo;
      long mergedHi = xHi;
      long mergedLo = xLo + yHi;
      if (Long.compareUnsigned(mergedLo, xLo) < 0) {
        mergedHi++;
      }
      if ((mergedHi & 0x1FF) == 0x1FF
          && mergedLo + 1 == 0
          && Long.compareUnsigned(yLo + man, man) < 0) {
        return -1;
      }
      xHi = mergedHi;
      xLo = mergedLo;
    }
    long msb = xHi >>> 63;
    long mantissa = xHi >>> (msb + 9);
    exp2 -= 1 ^ msb;
    // Exactly half-way between two doubles as far as 128 bits can tell: let the slow path decide.
    if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
      return -1;
    }
    mantissa += mantissa & 1;
    mantissa >>>= 1;
    if ((mantissa >>> 53) != 0) {
      mantissa >>>= 1;
      exp2++;
    }
    if (exp2 <= 0 || exp2 >= 0x7FF) {
      return -1; // subnormal, zero, or overflow: the JDK handles these.
    }
    return (exp2 << 52) | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
  }

  private static long unsignedMultiplyHigh(long a, long b) {
    return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
  }

  private static double slow(byte[] text, int from, int to, int exp10Shift) {
    String s = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
    try {
      if (exp10Shift == 0) {
        return Double.parseDouble(s);
      }
      return new BigDecimal(s).scaleByPowerOfTen(exp10Shift).doubleValue();
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t';
  }
}
