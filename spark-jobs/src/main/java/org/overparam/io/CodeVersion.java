package org.overparam.io;

/** The code version stamped on every row: the jar manifest's Implementation-Version, or "dev" outside a jar. */
public final class CodeVersion {

    private CodeVersion() {
    }

    public static String get() {
        String version = CodeVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
