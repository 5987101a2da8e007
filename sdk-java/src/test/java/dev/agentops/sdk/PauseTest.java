package dev.agentops.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.AgentPausedException;
import dev.agentops.sdk.core.PermissionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** isPaused, onPause and strict startRun against a local stub of the agent status read and ingest. */
class PauseTest {

    private StubServer server;
    private final List<AgentOpsException> errors = new CopyOnWriteArrayList<>();
    private final List<String> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new StubServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private AgentOpsClient.Builder client() {
        return AgentOpsClient.builder().apiKey("aoh_test").agentId("bot").baseUrl(server.url())
            .flushInterval(Duration.ofHours(1)).onError(errors::add)
            .onPause((paused, reason) -> changes.add(paused + ":" + reason));
    }

    @Test
    void strictStartRunOnAPausedAgentThrowsAndRecordsNothing() {
        server.agentStatus = "paused";
        server.pausedReason = "runaway costs";
        try (AgentOpsClient client = client().strict(true).build()) {
            AgentPausedException paused = assertThrows(AgentPausedException.class, client::startRun);
            assertEquals("agent_paused", paused.code());
            assertTrue(paused.getMessage().contains("runaway costs"), paused.getMessage());
            assertTrue(client.isPaused());
            assertEquals("runaway costs", client.pausedReason("bot"));
            assertEquals(PauseSource.PERSON, client.pauseSource("bot"));
        }
        assertEquals(1, server.statusRequests().size());
        assertEquals("agent_id=bot", server.statusRequests().get(0).query());
        assertEquals("Bearer aoh_test", server.statusRequests().get(0).header("Authorization"));
        assertTrue(server.ingests().isEmpty());
    }

    @Test
    void lenientStartRunOnAHaltedOrganizationStartsTheRunAndFiresOnPauseOnce() {
        server.halted = true;
        try (AgentOpsClient client = client().build()) {
            String runId = client.startRun();
            assertTrue(client.isPaused());
            client.endRun(runId, RunStatus.CANCELLED, null, "paused");
            client.flush();
        }
        assertEquals(1, server.ingests().size());
        assertEquals(List.of("true:null"), changes);
    }

    @Test
    void aRunningAgentSeesIsPausedFlipWithinASecondWithoutMakingCalls() throws Exception {
        try (AgentOpsClient client = client().build()) {
            client.startRun();
            assertFalse(client.isPaused());
            server.agentStatus = "paused";
            server.pausedReason = "budget";
            long pausedAt = System.nanoTime();
            AgentOpsClientTest.waitFor(client::isPaused);
            long millis = (System.nanoTime() - pausedAt) / 1_000_000;
            assertTrue(millis < 1000, "took " + millis + " ms");
            client.flush(); // an ingest ack says paused too, without a pause_source: the status read's stays
            assertEquals(PauseSource.PERSON, client.pauseSource("bot"));
            assertEquals("budget", client.pausedReason("bot"));
            server.agentStatus = "active";
            server.pausedReason = null;
            AgentOpsClientTest.waitFor(() -> !client.isPaused());
        }
        assertEquals(List.of("true:budget", "false:null"), changes);
    }

    @Test
    void holdsOneLongPollWhileARunIsOpenReissuesItAfterAnAnswerAndStopsWhenTheRunEnds() throws Exception {
        try (AgentOpsClient client = client().build()) {
            String runId = client.startRun();
            long started = System.nanoTime();
            while (System.nanoTime() - started < 1_500_000_000L) {
                client.recordToolCall(runId, "busy", null, null);
                Thread.sleep(5);
            }
            // startRun's plain read, then one long-poll held all along: SDK calls do not read while it is held
            List<StubServer.Recorded> reads = server.statusRequests();
            assertTrue(reads.size() <= 2, reads.size() + " reads");
            assertEquals("agent_id=bot&wait_s=25&known=active", reads.get(reads.size() - 1).query());
            server.agentStatus = "paused";
            AgentOpsClientTest.waitFor(client::isPaused);
            Thread.sleep(100);
            List<StubServer.Recorded> after = server.statusRequests();
            assertEquals("agent_id=bot&wait_s=25&known=paused", after.get(after.size() - 1).query(), "re-issued with the new state");
            client.endRun(runId, RunStatus.COMPLETED, null, null);
            server.agentStatus = "active"; // answers the held read; the loop sees no open run and stops
            Thread.sleep(300);
            int count = server.statusRequests().size();
            Thread.sleep(1300);
            assertEquals(count, server.statusRequests().size());
        }
    }

