package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.AuthenticationException;
import dev.agentops.sdk.core.HttpTransport;
import dev.agentops.sdk.core.NotFoundException;
import dev.agentops.sdk.core.PermissionException;
import dev.agentops.sdk.core.RateLimitException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Knows whether each agent is paused and its budget state. Sources: the ingest acks, and
 * {@code GET /api/v1/controls/agent-status}. While an agent has an open run, one long-poll per agent is held on the
 * server ({@code wait_s=25&known=<what we know>}) by a daemon thread of its own: the server answers as soon as the
 * agent is paused or resumed, on whichever instance the control was taken, so the SDK learns of it within one round
 * trip; the read is re-issued at once. A read that comes back unchanged sooner than {@link #INTERVAL} (a server
 * without long-poll) waits out the interval; failures back off (1 s, 2 s, 4 s... up to 15 s, or the server's
 * Retry-After). An SDK call refreshes the state with a plain read (in the caller's thread) only when no long-poll is
 * held and what it knows is older than {@link #INTERVAL}: at most one such read per interval, and only while the
 * server answers, so no agent call waits on an unreachable server.
 */
final class PauseMonitor implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final int LONG_POLL_WAIT_S = 25;
    static final Duration LONG_POLL_TIMEOUT = Duration.ofSeconds(LONG_POLL_WAIT_S + 10);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(15);
    private static final String PATH = "/api/v1/controls/agent-status?agent_id=";

    /** {@code status}: the agent_status we know ({@code unknown} after a 404), what a long-poll sends as known. */
    private record State(boolean paused, String status, String reason, PauseSource source, BudgetStatus budget, long readAt) {
    }

    private final HttpTransport transport;
    private final Supplier<Collection<String>> openAgents;
    private final PauseListener listener;
    private final BudgetStatusListener budgetListener;
    private final Consumer<AgentOpsException> report;
    private final LongSupplier nanos;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final AtomicLong lastRead;
    private final AtomicBoolean disabled = new AtomicBoolean();
    private volatile boolean reachable = true;
    private volatile boolean closed;
    /** Agents with a long-poll loop, and those whose request is held on the server right now (their state is live). */
    private final Set<String> looping = ConcurrentHashMap.newKeySet();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ExecutorService loops;

    PauseMonitor(HttpTransport transport, Supplier<Collection<String>> openAgents, PauseListener listener,
                 BudgetStatusListener budgetListener, Consumer<AgentOpsException> report, LongSupplier nanos) {
        this.transport = transport;
        this.openAgents = openAgents;
        this.listener = listener;
        this.budgetListener = budgetListener;
        this.report = report;
        this.nanos = nanos;
        this.lastRead = new AtomicLong(nanos.getAsLong() - 2 * INTERVAL.toNanos());
        AtomicLong threads = new AtomicLong();
        // daemon threads, never interrupted: interrupting the JDK HttpClient mid-request can leave its pooled
        // connection unusable for the sender; after close() a held read ends by itself (at most LONG_POLL_WAIT_S)
        this.loops = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "agentops-status-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
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

    BudgetStatus budgetStatus(String agent) {
        State state = agent == null ? null : states.get(agent);
        return state == null ? null : state.budget();
    }

    /** The worst budget state among the agents seen (a client without a default agent). */
    BudgetStatus worstBudgetStatus() {
        return states.values().stream().map(State::budget).filter(java.util.Objects::nonNull)
            .max(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** Called by SDK calls: reads the agent's status now when no long-poll is held and what we know is stale. */
    void refreshIfStale(String agent) {
        if (agent == null || disabled.get() || !reachable || !stale(agent) || !acquire()) {
            return;
        }
        try {
            JsonNode answer = transport.getOnce(PATH + URLEncoder.encode(agent, StandardCharsets.UTF_8), READ_TIMEOUT);
            reachable = true;
            update(agent, answer.path("data"));
        } catch (RuntimeException e) {
            failed(agent, e, 1);
        }
    }

    /** An ingest ack or a status read: {@code {agent_status, halted, paused_reason, pause_source, budget_status}}. */
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
        BudgetStatus budget = before == null ? null : before.budget();
        if (status.hasNonNull("budget_status")) {
            try {
                budget = BudgetStatus.fromWire(status.get("budget_status").asText());
            } catch (IllegalArgumentException newerServer) {
                // a state this SDK does not know yet: keep what we knew
            }
        }
        String known = paused ? "paused" : status.path("agent_status").asText();
        states.put(agent, new State(paused, known, reason, source, budget, nanos.getAsLong()));
        if ((before != null && before.paused()) != paused && listener != null) {
            try {
                listener.onPause(paused, reason);
            } catch (RuntimeException ignored) {
                // a broken listener must not stop the poller or the sender
            }
        }
        BudgetStatus previous = before == null || before.budget() == null ? BudgetStatus.OK : before.budget();
        if (budget != null && budget != previous && budgetListener != null) {
            try {
                budgetListener.onBudgetStatus(budget, agent);
            } catch (RuntimeException ignored) {
                // same as above
            }
        }
    }

    /** Starts a long-poll for every agent with an open run that has none; each ends when its agent's runs end. */
    void start() {
        if (closed || disabled.get()) {
            return;
        }
        for (String agent : openAgents.get()) {
            if (looping.add(agent)) {
                try {
                    loops.execute(() -> loop(agent));
                } catch (RejectedExecutionException closedMeanwhile) {
                    looping.remove(agent);
                }
            }
        }
    }

    private void loop(String agent) {
        int failures = 0;
        try {
            while (!closed && !disabled.get() && openAgents.get().contains(agent)) {
                State state = states.get(agent);
                String known = state == null ? null : state.status();
                boolean canWait = "active".equals(known) || "paused".equals(known);
                if (!canWait && state != null && nanos.getAsLong() - state.readAt() < INTERVAL.toNanos()) {
                    // nothing to wait on (an agent the server does not know yet, archived...): plain reads, once a second
                    sleep(INTERVAL.toNanos() - (nanos.getAsLong() - state.readAt()));
                    continue;
                }
                long started = nanos.getAsLong();
                long pause = 0;
                try {
                    if (canWait) {
                        held.add(agent);
                    }
                    String path = PATH + URLEncoder.encode(agent, StandardCharsets.UTF_8)
                        + (canWait ? "&wait_s=" + LONG_POLL_WAIT_S + "&known=" + known : "");
                    JsonNode answer = transport.getOnce(path, canWait ? LONG_POLL_TIMEOUT : READ_TIMEOUT);
                    held.remove(agent);
                    failures = 0;
                    reachable = true;
                    update(agent, answer.path("data"));
                    State after = states.get(agent);
                    if (!canWait || (after != null && after.status().equals(known))) {
                        pause = INTERVAL.toNanos() - (nanos.getAsLong() - started);
                    }
                } catch (RuntimeException e) {
                    held.remove(agent);
                    failures++;
                    pause = failed(agent, e, failures);
                    if (pause < 0) {
                        return;
                    }
                }
                if (pause > 0) {
                    sleep(pause);
                }
            }
        } finally {
            held.remove(agent);
            looping.remove(agent);
            // a run of this agent opened between the last check and now: keep watching it
            if (!closed && !disabled.get() && openAgents.get().contains(agent)) {
                start();
            }
        }
    }

    /** Handles a failed read; returns how long (ns) the loop waits before the next one, or -1 to stop reading. */
    private long failed(String agent, RuntimeException error, int failures) {
        if (error instanceof NotFoundException) {
            // the server has not seen this agent yet, so nobody can have paused it (and no long-poll can wait on it)
            reachable = true;
            update(agent, ACTIVE);
            states.computeIfPresent(agent, (a, s) -> new State(s.paused(), "unknown", s.reason(), s.source(), s.budget(), s.readAt()));
            return INTERVAL.toNanos();
        }
        if (error instanceof AuthenticationException || error instanceof PermissionException) {
            // this key may not read statuses: the ingest acks stay the only source
            if (disabled.compareAndSet(false, true)) {
                report.accept((AgentOpsException) error);
            }
            return -1;
        }
        // I/O error, 5xx, 429...: keep what we know and back off
        reachable = false;
        long backoff = Math.min(MAX_BACKOFF.toNanos(), INTERVAL.toNanos() << Math.min(failures - 1, 10));
        if (error instanceof RateLimitException limited && limited.retryAfter() != null) {
            backoff = Math.max(backoff, limited.retryAfter().toNanos());
        }
        return backoff;
    }

    /** What a 404 means: the server has not seen this agent yet, so nobody can have paused it. */
    private static final JsonNode ACTIVE = JsonNodeFactory.instance.objectNode().put("agent_status", "active")
        .put("halted", false);

    private boolean stale(String agent) {
        if (held.contains(agent)) {
            return false;
        }
        State state = states.get(agent);
        return state == null || nanos.getAsLong() - state.readAt() >= INTERVAL.toNanos();
    }

    /** At most one plain status read per {@link #INTERVAL} from SDK calls. */
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

    private void sleep(long nanosToWait) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanosToWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        loops.shutdown();
    }
}
