package dev.agentops.sdk;

import java.util.Locale;

/** The shapes of a usage object, the API's closed set ({@code usage_format}). */
public enum UsageFormat {
    OPENAI, ANTHROPIC, AGENTOPS;

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling; {@link IllegalArgumentException} for anything else. */
    public static UsageFormat fromWire(String value) {
        return Wire.parse(UsageFormat.class, value);
    }
}
