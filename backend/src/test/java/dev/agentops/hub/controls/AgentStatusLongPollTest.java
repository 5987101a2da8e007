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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The long-polling status read: held while the state is what the SDK knows, answered as soon as a control changes it
 * on any instance (two instances sharing PostgreSQL and Redis), at the end of its wait otherwise, refused beyond the
 * waiter bound.
 */
@MicronautTest(transactional = false)
class AgentStatusLongPollTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    StatusWaiters waiters;

    SecondInstance second;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.controls.max-waiters-per-org", "3", "micronaut.http.client.read-timeout", "40s");
    }

    @BeforeAll
    void startSecondInstance() {
        second = new SecondInstance(getProperties());
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    private record Timed(Api.Response response, long answeredAt) {
    }

    /** Held reads need threads of their own (the common pool has one thread on two cores). */
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool();

    private static CompletableFuture<Timed> poll(Api api, String query, String key) {
        return CompletableFuture.supplyAsync(() -> {
            Api.Response response = api.get("/api/v1/controls/agent-status?" + query, key);
            return new Timed(response, System.nanoTime());
        }, CALLERS);
    }

    @Test
    void aHeldReadOnOneInstanceAnswersWithinASecondOfAPauseOnTheOther() throws Exception {
        Api a = new Api(client);
        Api b = new Api(second.client());
        Api.Session admin = a.signup();
        String id = a.post("/api/v1/agents", Map.of("name", "Held"), admin.accessToken()).data().get("id").toString();
        String key = a.apiKey(admin, "ingest");

        CompletableFuture<Timed> held = poll(b, "agent_id=held&wait_s=20&known=active", key);
        Thread.sleep(500);
        assertThat(held).as("held while the agent is what the caller knows").isNotDone();

        var paused = a.post("/api/v1/controls/pause-agent/" + id, Map.of("reason", "long-poll"), admin.accessToken());
        long pausedAt = System.nanoTime();
        assertThat(paused.status()).isEqualTo(200);
        Timed answer = held.get(5, TimeUnit.SECONDS);
        assertThat(answer.response().status()).isEqualTo(200);
        assertThat(answer.response().data()).containsEntry("agent_status", "paused").containsEntry("paused_reason", "long-poll")
            .containsEntry("pause_source", "person").containsEntry("budget_status", "ok");
        assertThat(Duration.ofNanos(answer.answeredAt() - pausedAt)).as("from the pause's 200 to the answer")
            .isLessThanOrEqualTo(Duration.ofSeconds(1));

        // and back: a read that knows "paused" is answered by the resume, here on the same instance
        CompletableFuture<Timed> resumed = poll(a, "agent_id=" + id + "&wait_s=20&known=paused", key);
        Thread.sleep(300);
        assertThat(resumed).isNotDone();
        a.post("/api/v1/controls/resume-agent/" + id, Map.of("reason", "done"), admin.accessToken());
        long resumedAt = System.nanoTime();
        Timed back = resumed.get(5, TimeUnit.SECONDS);
        assertThat(back.response().data()).containsEntry("agent_status", "active");
        assertThat(Duration.ofNanos(back.answeredAt() - resumedAt)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theKillSwitchOnAnotherInstanceAnswersEveryHeldReadOfTheOrganization() throws Exception {
        Api a = new Api(client);
        Api b = new Api(second.client());
        Api.Session admin = a.signup();
        a.post("/api/v1/agents", Map.of("name", "One"), admin.accessToken());
        a.post("/api/v1/agents", Map.of("name", "Two"), admin.accessToken());
        String key = a.apiKey(admin, "ingest");
        String orgSlug = a.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();

        List<CompletableFuture<Timed>> held = List.of(poll(a, "agent_id=one&wait_s=20&known=active", key),
            poll(a, "agent_id=two&wait_s=20&known=active", key));
        Thread.sleep(500);
        assertThat(held).noneMatch(CompletableFuture::isDone);
        assertThat(b.post("/api/v1/controls/kill-switch", Map.of("reason", "stop", "confirm", orgSlug), admin.accessToken()).status())
            .isEqualTo(200);
        long engagedAt = System.nanoTime();
        for (CompletableFuture<Timed> read : held) {
            Timed answer = read.get(5, TimeUnit.SECONDS);
            assertThat(answer.response().data()).containsEntry("agent_status", "paused").containsEntry("halted", true)
                .containsEntry("pause_source", "kill_switch");
            assertThat(Duration.ofNanos(answer.answeredAt() - engagedAt)).isLessThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aReadWhoseStateIsStaleIsAnsweredAtOnceAndAnUnchangedOneAtTheEndOfItsWait() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Steady"), admin.accessToken());
        String key = api.apiKey(admin, "ingest");

        long start = System.nanoTime();
        var stale = api.get("/api/v1/controls/agent-status?agent_id=steady&wait_s=20&known=paused", key);
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.data()).containsEntry("agent_status", "active");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered without waiting").isLessThan(Duration.ofSeconds(2));

        start = System.nanoTime();
        var timedOut = api.get("/api/v1/controls/agent-status?agent_id=steady&wait_s=1&known=active", key);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(timedOut.status()).isEqualTo(200);
        assertThat(timedOut.data()).containsEntry("agent_status", "active").containsEntry("budget_status", "ok");
        assertThat(took).as("held for its wait_s, then answered").isBetween(Duration.ofMillis(950), Duration.ofSeconds(4));

        var immediate = api.get("/api/v1/controls/agent-status?agent_id=steady&wait_s=0&known=active", key);
        assertThat(immediate.status()).isEqualTo(200);
        assertThat(waiters.waiting()).as("no waiter left behind").isZero();
    }

    @Test
    void waitAndKnownAreValidatedAndTheWaitersOfAnOrganizationAreBounded() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Bounded"), admin.accessToken());
        String key = api.apiKey(admin, "ingest");
        for (String bad : List.of("wait_s=31&known=active", "wait_s=-1&known=active", "wait_s=abc&known=active",
            "wait_s=1.5&known=active", "wait_s=5", "wait_s=5&known=running", "known=halted")) {
            var refused = api.get("/api/v1/controls/agent-status?agent_id=bounded&" + bad, key);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).as(bad).isEqualTo("validation_failed");
            assertThat(refused.body().toString()).as(bad).containsAnyOf("wait_s", "known");
        }
        var unknown = api.get("/api/v1/controls/agent-status?agent_id=nobody&wait_s=5&known=active", key);
        assertThat(unknown.status()).isEqualTo(404);

        Api.Session stranger = api.signup();
        String strangerKey = api.apiKey(stranger, "ingest");
        var foreign = api.get("/api/v1/controls/agent-status?agent_id=bounded&wait_s=5&known=active", strangerKey);
        assertThat(foreign.status()).as("another organization's agent").isEqualTo(404);

        // max-waiters-per-org is 3 in this test
        List<CompletableFuture<Timed>> held = List.of(poll(api, "agent_id=bounded&wait_s=3&known=active", key),
            poll(api, "agent_id=bounded&wait_s=3&known=active", key), poll(api, "agent_id=bounded&wait_s=3&known=active", key));
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (waiters.waiting() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        var fourth = api.get("/api/v1/controls/agent-status?agent_id=bounded&wait_s=3&known=active", key);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(fourth.code()).isEqualTo("rate_limited");
        assertThat(fourth.header("Retry-After")).isEqualTo("1");
        var plain = api.get("/api/v1/controls/agent-status?agent_id=bounded", key);
        assertThat(plain.status()).as("a read without wait_s is never refused by the bound").isEqualTo(200);
        for (CompletableFuture<Timed> read : held) {
            assertThat(read.get(10, TimeUnit.SECONDS).response().status()).isEqualTo(200);
        }
        assertThat(waiters.waiting()).isZero();
    }
}
