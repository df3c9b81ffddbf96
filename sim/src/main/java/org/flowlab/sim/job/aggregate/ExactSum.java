package org.flowlab.sim.job.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.function.DoubleSupplier;
import org.flowlab.sim.job.Row;
import org.flowlab.sim.job.RowToDouble;

/**
 * The exact sum of doubles, rounded to a double once, when read. Floating-point addition is not
 * associative ({@code (0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)}), and engines add and merge in
 * different orders, so sums are kept exactly: the result depends only on which numbers were added.
 *
 * <p>Every finite double is an integer times a power of two, so the sum is kept as a 128-bit
 * integer times 2^exp, exp being the smallest exponent seen. That covers values from cents to
 * millions and far beyond at a few nanoseconds an add; a sum whose values span more than about 70
 * binary orders of magnitude moves, exactly, to a {@link BigDecimal}. Non-finite inputs follow IEEE
 * rules whatever the order: any NaN, or both infinities, give NaN; otherwise an infinity gives
 * itself. An exact zero reads as {@code +0.0}. Immutable.
 */
public final class ExactSum {
    public static final ExactSum ZERO = new ExactSum(0, 0, 0, null, 0);

    private static final int NAN = 1;
    private static final int POSITIVE_INFINITY = 2;
    private static final int NEGATIVE_INFINITY = 4;
    /** The fixed-point integer stays below 2^LIMIT_BITS in magnitude, so one more addition cannot overflow 128 bits. */
    private static final int LIMIT_BITS = 125;
    /** Quotient bits computed before rounding: 53 kept, a guard bit, and room for the sticky bit. */
    private static final int QUOTIENT_BITS = 56;

    /** The fixed-point sum: (hi, lo) is a signed 128-bit integer, worth (hi, lo) × 2^exp. Unused once {@code big} is set. */
    private final long hi;
    private final long lo;
    private final int exp;
    /** The whole finite sum once it no longer fits the fixed point; null before. */
    private final BigDecimal big;
    private final int specials;

    private ExactSum(long hi, long lo, int exp, BigDecimal big, int specials) {
        this.hi = hi;
        this.lo = lo;
        this.exp = exp;
        this.big = big;
        this.specials = specials;
    }

    /** The exact sum of the given numbers. */
    public static ExactSum of(double... values) {
        ExactSum s = ZERO;
        for (double v : values) {
            s = s.plus(v);
        }
        return s;
    }

    public ExactSum plus(double v) {
        if (Double.isNaN(v)) {
            return new ExactSum(hi, lo, exp, big, specials | NAN);
        }
        if (Double.isInfinite(v)) {
            return new ExactSum(hi, lo, exp, big, specials | (v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY));
        }
        if (v == 0) {
            return this;
        }
        long m = significand(v);
        return add(m >> 63, m, exponent(v), specials);
    }

    /** The odd signed integer m with {@code v = m × 2^exponent(v)}; {@code v} finite and not zero. */
    static long significand(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long m = bits & 0xFFFFFFFFFFFFFL;
        if (((bits >>> 52) & 0x7ff) != 0) {
            m |= 1L << 52;
        }
        m >>= Long.numberOfTrailingZeros(m);
        return v < 0 ? -m : m;
    }

    /**
     * This sum plus {@code a}, then plus {@code b}: the very fields of {@code plus(a).plus(b)},
     * without making the sum in between (as for a product and its rounding error).
     */
    public ExactSum plus(double a, double b) {
        if (big != null || specials != 0) {
            return plus(a).plus(b);
        }
        Adder sum = new Adder(this);
        sum.add(a);
        sum.add(b);
        return sum.accumulator();
    }

    /** The power of two of {@link #significand}: {@code v = significand(v) × 2^exponent(v)}. */
    static int exponent(double v) {
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long m = bits & 0xFFFFFFFFFFFFFL;
        if (biased == 0) {
            return -1074 + Long.numberOfTrailingZeros(m);
        }
        return biased - 1075 + Long.numberOfTrailingZeros(m | 1L << 52);
    }

    public ExactSum plus(ExactSum o) {
        int s = specials | o.specials;
        if (big == null && o.big == null) {
            return add(o.hi, o.lo, o.exp, s);
        }
        return new ExactSum(0, 0, 0, exactValue().add(o.exactValue()), s);
    }

