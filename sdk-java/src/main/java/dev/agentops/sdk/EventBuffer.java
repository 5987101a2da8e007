package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.CanonicalJson;
import dev.agentops.sdk.core.ConnectionException;
import dev.agentops.sdk.core.HttpTransport;
import dev.agentops.sdk.core.RateLimitException;
import dev.agentops.sdk.core.ServerException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@link AgentOpsClient}'s telemetry buffer: run fields and events per run, cut into ingest pieces at {@code flushAt}
 * items, on a timer or when asked, and sent in order on one sender thread; pieces the server could not take are put
 * back for the next flush.
 */
final class EventBuffer {

    private static final System.Logger LOG = System.getLogger(AgentOpsClient.class.getName());
    private static final String INGEST_PATH = "/api/v1/ingest/run";

    private final String agentId;
    private final int flushAt;
    private final int maxBufferedItems;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;
    /** Told each ingest answer, by agent, so the client's pause and budget state follow it. */
    private final BiConsumer<String, JsonNode> acks;
    private final Consumer<AgentOpsException> report;

    private final Object lock = new Object();
    /** Buffered pieces per run, in the order runs were first touched since the last cut. */
    private final Map<String, RunBuffer> pending = new LinkedHashMap<>();
    /** Runs started and not ended yet, with their agent. */
    private final Map<String, String> openRuns = new LinkedHashMap<>();
    private int buffered;
    /** Items cut and waiting for the sender; counted against {@code maxBufferedItems} too. */
    private final AtomicInteger queued = new AtomicInteger();
    private boolean overflowReported;
    private volatile Thread flushThread;
    private volatile boolean closed;

