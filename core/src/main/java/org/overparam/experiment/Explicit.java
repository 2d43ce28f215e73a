package org.overparam.experiment;

/** An instance given in the spec rather than drawn: sensing matrices with their truth, or a Max-Cut cost. */
public sealed interface Explicit permits ExplicitMeasurements, ExplicitCost {

    /** n: the number of measurements, or of graph nodes. */
    int count();

    /** Canonical text for seeds and point ids: every entry, exactly. */
    String canonical();
}
