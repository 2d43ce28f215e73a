package org.overparam.linalg;

/**
 * The one lock every LAPACK call in this project holds.
 *
 * <p>Spark runs an executor's tasks as threads of one JVM, and netlib's pure-Java LAPACK (F2jLAPACK, used when
 * no native library is installed) is a mechanical translation of the Fortran whose SAVE variables became
 * static fields: two threads inside {@code dsyevd}'s divide and conquer at once were seen to corrupt each
 * other for the rest of the JVM's life (every later call failing, or never returning). The LAPACK callers are
 * {@link Svd} (also each proximal step of the convex reference's nuclear-norm problem),
 * {@link Dense#orthonormalizeColumns} and the convex reference's Cholesky factorization; BLAS, where most of
 * the time goes, needs no lock. The symmetric eigenproblems every run ends with (the dense Hessian or kernel in
 * {@link SymmetricEigen}, the tridiagonal one inside {@link Lanczos}) do not use LAPACK: they are pure Java and
 * take no lock, so they run in parallel.
 */
public final class Lapack {

    /** Hold while calling any LAPACK routine. */
    public static final Object LOCK = new Object();

    private Lapack() {
    }
}
