package dev.agentops.hub.otel;

import com.google.protobuf.UnknownFieldSet;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Traces from a real OpenTelemetry SDK become runs priced and merged like REST ingest; bad exports store nothing. */
@MicronautTest(transactional = false)
class OtelIngestTest extends AppTest {

    private static final String PROTOBUF = "application/x-protobuf";
    private static final String JSON = "application/json";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    Api api;
    Api.Session admin;
    String key;
    OtlpClient otlp;
    Instant start;

    @Override
    protected Map<String, String> extraProperties() {
        // sign-ups on a loaded machine took longer than the client's default 10 s
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @BeforeEach
    void anOrganizationWithAnIngestKey() {
        api = new Api(client);
        admin = api.signup();
        key = api.apiKey(admin, "ingest");
        otlp = new OtlpClient(endpoint(), key);
        // inside the agent list's 24 h window whatever the date: relative to the server's clock
        start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void theSdksProtobufExportBecomesOneRunWithExactCostAndTimeline() throws Exception {
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder().setEndpoint(endpoint())
            .addHeader("Authorization", "Bearer " + key).setCompression("gzip").build();
        ResearchTrace trace = ResearchTrace.record("research-service", start, false, BatchSpanProcessor.builder(exporter).build());

        Map<String, Object> run = runOnceProcessed(trace.traceId());
        assertResearchRun(run, trace);
        var events = events(run);
        assertThat(events).extracting(e -> e.get("event_type")).containsExactly("llm_call", "tool_call", "llm_call");
        assertThat(events).extracting(e -> e.get("event_id")).containsExactly(trace.span("chat gpt-4o").getSpanId(),
            trace.span("execute_tool search").getSpanId(), trace.spans.get(2).getSpanId());
        assertThat(events).extracting(e -> e.get("timestamp")).containsExactly(start.plusSeconds(1).toString(),
            start.plusSeconds(2).toString(), start.plusSeconds(3).toString());
        assertThat(events).extracting(e -> ((Number) e.get("duration_ms")).longValue()).containsExactly(1000L, 1000L, 1500L);
        assertThat(new BigDecimal(events.get(0).get("cost_usd").toString())).isEqualByComparingTo("0.004");
        assertThat(events.get(0)).containsEntry("model", "gpt-4o").containsEntry("cache_read_tokens", 400);
        assertThat(events.get(1).get("payload")).isEqualTo(Map.of("tool_name", "search", "call_id", "call_1"));
        @SuppressWarnings("unchecked")
        var chatPayload = (Map<String, Object>) events.get(0).get("payload");
        assertThat(chatPayload).containsEntry("provider", "openai").containsEntry("operation", "chat");

        var agents = api.get("/api/v1/agents", admin.accessToken()).list();
        assertThat(agents).singleElement().satisfies(agent -> assertThat(agent).containsEntry("slug", "research-bot")
            .containsEntry("name", ResearchTrace.AGENT_NAME).containsEntry("discovered", true)
            .containsEntry("id", run.get("agent_id")));
    }

    @Test
    void theJsonEncodingGivesTheSameRun() throws Exception {
        ResearchTrace trace = ResearchTrace.record("research-service", start, false);

        OtlpClient.Answer answer = otlp.post(OtlpClient.json(trace.spans), JSON);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith(JSON);
        assertThat(answer.text()).isEqualTo("{}");
        assertResearchRun(runOnceProcessed(trace.traceId()), trace);
    }

    @Test
    void aTraceSplitOutOfOrderAndSentAgainIsOneRunCountedOnce() throws Exception {
        ResearchTrace trace = ResearchTrace.record("research-bot", start, true);

        for (var batch : List.of(trace.children(), trace.root(), trace.spans, trace.children().subList(1, 3))) {
            OtlpClient.Answer answer = otlp.post(OtlpClient.gzip(OtlpClient.protobuf(batch)), PROTOBUF, "gzip");
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            assertThat(ExportTraceServiceResponse.parseFrom(answer.body()).hasPartialSuccess()).isFalse();
        }

        Map<String, Object> run = runOnceProcessed(trace.traceId());
        assertThat(api.get("/api/v1/runs?external_reference=" + trace.traceId(), admin.accessToken()).list()).hasSize(1);
        assertThat(run).containsEntry("status", "failed").containsEntry("error", "refusal: the model refused")
            .containsEntry("input_tokens", 1500).containsEntry("output_tokens", 300).containsEntry("duration_ms", 5000);
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo(ResearchTrace.COST);
        assertThat(events(run)).hasSize(3);
        assertThat(api.get("/api/v1/agents", admin.accessToken()).list()).hasSize(1);
    }

    @Test
    void aSpanThatCannotBeReadIsRefusedAloneTheOthersAreKept() throws Exception {
        ResearchTrace trace = ResearchTrace.record("research-service", start, false);
        String json = new String(OtlpClient.json(trace.spans), StandardCharsets.UTF_8)
            .replaceFirst("\"intValue\":\"500\"", "\"stringValue\":\"five hundred\"");

        OtlpClient.Answer answer = otlp.post(json.getBytes(StandardCharsets.UTF_8), JSON);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).contains("\"rejectedSpans\":\"1\"").contains("gen_ai.usage.input_tokens must be a whole number");
        Map<String, Object> run = runOnceProcessed(trace.traceId());
        assertThat(run).containsEntry("status", "completed").containsEntry("input_tokens", 1000);
        assertThat(events(run)).hasSize(2);
    }

    @Test
    void badExportsAreRefusedInOtlpsShapeAndStoreNothing() throws Exception {
        ResearchTrace trace = ResearchTrace.record("research-service", start, false);

        OtlpClient.Answer garbage = otlp.post(new byte[]{0x0a, (byte) 0xff, 0x01, 0x02}, PROTOBUF);
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.contentType()).startsWith(PROTOBUF);
        UnknownFieldSet status = UnknownFieldSet.parseFrom(garbage.body());
        assertThat(status.getField(1).getVarintList()).containsExactly(3L);
        assertThat(status.getField(2).getLengthDelimitedList().get(0).toStringUtf8()).contains("not a protobuf ExportTraceServiceRequest");

        OtlpClient.Answer wrongType = otlp.post(OtlpClient.protobuf(trace.spans), "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.text()).contains("\"code\":3").contains("application/x-protobuf or application/json");

        OtlpClient.Answer notJson = otlp.post("{\"resourceSpans\": [".getBytes(), JSON);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.text()).contains("not valid JSON");

