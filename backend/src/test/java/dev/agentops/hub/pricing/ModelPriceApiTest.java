package dev.agentops.hub.pricing;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/pricing/models} over real HTTP: shapes, paging, audit, roles, other organizations, bad input. */
@MicronautTest(transactional = false)
class ModelPriceApiTest extends AppTest {

    private static final String PATH = "/api/v1/pricing/models";

    @Inject @Client("/") HttpClient client;

    Api api;
    Api.Session admin;

    @BeforeAll
    void anOrganization() {
        api = new Api(client);
        admin = api.signup();
    }

    @Test
    void createsShowsAndDeletesAnOrganizationPrice() {
        var created = api.post(PATH, Map.of("model", "gpt-4o", "provider", "openai", "match", "^(openai/)?gpt-4o$",
            "effective_from", "2026-01-01",
            "prices", Map.of("input", "0.0000025", "output", 0.00001, "cache_read", "0.00000125", "cache_write_5m", "0.000003",
                "cache_write_1h", "0.000004", "reasoning", "0.000012"),
            "tiers", List.of(Map.of("above_input_tokens", 128000, "prices", Map.of("input", "0.000005", "output", "0.00002")))),
            admin.accessToken());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        Map<String, Object> price = created.data();
        String id = String.valueOf(price.get("id"));
        assertThat(created.header("Location")).isEqualTo(PATH + "/" + id);
        assertThat(price).containsEntry("source", "organization").containsEntry("model", "gpt-4o")
            .containsEntry("provider", "openai").containsEntry("match", "^(openai/)?gpt-4o$")
            .containsEntry("effective_from", "2026-01-01").containsEntry("catalog_version", "org")
            .containsEntry("created_by", admin.userId().toString());
        assertThat(price.get("prices")).isEqualTo(Map.of("input", "0.0000025", "output", "0.00001", "cache_read", "0.00000125",
            "cache_write_5m", "0.000003", "cache_write_1h", "0.000004", "reasoning", "0.000012"));
        assertThat(price.get("tiers")).isEqualTo(List.of(
            Map.of("above_input_tokens", 128000, "prices", Map.of("input", "0.000005", "output", "0.00002"))));

        assertThat(api.get(PATH + "/" + id, admin.accessToken()).data()).isEqualTo(price);
        assertThat(api.get(PATH, admin.accessToken()).list()).extracting(p -> p.get("id")).contains(id);
        assertThat(api.post(PATH, Map.of("model", "gpt-4o", "prices", Map.of("input", "0.1")), admin.accessToken()))
            .satisfies(duplicate -> {
                assertThat(duplicate.status()).isEqualTo(409);
                assertThat(duplicate.code()).isEqualTo("duplicate");
            });

        assertThat(api.call("DELETE", PATH + "/" + id, null, admin.accessToken()).status()).isEqualTo(204);
        var gone = api.get(PATH + "/" + id, admin.accessToken());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("not_found");
        var again = api.call("DELETE", PATH + "/" + id, null, admin.accessToken());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo("not_found");

        var audit = api.get("/api/v1/audit-logs?limit=200", admin.accessToken()).list();
        assertThat(audit).filteredOn(row -> id.equals(row.get("entity_id"))).extracting(row -> row.get("action"))
            .containsExactlyInAnyOrder("pricing.model_created", "pricing.model_deleted");
    }

