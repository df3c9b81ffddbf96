package org.flowlab.sim.job.aggregate;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The exact sum of doubles, rounded to a double once, when read. Floating-point addition is not
 * associative ({@code (0.1 + 0.2) + 0.3 != 0.1 + (0.2 + 0.3)}), and engines add and merge in
 * different orders, so sums are kept exactly: the result depends only on which numbers were added.
 *
 * <p>Integral values up to 2^53 are summed in a {@code long} (the common case of counts, volumes
 * and cents); the rest exactly as {@link BigDecimal}s. Non-finite inputs follow IEEE rules whatever
 * the order: any NaN, or both infinities, give NaN; otherwise an infinity gives itself. An exact
 * zero reads as {@code +0.0}. Immutable.
 */
public final class ExactSum {
    public static final ExactSum ZERO = new ExactSum(0, null, 0);

    private static final double MAX_INTEGRAL = 0x1p53;
    private static final int NAN = 1;
    private static final int POSITIVE_INFINITY = 2;
    private static final int NEGATIVE_INFINITY = 4;
    /** Quotient bits computed before rounding: 53 kept, a guard bit, and room for the sticky bit. */
    private static final int QUOTIENT_BITS = 56;

    private final long integral;
    private final BigDecimal fraction;
    private final int specials;

    private ExactSum(long integral, BigDecimal fraction, int specials) {
        this.integral = integral;
        this.fraction = fraction;
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
            return new ExactSum(integral, fraction, specials | NAN);
        }
        if (Double.isInfinite(v)) {
            return new ExactSum(integral, fraction, specials | (v > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY));
        }
        if (v == Math.rint(v) && Math.abs(v) <= MAX_INTEGRAL) {
            long l = (long) v;
            long s = integral + l;
            if (((integral ^ s) & (l ^ s)) < 0) {
                return new ExactSum(0, add(add(fraction, BigDecimal.valueOf(integral)), BigDecimal.valueOf(l)), specials);
            }
            return new ExactSum(s, fraction, specials);
        }
        return new ExactSum(integral, add(fraction, new BigDecimal(v)), specials);
    }

    public ExactSum plus(ExactSum o) {
        long s = integral + o.integral;
        BigDecimal f = add(fraction, o.fraction);
        if (((integral ^ s) & (o.integral ^ s)) < 0) {
            return new ExactSum(0, add(add(f, BigDecimal.valueOf(integral)), BigDecimal.valueOf(o.integral)), specials | o.specials);
        }
        return new ExactSum(s, f, specials | o.specials);
    }

    private static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a.add(b);
    }

    /** Whether a NaN or an infinity was added. */
    public boolean isFinite() {
        return specials == 0;
    }

    /** The exact sum of the finite numbers added (non-finite ones are left out). */
    public BigDecimal exactValue() {
        BigDecimal i = BigDecimal.valueOf(integral);
        return fraction == null ? i : i.add(fraction);
    }

    /** The sum, correctly rounded to the nearest double. */
    public double toDouble() {
        if (specials != 0) {
            return special();
        }
        // Both paths round the same exact value to nearest, so they agree wherever they overlap.
        return fraction == null ? (double) integral : exactValue().doubleValue();
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
        return quotient(exactValue(), BigDecimal.valueOf(n));
    }

    /**
     * The ratio of two exact sums (a weighted average such as a volume-weighted price), correctly
     * rounded from the exact quotient; with a zero or non-finite side it is the ratio of the rounded sums.
     */
    public double dividedBy(ExactSum denominator) {
        if (specials != 0 || denominator.specials != 0 || denominator.exactValue().signum() == 0) {
            return toDouble() / denominator.toDouble();
        }
        return quotient(exactValue(), denominator.exactValue());
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