    /** This sum plus the 128-bit integer (bh, bl) × 2^be, with the given specials. */
    private ExactSum add(long bh, long bl, int be, int newSpecials) {
        if (big != null) {
            return new ExactSum(0, 0, 0, big.add(toBigDecimal(bh, bl, be)), newSpecials);
        }
        if (bh == 0 && bl == 0) {
            return new ExactSum(hi, lo, exp, null, newSpecials);
        }
        if (hi == 0 && lo == 0) {
            return new ExactSum(bh, bl, be, null, newSpecials);
        }
        if (hi == lo >> 63 && bh == bl >> 63) {
            // Both fit a long: aligned, each under 2^62, their sum fits one too — the same integer
            // and exponent the 128-bit route gives, without it.
            int e = Math.min(exp, be);
            long a = lo;
            long b = bl;
            if (fitsShifted(a, exp - e) && fitsShifted(b, be - e)) {
                long sum = (a << (exp - e)) + (b << (be - e));
                return new ExactSum(sum >> 63, sum, e, null, newSpecials);
            }
        }
        // The 128-bit route, which a fold takes in place; past LIMIT_BITS the sum becomes a BigDecimal.
        Adder wide = new Adder(this);
        if (wide.addWide(bh, bl, be)) {
            return new ExactSum(wide.hi, wide.lo, wide.exp, null, newSpecials);
        }
        return overflow(bh, bl, be, newSpecials);
    }

    /**
     * An exact sum filled in place: the {@link Fold} of {@link Aggregates#sum}, or, from
     * {@link #adder()}, of values an aggregate of its own adds (a fold of several sums). While the
     * sum fits the 128-bit fixed point it is added there, by the very steps of {@link #add}; at the
     * first value that route cannot take (a special, or past {@link #LIMIT_BITS}) it becomes an
     * {@code ExactSum} and goes on with {@link #plus}. Either way it ends in the same fields a
     * chain of {@code plus} from {@link #ZERO} gives, without a new object per value.
     */
    public static Adder adder() {
        return new Adder((RowToDouble) null);
    }

    /** See {@link #adder()}. */
    public static final class Adder implements Fold<ExactSum> {
        private final RowToDouble field;
        /** The fixed-point sum ((hi, lo) × 2^exp) while {@code exact} is null. */
        private long hi;
        private long lo;
        private int exp;
        private ExactSum exact;

        Adder(RowToDouble field) {
            this.field = field;
        }

        /** Starting from the fixed point of {@code start} (its specials are not kept); for adding values, not rows. */
        private Adder(ExactSum start) {
            this.field = null;
            this.hi = start.hi;
            this.lo = start.lo;
            this.exp = start.exp;
        }

        /** Adds the row's field; only for the fold of {@link Aggregates#sum}, which names the field. */
        @Override
        public void add(Row row) {
            if (field == null) {
                throw new IllegalStateException("this adder sums values, not a field of rows: call add(double)");
            }
            add(field.apply(row));
        }

        /** Adds {@code v}, as {@link ExactSum#plus(double)} would. */
        public void add(double v) {
            if (exact != null) {
                exact = exact.plus(v);
                return;
            }
            if (v == 0) {
                return;
            }
            if (Double.isFinite(v)) {
                long m = significand(v);
                int e = exponent(v);
                if (hi == 0 && lo == 0) {
                    hi = m >> 63;
                    lo = m;
                    exp = e;
                    return;
                }
                if (hi == lo >> 63) {
                    int min = Math.min(exp, e);
                    if (fitsShifted(lo, exp - min) && fitsShifted(m, e - min)) {
                        lo = (lo << (exp - min)) + (m << (e - min));
                        hi = lo >> 63;
                        exp = min;
                        return;
                    }
                }
                if (addWide(m >> 63, m, e)) {
                    return;
                }
            }
            exact = accumulator().plus(v);
        }

        /**
         * Adds (bh, bl) × 2^be to the 128-bit fixed point, aligned to the lower exponent (the
         * route of {@link ExactSum#add} too); false, with nothing changed, if the sum would pass
         * {@link #LIMIT_BITS}.
         */
        private boolean addWide(long bh, long bl, int be) {
            long ah = hi;
            long al = lo;
            int e = exp;
            if (be > e) {
                int shift = be - e;
                if (bitLength(bh, bl) + shift > LIMIT_BITS) {
                    return false;
                }
                long nh = shiftLeftHigh(bh, bl, shift);
                bl = shiftLeftLow(bl, shift);
                bh = nh;
            } else if (be < e) {
                int shift = e - be;
                if (bitLength(ah, al) + shift > LIMIT_BITS) {
                    return false;
                }
                long nh = shiftLeftHigh(ah, al, shift);
                al = shiftLeftLow(al, shift);
                ah = nh;
                e = be;
            }
            long sl = al + bl;
            long sh = ah + bh + (Long.compareUnsigned(sl, al) < 0 ? 1 : 0);
            if (bitLength(sh, sl) > LIMIT_BITS) {
                return false;
            }
            hi = sh;
            lo = sl;
            exp = e;
            return true;
        }

