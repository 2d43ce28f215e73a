package org.overparam.linalg;

/**
 * Whether this JVM resolved the incubating Vector API ({@code --add-modules=jdk.incubator.vector}, which
 * {@code scripts/overparam}, the test runner and the cluster settings pass). SIMD kernels that use it are only
 * loaded when it is there; without it, callers fall back to their scalar code, which computes the same bits.
 */
public final class VectorApi {

    private static final boolean AVAILABLE = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private VectorApi() {
    }

    public static boolean available() {
        return AVAILABLE;
    }
}
