package org.flowlab.workloads.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ShortestDecimalProperties {

    @Provide
    Arbitrary<Double> doubles() {
        return TraceArbitraries.values();
    }

    @Property(tries = 3000)
    void readsBackAsTheSameDouble(@ForAll("doubles") double d) {
        String text = ShortestDecimal.of(d);
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).isEqualTo(Double.doubleToRawLongBits(d));
        assertThat(text.length()).isLessThanOrEqualTo(Double.toString(d).length());
    }

    /** Wherever the search starts (a JDK's text, 17 digits, the exact binary value), it ends at the same text. */
    @Property(tries = 2000)
    void doesNotDependOnTheTextItStartsFrom(@ForAll("doubles") double d, @ForAll @IntRange(min = 17, max = 25) int digits) {
        String expected = ShortestDecimal.of(d);
        String longer = new BigDecimal(d).round(new MathContext(digits, RoundingMode.HALF_EVEN)).toString();
        assertThat(ShortestDecimal.correct(d, Double.toString(d))).isEqualTo(expected);
        assertThat(ShortestDecimal.correct(d, longer)).isEqualTo(expected);
        if (Runtime.version().feature() >= 19) {
            assertThat(expected).isEqualTo(Double.toString(d)); // the rule JDK 19 and later print by
        }
    }

    /** The fast check agrees with parsing for decimals next to x, including exact halfway points. */
    @Property(tries = 3000)
    void fastCheckAgreesWithParsing(@ForAll("near") double x, @ForAll @IntRange(min = 15, max = 18) int digits,
                                    @ForAll @IntRange(min = -6, max = 6) int offset) {
        int k = digits - 1 - (int) Math.floor(Math.log10(x));
        BigDecimal scaled = new BigDecimal(x).movePointRight(k).setScale(0, RoundingMode.HALF_EVEN);
        long c = scaled.longValueExact() + offset;
        if (c > 0) {
            assertThat(ShortestDecimal.readsBackAs(x, c, -k)).isEqualTo(Double.parseDouble(c + "E" + (-k)) == x);
        }
    }

    @Provide
    Arbitrary<Double> near() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-6, 17).ofScale(12).map(u -> Math.pow(10, u)),
                Arbitraries.integers().between(-20, 56).map(e -> Math.scalb(1.0, e)),
                Arbitraries.longs().between(1L << 52, (1L << 53) - 1).map(l -> (double) l));
    }
}
