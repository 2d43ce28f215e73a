/**
 * Dense linear algebra on flat column-major {@code double[]} arrays over netlib BLAS/LAPACK, plus a pure-Java
 * symmetric eigensolver ({@link org.overparam.linalg.SymmetricEigen}) that needs no lock: the kernels the
 * objectives, solvers and certificates share.
 */
package org.overparam.linalg;
