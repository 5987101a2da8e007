package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.SecondInstance;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A client waits on one instance; a person decides on another; Redis carries the wake-up. */
@MicronautTest(transactional = false)
class ApprovalWaitAcrossInstancesTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    ApprovalService approvals;
    @Inject
    TenantTransactions tenants;
    @Inject
    TransactionOperations<Connection> tx;

    SecondInstance second;

    @BeforeAll
    void startSecondInstance() {
        second = new SecondInstance(getProperties());
    }

    @AfterAll
    void stopSecondInstance() {
        second.close();
    }

    @Test
    void aWaitOnOneInstanceAnswersWhenThePersonDecidesOnAnother() throws Exception {
        Api here = new Api(client);
        Api there = new Api(second.client());
        Api.Session admin = here.signup();
        Api.Session lead = here.member(admin, "team_lead");
        UUID agent = UUID.fromString(String.valueOf(here.post("/api/v1/agents", Map.of("name", "Waiter", "slug", "waiter"),
            admin.accessToken()).data().get("id")));
        UUID id = new ApprovalFixture(approvals, tenants, tx).open(admin.organizationId(), agent, "wait-run", List.of("role:team_lead"), 60).id();
        String key = here.apiKey(admin, "policies:check");

        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Api.Response> waiting = pool.submit(() -> here.get("/api/v1/approvals/" + id + "/wait?timeout_s=8", key));
            Thread.sleep(500);
            long decided = System.nanoTime();
            assertThat(there.post("/api/v1/approvals/" + id + "/reject", Map.of("comment", "too much"), lead.accessToken()).status())
                .isEqualTo(200);
            Api.Response answer = waiting.get();
            Duration took = Duration.ofNanos(System.nanoTime() - decided);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.data()).containsEntry("status", "rejected").containsEntry("comment", "too much")
                .containsEntry("decided_by", lead.userId().toString());
            assertThat(took).as("woken by the other instance, not by the 8 s timeout").isLessThan(Duration.ofSeconds(4));
        } finally {
            pool.shutdownNow();
        }
    }
}
