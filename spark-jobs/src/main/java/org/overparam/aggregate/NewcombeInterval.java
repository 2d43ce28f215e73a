package org.overparam.aggregate;

/**
 * Newcombe's hybrid score interval for the difference of two independent binomial proportions p₂ − p₁, with
 * p₁ = k₁/n₁ and p₂ = k₂/n₂ (R. G. Newcombe, Statistics in Medicine 17, 1998, method 10), built from the
 * {@link WilsonInterval}s (l₁, u₁) and (l₂, u₂) of the two proportions:
 *
 * <pre>
 *   lo = (p₂ − p₁) − √((p₂ − l₂)² + (u₁ − p₁)²)
 *   hi = (p₂ − p₁) + √((u₂ − p₂)² + (p₁ − l₁)²)
 * </pre>
 *
 * clipped to [−1, 1]. Like the Wilson interval it stays informative at 0/n and n/n, where the Wald interval of a
 * difference collapses; its coverage is close to nominal down to small samples (Newcombe's Table I). For samples
 * that are paired rather than independent (the same instances, as two sweeps with one seed share them) it is
 * conservative when their outcomes are positively correlated.
 *
 * @param lo lower bound, in [−1, 1]
 * @param hi upper bound, in [lo, 1]
 */
public record NewcombeInterval(double lo, double hi) {

    public NewcombeInterval {
        if (!(-1 <= lo && lo <= hi && hi <= 1)) {
            throw new IllegalArgumentException("need −1 ≤ lo ≤ hi ≤ 1, got [" + lo + ", " + hi + "]");
        }
    }

    /** The 95% interval of k₂/n₂ − k₁/n₁. */
    public static NewcombeInterval of(long k1, long n1, long k2, long n2) {
        return of(k1, n1, k2, n2, WilsonInterval.Z95);
    }

    /**
     * The interval of k₂/n₂ − k₁/n₁ for the normal quantile z (1.96 for 95%).
     *
     * @throws IllegalArgumentException as {@link WilsonInterval#of(long, long, double)} does for either sample
     */
    public static NewcombeInterval of(long k1, long n1, long k2, long n2, double z) {
        WilsonInterval w1 = WilsonInterval.of(k1, n1, z);
        WilsonInterval w2 = WilsonInterval.of(k2, n2, z);
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        double diff = p2 - p1;
        double lo = diff - Math.hypot(p2 - w2.lo(), w1.hi() - p1);
        double hi = diff + Math.hypot(w2.hi() - p2, p1 - w1.lo());
        return new NewcombeInterval(Math.max(-1, lo), Math.min(1, hi));
    }

    /** Whether the interval excludes 0: the two proportions differ at its confidence level. */
    public boolean excludesZero() {
        return lo > 0 || hi < 0;
    }
}
