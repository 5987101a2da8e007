package dev.agentops.sdk;

import java.util.Locale;

/** A policy's decision, the API's closed set ({@code decision} of a policy check). */
public enum Decision {
    ALLOW, BLOCK, REQUIRE_APPROVAL;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling; {@link IllegalArgumentException} for anything else. */
    public static Decision fromWire(String value) {
        return Wire.parse(Decision.class, value);
    }
}
