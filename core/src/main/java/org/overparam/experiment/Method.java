package org.overparam.experiment;

import java.util.Locale;

/** The local search run from the random initialization. */
public enum Method {
    /** Plain gradient descent. */
    GD,
    /** Gradient descent that adds a uniform perturbation from a small ball when the gradient is small
     * (Jin et al. 2017), so strict saddles are escaped. */
    PERTURBED_GD;

    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
