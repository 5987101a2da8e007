package dev.agentops.hub.pricing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentops.hub.shared.web.WireNames;

/**
 * The shape of a token_usage object, when the client says it (UsageNormalizer otherwise recognises it). Mistral and
 * the other OpenAI-compatible APIs send {@code openai}; the Vercel AI SDK's v4, v5 and v6 usage are all
 * {@code vercel_ai}; {@code gemini} covers Vertex AI too.
 */
public enum UsageFormat {
    @JsonProperty("openai") OPENAI,
    @JsonProperty("anthropic") ANTHROPIC,
    @JsonProperty("agentops") AGENTOPS,
    @JsonProperty("gemini") GEMINI,
    @JsonProperty("bedrock") BEDROCK,
    @JsonProperty("vercel_ai") VERCEL_AI,
    @JsonProperty("langchain") LANGCHAIN,
    @JsonProperty("cohere") COHERE;

    public String wireName() {
        return WireNames.of(this);
    }
}
