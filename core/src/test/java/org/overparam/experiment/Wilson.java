package org.overparam.experiment;

/** Wilson score interval for a binomial proportion (Wilson 1927), for statistical assertions over seeds. */
record Wilson(double lower, double upper) {

    /** 99.9% two-sided normal quantile: a correct claim fails one run in a thousand. */
    static final double Z_999 = 3.2905267314919255;

    static Wilson of(int successes, int trials, double z) {
        double p = (double) successes / trials;
        double z2 = z * z;
        double centre = (p + z2 / (2.0 * trials)) / (1 + z2 / trials);
        double half = z / (1 + z2 / trials) * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return new Wilson(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    boolean overlaps(double lo, double hi) {
        return lower <= hi && upper >= lo;
    }
}
