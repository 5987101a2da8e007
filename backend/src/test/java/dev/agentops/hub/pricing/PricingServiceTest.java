package dev.agentops.hub.pricing;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestRedis;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * Costs against the shipped catalog and organizations' own prices, through the service the ingestion workers call.
 * Every expected value is worked out by hand in the comment above it, from the catalog's prices per token.
 */
@MicronautTest(transactional = false)
class PricingServiceTest extends AppTest {

    private static final Instant AT = Instant.parse("2026-09-01T12:00:00Z");
    private static final String CATALOG = "2026-08-22.1";

    @Inject PricingService pricing;
    @Inject OrgPrices orgPrices;
    @Inject ModelPriceRepository repository;
    @Inject RedisPriceInvalidations announcements;
    @Inject TenantTransactions tenants;
    @Inject TransactionOperations<Connection> tx;
    @Inject @Client("/") HttpClient client;

    Api api;
    Api.Session adminA;
    UUID orgA;
    UUID orgB;

    @BeforeAll
    void twoOrganizations() {
        api = new Api(client);
        adminA = api.signup();
        orgA = adminA.organizationId();
        orgB = api.signup().organizationId();
    }

    @Test
    void pricesGpt4oInputAndOutputAtTheCatalogPrices() {
        // 1200 × 0.0000025 = 0.003; 300 × 0.00001 = 0.003
        PricedCost cost = pricing.price(orgB, "gpt-4o", TokenUsage.of(1200, 300), AT).orElseThrow();

        assertThat(cost.costUsd()).isEqualTo(new BigDecimal("0.0060000000"));
        assertThat(cost.breakdown()).containsExactly(
            entry("input", new BigDecimal("0.0030000000")), entry("cache_read", new BigDecimal("0E-10")),
            entry("cache_write_5m", new BigDecimal("0E-10")), entry("cache_write_1h", new BigDecimal("0E-10")),
            entry("output", new BigDecimal("0.0030000000")), entry("reasoning", new BigDecimal("0E-10")));
        assertThat(cost.modelEntryId()).isEqualTo("gpt-4o");
        assertThat(cost.catalogVersion()).isEqualTo(CATALOG);
    }

    @Test
    void pricesGpt4oCachedInputAtTheCacheReadPrice() {
        // OpenAI usage: 2000 prompt tokens of which 1500 cached, 500 completion tokens.
        // 500 × 0.0000025 = 0.00125; 1500 × 0.00000125 = 0.001875; 500 × 0.00001 = 0.005
        TokenUsage usage = UsageNormalizer.normalize(Map.of("prompt_tokens", 2000, "completion_tokens", 500,
            "prompt_tokens_details", Map.of("cached_tokens", 1500)), null);

        PricedCost cost = pricing.price(orgB, "gpt-4o", usage, AT).orElseThrow();

        assertThat(cost.costUsd()).isEqualTo(new BigDecimal("0.0081250000"));
        assertThat(cost.breakdown().get("input")).isEqualTo(new BigDecimal("0.0012500000"));
        assertThat(cost.breakdown().get("cache_read")).isEqualTo(new BigDecimal("0.0018750000"));
        assertThat(cost.breakdown().get("output")).isEqualTo(new BigDecimal("0.0050000000"));
    }

    @Test
    void pricesClaudeSonnet45CacheReadsAndBothCacheWriteDurationsFromAnthropicUsage() {
        // Anthropic usage: 100 uncached input, 2000 read from cache, 1000 written for 5 minutes and 500 for an hour.
        // 100 × 0.000003 = 0.0003; 2000 × 0.0000003 = 0.0006; 1000 × 0.00000375 = 0.00375; 500 × 0.000006 = 0.003;
        // 400 × 0.000015 = 0.006; total 0.01365
        TokenUsage usage = UsageNormalizer.normalize(Map.of("input_tokens", 100, "output_tokens", 400,
            "cache_read_input_tokens", 2000, "cache_creation_input_tokens", 1500,
            "cache_creation", Map.of("ephemeral_5m_input_tokens", 1000, "ephemeral_1h_input_tokens", 500)), "anthropic");

        PricedCost cost = pricing.price(orgB, "claude-sonnet-4-5-20250929", usage, AT).orElseThrow();

        assertThat(usage.inputTokens()).isEqualTo(3600);
        assertThat(cost.costUsd()).isEqualTo(new BigDecimal("0.0136500000"));
        assertThat(cost.breakdown()).containsExactly(
            entry("input", new BigDecimal("0.0003000000")), entry("cache_read", new BigDecimal("0.0006000000")),
            entry("cache_write_5m", new BigDecimal("0.0037500000")), entry("cache_write_1h", new BigDecimal("0.0030000000")),
            entry("output", new BigDecimal("0.0060000000")), entry("reasoning", new BigDecimal("0E-10")));
        assertThat(cost.modelEntryId()).isEqualTo("claude-sonnet-4-5-20250929");
    }

