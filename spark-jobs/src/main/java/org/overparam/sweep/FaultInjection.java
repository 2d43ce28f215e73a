package org.overparam.sweep;

import java.util.Set;

/**
 * Test hook: the JVM system property {@value #PROPERTY} lists point ids (comma-separated) whose runs throw, so
 * tests can show how a sweep survives a failing point. Unset in normal use, where it costs one lookup per point.
 * On a cluster it would be set on executors with {@code spark.executor.extraJavaOptions}.
 */
public final class FaultInjection {

    public static final String PROPERTY = "overparam.fault.points";

    private FaultInjection() {
    }

    static void check(String pointId) {
        String failing = System.getProperty(PROPERTY);
        if (failing != null && Set.of(failing.split(",")).contains(pointId)) {
            throw new IllegalStateException("injected failure for point " + pointId + " (" + PROPERTY + ")");
        }
    }
}
