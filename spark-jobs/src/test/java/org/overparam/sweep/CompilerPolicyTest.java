package org.overparam.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompilerPolicyTest {

    /** HotSpot parses the resource and installs both directives (a malformed file is refused with its reason). */
    @Test
    void theDirectivesParseAndInstall() {
        assertEquals("2 compiler directives added", CompilerPolicy.installNow());
    }
}