    @Test
    void billsO3ReasoningTokensOnceAtTheOutputPrice() {
        // o3's reasoning price equals its output price (0.000008): 1000 output tokens, 800 of them reasoning.
        // 1000 × 0.000002 = 0.002; 200 × 0.000008 = 0.0016; 800 × 0.000008 = 0.0064; total 0.01 (not 0.0164)
        TokenUsage usage = UsageNormalizer.normalize(Map.of("input_tokens", 1000, "output_tokens", 1000,
            "output_tokens_details", Map.of("reasoning_tokens", 800)), "openai");

        PricedCost cost = pricing.price(orgB, "o3", usage, AT).orElseThrow();

        assertThat(cost.costUsd()).isEqualTo(new BigDecimal("0.0100000000"));
        assertThat(cost.breakdown().get("output")).isEqualTo(new BigDecimal("0.0016000000"));
        assertThat(cost.breakdown().get("reasoning")).isEqualTo(new BigDecimal("0.0064000000"));
    }

    @Test
    void pricesGemini25ProAtTheLargeContextTierOnlyAbove200kInputTokens() {
        // base: 100000 × 0.00000125 = 0.125; 1000 × 0.00001 = 0.01
        assertThat(cost(orgB, "gemini-2.5-pro", TokenUsage.of(100_000, 1000))).isEqualTo("0.1350000000");
        // exactly 200000 is not above the threshold: 200000 × 0.00000125 = 0.25; + 0.01
        assertThat(cost(orgB, "gemini-2.5-pro", TokenUsage.of(200_000, 1000))).isEqualTo("0.2600000000");
        // tier: 250000 × 0.0000025 = 0.625; 1000 × 0.000015 = 0.015
        assertThat(cost(orgB, "gemini-2.5-pro", TokenUsage.of(250_000, 1000))).isEqualTo("0.6400000000");
        // cached tokens count towards the threshold: 200000 × 0.0000025 = 0.5; 100000 × 0.00000025 = 0.025
        assertThat(cost(orgB, "google/gemini-2.5-pro", new TokenUsage(300_000, 0, 100_000, 0, 0, 0))).isEqualTo("0.5250000000");
    }

    @Test
    void recognisesProviderPrefixedDatedBedrockAndVertexModelNames() {
        TokenUsage usage = TokenUsage.of(1000, 1000);

        assertThat(pricing.price(orgB, "openai/gpt-4o", usage, AT).orElseThrow().modelEntryId()).isEqualTo("gpt-4o");
        assertThat(cost(orgB, "openai/gpt-4o", usage)).isEqualTo(cost(orgB, "gpt-4o", usage));
        for (String name : List.of("claude-sonnet-4-5", "claude-sonnet-4-5-20250929", "anthropic/claude-sonnet-4-5-20250929",
            "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "global.anthropic.claude-sonnet-4-5-20250929-v1:0",
            "claude-sonnet-4-5@20250929", " Claude-Sonnet-4-5-20250929 ")) {
            PricedCost cost = pricing.price(orgB, name, usage, AT).orElseThrow();
            // 1000 × 0.000003 + 1000 × 0.000015
            assertThat(cost.modelEntryId()).as(name).isEqualTo("claude-sonnet-4-5-20250929");
            assertThat(cost.costUsd()).as(name).isEqualTo(new BigDecimal("0.0180000000"));
        }
    }

