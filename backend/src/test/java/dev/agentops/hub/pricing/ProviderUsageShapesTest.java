package dev.agentops.hub.pricing;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each provider's usage object as its SDK or API returns it (shapes taken from the providers' documentation), read
 * with and without the hint and priced at the shipped catalog's prices; every expected cost is worked out by hand in
 * the comment above it.
 */
class ProviderUsageShapesTest {

    private static final Instant AT = Instant.parse("2026-09-01T00:00:00Z");
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private final PriceCatalog catalog = new ShippedCatalog(JSON).get();

    @Test
    void geminiUsageMetadataBillsThinkingAsOutputAndCountsCachedContentInsideThePrompt() {
        String usageMetadata = """
            {"promptTokenCount": 4223, "candidatesTokenCount": 312, "totalTokenCount": 5678,
             "cachedContentTokenCount": 4096, "thoughtsTokenCount": 1143,
             "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 4223}],
             "cacheTokensDetails": [{"modality": "TEXT", "tokenCount": 4096}]}""";

        NormalizedUsage read = read(usageMetadata, null);

        assertThat(read).isEqualTo(read(usageMetadata, "gemini"));
        assertThat(read.usage()).isEqualTo(new TokenUsage(4223, 312 + 1143, 4096, 0, 0, 1143));
        assertThat(read.unrecognizedKeys()).isEmpty();
        // gemini-2.5-flash: 127 uncached × 0.0000003 = 0.0000381; 4096 cached × 0.00000003 = 0.00012288;
        // 312 candidates × 0.0000025 = 0.00078; 1143 thoughts × 0.0000025 = 0.0028575; sum 0.00379848
        assertThat(cost("gemini-2.5-flash", read)).isEqualByComparingTo("0.00379848");
    }

    @Test
    void geminiPythonSdkSnakeCaseUsageReadsTheSame() {
        String pythonModelDump = """
            {"cache_tokens_details": null, "cached_content_token_count": 4096, "candidates_token_count": 312,
             "candidates_tokens_details": null, "prompt_token_count": 4223,
             "prompt_tokens_details": [{"modality": "TEXT", "token_count": 4223}], "thoughts_token_count": 1143,
             "tool_use_prompt_token_count": null, "tool_use_prompt_tokens_details": null, "total_token_count": 5678,
             "traffic_type": null}""";

        NormalizedUsage read = read(pythonModelDump, null);

        assertThat(read.usage()).isEqualTo(new TokenUsage(4223, 1455, 4096, 0, 0, 1143));
        assertThat(read.unrecognizedKeys()).isEmpty();
        // same counts as the camelCase object: 0.00379848
        assertThat(cost("gemini-2.5-flash", read)).isEqualByComparingTo("0.00379848");
    }

    @Test
    void geminiToolUsePromptTokensAreInput() {
        NormalizedUsage read = read("""
            {"promptTokenCount": 1000, "toolUsePromptTokenCount": 3000, "candidatesTokenCount": 200,
             "totalTokenCount": 4200}""", null);

        // (1000 + 3000) × 0.0000003 = 0.0012; 200 × 0.0000025 = 0.0005
        assertThat(read.usage()).isEqualTo(TokenUsage.of(4000, 200));
        assertThat(cost("gemini-2.5-flash", read)).isEqualByComparingTo("0.0017");
    }

    @Test
    void bedrockConverseInputTokensExcludeCacheReadsAndWrites() {
        String usage = """
            {"inputTokens": 12, "outputTokens": 155, "totalTokens": 1263, "cacheReadInputTokens": 0,
             "cacheWriteInputTokens": 1096}""";

        NormalizedUsage read = read(usage, null);

        assertThat(read).isEqualTo(read(usage, "bedrock"));
        assertThat(read.usage()).isEqualTo(new TokenUsage(12 + 1096, 155, 0, 1096, 0, 0));
        // claude-sonnet-4-5 on Bedrock: 12 × 0.000003 = 0.000036; 1096 written (5 min) × 0.00000375 = 0.00411;
        // 155 × 0.000015 = 0.002325; sum 0.006471
        assertThat(cost("us.anthropic.claude-sonnet-4-5-20250929-v1:0", read)).isEqualByComparingTo("0.006471");
    }

