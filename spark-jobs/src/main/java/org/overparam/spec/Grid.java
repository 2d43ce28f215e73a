package org.overparam.spec;

import java.util.List;
import java.util.Optional;

/**
 * The axes of a sweep after validation.
 *
 * @param axes    every grid axis, in iteration order (see {@link SweepSpec#points()}): instance axes first, then
 *                the run axes; an axis written as one value is an axis of size 1
 * @param derived derived axes, in evaluation order (each after the axes it uses)
 * @param zip     groups of axes that advance together, each sorted in iteration order
 */
public record Grid(List<Axis> axes, List<Derived> derived, List<List<String>> zip) {

    public Grid {
        axes = List.copyOf(axes);
        derived = List.copyOf(derived);
        zip = zip.stream().map(List::copyOf).toList();
    }

    public Optional<Axis> axis(String name) {
        return axes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    public Optional<Derived> derivedAxis(String name) {
        return derived.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
