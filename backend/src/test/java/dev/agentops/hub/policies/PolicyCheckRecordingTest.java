package dev.agentops.hub.policies;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check's {@code policy_check} event is committed to the durable ingest queue right after its answer, without the
 * ingest commit window. The window is stretched to 30 s here: an answer or an event that waited for it would take 30 s.
 */
@MicronautTest(transactional = false)
class PolicyCheckRecordingTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        // a generous read timeout: a loaded two-core machine
        return Map.of("agentops.ingest.commit-window", "30s", "micronaut.http.client.read-timeout", "60s");
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
    }

    @Test
    void aChecksEventIsCommittedRightAfterItsAnswerWithoutWaitingForTheIngestWindow() throws Exception {
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Refunder", "slug", "refunder"), admin.accessToken());
        String key = api.apiKey(admin, "policies:check");
        for (String decision : List.of("allow", "require_approval")) {
            if (decision.equals("require_approval")) {
                api.post("/api/v1/policies", Map.of("name", "Refunds", "status", "active", "rule_definition", Map.of("type", "conditional",
                    "conditions", List.of(Map.of("field", "action.type", "operator", "equals", "value", "refund")),
                    "action", "require_approval", "approval_required_from", List.of("role:team_lead"))), admin.accessToken());
            }
            String runId = "recorded-" + UUID.randomUUID();
            long started = System.nanoTime();
            var answer = api.post("/api/v1/policies/check",
                Map.of("run_id", runId, "agent_id", "refunder", "action", Map.of("type", "refund", "amount", 5)), key);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            assertThat(answer.data().get("decision")).isEqualTo(decision);
            assertThat(took).as("the check did not wait for the ingest commit window").isLessThan(Duration.ofSeconds(20));
            // not waited for by the answer (its commit would be the check's whole latency), committed right after it
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (committedPolicyChecks(admin.organizationId(), runId) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(committedPolicyChecks(admin.organizationId(), runId)).as("the %s check's event, committed within 5 s", decision)
                .isEqualTo(1);
        }
    }

    /** policy_check events of the run in the ingest queue, waiting or already processed. */
    private static int committedPolicyChecks(UUID org, String runId) throws Exception {
        try (Connection connection = TestDatabase.ownerConnection()) {
            try (PreparedStatement scope = connection.prepareStatement("select set_config('app.org_id', ?, false)")) {
                scope.setString(1, org.toString());
                scope.execute();
            }
            try (PreparedStatement query = connection.prepareStatement("""
                select (select count(*) from ingest_queue where payload like ? and payload like '%"policy_check"%')
                     + (select count(*) from events e join runs r on r.id = e.run_id
                        where r.external_reference = ? and e.event_type = 'policy_check')""")) {
                query.setString(1, "%\"" + runId + "\"%");
                query.setString(2, runId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        }
    }
}
