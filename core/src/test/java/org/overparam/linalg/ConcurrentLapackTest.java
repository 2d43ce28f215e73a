package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.overparam.random.Seeds;

/**
 * Spark runs the tasks of an executor as threads of one JVM, so every decomposition must give the same bits
 * whatever else runs beside it. The pure-Java LAPACK (F2J) keeps Fortran SAVE variables in static fields:
 * without {@link Lapack#LOCK}, concurrent divide-and-conquer eigensolves (n &gt; 25) corrupt one another.
 */
class ConcurrentLapackTest {

    private static final int THREADS = 4;
    private static final int MATRICES = 40;
    /** Above LAPACK's SMLSIZ = 25, where dsyevd switches to divide and conquer. */
    private static final int SIZE = 48;

    /** Without the lock this test was seen to spin forever: fail instead. */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentDecompositionsEqualSequentialOnes() throws Exception {
        List<double[]> matrices = new ArrayList<>();
        RandomGenerator rng = Seeds.generator(2026);
        for (int k = 0; k < MATRICES; k++) {
            double[] a = new double[SIZE * SIZE];
            for (int j = 0; j < SIZE; j++) {
                for (int i = 0; i <= j; i++) {
                    a[i + SIZE * j] = a[j + SIZE * i] = rng.nextGaussian();
                }
            }
            matrices.add(a);
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int round = 0; round < THREADS; round++) {
                for (double[] a : matrices) {
                    results.add(pool.submit(() -> decompose(a)));
                }
            }
            List<double[]> concurrent = new ArrayList<>();
            for (Future<double[]> f : results) {
                concurrent.add(f.get());
            }
            List<double[]> sequential = new ArrayList<>();
            for (double[] a : matrices) {
                sequential.add(decompose(a));
            }
            for (int i = 0; i < results.size(); i++) {
                assertArrayEquals(sequential.get(i % MATRICES), concurrent.get(i), "matrix " + i % MATRICES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Eigenvalues, vectors and singular values in one array. */
    private static double[] decompose(double[] a) {
        SymmetricEigen eigen = SymmetricEigen.of(SIZE, a);
        double[] s = Svd.of(SIZE, SIZE, a).singularValues();
        double[] out = new double[SIZE + SIZE * SIZE + SIZE];
        System.arraycopy(eigen.values(), 0, out, 0, SIZE);
        System.arraycopy(eigen.vectors(), 0, out, SIZE, SIZE * SIZE);
        System.arraycopy(s, 0, out, SIZE + SIZE * SIZE, SIZE);
        return out;
    }
}
