package dev.agentops.hub.pricing;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceCatalogTest {

    private static final Instant NOW = Instant.parse("2026-09-01T00:00:00Z");
    private final ShippedCatalog shipped = new ShippedCatalog(JsonMapper.createDefault());

    @Test
    void theShippedCatalogHoldsEveryReferenceModelWithUniqueIdsAndCompiledPatterns() {
        PriceCatalog catalog = shipped.get();

        assertThat(catalog.version()).isEqualTo("2026-08-22.1");
        assertThat(catalog.source()).contains("Langfuse").contains("62751446149b702b419a9292ddfc2280cdf74b8c");
        assertThat(catalog.models()).hasSize(167);
        assertThat(new HashSet<>(catalog.models().stream().map(ModelPrice::id).toList())).hasSize(167);
        assertThat(catalog.models()).allSatisfy(model -> {
            assertThat(model.prices().get(PriceKind.INPUT)).as(model.id() + " input").isPresent();
            assertThat(model.prices().get(PriceKind.OUTPUT)).as(model.id() + " output").isPresent();
        });
    }

    @Test
    void findsEntriesByProviderPrefixedDatedBedrockAndVertexNames() {
        PriceCatalog catalog = shipped.get();

        assertThat(idOf(catalog, "gpt-4o")).contains("gpt-4o");
        assertThat(idOf(catalog, "openai/gpt-4o")).contains("gpt-4o");
        assertThat(idOf(catalog, "GPT-4O")).contains("gpt-4o");
        assertThat(idOf(catalog, "gpt-4o-2024-08-06")).contains("gpt-4o-2024-08-06");
        assertThat(idOf(catalog, "claude-sonnet-4-5")).contains("claude-sonnet-4-5-20250929");
        assertThat(idOf(catalog, "claude-sonnet-4-5-20250929")).contains("claude-sonnet-4-5-20250929");
        assertThat(idOf(catalog, "anthropic/claude-sonnet-4-5-20250929")).contains("claude-sonnet-4-5-20250929");
        assertThat(idOf(catalog, "us.anthropic.claude-sonnet-4-5-20250929-v1:0")).contains("claude-sonnet-4-5-20250929");
        assertThat(idOf(catalog, "anthropic.claude-3-5-haiku-20241022-v1:0")).contains("claude-3-5-haiku-20241022");
        assertThat(idOf(catalog, "claude-sonnet-4-5@20250929")).contains("claude-sonnet-4-5-20250929");
        assertThat(idOf(catalog, "googleai/gemini-2.5-pro")).contains("gemini-2.5-pro");
        assertThat(idOf(catalog, "text-bison@001")).contains("text-bison");
        assertThat(idOf(catalog, "gpt-4o-extra")).isEmpty();
        assertThat(idOf(catalog, "azure/gpt-4o")).isEmpty();
    }

    @Test
    void skipsEntriesNotYetInEffectAtTheRunsTime() {
        PriceCatalog catalog = shipped.get();

        assertThat(catalog.find("claude-sonnet-4-5", Instant.parse("2025-09-29T00:00:00Z"))).isPresent();
        assertThat(catalog.find("claude-sonnet-4-5", Instant.parse("2025-09-28T23:59:59Z"))).isEmpty();
    }

    @Test
    void keepsThresholdTiersAndDropsServiceTierOnes() {
        PriceCatalog catalog = shipped.get();
        ModelPrice gemini = catalog.find("gemini-2.5-pro", NOW).orElseThrow();
        ModelPrice gpt4o = catalog.find("gpt-4o", NOW).orElseThrow();

        assertThat(gemini.tiers()).singleElement().satisfies(tier -> {
            assertThat(tier.aboveInputTokens()).isEqualTo(200_000);
            assertThat(tier.prices().asStrings()).containsEntry("input", "0.0000025").containsEntry("output", "0.000015");
        });
        assertThat(gpt4o.tiers()).isEmpty();
        assertThat(gpt4o.prices().asStrings()).containsExactly(
            Map.entry("input", "0.0000025"), Map.entry("output", "0.00001"), Map.entry("cache_read", "0.00000125"));
    }

    @Test
    void refusesADocumentWithAnyInvalidEntry() {
        Map<String, String> broken = Map.of(
            "{\"version\": \"x\", \"models\": []}", "catalog: models must be a non-empty list",
            model("\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a(\", \"effective_from\": \"2026-01-01\", "
                + "\"prices\": {\"input\": \"0.1\"}"), "models[0] (a): match is not a valid regular expression",
            model("\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a\", \"effective_from\": \"2026-01-01\", "
                + "\"prices\": {\"input\": 0.1}"), "models[0] (a): input must be a decimal string",
            model("\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a\", \"effective_from\": \"2026-01-01\", "
                + "\"prices\": {\"input\": \"-0.1\"}"), "models[0] (a): input must not be negative",
            model("\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a\", \"effective_from\": \"2026-01-01\", "
                + "\"prices\": {\"cache_read\": \"0.1\"}"), "models[0] (a): an input or an output price is required",
            model("\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a\", \"effective_from\": \"soon\", "
                + "\"prices\": {\"input\": \"0.1\"}"), "models[0] (a): effective_from must be a date",
            model("\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a\", \"effective_from\": \"2026-01-01\", "
                + "\"prices\": {\"input\": \"0.1\", \"audio\": \"0.2\"}"), "models[0] (a): unknown price kind 'audio'",
            model("\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a\", \"effective_from\": \"2026-01-01\", "
                + "\"prices\": {\"input\": \"0.1\"}, \"tiers\": [{\"above_input_tokens\": 0, \"prices\": {\"input\": \"0.2\"}}]"),
            "models[0] (a): above_input_tokens must be positive",
            "[1, 2]", "not a JSON object");
        broken.forEach((document, message) -> assertThatThrownBy(() -> shipped.parse(document.getBytes(StandardCharsets.UTF_8)))
            .as(document).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message));
    }

    @Test
    void refusesDuplicateIds() {
        String entry = "{\"id\": \"a\", \"name\": \"a\", \"provider\": \"p\", \"match\": \"a\", \"effective_from\": \"2026-01-01\", "
            + "\"prices\": {\"input\": \"0.1\"}}";
        String document = "{\"version\": \"v\", \"models\": [" + entry + ", " + entry + "]}";

        assertThatThrownBy(() -> shipped.parse(document.getBytes(StandardCharsets.UTF_8)))
            .hasMessage("models[1]: duplicate id 'a'");
    }

    private static Optional<String> idOf(PriceCatalog catalog, String model) {
        return catalog.find(model, NOW).map(ModelPrice::id);
    }

    private static String model(String fields) {
        return "{\"version\": \"v\", \"models\": [{" + fields + "}]}";
    }
}
