package org.overparam.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * without {@link Lapack#LOCK}, concurrent divide-and-conquer solves (n &gt; 25) corrupt one another. The
 * symmetric eigensolvers ({@link SymmetricEigen}, {@link Lanczos}) are pure Java and must need no lock at all.
 */
class ConcurrentLapackTest {

    private static final int THREADS = 4;
    private static final int MATRICES = 40;
    /** Above LAPACK's SMLSIZ = 25, where dgesdd switches to divide and conquer. */
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

    /**
     * Sizes of the eigen-only test, up to the largest dense Hessian a run decomposes ({@code
     * Curvature.DENSE_MAX_DIMENSION} = 200).
     */
    private static final int[] EIGEN_SIZES = {1, 7, 33, 90, 200};

    /** Each thread owns one Workspace per size, as a run does; the results must equal one thread's bits. */
    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void concurrentEigendecompositionsAreBitIdenticalToSequentialOnes() throws Exception {
        List<double[]> matrices = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < 3 * EIGEN_SIZES.length; k++) {
            int n = EIGEN_SIZES[k % EIGEN_SIZES.length];
            sizes.add(n);
            matrices.add(TestMatrices.symmetric(n, Seeds.generator(3000 + k)));
        }
        List<double[]> sequential = new ArrayList<>();
        for (int k = 0; k < matrices.size(); k++) {
            sequential.add(eigen(new SymmetricEigen.Workspace(sizes.get(k)), matrices.get(k)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<double[]>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    // Each thread walks the matrices from its own offset, so different sizes run side by side.
                    SymmetricEigen.Workspace[] workspaces = new SymmetricEigen.Workspace[201];
                    List<double[]> out = new ArrayList<>();
                    for (int i = 0; i < matrices.size(); i++) {
                        out.add(null);
                    }
                    for (int step = 0; step < matrices.size(); step++) {
                        int k = (step + offset) % matrices.size();
                        int n = sizes.get(k);
                        if (workspaces[n] == null) {
                            workspaces[n] = new SymmetricEigen.Workspace(n);
                        }
                        out.set(k, eigen(workspaces[n], matrices.get(k)));
                    }
                    return out;
                }));
            }
            for (Future<List<double[]>> f : futures) {
                List<double[]> got = f.get();
                for (int k = 0; k < matrices.size(); k++) {
                    assertArrayEquals(sequential.get(k), got.get(k), 0.0,
                            "matrix " + k + " (n = " + sizes.get(k) + ")");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The eigensolvers must not wait for {@link Lapack#LOCK}: with the lock held by this thread, a dense
     * decomposition and a Lanczos run in another thread still finish.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void eigensolversTakeNoLapackLock() throws Exception {
        int n = 60;
        double[] a = TestMatrices.symmetric(n, Seeds.generator(4040));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            synchronized (Lapack.LOCK) {
                Future<Double> dense = pool.submit(() -> SymmetricEigen.of(n, a).min());
                Future<Double> lanczos = pool.submit(() -> Lanczos.smallest(n, LanczosTest.dense(n, a), n, 1e-10, 1L)
                        .value());
                double min = dense.get(60, TimeUnit.SECONDS);
                assertEquals(min, lanczos.get(60, TimeUnit.SECONDS), LanczosTest.VALUE_TOL * TestMatrices.frobenius(a));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Eigenvalues then eigenvectors, from the given workspace. */
    private static double[] eigen(SymmetricEigen.Workspace ws, double[] a) {
        int n = ws.size();
        double[] out = new double[n + n * n];
        double[] vectors = new double[n * n];
        ws.decompose(a, out, vectors);
        System.arraycopy(vectors, 0, out, n, n * n);
        return out;
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