    @Test
    void againstAServerThatAnswersAtOnceItReadsAtMostOnceASecond() throws Exception {
        try (StubServer plain = new StubServer() {
            @Override
            Reply statusReply(String query) {
                return statusReply(); // ignores wait_s, like a server without long-poll
            }
        }) {
            try (AgentOpsClient client = AgentOpsClient.builder().apiKey("aoh_test").agentId("bot").baseUrl(plain.url())
                .flushInterval(Duration.ofHours(1)).build()) {
                String runId = client.startRun();
                Thread.sleep(2300);
                int reads = plain.statusReads.size();
                assertTrue(reads >= 2 && reads <= 4, reads + " reads");
                client.endRun(runId, RunStatus.COMPLETED, null, null);
            }
        }
    }

    @Test
    void backsOffWhenStatusReadsFailAndRecovers() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean(true);
        try (StubServer flaky = new StubServer() {
            @Override
            Reply statusReply(String query) {
                if (failing.get()) {
                    statusReads.add(System.nanoTime());
                    return new Reply(503, "{\"error\":\"down\",\"code\":\"unavailable\"}", Map.of());
                }
                return super.statusReply(query);
            }
        }) {
            flaky.agentStatus = "paused";
            try (AgentOpsClient client = AgentOpsClient.builder().apiKey("aoh_test").agentId("bot").baseUrl(flaky.url())
                .flushInterval(Duration.ofHours(1)).maxRetries(0).onError(errors::add).build()) {
                String runId = client.startRun();
                Thread.sleep(3200);
                // startRun's read, then the loop at 0 s, 1 s, 3 s (1 s, 2 s back-off): not one a second
                assertTrue(flaky.statusReads.size() <= 4, flaky.statusReads.size() + " reads");
                failing.set(false);
                long deadline = System.nanoTime() + 6_000_000_000L;
                while (!client.isPaused() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertTrue(client.isPaused());
                client.endRun(runId, RunStatus.COMPLETED, null, null);
            }
        }
    }

    @Test
    void budgetStatusFollowsAcksAndStatusReadsAndTheListenerFiresOncePerChange() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (AgentOpsClient client = client().onBudgetStatus((status, agent) -> seen.add(status + ":" + agent)).build()) {
            assertEquals(null, client.budgetStatus());
            String runId = client.startRun();
            assertEquals(BudgetStatus.OK, client.budgetStatus());
            server.budgetStatus = "warning";
            client.recordToolCall(runId, "spend", null, null);
            client.flush();
            assertEquals(BudgetStatus.WARNING, client.budgetStatus());
            client.flush();
            server.budgetStatus = "exceeded";
            client.recordToolCall(runId, "spend", null, null);
            client.flush();
            assertEquals(BudgetStatus.EXCEEDED, client.budgetStatus("bot"));
            client.endRun(runId, RunStatus.COMPLETED, null, null);
        }
        assertEquals(List.of("WARNING:bot", "EXCEEDED:bot"), seen);
    }

    @Test
    void anAgentTheServerHasNotSeenYetIsActive() {
        server.agentKnown = false;
        try (AgentOpsClient client = client().strict(true).build()) {
            client.startRun();
            assertFalse(client.isPaused());
        }
        assertEquals(1, server.statusRequests().size());
    }

    @Test
    void theIngestAckPausesTooAndAKeyThatMayNotReadStatusesIsReportedOnce() throws Exception {
        try (StubServer forbidden = new StubServer() {
            @Override
            Reply statusReply(String query) {
                statusReads.add(System.nanoTime());
                return new Reply(403, "{\"error\":\"no\",\"code\":\"forbidden\"}", Map.of());
            }
        }) {
            forbidden.agentStatus = "paused";
            try (AgentOpsClient client = AgentOpsClient.builder().apiKey("aoh_test").agentId("bot")
                .baseUrl(forbidden.url()).flushInterval(Duration.ofHours(1)).onError(errors::add).build()) {
                String runId = client.startRun();
                client.flush();
                assertTrue(client.isPaused());
                Thread.sleep(1100);
                client.recordToolCall(runId, "x", null, null);
            }
            assertEquals(1, forbidden.statusReads.size());
            assertEquals(1, errors.size());
            assertInstanceOf(PermissionException.class, errors.get(0));
        }
    }
}