    @Test
    void bedrockCacheDetailsSayWhichWritesAreOneHourOnes() {
        NormalizedUsage read = read("""
            {"inputTokens": 14, "outputTokens": 201, "totalTokens": 2407, "cacheReadInputTokens": 1096,
             "cacheWriteInputTokens": 1096, "cacheDetails": [{"ttl": "1h", "inputTokens": 1096}]}""", null);

        assertThat(read.usage()).isEqualTo(new TokenUsage(14 + 1096 + 1096, 201, 1096, 0, 1096, 0));
        // 14 × 0.000003 = 0.000042; 1096 read × 0.0000003 = 0.0003288; 1096 written (1 h) × 0.000006 = 0.006576;
        // 201 × 0.000015 = 0.003015; sum 0.0099618
        assertThat(cost("claude-sonnet-4-5", read)).isEqualByComparingTo("0.0099618");
    }

    @Test
    void vercelAiSdkV4UsageIsPromptAndCompletionTokens() {
        String usage = """
            {"promptTokens": 2000, "completionTokens": 500, "totalTokens": 2500}""";

        assertThat(read(usage, null)).isEqualTo(read(usage, "vercel_ai"));
        // gpt-4o-mini: 2000 × 0.00000015 = 0.0003; 500 × 0.0000006 = 0.0003
        assertThat(cost("gpt-4o-mini", read(usage, null))).isEqualByComparingTo("0.0006");
    }

    @Test
    void vercelAiSdkV5UsageCountsCachedInputInsideInput() {
        String usage = """
            {"inputTokens": 2006, "outputTokens": 300, "totalTokens": 2306, "reasoningTokens": 0,
             "cachedInputTokens": 1920}""";

        NormalizedUsage read = read(usage, null);

        assertThat(read).isEqualTo(read(usage, "vercel_ai"));
        assertThat(read.usage()).isEqualTo(new TokenUsage(2006, 300, 1920, 0, 0, 0));
        // gpt-4o-mini: 86 uncached × 0.00000015 = 0.0000129; 1920 × 0.000000075 = 0.000144; 300 × 0.0000006 = 0.00018
        assertThat(cost("gpt-4o-mini", read)).isEqualByComparingTo("0.0003369");
    }

    @Test
    void vercelAiSdkV5ProvidersThatReportUncachedInputOrOutputWithoutThinkingAreReadAsMeant() {
        // @ai-sdk/anthropic: inputTokens is Anthropic's uncached input
        NormalizedUsage anthropic = read("""
            {"inputTokens": 10, "outputTokens": 200, "totalTokens": 210, "cachedInputTokens": 2048}""", "vercel_ai");
        // @ai-sdk/google: outputTokens is candidatesTokenCount, the total adds the thoughts
        NormalizedUsage google = read("""
            {"inputTokens": 4223, "outputTokens": 312, "totalTokens": 5678, "reasoningTokens": 1143,
             "cachedInputTokens": 4096}""", "vercel_ai");

        assertThat(anthropic.usage()).isEqualTo(new TokenUsage(2058, 200, 2048, 0, 0, 0));
        // 10 × 0.000003 = 0.00003; 2048 × 0.0000003 = 0.0006144; 200 × 0.000015 = 0.003; sum 0.0036444
        assertThat(cost("claude-sonnet-4-5", anthropic)).isEqualByComparingTo("0.0036444");
        assertThat(google.usage()).isEqualTo(new TokenUsage(4223, 1455, 4096, 0, 0, 1143));
        // as the native Gemini object: 0.00379848
        assertThat(cost("gemini-2.5-flash", google)).isEqualByComparingTo("0.00379848");
    }

    @Test
    void vercelAiSdkV6UsageReadsItsTokenDetails() {
        NormalizedUsage read = read("""
            {"inputTokens": 2006, "inputTokenDetails": {"noCacheTokens": 86, "cacheReadTokens": 1920},
             "outputTokens": 300, "outputTokenDetails": {"textTokens": 300, "reasoningTokens": 0},
             "totalTokens": 2306, "cachedInputTokens": 1920, "reasoningTokens": 0}""", null);

        assertThat(read.usage()).isEqualTo(new TokenUsage(2006, 300, 1920, 0, 0, 0));
        assertThat(read.unrecognizedKeys()).isEmpty();
        // as the v5 object: 0.0003369
        assertThat(cost("gpt-4o-mini", read)).isEqualByComparingTo("0.0003369");
    }

