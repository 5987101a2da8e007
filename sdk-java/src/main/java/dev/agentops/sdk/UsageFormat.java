package dev.agentops.sdk;

import java.util.Locale;

/**
 * The shapes of a usage object, the API's closed set ({@code usage_format}). The SDK normalises OPENAI, ANTHROPIC
 * and AGENTOPS usage itself ({@link Usage}); the hub reads the others as the provider SDKs return them.
 */
public enum UsageFormat {
    OPENAI, ANTHROPIC, AGENTOPS, GEMINI, BEDROCK, VERCEL_AI, LANGCHAIN, COHERE;

    /** Whether {@link Usage} turns this shape into the canonical form on the client. */
    public boolean normalisedBySdk() {
        return this == OPENAI || this == ANTHROPIC || this == AGENTOPS;
    }

    /** The API's spelling. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant for the API's spelling; {@link IllegalArgumentException} for anything else. */
    public static UsageFormat fromWire(String value) {
        return Wire.parse(UsageFormat.class, value);
    }
}
