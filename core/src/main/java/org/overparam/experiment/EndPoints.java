package org.overparam.experiment;

import java.util.Locale;
import org.overparam.certify.Outcome;

/** Which runs keep their end point (final parameters and the bottom of the Hessian spectrum) beside their row. */
public enum EndPoints {
    /** None. */
    NONE,
    /** Runs that did not end GLOBAL and did not fail: the bad minima, saddles, unconverged and diverged runs. */
    NON_GLOBAL,
    /** Every run that did not fail. */
    ALL;

    /** Whether a run that ended with {@code outcome} keeps its end point. */
    public boolean keeps(Outcome outcome) {
        return outcome != Outcome.FAILED && (this == ALL || this == NON_GLOBAL && outcome != Outcome.GLOBAL);
    }

    /** The name used in specs, e.g. {@code non-global}. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