    @Test
    void unknownOrMissingModelsHaveNoPriceRatherThanZero() {
        assertThat(pricing.price(orgB, "my-homegrown-llm", TokenUsage.of(10, 10), AT)).isEmpty();
        assertThat(pricing.price(orgB, "gpt-4o-turbo-max", TokenUsage.of(10, 10), AT)).isEmpty();
        assertThat(pricing.price(orgB, "", TokenUsage.of(10, 10), AT)).isEmpty();
        assertThat(pricing.price(orgB, null, TokenUsage.of(10, 10), AT)).isEmpty();
        assertThat(pricing.price(orgB, "claude-sonnet-4-5", TokenUsage.of(10, 10), Instant.parse("2025-01-01T00:00:00Z")))
            .as("before the entry is in effect").isEmpty();
    }

    @Test
    void anOrganizationsOwnPriceWinsForThatOrganizationOnlyUntilDeleted() {
        var created = api.post("/api/v1/pricing/models", Map.of("model", "gpt-4o",
            "prices", Map.of("input", "0.000001", "output", "0.000002")), adminA.accessToken());
        assertThat(created.status()).isEqualTo(201);
        String id = String.valueOf(created.data().get("id"));
        try {
            // 1200 × 0.000001 + 300 × 0.000002
            PricedCost own = pricing.price(orgA, "gpt-4o", TokenUsage.of(1200, 300), AT).orElseThrow();
            assertThat(own.costUsd()).isEqualTo(new BigDecimal("0.0018000000"));
            assertThat(own.modelEntryId()).isEqualTo("org:" + id);
            assertThat(own.catalogVersion()).isEqualTo(PricingService.ORG_VERSION);
            assertThat(cost(orgA, "GPT-4O", TokenUsage.of(1200, 300))).as("exact name, any case").isEqualTo("0.0018000000");
            assertThat(cost(orgA, "openai/gpt-4o", TokenUsage.of(1200, 300))).as("no pattern: the name only")
                .isEqualTo("0.0060000000");
            assertThat(cost(orgB, "gpt-4o", TokenUsage.of(1200, 300))).as("other organization").isEqualTo("0.0060000000");
        } finally {
            assertThat(api.call("DELETE", "/api/v1/pricing/models/" + id, null, adminA.accessToken()).status()).isEqualTo(204);
        }
        assertThat(cost(orgA, "gpt-4o", TokenUsage.of(1200, 300))).as("after delete").isEqualTo("0.0060000000");
    }

    @Test
    void pricesACustomModelByTheOrganizationsPatternWithItsTiers() {
        var created = api.post("/api/v1/pricing/models", Map.of("model", "acme-llm", "match", "^(acme/)?acme-llm(-v\\d+)?$",
            "prices", Map.of("input", 0.000002, "output", "0.000008", "cache_read", "0.0000002", "reasoning", "0.00001"),
            "tiers", List.of(Map.of("above_input_tokens", 100_000, "prices", Map.of("input", "0.000004", "output", "0.000016")))),
            adminA.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);

        // input 1200 of which 200 cached, output 150 of which 50 reasoning:
        // 1000 × 0.000002 = 0.002; 200 × 0.0000002 = 0.00004; 100 × 0.000008 = 0.0008; 50 × 0.00001 = 0.0005
        assertThat(cost(orgA, "ACME/acme-llm-v2", new TokenUsage(1200, 150, 200, 0, 0, 50))).isEqualTo("0.0033400000");
        // tier above 100000: cache read falls back to the tier's input price; reasoning to its output price
        // 100000 × 0.000004 + 1000 × 0.000004 + (5 + 5) × 0.000016 = 0.4 + 0.004 + 0.00016
        assertThat(cost(orgA, "acme-llm", new TokenUsage(101_000, 10, 1000, 0, 0, 5))).isEqualTo("0.4041600000");
        assertThat(pricing.price(orgB, "acme-llm", TokenUsage.of(1, 1), AT)).isEmpty();
        api.call("DELETE", "/api/v1/pricing/models/" + created.data().get("id"), null, adminA.accessToken());
    }