        OtlpClient.Answer badId = otlp.post("{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"xyz\"}]}]}]}".getBytes(), JSON);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.text()).contains("traceId 'xyz' must be 32 hex digits");

        var withNul = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest.parseFrom(OtlpClient.protobuf(trace.spans))
            .toBuilder();
        withNul.getResourceSpansBuilder(0).getScopeSpansBuilder(0).getSpansBuilder(0).setName("chat\u0000");
        OtlpClient.Answer nul = otlp.post(withNul.build().toByteArray(), PROTOBUF);
        assertThat(nul.status()).as("NUL cannot be stored by PostgreSQL").isEqualTo(400);
        assertThat(UnknownFieldSet.parseFrom(nul.body()).getField(2).getLengthDelimitedList().get(0).toStringUtf8())
            .contains("cannot be stored");

        OtlpClient.Answer notGzip = otlp.post(OtlpClient.protobuf(trace.spans), PROTOBUF, "br");
        assertThat(notGzip.status()).isEqualTo(415);

        byte[] bomb = OtlpClient.gzip(new byte[3 * 1024 * 1024]);
        OtlpClient.Answer inflatedTooLarge = otlp.post(bomb, PROTOBUF, "gzip");
        assertThat(inflatedTooLarge.status()).isEqualTo(413);
        // the server inflates gzip before the endpoint sees the body, and its size limit applies to what it inflates
        assertThat(inflatedTooLarge.text()).contains("payload_too_large");

        OtlpClient.Answer tooLarge = otlp.post(new byte[3 * 1024 * 1024], PROTOBUF);
        assertThat(tooLarge.status()).isEqualTo(413);

        String onlyBadSpan = new String(OtlpClient.json(List.of(trace.spans.get(0))),
            StandardCharsets.UTF_8).replaceFirst("\"intValue\":\"1000\"", "\"intValue\":\"-5\"");
        OtlpClient.Answer allRefused = otlp.post(onlyBadSpan.getBytes(StandardCharsets.UTF_8), JSON);
        assertThat(allRefused.status()).isEqualTo(400);
        assertThat(allRefused.text()).contains("\"code\":3").contains("gen_ai.usage.input_tokens");

        assertThat(api.get("/api/v1/runs", admin.accessToken()).list()).isEmpty();
        assertThat(api.get("/api/v1/agents", admin.accessToken()).list()).isEmpty();
        assertThat(queued()).isZero();
    }

    @Test
    void unknownAttributesAndFieldsAreIgnoredAsOtlpRequires() throws Exception {
        ResearchTrace trace = ResearchTrace.record("research-service", start, false);
        String json = new String(OtlpClient.json(trace.spans), StandardCharsets.UTF_8)
            .replaceFirst("\"attributes\":\\[", "\"attributes\":[{\"key\":\"vendor.custom\",\"value\":{\"kvlistValue\":{}}},")
            .replaceFirst("\\{\"resourceSpans\"", "{\"someFutureField\":{\"x\":1},\"resourceSpans\"");

        OtlpClient.Answer answer = otlp.post(json.getBytes(StandardCharsets.UTF_8), JSON);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertResearchRun(runOnceProcessed(trace.traceId()), trace);
    }

    @Test
    void anOrganizationThatTurnedDiscoveryOffNeedsTheAgentToExist() throws Exception {
        assertThat(api.call("PATCH", "/api/v1/orgs/profile", Map.of("discover_agents", false), admin.accessToken()).data())
            .containsEntry("discover_agents", false);
        ResearchTrace trace = ResearchTrace.record("research-service", start, false);

        OtlpClient.Answer refused = otlp.post(OtlpClient.protobuf(trace.spans), PROTOBUF);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(UnknownFieldSet.parseFrom(refused.body()).getField(2).getLengthDelimitedList().get(0).toStringUtf8())
            .contains("no agent 'research-bot'").contains("discover_agents is off");
        assertThat(api.get("/api/v1/agents", admin.accessToken()).list()).isEmpty();

        api.post("/api/v1/agents", Map.of("name", "Research bot", "slug", "research-bot"), admin.accessToken());
        assertThat(otlp.post(OtlpClient.protobuf(trace.spans), PROTOBUF).status()).isEqualTo(200);
        Map<String, Object> run = runOnceProcessed(trace.traceId());
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo(ResearchTrace.COST);
        assertThat(api.get("/api/v1/agents", admin.accessToken()).list()).singleElement()
            .satisfies(agent -> assertThat(agent).containsEntry("discovered", false));
    }

    @Test
    void anotherOrganizationsKeyNeitherReachesNorSeesTheRun() throws Exception {
        ResearchTrace trace = ResearchTrace.record("research-service", start, false);
        assertThat(otlp.post(OtlpClient.protobuf(trace.spans), PROTOBUF).status()).isEqualTo(200);
        Map<String, Object> runA = runOnceProcessed(trace.traceId());

        Api.Session adminB = api.signup();
        String keyB = api.apiKey(adminB, "ingest", "read");
        // B sends the same trace id, naming A's agent by its id: it lands in B's own run and agent
        String sameTraceNamingA = new String(OtlpClient.json(trace.spans), StandardCharsets.UTF_8)
            .replace("\"stringValue\":\"" + ResearchTrace.AGENT_NAME + "\"", "\"stringValue\":\"" + runA.get("agent_id") + "\"");
        assertThat(new OtlpClient(endpoint(), keyB).post(sameTraceNamingA.getBytes(StandardCharsets.UTF_8), JSON).status())
            .isEqualTo(200);
        for (String token : List.of(keyB, adminB.accessToken())) {
            assertThat(api.get("/api/v1/runs/" + runA.get("id"), token).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/agents/" + runA.get("agent_id"), token).status()).isEqualTo(404);
        }
        awaitQueueEmpty(admin.organizationId(), adminB.organizationId());
        var runsOfA = api.get("/api/v1/runs?external_reference=" + trace.traceId(), admin.accessToken()).list();
        assertThat(runsOfA).singleElement().satisfies(run -> assertThat(run).containsEntry("id", runA.get("id")));
        assertThat(events(runA)).hasSize(3);
        var runsOfB = api.get("/api/v1/runs?external_reference=" + trace.traceId(), adminB.accessToken()).list();
        assertThat(runsOfB).singleElement().satisfies(run -> assertThat(run.get("id")).isNotEqualTo(runA.get("id")));
    }

    private void assertResearchRun(Map<String, Object> run, ResearchTrace trace) {
        assertThat(run).containsEntry("status", "completed").containsEntry("external_reference", trace.traceId())
            .containsEntry("start_time", trace.start.toString()).containsEntry("end_time", trace.start.plusSeconds(5).toString())
            .containsEntry("duration_ms", 5000).containsEntry("input_tokens", 1500).containsEntry("output_tokens", 300)
            .containsEntry("cache_read_tokens", 400).containsEntry("cost_source", "computed");
        assertThat(new BigDecimal(run.get("cost_usd").toString())).isEqualByComparingTo(ResearchTrace.COST);
    }

    /** The run of the trace once every queued piece is processed. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> runOnceProcessed(String traceId) throws Exception {
        awaitQueueEmpty(admin.organizationId());
        assertThat(failedJobErrors()).as("pieces that ended failed instead of merging").isEmpty();
        Map<String, Object> run = await(() -> api.get("/api/v1/runs?external_reference=" + traceId, admin.accessToken()).list(),
            list -> !list.isEmpty()).get(0);
        return (Map<String, Object>) api.get("/api/v1/runs/" + run.get("id"), admin.accessToken()).data().get("run");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> events(Map<String, Object> run) {
        return (List<Map<String, Object>>) api.get("/api/v1/runs/" + run.get("id"), admin.accessToken()).data().get("events");
    }

    private long queued() throws SQLException {
        try (Connection queue = queueConnection()) {
            return Sql.count(queue, "select count(*) from ingest_queue where organization_id = ?", admin.organizationId());
        }
    }

    private List<Object> failedJobErrors() throws SQLException {
        try (Connection queue = queueConnection()) {
            return Sql.column(queue, "select last_error from ingest_queue where organization_id = ? and status = 'failed'",
                admin.organizationId());
        }
    }

    /**
     * The queue as the workers see it, across organizations: row-level security hides every queued row from a
     * connection without the ingestion door (the owner too), and a count through it would always be 0.
     */
    private static Connection queueConnection() throws SQLException {
        Connection connection = TestDatabase.ownerConnection();
        Sql.column(connection, "select set_config('app.ingest', 'on', false)");
        return connection;
    }

    /** Waits until no piece of these organizations waits in the queue (other test classes' jobs are not ours to wait for). */
    private void awaitQueueEmpty(UUID... organizations) throws Exception {
        await(() -> {
            try (Connection queue = queueConnection()) {
                long queued = 0;
                for (UUID organization : organizations) {
                    queued += Sql.count(queue, "select count(*) from ingest_queue where organization_id = ? and status = 'queued'",
                        organization);
                }
                return queued;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, count -> count == 0);
    }

    private static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        T value = read.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("still " + value + " after 30 s");
            }
            Thread.sleep(50);
            value = read.get();
        }
        return value;
    }

    private String endpoint() {
        return server.getURL() + "/api/v1/otel/v1/traces";
    }
}
