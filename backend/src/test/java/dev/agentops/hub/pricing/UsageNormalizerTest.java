package dev.agentops.hub.pricing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UsageNormalizerTest {

    @Test
    void readsOpenAiChatCompletionsUsageWhoseCountsAlreadyIncludeCachedAndReasoningTokens() {
        Map<String, Object> usage = Map.of("prompt_tokens", 2000, "completion_tokens", 500, "total_tokens", 2500,
            "prompt_tokens_details", Map.of("cached_tokens", 1500, "audio_tokens", 0),
            "completion_tokens_details", Map.of("reasoning_tokens", 320, "accepted_prediction_tokens", 0));

        assertThat(UsageNormalizer.normalize(usage, null)).isEqualTo(new TokenUsage(2000, 500, 1500, 0, 0, 320));
        assertThat(UsageNormalizer.normalize(usage, "openai")).isEqualTo(new TokenUsage(2000, 500, 1500, 0, 0, 320));
    }

    @Test
    void readsOpenAiResponsesUsageByItsDetailsObjects() {
        Map<String, Object> usage = Map.of("input_tokens", 900, "output_tokens", 700, "total_tokens", 1600,
            "input_tokens_details", Map.of("cached_tokens", 600),
            "output_tokens_details", Map.of("reasoning_tokens", 512));

        assertThat(UsageNormalizer.normalize(usage, null)).isEqualTo(new TokenUsage(900, 700, 600, 0, 0, 512));
        assertThat(UsageNormalizer.normalize(usage, "OpenAI")).isEqualTo(new TokenUsage(900, 700, 600, 0, 0, 512));
    }

    @Test
    void openAiHintWithoutChatKeysReadsTheResponsesShape() {
        assertThat(UsageNormalizer.normalize(Map.of("input_tokens", 10, "output_tokens", 4), "openai"))
            .isEqualTo(TokenUsage.of(10, 4));
    }

    @Test
    void addsAnthropicCacheReadsAndWritesToItsUncachedInputTokens() {
        Map<String, Object> usage = Map.of("input_tokens", 100, "output_tokens", 400,
            "cache_read_input_tokens", 2000, "cache_creation_input_tokens", 1500,
            "cache_creation", Map.of("ephemeral_5m_input_tokens", 1000, "ephemeral_1h_input_tokens", 500),
            "service_tier", "standard");

        assertThat(UsageNormalizer.normalize(usage, null)).isEqualTo(new TokenUsage(3600, 400, 2000, 1000, 500, 0));
    }

    @Test
    void anthropicHintWithoutTheNestedObjectCountsFlatCacheWritesAsFiveMinuteWrites() {
        Map<String, Object> usage = Map.of("input_tokens", 100, "output_tokens", 50,
            "cache_read_input_tokens", 300, "cache_creation_input_tokens", 200);

        assertThat(UsageNormalizer.normalize(usage, "anthropic")).isEqualTo(new TokenUsage(600, 50, 300, 200, 0, 0));
    }

    @Test
    void readsTheAgentOpsShapeWhereInputAlreadyIncludesCachedTokens() {
        Map<String, Object> usage = Map.of("input_tokens", 1200, "output_tokens", 300,
            "cache_read_input_tokens", 400, "cache_creation_input_tokens", 100, "cache_creation_1h_input_tokens", 50,
            "reasoning_tokens", 120);

        assertThat(UsageNormalizer.normalize(usage, null)).isEqualTo(new TokenUsage(1200, 300, 400, 100, 50, 120));
        assertThat(UsageNormalizer.normalize(usage, "agentops")).isEqualTo(new TokenUsage(1200, 300, 400, 100, 50, 120));
    }

    @Test
    void agentOpsHintWinsOverAnthropicLookingKeys() {
        Map<String, Object> usage = Map.of("input_tokens", 500, "output_tokens", 5, "cache_read_input_tokens", 400,
            "cache_creation", Map.of("ephemeral_5m_input_tokens", 7));

        assertThat(UsageNormalizer.normalize(usage, "agentops")).isEqualTo(new TokenUsage(500, 5, 400, 0, 0, 0));
    }

    @Test
    void missingAndNullCountsAreZeroAndNoUsageIsZero() {
        Map<String, Object> usage = new HashMap<>();
        usage.put("input_tokens", 12);
        usage.put("output_tokens", null);

        assertThat(UsageNormalizer.normalize(usage, null)).isEqualTo(TokenUsage.of(12, 0));
        assertThat(UsageNormalizer.normalize(Map.of(), null)).isEqualTo(TokenUsage.ZERO);
        assertThat(UsageNormalizer.normalize(null, "openai")).isEqualTo(TokenUsage.ZERO);
    }

    @Test
    void acceptsEveryJsonIntegerRepresentationIncludingWholeDecimals() {
        Map<String, Object> usage = Map.of("input_tokens", 7L, "output_tokens", new BigDecimal("12.0"),
            "cache_read_input_tokens", BigInteger.valueOf(3), "reasoning_tokens", 2.0d);

        assertThat(UsageNormalizer.normalize(usage, null)).isEqualTo(new TokenUsage(7, 12, 3, 0, 0, 2));
        assertThat(UsageNormalizer.normalize(Map.of("input_tokens", 1_000_000_000_000L), null).inputTokens())
            .isEqualTo(1_000_000_000_000L);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> rejectedUsages() {
        return Stream.of(
            arguments("negative", Map.of("input_tokens", -1), null, "input_tokens must be a whole number from 0 to 1000000000000 (got -1)"),
            arguments("fraction", Map.of("output_tokens", 12.5), null, "output_tokens must be a whole number from 0 to 1000000000000 (got 12.5)"),
            arguments("string", Map.of("input_tokens", "12"), null, "input_tokens must be a whole number from 0 to 1000000000000 (got \"12\")"),
            arguments("boolean", Map.of("input_tokens", true), null, "input_tokens must be a whole number"),
            arguments("too large", Map.of("input_tokens", 1_000_000_000_001L), null, "input_tokens must be a whole number from 0 to 1000000000000 (got 1000000000001)"),
            arguments("not a number", Map.of("input_tokens", Double.NaN), null, "input_tokens must be a whole number"),
            arguments("nested negative", Map.of("prompt_tokens", 10, "prompt_tokens_details", Map.of("cached_tokens", -3)), null,
                "prompt_tokens_details.cached_tokens must be a whole number"),
            arguments("details not an object", Map.of("prompt_tokens", 10, "prompt_tokens_details", List.of(1)), null,
                "prompt_tokens_details must be an object"),
            arguments("chat cached above prompt", Map.of("prompt_tokens", 10, "completion_tokens", 1,
                "prompt_tokens_details", Map.of("cached_tokens", 11)), null,
                "prompt_tokens_details.cached_tokens (11) exceeds prompt_tokens (10), which must count them too"),
            arguments("chat reasoning above completion", Map.of("prompt_tokens", 10, "completion_tokens", 5,
                "completion_tokens_details", Map.of("reasoning_tokens", 6)), null,
                "completion_tokens_details.reasoning_tokens (6) exceeds completion_tokens (5)"),
            arguments("responses cached above input", Map.of("input_tokens", 5, "input_tokens_details", Map.of("cached_tokens", 6)),
                null, "input_tokens_details.cached_tokens (6) exceeds input_tokens (5)"),
            arguments("agentops cache above input", Map.of("input_tokens", 100, "cache_read_input_tokens", 80,
                "cache_creation_input_tokens", 30), null,
                "cache_read_input_tokens + cache_creation_input_tokens + cache_creation_1h_input_tokens (110) exceeds input_tokens (100)"),
            arguments("agentops reasoning above output", Map.of("output_tokens", 10, "reasoning_tokens", 11), null,
                "reasoning_tokens (11) exceeds output_tokens (10)"),
            arguments("anthropic flat writes differ from nested", Map.of("input_tokens", 1, "cache_creation_input_tokens", 10,
                "cache_creation", Map.of("ephemeral_5m_input_tokens", 4, "ephemeral_1h_input_tokens", 5)), null,
                "cache_creation_input_tokens (10) is not the sum of cache_creation.ephemeral_5m_input_tokens and "
                    + "cache_creation.ephemeral_1h_input_tokens (9)"),
            arguments("anthropic nested negative", Map.of("cache_creation", Map.of("ephemeral_1h_input_tokens", -2)), null,
                "cache_creation.ephemeral_1h_input_tokens must be a whole number"),
            arguments("unknown hint", Map.of("input_tokens", 1), "palm",
                "unknown usage format 'palm'; use one of openai, anthropic, agentops, gemini, bedrock, vercel_ai, langchain, cohere"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedUsages")
    void rejectsInvalidUsageWithAMessageNamingTheField(String name, Map<String, Object> usage, String hint, String message) {
        assertThatThrownBy(() -> UsageNormalizer.normalize(usage, hint))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(message);
    }

    @Test
    void tokenUsageRefusesCountsThatContradictTheSemantics() {
        assertThatThrownBy(() -> new TokenUsage(10, 0, 8, 2, 1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("cache read and cache write tokens (11) exceed input tokens (10); input tokens must count cached tokens too");
        assertThatThrownBy(() -> new TokenUsage(0, 3, 0, 0, 0, 4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("reasoning tokens (4) exceed output tokens (3); output tokens must count reasoning tokens too");
        assertThatThrownBy(() -> TokenUsage.of(-1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("token counts must not be negative");
    }

    @Test
    void sumsUsagesKindByKind() {
        TokenUsage sum = new TokenUsage(100, 50, 10, 20, 30, 5).plus(new TokenUsage(1, 2, 0, 1, 0, 2)).plus(TokenUsage.ZERO);

        assertThat(sum).isEqualTo(new TokenUsage(101, 52, 10, 21, 30, 7));
        assertThat(sum.uncachedInputTokens()).isEqualTo(40);
        assertThat(sum.cacheWriteTokens()).isEqualTo(51);
    }
}