    @Test
    void organizationPricesNotYetInEffectAreSkipped() {
        var created = api.post("/api/v1/pricing/models", Map.of("model", "future-llm", "effective_from", "2030-01-01",
            "prices", Map.of("input", "0.00001")), adminA.accessToken());
        assertThat(created.status()).isEqualTo(201);

        assertThat(pricing.price(orgA, "future-llm", TokenUsage.of(1000, 0), AT)).isEmpty();
        // 1000 × 0.00001
        assertThat(cost(orgA, "future-llm", TokenUsage.of(1000, 0), Instant.parse("2030-01-01T00:00:00Z"))).isEqualTo("0.0100000000");
        api.call("DELETE", "/api/v1/pricing/models/" + created.data().get("id"), null, adminA.accessToken());
    }

    @Test
    void worksInsideTheWorkersTenantTransactionOfTheSameOrganization() {
        UUID id = tenants.write(orgA, () -> repository.insert(orgA, "inside-llm", null, null,
            prices("0.000005", "0.00001"), List.of(), null, null));
        orgPrices.invalidate(orgA);

        // 2000 × 0.000005 + 100 × 0.00001
        String inside = tenants.write(orgA, () -> pricing.price(orgA, "inside-llm", TokenUsage.of(2000, 100), AT)
            .orElseThrow().costUsd().toPlainString());
        orgPrices.invalidate(orgA);
        String inBatch = tx.executeWrite(status -> pricing.price(orgA, "inside-llm", TokenUsage.of(2000, 100), AT)
            .orElseThrow().costUsd().toPlainString());

        assertThat(inside).isEqualTo("0.0110000000");
        assertThat(inBatch).as("a cross-organization worker transaction").isEqualTo("0.0110000000");
        assertThatThrownBy(() -> tenants.write(orgB, () -> {
            orgPrices.invalidate(orgA);
            return pricing.price(orgA, "inside-llm", TokenUsage.of(1, 1), AT);
        })).isInstanceOf(IllegalStateException.class);
        tenants.run(orgA, () -> repository.delete(orgA, id));
        orgPrices.invalidate(orgA);
    }

    @Test
    void aChangeAnnouncedOnRedisDropsTheCachedPricesOfThatOrganization() throws Exception {
        assertThat(pricing.price(orgA, "elsewhere-llm", TokenUsage.of(1000, 0), AT)).as("cached: no price").isEmpty();
        // another instance adds a price: the database changes, this instance's cache does not know yet
        UUID id = tenants.write(orgA, () -> repository.insert(orgA, "elsewhere-llm", null, null,
            prices("0.000003", "0.000006"), List.of(), null, null));
        assertThat(pricing.price(orgA, "elsewhere-llm", TokenUsage.of(1000, 0), AT)).as("still cached").isEmpty();

        waitUntil(() -> announcements.subscribed());
        RedisClient redis = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            connection.sync().publish(RedisPriceInvalidations.CHANNEL, orgA.toString());
        } finally {
            redis.shutdown();
        }

        // 1000 × 0.000003
        waitUntil(() -> pricing.price(orgA, "elsewhere-llm", TokenUsage.of(1000, 0), AT).isPresent());
        assertThat(cost(orgA, "elsewhere-llm", TokenUsage.of(1000, 0))).isEqualTo("0.0030000000");
        tenants.run(orgA, () -> repository.delete(orgA, id));
        orgPrices.invalidate(orgA);
    }

    private String cost(UUID org, String model, TokenUsage usage) {
        return cost(org, model, usage, AT);
    }

    private String cost(UUID org, String model, TokenUsage usage, Instant at) {
        return pricing.price(org, model, usage, at).orElseThrow(() -> new AssertionError("no price for " + model))
            .costUsd().toPlainString();
    }

    private static Prices prices(String input, String output) {
        Map<PriceKind, BigDecimal> byKind = new EnumMap<>(PriceKind.class);
        byKind.put(PriceKind.INPUT, new BigDecimal(input));
        byKind.put(PriceKind.OUTPUT, new BigDecimal(output));
        return new Prices(byKind);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
