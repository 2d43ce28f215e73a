/**
 * How a run ended, with evidence (README, “How a run ends”): the certified global reference f_ref
 * ({@link org.overparam.certify.ConvexReference}, solved to a recorded duality gap, or the Max-Cut
 * {@link org.overparam.certify.DualCertificate}), the curvature at the final point
 * ({@link org.overparam.certify.Curvature}, λ_min of the Hessian from Hessian–vector products), the tangent
 * kernel ({@link org.overparam.certify.TangentKernel}), the tolerances and the verdict that turns them into an
 * {@link org.overparam.certify.Outcome}.
 *
 * <p>Certificates are records of scalars, computed by pure functions of their inputs. Factored problems have
 * exact zero Hessian modes from their symmetries, so curvature is tested as λ_min ≥ −tol, never λ_min &gt; 0.
 */
package org.overparam.certify;
