package dev.agentops.hub.costs;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import dev.agentops.hub.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class CostExportTest extends AppTest {

    private static final String RANGE = "from=2026-11-20T00:00:00Z&to=2026-11-22T00:00:00Z";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    EmbeddedServer server;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @Test
    void exportsOneRfc4180LinePerRunWithFormulasNeutralisedAndFullPrecision() throws IOException {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        var agent = api.post("/api/v1/agents", Map.of("name", "=HYPERLINK(\"http://evil\",\"x\")", "slug", "alpha",
            "team", "+ops, \"north\""), admin.accessToken());
        assertThat(agent.status()).isEqualTo(201);
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        ingest.sendAndWait(CostsFixture.run("@import,\"x\"", "alpha", "2026-11-20T10:05:00Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(CostsFixture.run("-2+3", "alpha", "2026-11-21T10:05:00Z", "mystery-model-y", 7, 1));
        ingest.sendAndWait(CostsFixture.run("outside", "alpha", "2026-11-23T10:05:00Z", "gpt-4o", 7, 1));

        HttpResponse<String> response = csv("/api/v1/costs/export.csv?" + RANGE + "&group_by=run", admin.accessToken());
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/csv");
        String org = api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();
        assertThat(response.getHeaders().get("Content-Disposition"))
            .isEqualTo("attachment; filename=\"agentops-costs-" + org + "-20261120T0000Z-20261122T0000Z-by-run.csv\"");
        String body = response.body();
        assertThat(body).contains("\r\n");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(body)).getRecords();
        assertThat(rows).hasSize(2);
        CSVRecord first = rows.get(0);
        assertThat(first.get("external_reference")).isEqualTo("'@import,\"x\"");
        assertThat(first.get("agent_name")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(first.get("team")).isEqualTo("'+ops, \"north\"");
        assertThat(first.get("cost_usd")).isEqualTo("0.0035");
        assertThat(first.get("start_time")).isEqualTo("2026-11-20T10:05:00Z");
        assertThat(first.get("cost_source")).isEqualTo("computed");
        assertThat(rows.get(1).get("external_reference")).isEqualTo("'-2+3");
        assertThat(rows.get(1).get("cost_usd")).as("unpriced: unknown, not 0").isEmpty();
        assertThat(rows.get(1).get("cost_source")).isEqualTo("unpriced");
    }

    @Test
    void exportsGroupedByDayAgentTeamAndModelFromTheRollups() throws IOException {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        CostApiTest.agent(api, admin, "alpha", "ml");
        CostApiTest.agent(api, admin, "beta", "ops");
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        ingest.sendAndWait(CostsFixture.run("a1", "alpha", "2026-11-20T10:05:00Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(CostsFixture.run("a2", "alpha", "2026-11-21T10:05:00Z", "gpt-4o", 1000, 100));
        ingest.sendAndWait(CostsFixture.run("b1", "beta", "2026-11-21T11:05:00Z", "mystery-model-z", 1000, 100));
        Map<String, List<String>> expected = Map.of(
            "day", List.of("2026-11-20,0.0035,1,0,1000,100", "2026-11-21,0.0035,2,1,2000,200"),
            "team", List.of("ml,0.007,2,0,2000,200", "ops,0,1,1,1000,100"),
            "model", List.of("gpt-4o,0.007,2,0,2000,200", "mystery-model-z,0,1,1,1000,100"));
        for (var entry : expected.entrySet()) {
            String body = csv("/api/v1/costs/export.csv?" + RANGE + "&group_by=" + entry.getKey(), admin.accessToken()).body();
            List<String> lines = body.lines().toList();
            assertThat(lines.get(0)).isEqualTo(entry.getKey() + ",cost_usd,runs,unpriced_runs,input_tokens,output_tokens");
            assertThat(lines.subList(1, lines.size())).as(entry.getKey()).containsExactlyElementsOf(entry.getValue());
        }
        List<String> agents = csv("/api/v1/costs/export.csv?" + RANGE + "&group_by=agent", admin.accessToken()).body().lines().toList();
        assertThat(agents.get(0)).isEqualTo("agent_id,agent_name,team,cost_usd,runs,unpriced_runs,input_tokens,output_tokens");
        assertThat(agents.get(1)).contains(",Alpha,ml,0.007,2,0,");
    }

    @Test
    void aLargeExportStreamsFromTheFirstLine() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        UUID agent = UUID.fromString(CostApiTest.agent(api, admin, "alpha", null));
        int runs = 30_000;
        tenants.run(admin.organizationId(), () -> Sql.update(tx.getConnection(), """
            insert into runs (organization_id, agent_id, external_reference, status, start_time, model, cost_usd, cost_source)
            select ?, ?, 'bulk-' || i, 'completed', timestamptz '2026-11-20T00:00:00Z' + i * interval '1 second', 'gpt-4o',
                   0.0000000001 * i, 'computed'
              from generate_series(1, ?) as i""", admin.organizationId(), agent, runs));
        var request = java.net.http.HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/costs/export.csv?" + RANGE))
            .header("Authorization", "Bearer " + admin.accessToken()).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, so the length is not known up front").isEmpty();
        try (InputStream in = response.body();
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).startsWith("run_id,external_reference,");
            long lines = 0;
            String last = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                last = line;
            }
            assertThat(lines).isEqualTo(runs);
            assertThat(last).contains("bulk-" + runs).contains(",0.000003,");
        }
    }

    @Test
    void refusesAnUnknownGroupingOrRangeBeforeStreaming() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        var grouping = api.get("/api/v1/costs/export.csv?group_by=week", admin.accessToken());
        assertThat(grouping.status()).isEqualTo(400);
        assertThat(grouping.code()).isEqualTo("validation_failed");
        var range = api.get("/api/v1/costs/export.csv?from=2026-11-22T00:00:00Z&to=2026-11-20T00:00:00Z", admin.accessToken());
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.code()).isEqualTo("validation_failed");
    }

    @Test
    void theExportNeedsRunsReadAndShowsOnlyTheCallersOrganization() throws IOException {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        CostApiTest.agent(api, admin, "alpha", null);
        new Ingest(api, api.apiKey(admin, "ingest")).sendAndWait(CostsFixture.run("mine", "alpha", "2026-11-20T10:05:00Z", "gpt-4o", 1, 1));
        Api.Session other = api.signup();
        assertThat(csv("/api/v1/costs/export.csv?" + RANGE, other.accessToken()).body().lines().toList()).hasSize(1);
        for (var caller : CostsFixture.everyCaller(api, admin).entrySet()) {
            int status;
            try {
                status = csv("/api/v1/costs/export.csv?" + RANGE + "&group_by=day", caller.getValue()).code();
            } catch (HttpClientResponseException e) {
                status = e.getStatus().getCode();
            }
            assertThat(status).as(caller.getKey()).isEqualTo(CostsFixture.expected(caller.getKey(), CostsFixture.READERS, 200));
        }
    }

    private HttpResponse<String> csv(String path, String credential) {
        var request = HttpRequest.GET(path);
        if (credential != null) {
            if (credential.startsWith("aoh_")) {
                request.header("X-API-Key", credential);
            } else {
                request.bearerAuth(credential);
            }
        }
        return client.toBlocking().exchange(request, String.class);
    }
}
