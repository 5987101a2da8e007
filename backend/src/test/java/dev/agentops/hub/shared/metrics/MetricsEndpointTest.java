package dev.agentops.hub.shared.metrics;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Scrapes /metrics over real HTTP after real traffic and reads the series an operator's dashboard uses. */
@MicronautTest(transactional = false)
class MetricsEndpointTest extends AppTest {

    static final String TOKEN = "metrics-scrape-token-0123456789";
    private static final Pattern DASHBOARD_SERIES =
        Pattern.compile("\\b(?:agentops|jvm|hikaricp|process|system|logback)_[a-z_]+(?=\\{|\\[|\\))");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$", Pattern.MULTILINE);

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("/")
    SseClient sse;

    @Override
    protected Map<String, String> extraProperties() {
        // read the backlog gauges on every scrape, so that the test sees the queue as it is now
        return Map.of("agentops.metrics.token", TOKEN, "agentops.metrics.gauge-refresh", "0s");
    }

    @Test
    void aScrapeAfterTrafficShowsIngestQueueWorkerPolicyLiveOutboxJvmAndPoolSeries() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String agent = api.post("/api/v1/agents", Map.of("name", "Metered"), admin.accessToken()).data().get("slug").toString();
        String key = api.apiKey(admin, "ingest", "read", "policies:check");
        Ingest ingest = new Ingest(api, key);
        for (int i = 0; i < 3; i++) {
            ingest.sendAndWait(Map.of("run_id", UUID.randomUUID().toString(), "agent_id", agent, "status", "completed"));
        }
        assertThat(ingest.send(Map.of("agent_id", agent)).status()).as("a run without run_id").isEqualTo(400);
        assertThat(api.post("/api/v1/policies/check", Map.of("agent_id", agent, "action", Map.of("type", "send_email")), key).status())
            .isEqualTo(200);
        List<Event<String>> events = new CopyOnWriteArrayList<>();
        String ticket = api.post("/api/v1/stream/ticket", null, admin.accessToken()).data().get("ticket").toString();
        Disposable stream = Flux.from(sse.eventStream(HttpRequest.GET("/api/v1/stream?ticket=" + ticket), Argument.STRING))
            .subscribe(events::add, error -> { });
        try {
            awaitFirstEvent(events);
            Map<String, Double> metrics = samples(scrape());

            assertThat(metrics.get("agentops_ingest_accepted_total")).isGreaterThanOrEqualTo(3.0);
            assertThat(metrics.get("agentops_ingest_refused_total{status=\"400\"}")).isGreaterThanOrEqualTo(1.0);
            assertThat(metrics.get("agentops_ingest_ack_seconds_count")).isGreaterThanOrEqualTo(4.0);
            assertThat(metrics.get("agentops_ingest_ack_seconds_sum")).isPositive();
            assertThat(metrics).containsKey("agentops_ingest_ack_seconds_bucket{le=\"+Inf\"}");
            assertThat(metrics.get("agentops_ingest_queue_depth")).isGreaterThanOrEqualTo(0.0);
            assertThat(metrics.get("agentops_ingest_queue_failed")).isGreaterThanOrEqualTo(0.0);
            assertThat(metrics.get("agentops_ingest_queue_oldest_age_seconds")).isGreaterThanOrEqualTo(0.0);
            assertThat(metrics.get("agentops_ingest_worker_batch_seconds_count")).isGreaterThanOrEqualTo(1.0);
            assertThat(metrics.get("agentops_ingest_worker_lag_seconds_count")).isGreaterThanOrEqualTo(1.0);
            assertThat(metrics.get("agentops_ingest_worker_lag_seconds_max")).isLessThan(60.0);
            assertThat(metrics.get("agentops_policy_check_seconds_count")).isGreaterThanOrEqualTo(1.0);
            assertThat(metrics.get("agentops_live_connections")).isEqualTo(1.0);
            assertThat(metrics.get("agentops_email_outbox_depth")).isGreaterThanOrEqualTo(0.0);
            assertThat(metrics.get("agentops_webhook_outbox_depth")).isGreaterThanOrEqualTo(0.0);
            // the heap as a whole: one pool alone (Eden) is empty right after a collection
            assertThat(metrics.entrySet().stream().filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{area=\"heap\""))
                .mapToDouble(Map.Entry::getValue).sum()).isPositive();
            assertThat(metrics.keySet()).anyMatch(name -> name.startsWith("hikaricp_connections_max{"));
            assertThat(metrics.keySet()).anyMatch(name -> name.startsWith("hikaricp_connections_active{"));
            assertThat(seriesNames(metrics)).as("every series docs/grafana-dashboard.json plots")
                .containsAll(dashboardSeries());
        } finally {
            stream.dispose();
        }
    }

    @Test
    void aMissingOrWrongTokenGets401WithTheErrorEnvelope() {
        for (HttpRequest<?> request : List.of(HttpRequest.GET("/metrics"), HttpRequest.GET("/metrics").bearerAuth("wrong-token"),
            HttpRequest.GET("/metrics").basicAuth("prometheus", TOKEN))) {
            HttpClientResponseException refused = catchThrowableOfType(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(request, String.class));
            assertThat(refused.getStatus().getCode()).isEqualTo(401);
            @SuppressWarnings("unchecked")
            Map<String, Object> body = refused.getResponse().getBody(Map.class).orElseThrow();
            assertThat(body).containsEntry("code", "unauthenticated").containsKey("request_id");
            assertThat(String.valueOf(body.get("error"))).contains("AGENTOPS_METRICS_TOKEN");
        }
    }

    private String scrape() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/metrics").bearerAuth(TOKEN), String.class);
        assertThat(response.getStatus().getCode()).isEqualTo(200);
        assertThat(response.getContentType().orElseThrow().toString()).startsWith("text/plain");
        return response.body();
    }

    private static Set<String> seriesNames(Map<String, Double> samples) {
        return samples.keySet().stream().map(name -> name.replaceFirst("\\{.*", "")).collect(Collectors.toSet());
    }

    /** The metric names in the sample dashboard's queries, so that the dashboard cannot drift from what is exported. */
    private static Set<String> dashboardSeries() throws IOException {
        String dashboard = Files.readString(Path.of("../docs/grafana-dashboard.json"));
        Set<String> names = new TreeSet<>();
        Matcher matcher = DASHBOARD_SERIES.matcher(dashboard);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        assertThat(names).hasSizeGreaterThan(15);
        return names;
    }

    /** Prometheus text format: one {@code name{labels} value} per line; comments skipped. */
    static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new HashMap<>();
        Matcher matcher = SAMPLE.matcher(text);
        while (matcher.find()) {
            samples.put(matcher.group(1), Double.parseDouble(matcher.group(2).replace("+Inf", "Infinity")));
        }
        return samples;
    }

    private static void awaitFirstEvent(List<Event<String>> events) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (events.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(events).as("the stream's ready event").isNotEmpty();
    }
}
