package org.overparam.linalg;

import java.util.random.RandomGenerator;

/** Seeded random matrices and small dense identities for tests (column-major, no BLAS: independent code). */
public final class TestMatrices {

    private TestMatrices() {
    }

    /** An m×n matrix of independent standard normal entries. */
    public static double[] gaussian(int m, int n, RandomGenerator rng) {
        double[] a = new double[m * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    /** (G + Gᵀ)/2 for a Gaussian n×n G: indefinite, eigenvalues spread over about ±√(2n). */
    public static double[] symmetric(int n, RandomGenerator rng) {
        double[] g = gaussian(n, n, rng);
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                a[i + n * j] = 0.5 * (g[i + n * j] + g[j + n * i]);
            }
        }
        return a;
    }

    /** A Haar-like random orthogonal n×n matrix (modified Gram–Schmidt on a Gaussian matrix). */
    public static double[] orthogonal(int n, RandomGenerator rng) {
        double[] q = gaussian(n, n, rng);
        for (int j = 0; j < n; j++) {
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += q[i + n * p] * q[i + n * j];
                }
                for (int i = 0; i < n; i++) {
                    q[i + n * j] -= dot * q[i + n * p];
                }
            }
            double norm = 0;
            for (int i = 0; i < n; i++) {
                norm += q[i + n * j] * q[i + n * j];
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < n; i++) {
                q[i + n * j] /= norm;
            }
        }
        return q;
    }

    /** Q·diag(spectrum)·Qᵀ for a random orthogonal Q: a symmetric matrix with exactly known eigenvalues. */
    public static double[] withSpectrum(double[] spectrum, RandomGenerator rng) {
        int n = spectrum.length;
        double[] q = orthogonal(n, rng);
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += q[i + n * k] * spectrum[k] * q[j + n * k];
                }
                a[i + n * j] = s;
                a[j + n * i] = s;
            }
        }
        return a;
    }

    /**
     * Q·diag(spectrum)·Qᵀ computed without rounding, so its eigenvalues are exactly {@code spectrum}: n = 4^k and
     * Q = S·P·H/2^k with H the Sylvester–Hadamard matrix (entries ±1), P a random permutation and S random
     * signs, so Q is exactly orthogonal with entries ±2⁻ᵏ. Every product q·λ·q is λ/n exactly, and the sums are
     * exact when the spectrum's entries are integer multiples of one power of two spanning at most 53 − 2k bits
     * (as with small integers, or 1 + j·2⁻³⁰ at n = 64).
     */
    public static double[] withExactSpectrum(double[] spectrum, RandomGenerator rng) {
        int n = spectrum.length;
        int k = Integer.numberOfTrailingZeros(n) / 2;
        if (n != 1 << (2 * k)) {
            throw new IllegalArgumentException("n must be a power of 4, got " + n);
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] q = new double[n * n];
        for (int i = 0; i < n; i++) {
            double sign = rng.nextBoolean() ? 1 : -1;
            for (int j = 0; j < n; j++) {
                double h = Integer.bitCount(perm[i] & j) % 2 == 0 ? 1 : -1;
                q[i + n * j] = Math.scalb(sign * h, -k);
            }
        }
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double s = 0;
                for (int c = 0; c < n; c++) {
                    s += q[i + n * c] * spectrum[c] * q[j + n * c];
                }
                a[i + n * j] = s;
                a[j + n * i] = s;
            }
        }
        return a;
    }

    /** out = A·x for an m×n matrix A. */
    public static double[] times(int m, int n, double[] a, double[] x) {
        double[] out = new double[m];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                out[i] += a[i + m * j] * x[j];
            }
        }
        return out;
    }

    /** The Frobenius norm. */
    public static double frobenius(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** The Euclidean norm of column j of an m-row matrix. */
    public static double columnNorm(int m, double[] a, int j) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            s += a[i + m * j] * a[i + m * j];
        }
        return Math.sqrt(s);
    }
}
