package dev.agentops.hub.controls;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Pausing, resuming and the kill switch over HTTP: states, audit rows, no-op repeats, errors, roles and tenants. */
@MicronautTest(transactional = false)
class ControlsApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("/")
    SseClient sse;

    @Inject
    AgentPauses pauses;

    Api api;
    Api.Session admin;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        admin = api.signup();
    }

    @Test
    void aPauseIsRecordedWithWhoWhenAndWhyAndARepeatChangesNothing() {
        String id = agent(admin, "Support bot");
        Instant before = Instant.now().minus(5, ChronoUnit.SECONDS);

        var paused = pause(admin.accessToken(), id, "  sending duplicate refunds  ");
        assertThat(paused.status()).isEqualTo(200);
        assertThat(paused.data()).containsEntry("agent_id", id).containsEntry("slug", "support-bot")
            .containsEntry("agent_status", "paused").containsEntry("paused_reason", "sending duplicate refunds")
            .containsEntry("pause_source", "person");
        assertThat(paused.data().get("paused_by")).isEqualTo(Map.of("type", "user", "id", admin.userId().toString(), "name", "Test User"));
        assertThat(Instant.parse(paused.data().get("paused_at").toString())).isAfter(before);

        var again = pause(admin.accessToken(), id, "another reason");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data()).as("the current state, unchanged").containsEntry("paused_reason", "sending duplicate refunds");
        assertThat(audit("agent.paused")).hasSize(1);
        Map<String, Object> row = audit("agent.paused").get(0);
        assertThat(row).containsEntry("entity_id", id).containsEntry("actor_id", admin.userId().toString());
        assertThat(row.get("changes").toString()).contains("sending duplicate refunds").contains("before").contains("after");

        assertThat(api.get("/api/v1/agents/" + id, admin.accessToken()).data()).containsEntry("status", "paused")
            .containsEntry("paused_reason", "sending duplicate refunds").containsEntry("pause_source", "person")
            .containsKey("paused_at");

        var resumed = api.post("/api/v1/controls/resume-agent/" + id, Map.of("reason", "fixed the refund tool"), admin.accessToken());
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.data()).containsEntry("agent_status", "active").containsEntry("paused_reason", null)
            .containsEntry("paused_by", null);
        assertThat(api.post("/api/v1/controls/resume-agent/" + id, Map.of("reason", "again"), admin.accessToken()).status()).isEqualTo(200);
        assertThat(audit("agent.resumed")).hasSize(1);
        assertThat(api.get("/api/v1/agents/" + id, admin.accessToken()).data()).containsEntry("status", "active")
            .containsEntry("pause_source", null);
    }

    @Test
    void ingestAcksAndTheStatusReadSayPausedAtOnceAndTelemetryIsStillRecorded() {
        String id = agent(admin, "Worker");
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        assertThat(ingest.send(Map.of("run_id", "before", "agent_id", "worker")).body()).containsEntry("agent_status", "active")
            .containsEntry("halted", false).containsEntry("paused_reason", null);

        pause(admin.accessToken(), id, "loops on a tool");

        var ack = ingest.send(Map.of("run_id", "after", "agent_id", "worker"));
        assertThat(ack.status()).isEqualTo(202);
        assertThat(ack.body()).containsEntry("agent_status", "paused").containsEntry("halted", false)
            .containsEntry("paused_reason", "loops on a tool");
        ingest.waitFor(ack.body().get("id").toString());
        assertThat(api.get("/api/v1/runs?external_reference=after", admin.accessToken()).list()).hasSize(1);

        var bySlug = api.get("/api/v1/controls/agent-status?agent_id=worker", api.apiKey(admin, "ingest"));
        assertThat(bySlug.status()).isEqualTo(200);
        assertThat(bySlug.data()).containsEntry("agent_id", id).containsEntry("agent_status", "paused")
            .containsEntry("halted", false).containsEntry("paused_reason", "loops on a tool").containsEntry("pause_source", "person");
        assertThat(api.get("/api/v1/controls/agent-status?agent_id=" + id, admin.accessToken()).data())
            .containsEntry("agent_status", "paused");
    }

    @Test
    void theStatusListsEveryPausedAgentAndTheHalt() {
        String first = agent(admin, "First");
        agent(admin, "Second");
        pause(admin.accessToken(), first, "too expensive");
        var status = api.get("/api/v1/controls/status", admin.accessToken());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.data().get("halt")).isEqualTo(halt(false, null, null, null));
        List<Map<String, Object>> paused = pausedAgents(status);
        assertThat(paused).extracting(a -> a.get("agent_id")).containsExactly(first);
        assertThat(paused.get(0)).containsEntry("paused_reason", "too expensive").containsEntry("name", "First");
    }

    @Test
    void theKillSwitchPausesEveryAgentAndItsReleaseResumesExactlyThose() {
        String pausedBefore = agent(admin, "Already paused");
        String a = agent(admin, "Alpha");
        String b = agent(admin, "Beta");
        pause(admin.accessToken(), pausedBefore, "paused by hand before the halt");
        Map<String, Object> org = api.get("/api/v1/orgs/profile", admin.accessToken()).data();

        var engaged = api.post("/api/v1/controls/kill-switch", Map.of("reason", "agents emailing customers", "confirm", org.get("slug")),
            admin.accessToken());
        assertThat(engaged.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> halt = (Map<String, Object>) engaged.data().get("halt");
        assertThat(halt).containsEntry("engaged", true).containsEntry("reason", "agents emailing customers");
        assertThat(halt.get("engaged_by")).isEqualTo(Map.of("type", "user", "id", admin.userId().toString(), "name", "Test User"));
        assertThat(pausedAgents(engaged)).extracting(x -> x.get("agent_id")).containsExactlyInAnyOrder(pausedBefore, a, b);
        assertThat(pausedAgents(engaged)).filteredOn(x -> x.get("agent_id").equals(a)).singleElement()
            .satisfies(x -> assertThat(x).containsEntry("pause_source", "kill_switch").containsEntry("paused_reason", "agents emailing customers"));
        assertThat(pausedAgents(engaged)).filteredOn(x -> x.get("agent_id").equals(pausedBefore)).singleElement()
            .satisfies(x -> assertThat(x).containsEntry("pause_source", "person"));

        var repeat = api.post("/api/v1/controls/kill-switch", Map.of("reason", "again", "confirm", org.get("name")), admin.accessToken());
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(audit("org.halted")).as("engaging twice writes one audit row").hasSize(1);
        assertThat(audit("org.halted").get(0).get("changes").toString()).contains(a).contains(b).doesNotContain(pausedBefore);

        // an agent created during the halt is halted too; acks and the status read say why
        agent(admin, "Newcomer");
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest"));
        assertThat(ingest.send(Map.of("run_id", "during-halt", "agent_id", "newcomer")).body())
            .containsEntry("agent_status", "paused").containsEntry("halted", true).containsEntry("paused_reason", "agents emailing customers");
        assertThat(api.get("/api/v1/controls/agent-status?agent_id=alpha", admin.accessToken()).data())
            .containsEntry("agent_status", "paused").containsEntry("halted", true).containsEntry("pause_source", "kill_switch");

        var resumeHalted = api.post("/api/v1/controls/resume-agent/" + a, Map.of("reason", "just this one"), admin.accessToken());
        assertThat(resumeHalted.status()).isEqualTo(409);
        assertThat(resumeHalted.code()).isEqualTo("org_halted");

        var released = api.post("/api/v1/controls/kill-switch/release", Map.of("reason", "emails stopped"), admin.accessToken());
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.data().get("halt")).isEqualTo(halt(false, null, null, null));
        assertThat(pausedAgents(released)).extracting(x -> x.get("agent_id")).containsExactly(pausedBefore);
        assertThat(api.post("/api/v1/controls/kill-switch/release", Map.of("reason", "again"), admin.accessToken()).status()).isEqualTo(200);
        assertThat(audit("org.released")).as("releasing twice writes one audit row").hasSize(1);
        assertThat(ingest.send(Map.of("run_id", "after-halt", "agent_id", "alpha")).body())
            .containsEntry("agent_status", "active").containsEntry("halted", false);
    }

    @Test
    void aMismatchedConfirmationEngagesNothing() {
        String id = agent(admin, "Alpha");
        for (Object confirm : new Object[]{"", "wrong org", "ORG"}) {
            var refused = api.post("/api/v1/controls/kill-switch", Map.of("reason", "test", "confirm", confirm), admin.accessToken());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("confirmation_mismatch");
        }
        var missing = api.post("/api/v1/controls/kill-switch", Map.of("reason", "test"), admin.accessToken());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("confirmation_mismatch");
        assertThat(api.get("/api/v1/controls/status", admin.accessToken()).data().get("halt")).isEqualTo(halt(false, null, null, null));
        assertThat(api.get("/api/v1/agents/" + id, admin.accessToken()).data()).containsEntry("status", "active");
        assertThat(audit("org.halted")).isEmpty();
    }

    @Test
    void aPauseFromAnotherSourceTakesOverTheKillSwitchsPauseSoTheReleaseLeavesItPaused() {
        String id = agent(admin, "Spender");
        String org = api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();
        api.post("/api/v1/controls/kill-switch", Map.of("reason", "halt", "confirm", org), admin.accessToken());

        AgentControlState budgetPause = pauses.pause(admin.organizationId(), AuditActor.system(), UUID.fromString(id),
            PauseSource.BUDGET, "monthly budget exceeded");
        assertThat(budgetPause.pauseSource()).isEqualTo("budget");
        assertThat(budgetPause.pausedBy().type()).isEqualTo("system");

        api.post("/api/v1/controls/kill-switch/release", Map.of("reason", "over"), admin.accessToken());
        assertThat(api.get("/api/v1/agents/" + id, admin.accessToken()).data()).containsEntry("status", "paused")
            .containsEntry("pause_source", "budget").containsEntry("paused_reason", "monthly budget exceeded");
    }

    @Test
    void pausesAndTheKillSwitchAreAnnouncedLive() throws InterruptedException {
        String id = agent(admin, "Watched");
        String slug = api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();
        String ticket = api.post("/api/v1/stream/ticket", null, admin.accessToken()).data().get("ticket").toString();
        List<Event<Map<String, Object>>> events = new CopyOnWriteArrayList<>();
        Disposable stream = Flux.from(sse.eventStream(HttpRequest.GET("/api/v1/stream?ticket=" + ticket),
            Argument.mapOf(String.class, Object.class))).subscribe(events::add, error -> { });
        try {
            awaitEvent(events, "ready");
            pause(admin.accessToken(), id, "watch this");
            assertThat(awaitEvent(events, "agent.updated").getData()).containsEntry("agent_id", id).containsEntry("status", "paused");
            api.post("/api/v1/controls/kill-switch", Map.of("reason", "live halt", "confirm", slug), admin.accessToken());
            Map<String, Object> halted = awaitEvent(events, "org.halted").getData();
            assertThat(halted).containsEntry("engaged", true).containsEntry("reason", "live halt")
                .containsEntry("agent_ids", List.of()).containsKey("engaged_at");
            api.post("/api/v1/controls/kill-switch/release", Map.of("reason", "over"), admin.accessToken());
            assertThat(awaitEvent(events, "org.released").getData()).containsEntry("engaged", false);
        } finally {
            stream.dispose();
        }
    }

    private static Event<Map<String, Object>> awaitEvent(List<Event<Map<String, Object>>> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (Event<Map<String, Object>> event : events) {
                if (name.equals(event.getName())) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + name + " event within 15 s; got " + events.stream().map(Event::getName).toList());
    }

    @Test
    void badInputIsRefusedWithAnActionableMessage() {
        String id = agent(admin, "Alpha");
        for (Object reason : new Object[]{"", "   ", "x".repeat(501)}) {
            var refused = pause(admin.accessToken(), id, reason);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("validation_failed");
            assertThat(refused.body().get("error").toString()).contains("reason");
        }
        var noBody = api.call("POST", "/api/v1/controls/pause-agent/" + id, Map.of(), admin.accessToken());
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.code()).isEqualTo("validation_failed");
        assertThat(pause(admin.accessToken(), id, "  " + "x".repeat(500) + "  ").status()).as("500 characters once trimmed").isEqualTo(200);

        var notUuid = pause(admin.accessToken(), "not-a-uuid", "why");
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(notUuid.code()).isEqualTo("validation_failed");
        var unknown = pause(admin.accessToken(), UUID.randomUUID().toString(), "why");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("not_found");

        var noAgent = api.get("/api/v1/controls/agent-status", admin.accessToken());
        assertThat(noAgent.status()).isEqualTo(400);
        assertThat(noAgent.code()).isEqualTo("validation_failed");
        var tooLong = api.get("/api/v1/controls/agent-status?agent_id=" + "a".repeat(201), admin.accessToken());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("validation_failed");
        var nobody = api.get("/api/v1/controls/agent-status?agent_id=nobody", admin.accessToken());
        assertThat(nobody.status()).isEqualTo(404);
        assertThat(nobody.code()).isEqualTo("not_found");

        api.call("DELETE", "/api/v1/agents/" + id, null, admin.accessToken());
        var archived = pause(admin.accessToken(), id, "why");
        assertThat(archived.status()).isEqualTo(409);
        assertThat(archived.code()).isEqualTo("agent_archived");
        assertThat(api.get("/api/v1/controls/agent-status?agent_id=" + id, admin.accessToken()).data())
            .containsEntry("agent_status", "archived").containsEntry("halted", false);
    }

    @Test
    void anotherOrganizationsAgentIsNotFoundAndItsPausesAreNotListed() {
        Api.Session stranger = api.signup();
        String theirs = agent(stranger, "Their agent");
        pause(stranger.accessToken(), theirs, "their reason");
        String mine = agent(admin, "Mine");

        for (String action : List.of("pause-agent", "resume-agent")) {
            var response = api.post("/api/v1/controls/" + action + "/" + theirs, Map.of("reason", "not mine"), admin.accessToken());
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("not_found");
        }
        for (String ref : List.of(theirs, "their-agent")) {
            var read = api.get("/api/v1/controls/agent-status?agent_id=" + ref, api.apiKey(admin, "ingest"));
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.code()).isEqualTo("not_found");
        }
        assertThat(pausedAgents(api.get("/api/v1/controls/status", admin.accessToken()))).isEmpty();
        String slug = api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();
        api.post("/api/v1/controls/kill-switch", Map.of("reason", "mine only", "confirm", slug), admin.accessToken());
        assertThat(api.get("/api/v1/controls/agent-status?agent_id=their-agent", api.apiKey(stranger, "read")).data())
            .as("the other organization is not halted").containsEntry("halted", false).containsEntry("paused_reason", "their reason");
        assertThat(api.get("/api/v1/agents/" + mine, admin.accessToken()).data()).containsEntry("status", "paused");
        assertThat(api.get("/api/v1/controls/status", stranger.accessToken()).data().get("halt")).isEqualTo(halt(false, null, null, null));
    }

    @Test
    void everyControlEndpointAllowsExactlyItsRolesAndKeyScopes() {
        String slug = api.get("/api/v1/orgs/profile", admin.accessToken()).data().get("slug").toString();
        String id = agent(admin, "Subject");
        Map<String, String> callers = api.everyCaller(admin, "ingest", "read", "policies:check", "admin");

        List<String> mismatches = new ArrayList<>();
        callers.forEach((who, credential) -> {
            expect(mismatches, who, "pause", List.of("team_lead", "admin", "key:admin"),
                () -> api.post("/api/v1/controls/pause-agent/" + id, Map.of("reason", "role check"), credential));
            expect(mismatches, who, "resume", List.of("team_lead", "admin", "key:admin"),
                () -> api.post("/api/v1/controls/resume-agent/" + id, Map.of("reason", "role check"), credential));
            expect(mismatches, who, "kill-switch", List.of("admin"),
                () -> api.post("/api/v1/controls/kill-switch", Map.of("reason", "role check", "confirm", slug), credential));
            expect(mismatches, who, "release", List.of("admin"),
                () -> api.post("/api/v1/controls/kill-switch/release", Map.of("reason", "role check"), credential));
            expect(mismatches, who, "status", List.of("viewer", "member", "team_lead", "admin", "key:read", "key:admin"),
                () -> api.get("/api/v1/controls/status", credential));
            expect(mismatches, who, "agent-status",
                List.of("viewer", "member", "team_lead", "admin", "key:ingest", "key:read", "key:admin"),
                () -> api.get("/api/v1/controls/agent-status?agent_id=subject", credential));
        });
        assertThat(mismatches).isEmpty();
    }

    private void expect(List<String> mismatches, String who, String endpoint, List<String> allowed, java.util.function.Supplier<Api.Response> call) {
        Api.Response response = call.get();
        int expected = allowed.contains(who) ? 200 : "anonymous".equals(who) ? 401 : 403;
        String expectedCode = expected == 401 ? "unauthenticated" : expected == 403 ? "forbidden" : null;
        if (response.status() != expected || (expectedCode != null && !expectedCode.equals(response.code()))) {
            mismatches.add(who + " " + endpoint + ": " + response.status() + " " + response.body().get("code") + " (expected " + expected + ")");
        }
    }

    private String agent(Api.Session session, String name) {
        var created = api.post("/api/v1/agents", Map.of("name", name), session.accessToken());
        assertThat(created.status()).isEqualTo(201);
        return created.data().get("id").toString();
    }

    private Api.Response pause(String credential, String id, Object reason) {
        return api.post("/api/v1/controls/pause-agent/" + id, Map.of("reason", reason), credential);
    }

    private List<Map<String, Object>> audit(String action) {
        return api.get("/api/v1/audit-logs?action=" + action, admin.accessToken()).list();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> pausedAgents(Api.Response status) {
        return (List<Map<String, Object>>) status.data().get("paused_agents");
    }

    private static Map<String, Object> halt(boolean engaged, Object by, Object at, Object reason) {
        Map<String, Object> halt = new LinkedHashMap<>();
        halt.put("engaged", engaged);
        halt.put("engaged_by", by);
        halt.put("engaged_at", at);
        halt.put("reason", reason);
        return halt;
    }
}
