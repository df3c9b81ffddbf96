package org.flowlab.workloads.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ShortestDecimalTest {

    /** Expected texts are JDK 25's Double.toString; the comments give JDK 17's where it differs. */
    @ParameterizedTest
    @CsvSource({
        "44b52d02c7e14af6, 1.0E23",                  // JDK 17: 9.999999999999999E22
        "4363f02abd02b4ac, 4.489672726293027E16",    // JDK 17: 4.4896727262930272E16
        "453328e1c7d7e7cd, 2.3162650149642526E25",   // JDK 17: 2.3162650149642525E25 (same length, not nearest)
        "c37c27651a273249, -1.2679383250967874E17",  // JDK 17: -1.26793832509678736E17
        "438f67ea69ed3795, 2.82879384806159E17",     // JDK 17: 2.82879384806159008E17
        "43b0000000000000, 1.152921504606847E18",    // JDK 17: 1.15292150460684698E18
        "447c7e83209e90b2, 8.41E21",                 // JDK 17: 8.409999999999999E21
        "44c52d02c7e14af6, 2.0E23",                  // JDK 17: 1.9999999999999998E23
        "00000000016e3600, 1.18575755E-316",
        "0000000000000001, 4.9E-324",
        "0000000000000002, 9.9E-324",                // JDK 17: 1.0E-323 (shortest, not nearest: one digit counts as two)
        "0000000000000003, 1.5E-323",
        "000fffffffffffff, 2.225073858507201E-308",
        "7fefffffffffffff, 1.7976931348623157E308",
        "0010000000000000, 2.2250738585072014E-308",
        "3fb999999999999a, 0.1",
        "4059000000000000, 100.0",
        "416312d000000000, 1.0E7",
        "416312cfffffffff, 9999999.999999998",
        "3f50624dd2f1a9fc, 0.001",
        "3f50624dd2f1a9fb, 9.999999999999998E-4",
        "3fd5555555555555, 0.3333333333333333",
        "4340000000000000, 9.007199254740992E15",
        "0000000000000000, 0.0",
        "8000000000000000, -0.0",
    })
    void printsTheShortestNearestDecimalOnEveryJdk(String bits, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));
        assertThat(ShortestDecimal.of(d)).isEqualTo(expected);
        assertThat(ShortestDecimal.correct(d, Double.toString(d))).isEqualTo(expected);
        assertThat(ShortestDecimal.correct(d, new java.math.BigDecimal(d).toString())).isEqualTo(expected);
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThatThrownBy(() -> ShortestDecimal.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ShortestDecimal.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decidesTiesExactly() {
        // Decimals exactly halfway between two doubles round to the one with the even significand.
        double x = 4503599627370497.0; // 2^52 + 1, odd significand, neighbours one apart
        assertThat(ShortestDecimal.readsBackAs(x, 45035996273704965L, -1)).isFalse();
        assertThat(ShortestDecimal.readsBackAs(x, 45035996273704975L, -1)).isFalse();
        double even = 4503599627370498.0;
        assertThat(ShortestDecimal.readsBackAs(even, 45035996273704975L, -1)).isTrue();
        assertThat(ShortestDecimal.readsBackAs(even, 45035996273704985L, -1)).isTrue();
    }
}