        @Override
        public ExactSum accumulator() {
            if (exact != null) {
                return exact;
            }
            return hi == 0 && lo == 0 && exp == 0 ? ZERO : new ExactSum(hi, lo, exp, null, 0);
        }
    }

    /** Whether {@code x << shift} stays under 2^62 in magnitude. */
    private static boolean fitsShifted(long x, int shift) {
        long magnitude = Math.abs(x);
        return magnitude >= 0 && shift < 62 && 64 - Long.numberOfLeadingZeros(magnitude) + shift <= 62;
    }

    private ExactSum overflow(long bh, long bl, int be, int newSpecials) {
        return new ExactSum(0, 0, 0, exactValue().add(toBigDecimal(bh, bl, be)), newSpecials);
    }

    private static long shiftLeftHigh(long h, long l, int shift) {
        if (shift == 0) {
            return h;
        }
        return shift < 64 ? (h << shift) | (l >>> (64 - shift)) : l << (shift - 64);
    }

    private static long shiftLeftLow(long l, int shift) {
        return shift < 64 ? l << shift : 0;
    }

    /** Bits of the magnitude of the signed 128-bit integer (h, l). */
    private static int bitLength(long h, long l) {
        if (h < 0) {
            l = ~l + 1;
            h = ~h + (l == 0 ? 1 : 0);
        }
        return h != 0 ? 128 - Long.numberOfLeadingZeros(h) : 64 - Long.numberOfLeadingZeros(l);
    }

    /**
     * The signed 128-bit integer (h, l) rounded to the nearest double, ties to even — what
     * {@link BigInteger#doubleValue()} gives, without making one: its top 64 bits with a sticky bit
     * for the rest, converted the way an unsigned long is.
     */
    static double roundToDouble(long h, long l) {
        if (h == l >> 63) {
            return (double) l;
        }
        boolean negative = h < 0;
        if (negative) {
            l = -l;
            h = ~h + (l == 0 ? 1 : 0);
        }
        long top;
        int shift;
        if (h == 0) {
            top = l;
            shift = 0;
        } else {
            shift = 64 - Long.numberOfLeadingZeros(h);
            top = (h << (64 - shift)) | (l >>> shift);
            if (l << (64 - shift) != 0) {
                top |= 1;
            }
        }
        // Halved with the lost bit kept as a sticky bit, so the signed conversion rounds as the whole would.
        double magnitude = Math.scalb((double) ((top >>> 1) | (top & 1)) * 2.0, shift);
        return negative ? -magnitude : magnitude;
    }

    private static BigInteger toBigInteger(long h, long l) {
        if (h == l >> 63) {
            return BigInteger.valueOf(l);
        }
        BigInteger low = BigInteger.valueOf(l >>> 1).shiftLeft(1).add(BigInteger.valueOf(l & 1));
        return BigInteger.valueOf(h).shiftLeft(64).add(low);
    }

    private static BigDecimal toBigDecimal(long h, long l, int e) {
        BigInteger n = toBigInteger(h, l);
        if (e >= 0) {
            return new BigDecimal(n.shiftLeft(e));
        }
        // 2^e = 5^-e / 10^-e, exactly.
        return new BigDecimal(n.multiply(BigInteger.valueOf(5).pow(-e)), -e);
    }

    /** Whether the sum is still in the fast fixed-point form (for tests of the fallback). */
    boolean isFixedPoint() {
        return big == null;
    }

    /** Whether a NaN or an infinity was added. */
    public boolean isFinite() {
        return specials == 0;
    }

    /** The exact sum of the finite numbers added (non-finite ones are left out). */
    public BigDecimal exactValue() {
        return big != null ? big : toBigDecimal(hi, lo, exp);
    }

    /** The sum, correctly rounded to the nearest double. */
    public double toDouble() {
        if (specials != 0) {
            return special();
        }
        if (big != null) {
            return big.doubleValue();
        }
        if (hi == 0 && lo == 0) {
            return 0.0;
        }
        // The integer rounds correctly to 53 bits; scaling by a power of two is then exact, unless
        // the result is subnormal, where the decimal route rounds once instead.
        if (exp + bitLength(hi, lo) <= -1021) {
            return exactValue().doubleValue();
        }
        return Math.scalb(roundToDouble(hi, lo), exp);
    }

