/**
 * Dense linear algebra on flat column-major {@code double[]} arrays over netlib BLAS/LAPACK: the kernels the
 * objectives, solvers and certificates share.
 */
package org.overparam.linalg;