    @Test
    void langChainUsageMetadataCountsCacheAndReasoningInsideItsTotals() {
        String anthropicCacheWrite = """
            {"input_tokens": 1653, "output_tokens": 290, "total_tokens": 1943,
             "input_token_details": {"cache_read": 0, "cache_creation": 1640}}""";
        String openAiReasoning = """
            {"input_tokens": 75, "output_tokens": 1186, "total_tokens": 1261,
             "input_token_details": {"audio": 0, "cache_read": 0},
             "output_token_details": {"audio": 0, "reasoning": 1024}}""";

        assertThat(read(anthropicCacheWrite, null)).isEqualTo(read(anthropicCacheWrite, "langchain"));
        assertThat(read(anthropicCacheWrite, null).usage()).isEqualTo(new TokenUsage(1653, 290, 0, 1640, 0, 0));
        // claude-sonnet-4-5: 13 uncached × 0.000003 = 0.000039; 1640 × 0.00000375 = 0.00615; 290 × 0.000015 = 0.00435
        assertThat(cost("claude-sonnet-4-5", read(anthropicCacheWrite, null))).isEqualByComparingTo("0.010539");
        assertThat(read(openAiReasoning, null).usage()).isEqualTo(new TokenUsage(75, 1186, 0, 0, 0, 1024));
        assertThat(read(openAiReasoning, null).unrecognizedKeys()).isEmpty();
        // o4-mini: 75 × 0.0000011 = 0.0000825; 162 × 0.0000044 = 0.0007128; 1024 reasoning × 0.0000044 = 0.0045056
        assertThat(cost("o4-mini", read(openAiReasoning, null))).isEqualByComparingTo("0.0053009");
    }

    @Test
    void langChainAnthropicCacheTtlKeysWinOverItsCacheCreationCount() {
        NormalizedUsage read = read("""
            {"input_tokens": 1653, "output_tokens": 290, "total_tokens": 1943,
             "input_token_details": {"cache_read": 0, "cache_creation": 0, "ephemeral_5m_input_tokens": 0,
                                     "ephemeral_1h_input_tokens": 1640}}""", null);

        assertThat(read.usage()).isEqualTo(new TokenUsage(1653, 290, 0, 0, 1640, 0));
        // 13 × 0.000003 = 0.000039; 1640 written (1 h) × 0.000006 = 0.00984; 290 × 0.000015 = 0.00435
        assertThat(cost("claude-sonnet-4-5", read)).isEqualByComparingTo("0.014229");
    }

    @Test
    void cohereBilledUnitsArePricedNotItsTokensWithTheirPromptTemplate() {
        String v2Usage = """
            {"billed_units": {"input_tokens": 17, "output_tokens": 12},
             "tokens": {"input_tokens": 215, "output_tokens": 12}}""";
        String v1Meta = """
            {"api_version": {"version": "1"}, "billed_units": {"input_tokens": 17, "output_tokens": 12},
             "tokens": {"input_tokens": 215, "output_tokens": 12}}""";
        String responseWithMeta = """
            {"meta": {"api_version": {"version": "1"}, "billed_units": {"input_tokens": 17, "output_tokens": 12}}}""";
        String typeScriptSdk = """
            {"billedUnits": {"inputTokens": 17, "outputTokens": 12}, "tokens": {"inputTokens": 215, "outputTokens": 12}}""";

        for (String usage : List.of(v2Usage, v1Meta, responseWithMeta, typeScriptSdk)) {
            assertThat(read(usage, null)).as(usage).isEqualTo(new NormalizedUsage(TokenUsage.of(17, 12), true, List.of()));
            assertThat(read(usage, "cohere")).as(usage).isEqualTo(read(usage, null));
        }
        // command-r-plus at Cohere's list prices ($2.50 / $10 per million): 17 × 0.0000025 = 0.0000425;
        // 12 × 0.00001 = 0.00012; sum 0.0001625
        Prices commandRPlus = prices("0.0000025", "0.00001");
        assertThat(CostCalculator.calculate(commandRPlus, read(v2Usage, null).usage()).total()).isEqualByComparingTo("0.0001625");
    }