    EventBuffer(String agentId, int flushAt, int maxBufferedItems, Duration flushInterval, HttpTransport transport,
                ObjectMapper mapper, BiConsumer<String, JsonNode> acks, Consumer<AgentOpsException> report) {
        this.agentId = agentId;
        this.flushAt = flushAt;
        this.maxBufferedItems = maxBufferedItems;
        this.transport = transport;
        this.mapper = mapper;
        this.acks = acks;
        this.report = report;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agentops-flush");
            thread.setDaemon(true);
            return thread;
        });
        long interval = flushInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    private static final class RunBuffer {
        final String agent;
        final Map<String, Object> fields = new LinkedHashMap<>();
        final List<Map<String, Object>> events = new ArrayList<>();

        RunBuffer(String agent) {
            this.agent = agent;
        }
    }

    /** Pieces taken from the buffer in one go, and how many buffered items they were. */
    private record Cut(List<Map<String, Object>> pieces, int items) {
    }

    /** The agent of this run: its own while open, else the client's default. */
    String agentOf(String runId) {
        synchronized (lock) {
            return runId == null ? agentId : openRuns.getOrDefault(runId, agentId);
        }
    }

    Set<String> openAgents() {
        synchronized (lock) {
            return new LinkedHashSet<>(openRuns.values());
        }
    }

    void started(String runId, String agent, Map<String, Object> fields) {
        synchronized (lock) {
            openRuns.put(runId, agent);
            buffer(runId).fields.putAll(fields);
        }
    }

    void ended(String runId, Map<String, Object> fields) {
        synchronized (lock) {
            buffer(runId).fields.putAll(fields);
            openRuns.remove(runId);
        }
    }

    void event(String runId, Map<String, Object> event) {
        synchronized (lock) {
            buffer(runId).events.add(event);
        }
    }

    private RunBuffer buffer(String runId) {
        return pending.computeIfAbsent(runId, id -> new RunBuffer(openRuns.getOrDefault(id, agentId)));
    }

    boolean droppedAfterClose() {
        if (closed) {
            LOG.log(System.Logger.Level.WARNING, "AgentOpsClient is closed; telemetry recorded after close() is dropped");
            return true;
        }
        boolean full;
        boolean first = false;
        synchronized (lock) {
            full = buffered + queued.get() >= maxBufferedItems;
            if (full && !overflowReported) {
                overflowReported = true;
                first = true;
            }
        }
        if (first) {
            report.accept(new AgentOpsException(maxBufferedItems + " items are waiting to be sent (is AgentOps "
                + "reachable?); new telemetry is dropped until they are", 0, null, null, null));
        }
        return full;
    }

    /** Counts one buffered item; at {@code flushAt} items, or when asked, cuts the buffer and queues it to send. */
    void added(boolean sendNow) {
        Cut cut = null;
        synchronized (lock) {
            buffered++;
            if (sendNow || buffered >= flushAt) {
                cut = cut();
            }
        }
        if (cut != null && !cut.pieces().isEmpty()) {
            Cut taken = cut;
            try {
                scheduler.execute(() -> send(taken));
            } catch (RuntimeException rejected) {
                // closing: close() already flushed what it could
                queued.addAndGet(-taken.items());
            }
        }
    }

    /** Sends everything buffered and waits for it. */
    void flush() {
        if (Thread.currentThread() == flushThread) {
            flushQuietly(); // called from onError: already on the sender thread
        } else if (!scheduler.isShutdown()) {
            Cut cut = cut();
            Future<?> done = scheduler.submit(() -> send(cut));
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                report.accept(new AgentOpsException("flush failed: " + e.getCause(), 0, null, null, e.getCause()));
            }
        }
    }

    /** From now on, new telemetry is dropped and unreachable pieces are not kept. */
    void close() {
        closed = true;
    }

    void shutdown() {
        scheduler.shutdown();
    }

    /**
     * Takes everything buffered as pieces: per run (in the order runs were first touched since the last cut), the
     * first piece with the run's fields and up to {@code flushAt} events, further pieces with the next events. The
     * TypeScript SDK cuts exactly the same way, which the shared fixture relies on.
     */
    private Cut cut() {
        synchronized (lock) {
            List<Map<String, Object>> pieces = new ArrayList<>();
            for (Map.Entry<String, RunBuffer> entry : pending.entrySet()) {
                RunBuffer run = entry.getValue();
                List<Map<String, Object>> events = run.events;
                int from = 0;
                do {
                    Map<String, Object> piece = new LinkedHashMap<>();
                    piece.put("run_id", entry.getKey());
                    piece.put("agent_id", run.agent);
                    if (from == 0) {
                        piece.putAll(run.fields);
                    }
                    int to = Math.min(events.size(), from + flushAt);
                    if (to > from) {
                        piece.put("events", new ArrayList<>(events.subList(from, to)));
                    }
                    pieces.add(piece);
                    from = to;
                } while (from < events.size());
            }
            pending.clear();
            int items = buffered;
            buffered = 0;
            queued.addAndGet(items);
            overflowReported = false;
            return new Cut(pieces, items);
        }
    }

    /** The timer's flush; runs on the sender thread. */
    private void flushQuietly() {
        send(cut());
    }

    /** Sends pieces in order; runs on the sender thread only. */
    private void send(Cut cut) {
        flushThread = Thread.currentThread();
        List<Map<String, Object>> pieces = cut.pieces();
        try {
            for (int i = 0; i < pieces.size(); i++) {
                Map<String, Object> piece = pieces.get(i);
                String agent = (String) piece.get("agent_id");
                if (agent == null) {
                    report.accept(new AgentOpsException("run " + piece.get("run_id") + " has no agent: set agentId(..)",
                        0, null, null, null));
                    continue;
                }
                try {
                    JsonNode answer = transport.postJson(INGEST_PATH, CanonicalJson.encode(mapper, piece));
                    acks.accept(agent, answer.has("data") ? answer.get("data") : answer);
                } catch (ConnectionException | ServerException | RateLimitException unreachable) {
                    // the server is unreachable or overloaded: keep this piece and the rest (same ids, so a later
                    // send never counts twice) for the next flush, unless we are closing
                    report.accept(unreachable);
                    if (!closed) {
                        requeue(pieces.subList(i, pieces.size()));
                    }
                    return;
                } catch (AgentOpsException e) {
                    report.accept(e);
                } catch (RuntimeException e) {
                    report.accept(new AgentOpsException("could not send telemetry: " + e, 0, null, null, e));
                }
            }
        } finally {
            queued.addAndGet(-cut.items());
        }
    }

    /** Puts unsent pieces back in front of anything buffered since, within {@code maxBufferedItems}. */
    @SuppressWarnings("unchecked")
    private void requeue(List<Map<String, Object>> unsent) {
        synchronized (lock) {
            Map<String, RunBuffer> newer = new LinkedHashMap<>(pending);
            pending.clear();
            int items = 0;
            for (Map<String, Object> piece : unsent) {
                String runId = (String) piece.get("run_id");
                RunBuffer run = pending.computeIfAbsent(runId, id -> new RunBuffer((String) piece.get("agent_id")));
                piece.forEach((key, value) -> {
                    if (!key.equals("run_id") && !key.equals("agent_id") && !key.equals("events")) {
                        run.fields.put(key, value);
                    }
                });
                List<Map<String, Object>> events = (List<Map<String, Object>>) piece.get("events");
                if (events != null) {
                    run.events.addAll(events);
                    items += events.size();
                }
                items++;
            }
            for (Map.Entry<String, RunBuffer> entry : newer.entrySet()) {
                RunBuffer run = pending.computeIfAbsent(entry.getKey(), id -> new RunBuffer(entry.getValue().agent));
                run.fields.putAll(entry.getValue().fields); // newer values (an end after a start) win
                run.events.addAll(entry.getValue().events);
            }
            buffered += items;
        }
    }
}
