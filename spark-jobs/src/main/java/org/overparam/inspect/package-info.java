/**
 * {@code overparam inspect DIR POINT_ID}: one run up close. {@link org.overparam.inspect.StoredPoint} finds the
 * committed row of a point and its stored end point; {@link org.overparam.inspect.SweepPoints} finds the point among
 * the specs of the directory's commit log; {@link org.overparam.inspect.Inspection} completes the end point (re-running
 * the point when none is stored, checked by {@link org.overparam.inspect.Reproduction}; computing the bottom of the
 * Hessian spectrum when it was not kept); {@link org.overparam.inspect.InspectFigure} draws it, one picture per family
 * ({@link org.overparam.inspect.FamilyView}) from the charts of {@link org.overparam.inspect.Panels};
 * {@link org.overparam.inspect.PointText} names a point's sizes in its family's terms.
 */
package org.overparam.inspect;
