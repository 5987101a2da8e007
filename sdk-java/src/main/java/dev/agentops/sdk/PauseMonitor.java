package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.AuthenticationException;
import dev.agentops.sdk.core.HttpTransport;
import dev.agentops.sdk.core.NotFoundException;
import dev.agentops.sdk.core.PermissionException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Knows whether each agent is paused. Sources: the ingest acks, and {@code GET /api/v1/controls/agent-status}, read
 * at most once per {@link #INTERVAL} per client, by whichever comes first: the poller (its own daemon thread, so a
 * slow ingest never delays it; it reads only while a run is open, the agent whose state is oldest) or an SDK call
 * finding its agent's state older than {@link #INTERVAL} (read in the caller's thread, and only while the server
 * answers: when it does not, the poller alone retries, so no agent call waits on an unreachable server).
 */
final class PauseMonitor implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final String PATH = "/api/v1/controls/agent-status?agent_id=";

    private record State(boolean paused, String reason, PauseSource source, long readAt) {
    }

    private final HttpTransport transport;
    private final Supplier<Collection<String>> openAgents;
    private final PauseListener listener;
    private final Consumer<AgentOpsException> report;
    private final LongSupplier nanos;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final AtomicLong lastRead;
    private final AtomicBoolean disabled = new AtomicBoolean();
    private volatile boolean reachable = true;
    private final ScheduledExecutorService poller;

    PauseMonitor(HttpTransport transport, Supplier<Collection<String>> openAgents, PauseListener listener,
                 Consumer<AgentOpsException> report, LongSupplier nanos) {
        this.transport = transport;
        this.openAgents = openAgents;
        this.listener = listener;
        this.report = report;
        this.nanos = nanos;
        this.lastRead = new AtomicLong(nanos.getAsLong() - 2 * INTERVAL.toNanos());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "agentops-status");
            thread.setDaemon(true);
            return thread;
        });
        // close() drops the next poll but lets a read in progress finish: interrupting the JDK HttpClient mid-request
        // can leave its pooled connection unusable for the sender
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.poller = executor;
        poller.schedule(this::tick, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isPaused(String agent) {
        State state = agent == null ? null : states.get(agent);
        return state != null && state.paused();
    }

    boolean anyPaused() {
        return states.values().stream().anyMatch(State::paused);
    }

    String reason(String agent) {
        State state = agent == null ? null : states.get(agent);
        return state == null ? null : state.reason();
    }

    PauseSource source(String agent) {
        State state = agent == null ? null : states.get(agent);
        return state == null ? null : state.source();
    }

    /** Called by SDK calls: reads the agent's status now when what we know is older than {@link #INTERVAL}. */
    void refreshIfStale(String agent) {
        if (agent == null || disabled.get() || !reachable || !stale(agent) || !acquire()) {
            return;
        }
        read(agent);
    }

    /** An ingest ack or a status read: {@code {agent_status, halted, paused_reason, pause_source}}. */
    void update(String agent, JsonNode status) {
        if (agent == null || status == null || !status.hasNonNull("agent_status")) {
            return;
        }
        boolean paused = "paused".equals(status.path("agent_status").asText()) || status.path("halted").asBoolean(false);
        String reason = paused && status.hasNonNull("paused_reason") ? status.get("paused_reason").asText() : null;
        State before = states.get(agent);
        PauseSource source = null;
        if (paused && status.hasNonNull("pause_source")) {
            try {
                source = PauseSource.fromWire(status.get("pause_source").asText());
            } catch (IllegalArgumentException newerServer) {
                // a source this SDK does not know yet: still paused
            }
        } else if (paused && !status.has("pause_source") && before != null && before.paused()) {
            source = before.source(); // ingest acks do not carry it: keep what the status read said
        }
        states.put(agent, new State(paused, reason, source, nanos.getAsLong()));
        if ((before != null && before.paused()) != paused && listener != null) {
            try {
                listener.onPause(paused, reason);
            } catch (RuntimeException ignored) {
                // a broken listener must not stop the poller or the sender
            }
        }
    }

    private boolean stale(String agent) {
        State state = states.get(agent);
        return state == null || nanos.getAsLong() - state.readAt() >= INTERVAL.toNanos();
    }

    /** At most one status read per {@link #INTERVAL}, whoever asks. */
    private boolean acquire() {
        while (true) {
            long last = lastRead.get();
            long now = nanos.getAsLong();
            if (now - last < INTERVAL.toNanos()) {
                return false;
            }
            if (lastRead.compareAndSet(last, now)) {
                return true;
            }
        }
    }

    private void read(String agent) {
        try {
            JsonNode answer = transport.getOnce(PATH + URLEncoder.encode(agent, StandardCharsets.UTF_8), READ_TIMEOUT);
            reachable = true;
            update(agent, answer.path("data"));
        } catch (NotFoundException notSeenYet) {
            reachable = true;
            update(agent, ACTIVE);
        } catch (AuthenticationException | PermissionException refused) {
            // this key may not read statuses: the ingest acks stay the only source
            if (disabled.compareAndSet(false, true)) {
                report.accept(refused);
            }
        } catch (RuntimeException unreachable) {
            // I/O error, 5xx, 429...: keep what we know; the poller tries again in a second
            reachable = false;
        }
    }

    /** What a 404 means: the server has not seen this agent yet, so nobody can have paused it. */
    private static final JsonNode ACTIVE = JsonNodeFactory.instance.objectNode().put("agent_status", "active")
        .put("halted", false);

    private void tick() {
        long delay = INTERVAL.toNanos();
        try {
            Collection<String> agents = openAgents.get();
            if (!agents.isEmpty() && !disabled.get()) {
                long wait = lastRead.get() + INTERVAL.toNanos() - nanos.getAsLong();
                if (wait > 0) {
                    delay = wait;
                } else {
                    String agent = stalest(agents);
                    if (acquire()) {
                        read(agent);
                    }
                    delay = Math.max(TimeUnit.MILLISECONDS.toNanos(10), lastRead.get() + INTERVAL.toNanos() - nanos.getAsLong());
                }
            }
        } finally {
            try {
                poller.schedule(this::tick, delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closed) {
                // close() was called
            }
        }
    }

    private String stalest(Collection<String> agents) {
        String oldest = null;
        long oldestAt = Long.MAX_VALUE;
        for (String agent : agents) {
            State state = states.get(agent);
            long at = state == null ? Long.MIN_VALUE : state.readAt();
            if (oldest == null || at < oldestAt) {
                oldest = agent;
                oldestAt = at;
            }
        }
        return oldest;
    }

    @Override
    public void close() {
        poller.shutdown();
    }
}
