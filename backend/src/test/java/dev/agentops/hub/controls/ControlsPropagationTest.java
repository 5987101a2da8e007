package dev.agentops.hub.controls;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.SecondInstance;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control is in force at once where it was taken, atomically for all agents of a halted organization, and within
 * a second on another instance sharing the database and Redis.
 */
@MicronautTest(transactional = false)
class ControlsPropagationTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    SecondInstance second;

    @Override
    protected Map<String, String> extraProperties() {
        // the concurrent ingests below send a few hundred requests a second with one key
        return Map.of("agentops.rate-limits.api-key", "100000/1s burst 100000",
            "agentops.rate-limits.org-ingest-events", "1000000/1s burst 1000000");
    }

    @BeforeAll
    void startSecondInstance() {
        second = new SecondInstance(getProperties());
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    private record Ack(long sentAt, long answeredAt, String agentStatus, boolean halted) {
    }

    @Test
    void noIngestSentAfterTheKillSwitchAnsweredIsAckedActiveAndNoneFlipsBackAfterAHaltedAck() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            slugs.add(api.post("/api/v1/agents", Map.of("name", "Agent " + i), admin.accessToken()).data().get("slug").toString());
        }
        String key = api.apiKey(admin, "ingest");
        String orgSlug = api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();

        ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<?>> loops = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            loops.add(senders.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String slug = slugs.get((thread + n) % slugs.size());
                    long sentAt = System.nanoTime();
                    var ack = api.post("/api/v1/ingest/run", Map.of("run_id", "c-" + thread + "-" + n, "agent_id", slug), key);
                    long answeredAt = System.nanoTime();
                    if (ack.status() != 202) {
                        failures.add(ack.status() + " " + ack.body());
                        continue;
                    }
                    acks.add(new Ack(sentAt, answeredAt, String.valueOf(ack.body().get("agent_status")),
                        Boolean.TRUE.equals(ack.body().get("halted"))));
                }
            }));
        }
        Thread.sleep(400);
        var engaged = api.post("/api/v1/controls/kill-switch", Map.of("reason", "concurrency check", "confirm", orgSlug), admin.accessToken());
        long engagedAt = System.nanoTime();
        Thread.sleep(400);
        running.set(false);
        for (Future<?> loop : loops) {
            loop.get();
        }
        senders.shutdown();

        assertThat(engaged.status()).isEqualTo(200);
        assertThat(failures).isEmpty();
        assertThat(acks).as("acks before the engage").anyMatch(a -> a.answeredAt() < engagedAt && "active".equals(a.agentStatus()));
        assertThat(acks).as("acks sent after the engage answered").anyMatch(a -> a.sentAt() > engagedAt);
        assertThat(acks).filteredOn(a -> a.sentAt() > engagedAt)
            .allMatch(a -> "paused".equals(a.agentStatus()) && a.halted());
        long firstHaltedAnswer = acks.stream().filter(Ack::halted).mapToLong(Ack::answeredAt).min().orElseThrow();
        assertThat(acks).as("once any agent was acked halted, no agent is acked active again")
            .filteredOn(a -> a.sentAt() > firstHaltedAnswer).allMatch(a -> "paused".equals(a.agentStatus()) && a.halted());
        assertThat(acks).allMatch(a -> a.halted() == "paused".equals(a.agentStatus()));
        @SuppressWarnings("unchecked")
        var paused = (List<Map<String, Object>>) api.get("/api/v1/controls/status", admin.accessToken()).data().get("paused_agents");
        assertThat(paused).hasSize(slugs.size()).allMatch(a -> "kill_switch".equals(a.get("pause_source")));
    }

    @Test
    void aPauseOnOneInstanceIsInForceOnAnotherWithinOneSecond() {
        Api a = new Api(client);
        Api b = new Api(second.client());
        Api.Session admin = a.signup();
        String id = a.post("/api/v1/agents", Map.of("name", "Shared"), admin.accessToken()).data().get("id").toString();
        String key = a.apiKey(admin, "ingest");
        // the second instance has the agent's state cached as active
        assertThat(b.get("/api/v1/controls/agent-status?agent_id=shared", key).data()).containsEntry("agent_status", "active");
        assertThat(b.post("/api/v1/ingest/run", Map.of("run_id", "warm", "agent_id", "shared"), key).body())
            .containsEntry("agent_status", "active");

        assertThat(a.post("/api/v1/controls/pause-agent/" + id, Map.of("reason", "cross-instance"), admin.accessToken()).status()).isEqualTo(200);
        long paused = System.nanoTime();
        Duration seen = waitUntil(() -> b.get("/api/v1/controls/agent-status?agent_id=shared", key).data(),
            data -> "paused".equals(data.get("agent_status")), paused);
        assertThat(seen).as("the status read on the other instance").isLessThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(b.post("/api/v1/ingest/run", Map.of("run_id", "after", "agent_id", "shared"), key).body())
            .containsEntry("agent_status", "paused").containsEntry("paused_reason", "cross-instance");

        assertThat(a.post("/api/v1/controls/resume-agent/" + id, Map.of("reason", "done"), admin.accessToken()).status()).isEqualTo(200);
        long resumed = System.nanoTime();
        Duration back = waitUntil(() -> b.post("/api/v1/ingest/run", Map.of("run_id", "resumed", "agent_id", "shared"), key).body(),
            body -> "active".equals(body.get("agent_status")), resumed);
        assertThat(back).as("an ingest ack on the other instance").isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theKillSwitchEngagedOnOneInstanceHaltsIngestOnAnotherWithinOneSecond() {
        Api a = new Api(client);
        Api b = new Api(second.client());
        Api.Session admin = a.signup();
        a.post("/api/v1/agents", Map.of("name", "Halted"), admin.accessToken());
        String key = a.apiKey(admin, "ingest");
        String orgSlug = a.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();
        assertThat(a.post("/api/v1/ingest/run", Map.of("run_id", "warm", "agent_id", "halted"), key).body())
            .containsEntry("halted", false);

        assertThat(b.post("/api/v1/controls/kill-switch", Map.of("reason", "stop all", "confirm", orgSlug), admin.accessToken()).status())
            .isEqualTo(200);
        long engaged = System.nanoTime();
        Duration seen = waitUntil(() -> a.post("/api/v1/ingest/run", Map.of("run_id", "r-" + System.nanoTime(), "agent_id", "halted"), key).body(),
            body -> Boolean.TRUE.equals(body.get("halted")), engaged);
        assertThat(seen).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    /** Polls until the condition holds (at most 5 s); how long after {@code since} it first held. */
    private static Duration waitUntil(java.util.function.Supplier<Map<String, Object>> read, Predicate<Map<String, Object>> condition, long since) {
        long deadline = since + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.test(read.get())) {
                return Duration.ofNanos(System.nanoTime() - since);
            }
        }
        throw new AssertionError("not seen within 5 s");
    }
}