    @Test
    void mistralAndOtherOpenAiCompatibleUsageReadsAsOpenAiWithTheirExtraKeysKnown() {
        String mistral = """
            {"prompt_tokens": 16, "completion_tokens": 34, "total_tokens": 50}""";
        String groq = """
            {"queue_time": 0.037493756, "prompt_tokens": 18, "prompt_time": 0.000680594, "completion_tokens": 556,
             "completion_time": 0.463333333, "total_tokens": 574, "total_time": 0.464013927}""";
        String deepSeek = """
            {"prompt_tokens": 1200, "completion_tokens": 300, "total_tokens": 1500, "prompt_cache_hit_tokens": 1024,
             "prompt_cache_miss_tokens": 176}""";

        assertThat(read(mistral, null)).isEqualTo(new NormalizedUsage(TokenUsage.of(16, 34), true, List.of()));
        assertThat(read(mistral, "openai")).isEqualTo(read(mistral, null));
        // mistral-large at Mistral's list prices ($2 / $6 per million): 16 × 0.000002 + 34 × 0.000006 = 0.000236
        assertThat(CostCalculator.calculate(prices("0.000002", "0.000006"), read(mistral, null).usage()).total())
            .isEqualByComparingTo("0.000236");
        assertThat(read(groq, null)).isEqualTo(new NormalizedUsage(TokenUsage.of(18, 556), true, List.of()));
        assertThat(read(deepSeek, null)).isEqualTo(new NormalizedUsage(new TokenUsage(1200, 300, 1024, 0, 0, 0), true, List.of()));
    }

    @Test
    void anObjectOfNoKnownShapeIsUnrecognisedWithItsKeysNeverZero() {
        NormalizedUsage unknown = read("""
            {"tokens_in": 1200, "tokens_out": 300, "meta": {"billing": {"units": 2}}, "provider": "acme"}""", null);
        NormalizedUsage onlyATotal = read("""
            {"total_tokens": 1500}""", null);
        NormalizedUsage wrongHint = read("""
            {"promptTokenCount": 10, "candidatesTokenCount": 5}""", "openai");

        assertThat(unknown).isEqualTo(new NormalizedUsage(TokenUsage.ZERO, false,
            List.of("meta.billing.units", "provider", "tokens_in", "tokens_out")));
        assertThat(onlyATotal).isEqualTo(new NormalizedUsage(TokenUsage.ZERO, false, List.of("total_tokens")));
        assertThat(wrongHint.recognized()).isFalse();
        assertThat(wrongHint.unrecognizedKeys()).containsExactly("candidatesTokenCount", "promptTokenCount");
        assertThat(read("{}", null)).isEqualTo(NormalizedUsage.NONE);
        assertThat(read("{\"input_tokens\": null}", null)).isEqualTo(NormalizedUsage.NONE);
    }

    @Test
    void aMixedObjectIsPricedFromItsRecognisedCountsAndFlagsTheRest() {
        NormalizedUsage read = read("""
            {"prompt_tokens": 1000, "completion_tokens": 100, "total_tokens": 1100, "image_units": 3,
             "prompt_tokens_details": {"cached_tokens": 0, "video_seconds": 12}}""", null);

        assertThat(read.recognized()).isTrue();
        assertThat(read.usage()).isEqualTo(TokenUsage.of(1000, 100));
        assertThat(read.unrecognizedKeys()).containsExactly("image_units", "prompt_tokens_details.video_seconds");
    }

    @Test
    void listsAtMostTwentyUnrecognisedKeys() {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            json.append(i == 0 ? "" : ",").append("\"k").append(100 + i).append("\": 1");
        }
        NormalizedUsage read = read(json.append("}").toString(), null);

        assertThat(read.unrecognizedKeys()).hasSize(UsageNormalizer.MAX_LISTED_KEYS).startsWith("k100").endsWith("k119");
    }

    private static NormalizedUsage read(String json, String hint) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> raw = JSON.readValue(json, Map.class);
            return UsageNormalizer.read(raw, hint);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private BigDecimal cost(String model, NormalizedUsage read) {
        ModelPrice entry = catalog.find(model, AT).orElseThrow();
        return CostCalculator.calculate(entry.prices(), read.usage()).total();
    }

    private static Prices prices(String input, String output) {
        Map<PriceKind, BigDecimal> byKind = new EnumMap<>(PriceKind.class);
        byKind.put(PriceKind.INPUT, new BigDecimal(input));
        byKind.put(PriceKind.OUTPUT, new BigDecimal(output));
        return new Prices(byKind);
    }
}
