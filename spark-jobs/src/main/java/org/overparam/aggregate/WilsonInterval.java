package org.overparam.aggregate;

/**
 * The Wilson score interval for a binomial proportion k/n (E. B. Wilson, JASA 1927; recommended over the Wald
 * interval by Brown, Cai &amp; DasGupta, Statistical Science 2001):
 *
 * <pre>
 *   p̂ = k/n,   centre = (p̂ + z²/2n) / (1 + z²/n),   half = z·√(p̂(1−p̂)/n + z²/4n²) / (1 + z²/n)
 * </pre>
 *
 * clipped to [0, 1]. Unlike the Wald interval it never collapses to a point at k = 0 or k = n: with no bad run
 * among n, the upper bound is z²/(n + z²), so certifying P ≤ 5% takes at least {@link #runsToCertify} runs.
 *
 * @param lo lower bound, in [0, 1]
 * @param hi upper bound, in [lo, 1]
 */
public record WilsonInterval(double lo, double hi) {

    /** The two-sided 95% normal quantile Φ⁻¹(0.975). */
    public static final double Z95 = 1.959963984540054;

    public WilsonInterval {
        if (!(0 <= lo && lo <= hi && hi <= 1)) {
            throw new IllegalArgumentException("need 0 ≤ lo ≤ hi ≤ 1, got [" + lo + ", " + hi + "]");
        }
    }

    /** The 95% interval of k successes in n trials. */
    public static WilsonInterval of(long k, long n) {
        return of(k, n, Z95);
    }

    /** The interval of k successes in n trials for the normal quantile z (1.96 for 95%). */
    public static WilsonInterval of(long k, long n, double z) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be ≥ 1, got " + n);
        }
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("k must be in [0, n] = [0, " + n + "], got " + k);
        }
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be finite and > 0, got " + z);
        }
        double nn = n;
        double p = k / nn;
        double z2 = z * z;
        double denominator = 1 + z2 / nn;
        double centre = (p + z2 / (2 * nn)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denominator;
        // At k = 0 (k = n) the bound is 0 (1) exactly; the subtraction would leave rounding dust.
        double lo = k == 0 ? 0 : Math.max(0, centre - half);
        double hi = k == n ? 1 : Math.min(1, centre + half);
        return new WilsonInterval(lo, hi);
    }

    /**
     * The fewest runs for which a cell without a single success has a 95% upper bound ≤ {@code p}: the smallest
     * n with z²/(n + z²) ≤ p, i.e. n ≥ z²(1 − p)/p (73 for p = 5%).
     */
    public static long runsToCertify(double p) {
        return runsToCertify(p, Z95);
    }

    /** {@link #runsToCertify(double)} for the normal quantile z. */
    public static long runsToCertify(double p, double z) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        long n = (long) Math.ceil(z * z * (1 - p) / p);
        while (n > 1 && of(0, n - 1, z).hi() <= p) {
            n--;
        }
        while (of(0, n, z).hi() > p) {
            n++;
        }
        return n;
    }
}
