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
            assertTrue(millis < 1300, "took " + millis + " ms");
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
    void readsTheStatusAtMostOncePerSecondWhoeverAsksAndOnlyWhileARunIsOpen() throws Exception {
        try (AgentOpsClient client = client().build()) {
            String runId = client.startRun();
            long started = System.nanoTime();
            while (System.nanoTime() - started < 2_300_000_000L) {
                client.recordToolCall(runId, "busy", null, null);
                Thread.sleep(5);
            }
            int reads = server.statusReads.size();
            assertTrue(reads >= 3 && reads <= 4, reads + " reads");
            for (int i = 1; i < reads; i++) {
                long gap = server.statusReads.get(i) - server.statusReads.get(i - 1);
                // the client starts reads at least 1 s apart; the server sees them with a few ms of jitter
                assertTrue(gap >= 900_000_000L, "reads " + gap / 1_000_000 + " ms apart");
            }
            client.endRun(runId, RunStatus.COMPLETED, null, null);
            Thread.sleep(1300);
            assertEquals(reads, server.statusReads.size());
        }
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
            Reply statusReply() {
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
