package org.overparam.linalg;

/**
 * The one lock every LAPACK call in this project holds.
 *
 * <p>Spark runs an executor's tasks as threads of one JVM, and netlib's pure-Java LAPACK (F2jLAPACK, used when
 * no native library is installed) is a mechanical translation of the Fortran whose SAVE variables became
 * static fields: two threads inside {@code dsyevd}'s divide and conquer at once were seen to corrupt each
 * other for the rest of the JVM's life (every later call failing, or never returning). LAPACK work here is a
 * small part of a run (the final Hessian check, the convex reference's d×d factorizations), so serializing it
 * costs little; BLAS, where the time goes, needs no lock.
 */
public final class Lapack {

    /** Hold while calling any LAPACK routine. */
    public static final Object LOCK = new Object();

    private Lapack() {
    }
}
