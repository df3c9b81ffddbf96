package org.flowlab.workloads.trace;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The text of a double that is the same on every JDK: the shortest decimal that reads back as
 * the same double, the one nearest to it when there are several, laid out as
 * {@link Double#toString(double)} lays it out ({@code 12.5}, {@code 0.001}, {@code 1.0E7},
 * {@code 4.9E-324}). That is the rule JDK 19 and later follow; JDK 17's {@code Double.toString}
 * (which Gson uses) sometimes prints a digit or two more (for example {@code 4.4896727262930272E16}
 * for {@code 4.489672726293027E16}, about one double in a thousand above 10<sup>16</sup>), which
 * would make a trace file's bytes depend on the JDK that wrote it. On JDK 19 and later this is
 * {@code Double.toString}; on older ones that text is checked and corrected here.
 */
public final class ShortestDecimal {
    private static final boolean JDK_PRINTS_SHORTEST = Runtime.version().feature() >= 19;
    private static final long[] POW10 = new long[19];
    private static final double[] EXACT_POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private ShortestDecimal() {
    }

    /**
     * The shortest decimal text of {@code d}; {@code Double.parseDouble} of it gives {@code d} back.
     *
     * @throws IllegalArgumentException if {@code d} is NaN or infinite (JSON has no text for them)
     */
    public static String of(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not a finite number: " + d);
        }
        String text = Double.toString(d);
        return JDK_PRINTS_SHORTEST ? text : correct(d, text);
    }

    /**
     * The shortest, nearest decimal of {@code d}, found starting from {@code roundTripping}, any
     * decimal text that reads back as {@code d} (such as an older JDK's {@code Double.toString}).
     * Package-private so tests exercise it on every JDK.
     */
    static String correct(double d, String roundTripping) {
        if (d == 0) {
            return Double.doubleToRawLongBits(d) == 0 ? "0.0" : "-0.0";
        }
        double x = Math.abs(d);
        long[] anchor = parse(x, roundTripping);
        long c = anchor[0];
        int q = (int) anchor[1];
        // Shorten while a decimal with one digit fewer still reads back as x. The decimals that read
        // back as x form an interval holding the anchor, so if any shorter one does, one of the two
        // that bracket the anchor does.
        double ulp = Math.ulp(x);
        while (c >= 10) {
            long low = c / 10;
            long rest = c % 10;
            double unit = Math.pow(10, q);
            boolean lowFits = !(rest * unit > 1.01 * ulp) && readsBackAs(x, low, q + 1);
            if (lowFits) {
                c = low;
                q += 1;
            } else if (!((10 - rest) * unit > 1.01 * ulp) && readsBackAs(x, low + 1, q + 1)) {
                c = low + 1;
                q += 1;
            } else {
                break;
            }
            while (c % 10 == 0) {
                c /= 10;
                q++;
            }
        }
        int length = digits(c);
        // Among the decimals of that length, the nearest; one digit is treated as two, as the JDK does.
        int width = Math.max(2, length);
        long m = c * POW10[width - length];
        int e = q - (width - length);
        // Below a power of ten the grid of decimals of this width is ten times finer.
        double spacing = Math.pow(10, m == POW10[width - 1] ? e - 1 : e);
        if (!(spacing > 1.01 * ulp)) {
            long[] nearest = nearest(x, m, e, width);
            m = nearest[0];
            e = (int) nearest[1];
        }
        while (m % 10 == 0) {
            m /= 10;
            e++;
        }
        return (d < 0 ? "-" : "") + layout(x, m, e);
    }

    /** The anchor's digits and exponent: the value is digits × 10^exponent, digits at most 18 long. */
    private static long[] parse(double x, String text) {
        String s = text.startsWith("-") ? text.substring(1) : text;
        int ePos = Math.max(s.indexOf('E'), s.indexOf('e'));
        String mantissa = ePos < 0 ? s : s.substring(0, ePos);
        int exponent = ePos < 0 ? 0 : Integer.parseInt(s.substring(ePos + 1));
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        if (dot >= 0) {
            exponent -= mantissa.length() - dot - 1;
        }
        int first = 0;
        while (first < digits.length() - 1 && digits.charAt(first) == '0') {
            first++;
        }
        int last = digits.length();
        while (last > first + 1 && digits.charAt(last - 1) == '0') {
            last--;
            exponent++;
        }
        digits = digits.substring(first, last);
        if (digits.length() > 18) {
            // Seventeen correctly rounded digits always read back; start from those instead.
            BigDecimal b = new BigDecimal(x).round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
            return new long[] {b.unscaledValue().longValueExact(), -b.scale()};
        }
        return new long[] {Long.parseLong(digits), exponent};
    }

    /**
     * The decimal of exactly {@code width} digits nearest to x among those that read back as x,
     * walking the grid of such decimals both ways from {@code (m, e)} (which reads back as x); ties
     * go to the even last digit.
     */
    private static long[] nearest(double x, long m, int e, int width) {
        // About ten at most for normal doubles; up to fifty two-digit ones for the smallest subnormals.
        long[][] found = new long[128][];
        int n = 0;
        found[n++] = new long[] {m, e};
        long[] step = {m, e};
        while (n < found.length) {
            step = down(step, width);
            if (!readsBackAs(x, step[0], (int) step[1])) {
                break;
            }
            found[n++] = step;
        }
        step = new long[] {m, e};
        while (n < found.length) {
            step = up(step, width);
            if (!readsBackAs(x, step[0], (int) step[1])) {
                break;
            }
            found[n++] = step;
        }
        if (n == 1) {
            return found[0];
        }
        BigDecimal exact = new BigDecimal(x);
        long[] best = null;
        BigDecimal bestDistance = null;
        for (int i = 0; i < n; i++) {
            BigDecimal distance = BigDecimal.valueOf(found[i][0], (int) -found[i][1]).subtract(exact).abs();
            int cmp = bestDistance == null ? -1 : distance.compareTo(bestDistance);
            if (cmp < 0 || (cmp == 0 && found[i][0] % 2 == 0)) {
                best = found[i];
                bestDistance = distance;
            }
        }
        return best;
    }

    private static long[] down(long[] at, int width) {
        long m = at[0] - 1;
        return m < POW10[width - 1] ? new long[] {POW10[width] - 1, at[1] - 1} : new long[] {m, at[1]};
    }

    private static long[] up(long[] at, int width) {
        long m = at[0] + 1;
        return m == POW10[width] ? new long[] {POW10[width - 1], at[1] + 1} : new long[] {m, at[1]};
    }

    /** Whether the decimal digits × 10^exponent (digits > 0) reads back as x (x > 0). */
    static boolean readsBackAs(double x, long digits, int exponent) {
        if (digits < (1L << 53) && exponent >= -22 && exponent <= 22) {
            // Both factors are exact doubles, so one IEEE operation rounds correctly, as parsing would.
            double v = exponent >= 0 ? digits * EXACT_POW10[exponent] : digits / EXACT_POW10[-exponent];
            return v == x;
        }
        if (exponent < 0 && exponent >= -22 && x >= Double.MIN_NORMAL && x < 1e18) {
            int verdict = insideScaled(x, digits, EXACT_POW10[-exponent]);
            if (verdict != 0) {
                return verdict > 0;
            }
        }
        return Double.parseDouble(digits + "E" + exponent) == x;
    }

    /**
     * Whether digits / p lies in the interval of reals that round to x: 1 yes, -1 no, 0 too close
     * to the interval's edge to tell without exact arithmetic. Scaled by p (an exact power of ten),
     * x·p is an exact sum hi + lo (Dekker's product) and the half-gaps to x's neighbours are exact,
     * so digits − x·p is known to within a few units in its last place.
     */
    private static int insideScaled(double x, long digits, double p) {
        double hi = x * p;
        if (!(hi < 9.0e18)) {
            return 0;
        }
        double lo = productError(x, p, hi);
        long whole = (long) hi;
        double fraction = hi - whole;
        double offset = digits - whole;
        double distance = offset - fraction - lo;
        double above = (Math.nextUp(x) - x) / 2 * p;
        double below = (x - Math.nextDown(x)) / 2 * p;
        double error = 0x1p-48 * (Math.abs(offset) + fraction + Math.abs(lo));
        if (distance > above + error || distance < -below - error) {
            return -1;
        }
        if (distance < above - error && distance > -below + error) {
            return 1;
        }
        return 0;
    }

    /** a·b − hi exactly, for hi = a·b rounded (Dekker's two-product; no FMA needed). */
    private static double productError(double a, double b, double hi) {
        double ca = 134217729.0 * a;
        double aHi = ca - (ca - a);
        double aLo = a - aHi;
        double cb = 134217729.0 * b;
        double bHi = cb - (cb - b);
        double bLo = b - bHi;
        return ((aHi * bHi - hi) + aHi * bLo + aLo * bHi) + aLo * bLo;
    }

    private static int digits(long c) {
        int n = 1;
        while (n < POW10.length && c >= POW10[n]) {
            n++;
        }
        return n;
    }

    /** Double.toString's layout: plain from 10^-3 up to 10^7, otherwise d.dddE±n. */
    private static String layout(double x, long m, int e) {
        String digits = Long.toString(m);
        int n = digits.length();
        int point = n + e; // digits before the decimal point
        StringBuilder out = new StringBuilder(24);
        if (x >= 1e-3 && x < 1e7) {
            if (point <= 0) {
                out.append("0.");
                out.append("0".repeat(-point));
                out.append(digits);
            } else if (point >= n) {
                out.append(digits).append("0".repeat(point - n)).append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits, point, n);
            }
        } else {
            out.append(digits.charAt(0)).append('.');
            out.append(n > 1 ? digits.substring(1) : "0");
            out.append('E').append(point - 1);
        }
        return out.toString();
    }
}
