package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import dev.agentops.hub.support.MovableClock;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.agentops.hub.support.Sql.column;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class ApprovalApiTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    ApprovalService approvals;
    @Inject
    ApprovalSweep sweep;
    @Inject
    MovableClock clock;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;

    Api api;
    ApprovalFixture fixture;
    Api.Session admin;
    Api.Session teamLead;
    UUID agentId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.test.movable-clock", "true");
    }

    @BeforeAll
    void organization() {
        api = new Api(client);
        fixture = new ApprovalFixture(approvals, tenants, tx);
        admin = api.signup();
        teamLead = api.member(admin, "team_lead");
        agentId = agent(admin, "sales-bot");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void ofTwoConcurrentDecidersExactlyOneWinsAndTheOtherIsToldAlreadyDecided() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                UUID id = fixture.open(admin.organizationId(), agentId, "race-" + round, List.of("role:team_lead"), 60).id();
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Api.Response> approve = () -> {
                    start.await();
                    return api.post("/api/v1/approvals/" + id + "/approve", Map.of("comment", "ok"), teamLead.accessToken());
                };
                Callable<Api.Response> reject = () -> {
                    start.await();
                    return api.post("/api/v1/approvals/" + id + "/reject", Map.of("comment", "no"), admin.accessToken());
                };
                Future<Api.Response> a = pool.submit(approve);
                Future<Api.Response> r = pool.submit(reject);
                List<Api.Response> answers = List.of(a.get(), r.get());

                assertThat(answers).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 409);
                Api.Response loser = answers.stream().filter(x -> x.status() == 409).findFirst().orElseThrow();
                assertThat(loser.code()).isEqualTo("already_decided");
                Api.Response winner = answers.stream().filter(x -> x.status() == 200).findFirst().orElseThrow();
                assertThat(api.get("/api/v1/approvals/" + id, admin.accessToken()).data().get("status"))
                    .isEqualTo(winner.data().get("status"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRequestPastItsTimeReadsExpiredAtOnceIsNeverApprovedAndTheSweepWritesExpiredNotRejected() {
        UUID id = fixture.open(admin.organizationId(), agentId, "expiry-run", List.of("role:team_lead"), 1).id();
        clock.advance(Duration.ofMinutes(2));

        assertThat(api.get("/api/v1/approvals/" + id, admin.accessToken()).data()).containsEntry("status", "expired");
        assertThat(ids(api.get("/api/v1/approvals/pending", admin.accessToken()))).doesNotContain(id.toString());
        assertThat(ids(api.get("/api/v1/approvals?status=expired", admin.accessToken()))).contains(id.toString());

        UUID other = fixture.open(admin.organizationId(), agentId, "expiry-run-2", List.of("role:team_lead"), 1).id();
        clock.advance(Duration.ofMinutes(2));
        Api.Response late = api.post("/api/v1/approvals/" + id + "/approve", Map.of(), teamLead.accessToken());
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.code()).isEqualTo("approval_expired");

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);
        assertThat(storedStatus(other)).isEqualTo("expired");
        assertThat(storedStatus(id)).isEqualTo("expired");
        Map<String, Object> wait = api.get("/api/v1/approvals/" + other + "/wait?timeout_s=5", admin.accessToken()).data();
        assertThat(wait).containsEntry("status", "expired").containsEntry("decided_by", null);
        assertThat(auditActions()).contains("approval.expired");
    }

    @Test
    void timeoutsAreClampedToOneMinuteAndSevenDays() {
        Instant before = Instant.now();
        OpenedApproval tooShort = fixture.open(admin.organizationId(), agentId, "clamp-1", List.of(), 0);
        OpenedApproval tooLong = fixture.open(admin.organizationId(), agentId, "clamp-2", List.of(), 100_000);

        assertThat(Duration.between(before, tooShort.expiresAt())).isBetween(Duration.ofSeconds(55), Duration.ofMinutes(2));
        assertThat(Duration.between(before, tooLong.expiresAt())).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7).plusMinutes(1));
        assertThat(api.get("/api/v1/approvals/" + tooShort.id(), admin.accessToken()).data().get("approvers"))
            .isEqualTo(List.of("role:team_lead"));
    }

    @Test
    void aRoleApproverMeansThatRoleOrAboveAndAUserApproverExactlyThatPerson() {
        UUID adminsOnly = fixture.open(admin.organizationId(), agentId, "roles-1", List.of("role:admin"), 60).id();
        Api.Response lead = api.post("/api/v1/approvals/" + adminsOnly + "/approve", Map.of(), teamLead.accessToken());
        assertThat(lead.status()).isEqualTo(403);
        assertThat(lead.code()).isEqualTo("forbidden");
        assertThat(api.post("/api/v1/approvals/" + adminsOnly + "/approve", Map.of(), admin.accessToken()).status()).isEqualTo(200);

        UUID leads = fixture.open(admin.organizationId(), agentId, "roles-2", List.of("role:team_lead"), 60).id();
        assertThat(api.post("/api/v1/approvals/" + leads + "/reject", Map.of("comment", "not now"), admin.accessToken()).data())
            .containsEntry("status", "rejected").containsEntry("comment", "not now");

        Api.Session otherLead = api.member(admin, "team_lead");
        UUID named = fixture.open(admin.organizationId(), agentId, "roles-3", List.of("user:" + otherLead.userId()), 60).id();
        Api.Response notNamed = api.post("/api/v1/approvals/" + named + "/approve", Map.of(), teamLead.accessToken());
        assertThat(notNamed.status()).isEqualTo(403);
        assertThat(notNamed.code()).isEqualTo("forbidden");
        assertThat(api.post("/api/v1/approvals/" + named + "/approve", Map.of(), admin.accessToken()).status()).isEqualTo(403);
        Api.Response approved = api.post("/api/v1/approvals/" + named + "/approve", Map.of("comment", "fine"), otherLead.accessToken());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.data()).containsEntry("status", "approved").containsEntry("decided_by", otherLead.userId().toString());

        Api.Session member = api.member(admin, "member");
        UUID anyone = fixture.open(admin.organizationId(), agentId, "roles-4", List.of("role:member"), 60).id();
        Api.Response withoutPermission = api.post("/api/v1/approvals/" + anyone + "/approve", Map.of(), member.accessToken());
        assertThat(withoutPermission.status()).isEqualTo(403);
        assertThat(withoutPermission.code()).isEqualTo("forbidden");
        assertThat(auditActions()).contains("approval.approved", "approval.rejected", "approval.requested");
    }

    @Test
    void apiKeysReadAndWaitButNeverDecide() {
        UUID id = fixture.open(admin.organizationId(), agentId, "keys-1", List.of("role:team_lead"), 60).id();
        String adminKey = api.apiKey(admin, "admin");
        Api.Response decided = api.post("/api/v1/approvals/" + id + "/approve", Map.of(), adminKey);
        assertThat(decided.status()).isEqualTo(403);
        assertThat(decided.code()).isEqualTo("forbidden");

        String checkKey = api.apiKey(admin, "policies:check");
        assertThat(api.get("/api/v1/approvals/" + id, checkKey).data()).containsEntry("status", "pending");
        assertThat(api.get("/api/v1/approvals/" + id + "/wait?timeout_s=0", checkKey).data()).containsEntry("status", "pending");
        Api.Response ingestOnly = api.get("/api/v1/approvals/" + id, api.apiKey(admin, "ingest"));
        assertThat(ingestOnly.status()).isEqualTo(403);
        assertThat(ingestOnly.code()).isEqualTo("forbidden");
    }

    @Test
    void aPausedAgentsActionCannotBeApprovedButCanBeRejected() {
        UUID paused = agent(admin, "paused-bot");
        UUID first = fixture.open(admin.organizationId(), paused, "paused-1", List.of("role:team_lead"), 60).id();
        UUID second = fixture.open(admin.organizationId(), paused, "paused-2", List.of("role:team_lead"), 60).id();
        assertThat(api.post("/api/v1/controls/pause-agent/" + paused, Map.of("reason", "investigating"), admin.accessToken()).status())
            .isEqualTo(200);

        Api.Response approve = api.post("/api/v1/approvals/" + first + "/approve", Map.of(), teamLead.accessToken());
        assertThat(approve.status()).isEqualTo(409);
        assertThat(approve.code()).isEqualTo("agent_paused");
        assertThat(api.post("/api/v1/approvals/" + second + "/reject", Map.of(), teamLead.accessToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/approvals/" + first, admin.accessToken()).data()).containsEntry("status", "pending");
    }

    @Test
    void anApprovedActionRunsOnceAndOnlyAsApproved() {
        String key = api.apiKey(admin, "ingest", "policies:check");
        Ingest ingest = new Ingest(api, key);
        String run = "bind-" + UUID.randomUUID();
        UUID id = fixture.open(admin.organizationId(), agentId, run, List.of("role:team_lead"), 60).id();

        Api.Response early = ingest.send(piece(run, "e1", id, "customer-42", 15));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("approval_not_approved");

        assertThat(api.post("/api/v1/approvals/" + id + "/approve", Map.of(), teamLead.accessToken()).status()).isEqualTo(200);

        Api.Response other = ingest.send(piece(run, "e-other", id, "customer-42", 50));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("approval_mismatch");

        Api.Response used = ingest.send(piece(run, "e2", id, "customer-42", 15.0));
        assertThat(used.status()).as(used.body().toString()).isEqualTo(202);
        ingest.waitFor(String.valueOf(used.body().get("id")));
        assertThat(ingest.send(piece(run, "e2", id, "customer-42", 15)).status()).as("a retry of the same event").isEqualTo(202);

        Api.Response again = ingest.send(piece(run, "e3", id, "customer-42", 15));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("approval_consumed");

        Api.Response unknown = ingest.send(piece(run, "e4", UUID.randomUUID(), "customer-42", 15));
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(unknown.code()).isEqualTo("approval_mismatch");

        assertThat(api.get("/api/v1/approvals/" + id, admin.accessToken()).data())
            .containsEntry("consumed_by_event", run + "/e2");
        Map<String, Map<String, Object>> events = eventsOf(run, 4);
        assertThat(events).containsKeys("approval_requested-" + id, "approval_decided-" + id, "e2", "e-other");
        assertThat(events.get("e-other").get("payload")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("approval_error", "approval_mismatch");
        assertThat(events.get("approval_decided-" + id).get("payload")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("decision", "approved");
    }

    @Test
    void aRetriedCheckReusesThePendingRequestOfTheSameActionAndRun() {
        UUID policy = fixture.policy(admin.organizationId());
        OpenApproval check = new OpenApproval(admin.organizationId(), null, agentId, "reuse-run", "apply_discount",
            ApprovalFixture.DISCOUNT, policy, 3, "Discounts", List.of("role:team_lead"), 60);
        OpenedApproval first = approvals.open(check);
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("discount_percent", 15.0);
        reordered.put("target", "customer-42");
        reordered.put("type", "apply_discount");
        OpenedApproval second = approvals.open(new OpenApproval(admin.organizationId(), null, agentId, "reuse-run", "apply_discount",
            reordered, policy, 3, "Discounts", List.of("role:team_lead"), 60));
        OpenedApproval otherRun = approvals.open(new OpenApproval(admin.organizationId(), null, agentId, "reuse-run-2",
            "apply_discount", ApprovalFixture.DISCOUNT, policy, 3, "Discounts", List.of("role:team_lead"), 60));

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(otherRun.id()).isNotEqualTo(first.id());
    }

    @Test
    void listsFilterByStatusAgentAndTimeAndPageWithACursor() {
        UUID lister = agent(admin, "lister-bot");
        List<UUID> opened = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            opened.add(fixture.open(admin.organizationId(), lister, "list-" + i, List.of("role:team_lead"), 60).id());
        }
        api.post("/api/v1/approvals/" + opened.get(0) + "/approve", Map.of(), teamLead.accessToken());

        Api.Response page1 = api.get("/api/v1/approvals?agent_id=" + lister + "&limit=2", admin.accessToken());
        assertThat(ids(page1)).containsExactly(opened.get(2).toString(), opened.get(1).toString());
        String cursor = String.valueOf(((Map<?, ?>) page1.body().get("page")).get("next_cursor"));
        assertThat(ids(api.get("/api/v1/approvals?agent_id=" + lister + "&limit=2&cursor=" + cursor, admin.accessToken())))
            .containsExactly(opened.get(0).toString());
        assertThat(ids(api.get("/api/v1/approvals?agent_id=" + lister + "&status=approved", admin.accessToken())))
            .containsExactly(opened.get(0).toString());
        assertThat(ids(api.get("/api/v1/approvals?agent_id=" + lister + "&from=" + Instant.now().plusSeconds(60), admin.accessToken())))
            .isEmpty();
        assertThat(ids(api.get("/api/v1/approvals/pending?limit=200", admin.accessToken())))
            .contains(opened.get(1).toString(), opened.get(2).toString()).doesNotContain(opened.get(0).toString());

        Api.Response badStatus = api.get("/api/v1/approvals?status=maybe", admin.accessToken());
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.code()).isEqualTo("validation_failed");
        Api.Response badWait = api.get("/api/v1/approvals/" + opened.get(1) + "/wait?timeout_s=61", admin.accessToken());
        assertThat(badWait.status()).isEqualTo(400);
        assertThat(badWait.code()).isEqualTo("validation_failed");
    }

    @Test
    void anotherOrganizationSeesNoneOfItOnAnyEndpoint() {
        UUID id = fixture.open(admin.organizationId(), agentId, "xorg", List.of("role:team_lead"), 60).id();
        Api.Session stranger = api.signup();
        String strangerKey = api.apiKey(stranger, "read");
        for (String[] call : new String[][] {{"GET", ""}, {"GET", "/wait?timeout_s=0"}, {"POST", "/approve"}, {"POST", "/reject"}}) {
            for (String credential : List.of(stranger.accessToken(), strangerKey)) {
                if (call[0].equals("POST") && credential.equals(strangerKey)) {
                    continue;
                }
                Api.Response response = api.call(call[0], "/api/v1/approvals/" + id + call[1], call[0].equals("POST") ? Map.of() : null,
                    credential);
                assertThat(response.status()).as(call[0] + call[1]).isEqualTo(404);
                assertThat(response.code()).isEqualTo("not_found");
            }
        }
        assertThat(ids(api.get("/api/v1/approvals", stranger.accessToken()))).isEmpty();
        assertThat(ids(api.get("/api/v1/approvals/pending", stranger.accessToken()))).isEmpty();
        assertThat(api.get("/api/v1/approvals/" + id, admin.accessToken()).data()).containsEntry("status", "pending");
    }

    @Test
    void aWaitAnswersWhenTheRequestIsDecidedAndPendingAtItsTimeout() throws Exception {
        UUID id = fixture.open(admin.organizationId(), agentId, "wait-1", List.of("role:team_lead"), 60).id();
        long started = System.nanoTime();
        assertThat(api.get("/api/v1/approvals/" + id + "/wait?timeout_s=1", admin.accessToken()).data())
            .containsEntry("status", "pending");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Api.Response> waiting = pool.submit(() -> api.get("/api/v1/approvals/" + id + "/wait?timeout_s=8", admin.accessToken()));
            Thread.sleep(300);
            long decidedAt = System.nanoTime();
            api.post("/api/v1/approvals/" + id + "/approve", Map.of("comment", "go"), teamLead.accessToken());
            Map<String, Object> answer = waiting.get().data();
            assertThat(Duration.ofNanos(System.nanoTime() - decidedAt)).isLessThan(Duration.ofSeconds(4));
            assertThat(answer).containsEntry("status", "approved").containsEntry("comment", "go")
                .containsEntry("decided_by", teamLead.userId().toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRequireApprovalCheckOpensTheRequestAPersonApprovesAndTheAgentThenRecordsTheActionOnce() {
        Api.Session owner = api.signup();
        Api.Session lead = api.member(owner, "team_lead");
        agent(owner, "sales-bot");
        Map<String, Object> rule = Map.of("type", "conditional", "action", "require_approval",
            "approval_required_from", List.of("role:team_lead"), "timeout_minutes", 30,
            "conditions", List.of(Map.of("field", "action.discount_percent", "operator", "greater_than", "value", 10)));
        Api.Response policy = api.post("/api/v1/policies", Map.of("name", "Big discounts", "status", "active", "rule_definition", rule),
            owner.accessToken());
        assertThat(policy.status()).as(policy.body().toString()).isEqualTo(201);
        String key = api.apiKey(owner, "ingest", "policies:check");
        String run = "flow-" + UUID.randomUUID();

        Map<String, Object> check = Map.of("run_id", run, "agent_id", "sales-bot",
            "action", Map.of("type", "apply_discount", "target", "customer-42", "discount_percent", 15));
        Api.Response answer = api.post("/api/v1/policies/check", check, key);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.data()).containsEntry("decision", "require_approval");
        Map<String, Object> approval = (Map<String, Object>) answer.data().get("approval");
        assertThat(approval).containsEntry("status", "pending").containsKey("expires_at");
        String id = String.valueOf(approval.get("id"));
        assertThat(((Map<String, Object>) api.post("/api/v1/policies/check", check, key).data().get("approval")).get("id"))
            .as("a retried check reuses the pending request").isEqualTo(id);

        Map<String, Object> stored = api.get("/api/v1/approvals/" + id, key).data();
        assertThat(stored).containsEntry("policy_id", policy.data().get("id")).containsEntry("policy_version", 1)
            .containsEntry("run_id", run).containsEntry("approvers", List.of("role:team_lead"));
        assertThat(Duration.between(Instant.parse(String.valueOf(stored.get("requested_at"))),
            Instant.parse(String.valueOf(stored.get("expires_at"))))).isEqualTo(Duration.ofMinutes(30));

        assertThat(api.post("/api/v1/approvals/" + id + "/approve", Map.of("comment", "ok for Q4"), lead.accessToken()).status())
            .isEqualTo(200);
        assertThat(api.get("/api/v1/approvals/" + id + "/wait?timeout_s=5", key).data()).containsEntry("status", "approved")
            .containsEntry("comment", "ok for Q4");

        Ingest ingest = new Ingest(api, key);
        Map<String, Object> payload = Map.of("action_type", "apply_discount", "target", "customer-42",
            "payload", Map.of("discount_percent", 15), "approval_id", id);
        Map<String, Object> piece = Map.of("run_id", run, "agent_id", "sales-bot", "events", List.of(Map.of("event_id", "act-1",
            "event_type", "external_action", "timestamp", Instant.now().toString(), "payload", payload)));
        Api.Response recorded = ingest.send(piece);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(202);
        Api.Response twice = ingest.send(Map.of("run_id", run, "agent_id", "sales-bot", "events", List.of(Map.of("event_id", "act-2",
            "event_type", "external_action", "timestamp", Instant.now().toString(), "payload", payload))));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("approval_consumed");
    }

    private static Map<String, Object> piece(String run, String eventId, UUID approvalId, String target, Number discount) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action_type", "apply_discount");
        payload.put("target", target);
        payload.put("payload", Map.of("discount_percent", discount));
        payload.put("approval_id", approvalId.toString());
        return Map.of("run_id", run, "agent_id", "sales-bot", "events", List.of(Map.of("event_id", eventId,
            "event_type", "external_action", "timestamp", Instant.now().toString(), "payload", payload)));
    }

    private UUID agent(Api.Session session, String slug) {
        Api.Response created = api.post("/api/v1/agents", Map.of("name", slug, "slug", slug), session.accessToken());
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return UUID.fromString(String.valueOf(created.data().get("id")));
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        return list.list().stream().map(a -> String.valueOf(a.get("id"))).toList();
    }

    private String storedStatus(UUID id) {
        return tenants.read(admin.organizationId(), () -> String.valueOf(
            column(tx.getConnection(), "select status from approval_requests where id = ?", id).get(0)));
    }

    private List<String> auditActions() {
        return api.get("/api/v1/audit-logs?entity_type=approval_request&limit=200", admin.accessToken()).list().stream()
            .map(row -> String.valueOf(row.get("action"))).toList();
    }

    /** The events of the client's run by event id, once at least {@code expected} are there. */
    private Map<String, Map<String, Object>> eventsOf(String run, int expected) {
        Instant deadline = Instant.now().plusSeconds(20);
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        while (Instant.now().isBefore(deadline)) {
            List<Map<String, Object>> runs = api.get("/api/v1/runs?external_reference=" + run, admin.accessToken()).list();
            if (!runs.isEmpty()) {
                byId.clear();
                api.get("/api/v1/events/" + runs.get(0).get("id") + "?limit=200", admin.accessToken()).list()
                    .forEach(e -> byId.put(String.valueOf(e.get("event_id")), e));
                if (byId.size() >= expected) {
                    return byId;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return byId;
    }
}