    @Test
    void showsACatalogEntryByItsCatalogId() {
        var entry = api.get(PATH + "/claude-sonnet-4-5-20250929", admin.accessToken());

        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.data()).containsEntry("source", "catalog").containsEntry("provider", "anthropic")
            .containsEntry("catalog_version", "2026-08-22.1").containsEntry("effective_from", "2025-09-29");
        assertThat(entry.data().get("prices")).isEqualTo(Map.of("input", "0.000003", "output", "0.000015",
            "cache_read", "0.0000003", "cache_write_5m", "0.00000375", "cache_write_1h", "0.000006"));
        assertThat(api.get(PATH + "/no-such-model", admin.accessToken()).code()).isEqualTo("not_found");
        var deleteCatalogEntry = api.call("DELETE", PATH + "/gpt-4o", null, admin.accessToken());
        assertThat(deleteCatalogEntry.status()).isEqualTo(409);
        assertThat(deleteCatalogEntry.code()).isEqualTo("conflict");
        assertThat(api.call("DELETE", PATH + "/no-such-model", null, admin.accessToken()).code()).isEqualTo("not_found");
    }

    @Test
    void pagesThroughTheOrganizationsPricesThenTheWholeCatalog() {
        Api.Session owner = api.signup();
        for (String model : List.of("first-llm", "second-llm", "third-llm")) {
            assertThat(api.post(PATH, Map.of("model", model, "prices", Map.of("output", "0.000001")), owner.accessToken()).status())
                .isEqualTo(201);
        }

        List<Map<String, Object>> own = collect(owner, PATH + "?limit=2");
        List<Map<String, Object>> all = collect(owner, PATH + "?include=catalog&limit=50");

        assertThat(own).extracting(p -> p.get("model")).containsExactly("third-llm", "second-llm", "first-llm");
        assertThat(all).hasSize(3 + 167);
        assertThat(all.subList(0, 3)).isEqualTo(own);
        assertThat(all.get(3)).containsEntry("id", "gpt-4o").containsEntry("source", "catalog");
        assertThat(new HashSet<>(all.stream().map(p -> p.get("id")).toList())).hasSize(170);
        assertThat(collect(owner, PATH + "?include=catalog&limit=200")).isEqualTo(all);
    }

    @Test
    void onlyAdminsChangePricesAndEveryMemberAndReadKeyMayReadThem() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("team_lead", api.member(admin, "team_lead").accessToken());
        callers.put("member", api.member(admin, "member").accessToken());
        callers.put("viewer", api.member(admin, "viewer").accessToken());
        callers.put("read_key", api.apiKey(admin, "read"));
        callers.put("admin_key", api.apiKey(admin, "admin"));
        String existing = createPrice(admin, "role-llm");
        List<String> mismatches = new ArrayList<>();
        for (var caller : callers.entrySet()) {
            var create = api.post(PATH, Map.of("model", "x-" + caller.getKey(), "prices", Map.of("input", "0.1")), caller.getValue());
            var delete = api.call("DELETE", PATH + "/" + existing, null, caller.getValue());
            for (var response : List.of(create, delete)) {
                if (response.status() != 403 || !"forbidden".equals(response.code())) {
                    mismatches.add(caller.getKey() + " -> " + response.status() + " " + response.body());
                }
            }
            var read = api.get(PATH, caller.getValue());
            if (read.status() != 200) {
                mismatches.add(caller.getKey() + " GET -> " + read.status());
            }
        }
        var ingestOnly = api.get(PATH, api.apiKey(admin, "ingest"));

        assertThat(mismatches).isEmpty();
        assertThat(ingestOnly.status()).isEqualTo(403);
        assertThat(ingestOnly.code()).isEqualTo("forbidden");
        assertThat(api.get(PATH, null).code()).isEqualTo("unauthenticated");
        assertThat(api.call("DELETE", PATH + "/" + existing, null, admin.accessToken()).status()).isEqualTo(204);
    }

    @Test
    void anotherOrganizationCanNeitherSeeNorDeleteThisOrganizationsPrices() {
        String id = createPrice(admin, "private-llm");
        Api.Session other = api.signup();

        var read = api.get(PATH + "/" + id, other.accessToken());
        var delete = api.call("DELETE", PATH + "/" + id, null, other.accessToken());

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("not_found");
        assertThat(delete.status()).isEqualTo(404);
        assertThat(delete.code()).isEqualTo("not_found");
        assertThat(collect(other, PATH + "?include=catalog&limit=200")).extracting(p -> p.get("id")).doesNotContain(id)
            .hasSize(167);
        assertThat(api.get(PATH + "/" + id, admin.accessToken()).status()).as("still there for its owner").isEqualTo(200);
    }

    @Test
    void refusesInvalidPricesWithTheFieldsThatAreWrong() {
        Map<String, Object> good = Map.of("input", "0.000001", "output", "0.000002");
        List<Bad> corpus = List.of(
            new Bad("match", body("bad-regex", "gpt-(4o", good)),
            new Bad("match", body("nested", "(a+)+", good)),
            new Bad("match", body("backreference", "(a)\\1", good)),
            new Bad("match", body("long-match", "a".repeat(501), good)),
            new Bad("prices.input", body("negative", null, Map.of("input", "-0.000001", "output", "0.1"))),
            new Bad("prices.output", body("negative-number", null, Map.of("input", "0.1", "output", -1))),
            new Bad("prices.cache_read", body("too-precise", null, Map.of("input", "0.1", "cache_read", "0.0000000000001"))),
            new Bad("prices.reasoning", body("too-large", null, Map.of("output", "0.1", "reasoning", "100000000"))),
            new Bad("prices", body("only-cache", null, Map.of("cache_read", "0.1"))),
            new Bad("prices", body("empty-prices", null, Map.of())),
            new Bad("prices", withoutPrices("missing-prices")),
            new Bad("model", body("m".repeat(201), null, good)),
            new Bad("model", body("m".repeat(100_000), null, good)),
            new Bad("model", body("   ", null, good)),
            new Bad("provider", with(body("long-provider", null, good), "provider", "p".repeat(101))),
            new Bad("tiers[0].above_input_tokens", with(body("zero-tier", null, good), "tiers",
                List.of(Map.of("above_input_tokens", 0, "prices", good)))),
            new Bad("tiers[1].above_input_tokens", with(body("same-tier", null, good), "tiers",
                List.of(Map.of("above_input_tokens", 10, "prices", good), Map.of("above_input_tokens", 10, "prices", good)))),
            new Bad("tiers[0].prices.input", with(body("negative-tier", null, good), "tiers",
                List.of(Map.of("above_input_tokens", 10, "prices", Map.of("input", "-1"))))));

        List<String> mismatches = new ArrayList<>();
        corpus.forEach(bad -> {
            String field = bad.field();
            var response = api.post(PATH, bad.body(), admin.accessToken());
            @SuppressWarnings("unchecked")
            var fields = response.body().get("details") instanceof Map<?, ?> details
                ? (List<Map<String, Object>>) details.get("fields") : List.<Map<String, Object>>of();
            boolean named = fields != null && fields.stream().anyMatch(f -> field.equals(f.get("field")));
            if (response.status() != 400 || !"validation_failed".equals(response.code()) || !named) {
                mismatches.add(field + " -> " + response.status() + " " + response.body());
            }
        });

        assertThat(mismatches).isEmpty();
        assertThat(collect(admin, PATH + "?limit=200")).extracting(p -> String.valueOf(p.get("model")))
            .noneMatch(model -> model.startsWith("bad-") || model.startsWith("negative") || model.startsWith("too-"));
    }

    @Test
    void refusesPricesThatAreNotNumbersAndBadListParameters() {
        var notANumber = api.post(PATH, body("nan-llm", null, Map.of("input", "cheap")), admin.accessToken());
        var badLimit = api.get(PATH + "?limit=0", admin.accessToken());
        var badInclude = api.get(PATH + "?include=everything", admin.accessToken());
        var badCursor = api.get(PATH + "?cursor=bm9wZQ", admin.accessToken());

        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.code()).isEqualTo("validation_failed");
        for (var response : List.of(badLimit, badInclude, badCursor)) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation_failed");
        }
    }

    record Bad(String field, Map<String, Object> body) {
    }

    private String createPrice(Api.Session owner, String model) {
        var created = api.post(PATH, Map.of("model", model, "prices", Map.of("input", "0.000001")), owner.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return String.valueOf(created.data().get("id"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> collect(Api.Session caller, String firstPage) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String path = firstPage;
        Set<String> cursors = new HashSet<>();
        while (true) {
            var page = api.get(path, caller.accessToken());
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            rows.addAll(page.list());
            Object next = ((Map<String, Object>) page.body().get("page")).get("next_cursor");
            if (next == null) {
                return rows;
            }
            assertThat(cursors.add(String.valueOf(next))).as("cursor repeats").isTrue();
            path = firstPage + "&cursor=" + next;
        }
    }

    private static Map<String, Object> body(String model, String match, Map<String, Object> prices) {
        Map<String, Object> body = new HashMap<>();
        body.put("model", model);
        if (match != null) {
            body.put("match", match);
        }
        body.put("prices", prices);
        return body;
    }

    private static Map<String, Object> withoutPrices(String model) {
        return new HashMap<>(Map.of("model", model));
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }
}