    private double special() {
        if ((specials & NAN) != 0 || specials == (POSITIVE_INFINITY | NEGATIVE_INFINITY)) {
            return Double.NaN;
        }
        return (specials & POSITIVE_INFINITY) != 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    /** The sum divided by {@code n} (a mean), correctly rounded from the exact quotient; NaN for n = 0. */
    public double dividedBy(long n) {
        if (specials != 0) {
            return n == 0 ? Double.NaN : special();
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (big == null) {
            return binaryQuotient(hi, lo, exp, n >> 63, n, 0, () -> quotient(exactValue(), BigDecimal.valueOf(n)));
        }
        return quotient(exactValue(), BigDecimal.valueOf(n));
    }

    /**
     * The ratio of two exact sums (a weighted average such as a volume-weighted price), correctly
     * rounded from the exact quotient; with a zero or non-finite side it is the ratio of the rounded sums.
     */
    public double dividedBy(ExactSum denominator) {
        if (specials != 0 || denominator.specials != 0 || denominator.isZero()) {
            return toDouble() / denominator.toDouble();
        }
        if (big == null && denominator.big == null) {
            return binaryQuotient(hi, lo, exp, denominator.hi, denominator.lo, denominator.exp,
                    () -> quotient(exactValue(), denominator.exactValue()));
        }
        return quotient(exactValue(), denominator.exactValue());
    }

    private boolean isZero() {
        return big == null ? hi == 0 && lo == 0 : big.signum() == 0;
    }

    /**
     * {@code (nh, nl) × 2^ne / (dh, dl) × 2^de}, correctly rounded, both sides in the fixed-point
     * form: the same cut to {@value #QUOTIENT_BITS} bits and a sticky bit as {@link #quotient}, on the
     * binary integers themselves rather than on decimals, which is the same value without the powers
     * of five and ten. Where scaling the rounded quotient by the power of two could round again
     * (near the ends of the double range), it leaves the result to {@code decimal}, so every result
     * is the one the decimal route gives.
     */
    private static double binaryQuotient(long nh, long nl, int ne, long dh, long dl, int de,
                                         DoubleSupplier decimal) {
        if (nh == 0 && nl == 0) {
            return 0.0;
        }
        int scale = ne - de;
        // Both fit 53 bits: each converts exactly and one IEEE division rounds correctly.
        if (nh == nl >> 63 && dh == dl >> 63 && Math.abs(nl) < 1L << 53 && Math.abs(dl) < 1L << 53
                && Math.abs(scale) < 900) {
            return Math.scalb((double) nl / (double) dl, scale);
        }
        BigInteger n = toBigInteger(nh, nl);
        BigInteger d = toBigInteger(dh, dl);
        boolean negative = n.signum() * d.signum() < 0;
        n = n.abs();
        d = d.abs();
        int shift = QUOTIENT_BITS - (n.bitLength() - d.bitLength());
        BigInteger[] qr = shift >= 0 ? n.shiftLeft(shift).divideAndRemainder(d) : n.divideAndRemainder(d.shiftLeft(-shift));
        BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].setBit(0);
        double rounded = q.doubleValue();
        int exponent = Math.getExponent(rounded) + scale - shift;
        if (exponent < -1000 || exponent > 1000) {
            return decimal.getAsDouble();
        }
        double magnitude = Math.scalb(rounded, scale - shift);
        return negative ? -magnitude : magnitude;
    }

    /**
     * {@code a / b} rounded to the nearest double (ties to even): the exact rational quotient is
     * cut to {@value #QUOTIENT_BITS} bits plus a sticky bit for any remainder, which
     * {@link BigInteger#doubleValue()} then rounds correctly. Results below the normal range
     * (|q| < 2^-1022) may be off by a unit in the last place, the same way every time.
     */
    static double quotient(BigDecimal a, BigDecimal b) {
        BigInteger n = a.unscaledValue();
        BigInteger d = b.unscaledValue();
        int s = a.scale() - b.scale();
        if (s > 0) {
            d = d.multiply(BigInteger.TEN.pow(s));
        } else if (s < 0) {
            n = n.multiply(BigInteger.TEN.pow(-s));
        }
        if (d.signum() == 0) {
            return n.signum() == 0 ? Double.NaN : n.signum() * Double.POSITIVE_INFINITY;
        }
        boolean negative = n.signum() * d.signum() < 0;
        n = n.abs();
        d = d.abs();
        if (n.signum() == 0) {
            return 0.0;
        }
        int shift = QUOTIENT_BITS - (n.bitLength() - d.bitLength());
        BigInteger[] qr = shift >= 0 ? n.shiftLeft(shift).divideAndRemainder(d) : n.divideAndRemainder(d.shiftLeft(-shift));
        BigInteger q = qr[1].signum() == 0 ? qr[0] : qr[0].setBit(0);
        double magnitude = Math.scalb(q.doubleValue(), -shift);
        return negative ? -magnitude : magnitude;
    }

    /** Equal when the same exact finite sum and the same non-finite inputs were added. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExactSum s && specials == s.specials && exactValue().compareTo(s.exactValue()) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * exactValue().stripTrailingZeros().hashCode() + specials;
    }

    @Override
    public String toString() {
        return specials != 0 ? Double.toString(special()) : exactValue().stripTrailingZeros().toPlainString();
    }
}
