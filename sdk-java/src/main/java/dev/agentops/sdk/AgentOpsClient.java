package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.ConnectionException;
import dev.agentops.sdk.core.RateLimitException;
import dev.agentops.sdk.core.ServerException;
import dev.agentops.sdk.core.HttpTransport;
import dev.agentops.sdk.core.Sleeper;
import dev.agentops.sdk.generated.invoker.ApiClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The AgentOps Hub client for agents: records runs and their events and sends them in the background.
 *
 * <p>Calls such as {@link #recordLlmCall} only buffer (per run) and return at once. A single daemon thread sends
 * the buffer as pieces of {@code POST /api/v1/ingest/run} when {@code flushAt} items are buffered, every
 * {@code flushInterval}, on {@link #flush()} and on {@link #close()}. Run and event ids are generated here, so a
 * retried piece never counts twice. Telemetry failures go to {@code onError} and never throw into the agent's code,
 * unless the client is {@code strict}: then {@link #flush()} and {@link #close()} throw the typed exception.
 *
 * <pre>{@code
 * try (AgentOpsClient client = AgentOpsClient.builder().agentId("support-bot").build()) {
 *     String runId = client.startRun(Map.of("ticket", "Where is my order?"));
 *     client.recordLlmCall(runId, "gpt-4o", completion.usage());
 *     client.endRun(runId, RunStatus.COMPLETED, Map.of("reply", "Tomorrow"), null);
 * }
 * }</pre>
 */
public final class AgentOpsClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AgentOpsClient.class.getName());
    private static final String INGEST_PATH = "/api/v1/ingest/run";
    /** Events per request; the API accepts up to 1000. */
    static final int MAX_EVENTS_PER_PIECE = 500;

    private final String apiKey;
    private final String agentId;
    private final String baseUrl;
    private final int flushAt;
    private final boolean strict;
    private final Consumer<AgentOpsException> onError;
    private final HttpTransport transport;
    private final ScheduledExecutorService scheduler;
    private final ObjectMapper mapper;

    private final Object lock = new Object();
    private final Map<String, RunBuffer> pending = new LinkedHashMap<>();
    private final Map<String, String> runAgents = new LinkedHashMap<>();
    private int buffered;
    private boolean overflowReported;
    private volatile Thread flushThread;
    private final int maxBufferedItems;
    private boolean flushQueued;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean paused;
    private final AtomicReference<AgentOpsException> strictFailure = new AtomicReference<>();

    private AgentOpsClient(Builder builder) {
        this.apiKey = builder.apiKey != null ? builder.apiKey : System.getenv("AGENTOPS_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("no API key: call apiKey(..) or set AGENTOPS_API_KEY");
        }
        String url = builder.baseUrl != null ? builder.baseUrl : System.getenv("AGENTOPS_BASE_URL");
        this.baseUrl = url == null || url.isBlank() ? "http://localhost:8080" : url;
        this.agentId = builder.agentId != null ? builder.agentId : System.getenv("AGENTOPS_AGENT_ID");
        this.flushAt = Math.max(1, builder.flushAt);
        this.maxBufferedItems = Math.max(1, builder.maxBufferedItems);
        this.strict = builder.strict;
        this.onError = builder.onError;
        this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        HttpClient http = builder.httpClient != null ? builder.httpClient
            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.transport = new HttpTransport(http, mapper, baseUrl, apiKey, builder.maxRetries, builder.sleeper,
            builder.timeout, "agentops-sdk-java/" + AgentOpsSdk.VERSION);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "agentops-flush");
            thread.setDaemon(true);
            return thread;
        });
        long interval = builder.flushInterval.toMillis();
        scheduler.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    // ---- runs ------------------------------------------------------------------------------------------------

    /** Starts a run with no input; returns its client-generated id (a UUID). */
    public String startRun() {
        return startRun(StartRun.builder().build());
    }

    /** Starts a run with this input; returns its client-generated id (a UUID). */
    public String startRun(Map<String, ?> input) {
        return startRun(StartRun.builder().input(input).build());
    }

    /** Starts a run; returns its id ({@link StartRun#runId()} or a new UUID). */
    public String startRun(StartRun start) {
        String runId = start.runId() != null ? start.runId() : UUID.randomUUID().toString();
        String agent = start.agentId() != null ? start.agentId() : agentId;
        if (agent == null) {
            throw new IllegalArgumentException("no agent: set agentId(..) on the builder or on StartRun");
        }
        if (droppedAfterClose()) {
            return runId;
        }
        synchronized (lock) {
            runAgents.put(runId, agent);
            RunBuffer run = buffer(runId);
            run.fields.put("status", "running");
            run.fields.put("start_time", now());
            putIfNotNull(run.fields, "input", start.input());
            putIfNotNull(run.fields, "tags", start.tags());
            putIfNotNull(run.fields, "metadata", start.metadata());
        }
        added();
        return runId;
    }

    /**
     * Ends a run.
     *
     * @param status {@link RunStatus#COMPLETED}, {@code FAILED} or {@code CANCELLED}
     * @param output the run's result (optional)
     * @param error  an error message (optional)
     */
    public void endRun(String runId, RunStatus status, Object output, String error) {
        Objects.requireNonNull(status, "status");
        if (droppedAfterClose()) {
            return;
        }
        synchronized (lock) {
            RunBuffer run = buffer(runId);
            run.fields.put("status", status.wire());
            run.fields.put("end_time", now());
            putIfNotNull(run.fields, "output", output);
            putIfNotNull(run.fields, "error", error);
            runAgents.remove(runId);
        }
        added();
    }

    /** Ends a run as completed with this output. */
    public void endRun(String runId, Object output) {
        endRun(runId, RunStatus.COMPLETED, output, null);
    }

    // ---- events ----------------------------------------------------------------------------------------------

    /** Records a model call; returns the event id. */
    public String recordLlmCall(String runId, LlmCall call) {
        Map<String, Object> event = event("llm_call");
        Map<String, Object> payload = new LinkedHashMap<>();
        putIfNotNull(payload, "input", call.input());
        putIfNotNull(payload, "output", call.output());
        event.put("payload", payload);
        putIfNotNull(event, "model", call.model());
        if (call.usage() != null) {
            event.put("token_usage", call.usage().toMap());
            event.put("usage_format", "agentops");
        }
        putIfNotNull(event, "duration_ms", call.durationMs());
        putIfNotNull(event, "cost_usd", call.costUsd());
        return add(runId, event);
    }

    /**
     * Records a model call with a provider usage object: OpenAI (Chat Completions or Responses) or Anthropic with
     * {@code cache_creation}, recognised by its keys (use {@link LlmCall.Builder#anthropicUsage} for other Anthropic
     * objects). Returns the event id.
     */
    public String recordLlmCall(String runId, String model, Map<String, ?> usage) {
        return recordLlmCall(runId, LlmCall.builder(model).usage(usage).build());
    }

    /** Records a tool call; returns the event id. */
    public String recordToolCall(String runId, ToolCall call) {
        Map<String, Object> event = event("tool_call");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("tool", call.name());
        putIfNotNull(payload, "input", call.input());
        putIfNotNull(payload, "output", call.output());
        putIfNotNull(payload, "error", call.error());
        event.put("payload", payload);
        putIfNotNull(event, "duration_ms", call.durationMs());
        return add(runId, event);
    }

    /** Records a tool call; returns the event id. */
    public String recordToolCall(String runId, String name, Object input, Object output) {
        return recordToolCall(runId, ToolCall.of(name, input, output));
    }

    /** Records an external action; returns the event id. */
    public String recordExternalAction(String runId, ExternalAction action) {
        Map<String, Object> event = event("external_action");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action.action());
        putIfNotNull(payload, "target", action.target());
        putIfNotNull(payload, "details", action.details());
        event.put("payload", payload);
        putIfNotNull(event, "duration_ms", action.durationMs());
        return add(runId, event);
    }

    /** Records an external action; returns the event id. */
    public String recordExternalAction(String runId, String action, String target, Object details) {
        return recordExternalAction(runId, ExternalAction.of(action, target, details));
    }

    // ---- state and lifecycle ---------------------------------------------------------------------------------

    /** True when the last ingestion answer said the agent is paused: stop the agent's work. */
    public boolean isPaused() {
        return paused;
    }

    /**
     * Sends everything buffered and waits for it. Never throws unless the client is strict: then it throws the
     * first telemetry failure since the last flush.
     */
    public void flush() {
        if (Thread.currentThread() == flushThread) {
            flushQuietly(); // called from onError: already on the sender thread
        } else if (!scheduler.isShutdown()) {
            Future<?> done = scheduler.submit(this::flushQuietly);
            try {
                done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                report(new AgentOpsException("flush failed: " + e.getCause(), 0, null, null, e.getCause()));
            }
        }
        AgentOpsException failure = strictFailure.getAndSet(null);
        if (strict && failure != null) {
            throw failure;
        }
    }

    /** Flushes, then stops the background thread. Later record calls are ignored. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            scheduler.shutdown();
        }
    }

    /**
     * The generated low-level client ({@code dev.agentops.sdk.generated.*}) with this client's base URL and API key,
     * for any endpoint the facade does not wrap: {@code new RunsApi(client.lowLevel())}.
     */
    public ApiClient lowLevel() {
        ApiClient api = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), transport.baseUrl());
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey));
        return api;
    }

    /** The SDK's HTTP layer (retries, idempotency keys, typed errors) for calls of your own. */
    public HttpTransport http() {
        return transport;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private static final class RunBuffer {
        final String agent;
        final Map<String, Object> fields = new LinkedHashMap<>();
        final List<Map<String, Object>> events = new ArrayList<>();

        RunBuffer(String agent) {
            this.agent = agent;
        }
    }

    private RunBuffer buffer(String runId) {
        return pending.computeIfAbsent(runId, id -> new RunBuffer(runAgents.getOrDefault(id, agentId)));
    }

    private Map<String, Object> event(String type) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("event_type", type);
        event.put("timestamp", now());
        return event;
    }

    private String add(String runId, Map<String, Object> event) {
        Objects.requireNonNull(runId, "runId");
        if (droppedAfterClose()) {
            return (String) event.get("event_id");
        }
        synchronized (lock) {
            buffer(runId).events.add(event);
        }
        added();
        return (String) event.get("event_id");
    }

    private boolean droppedAfterClose() {
        if (closed) {
            LOG.log(System.Logger.Level.WARNING, "AgentOpsClient is closed; telemetry recorded after close() is dropped");
            return true;
        }
        boolean full;
        boolean first = false;
        synchronized (lock) {
            full = buffered >= maxBufferedItems;
            if (full && !overflowReported) {
                overflowReported = true;
                first = true;
            }
        }
        if (first) {
            report(new AgentOpsException(maxBufferedItems + " items are waiting to be sent (is AgentOps reachable?); "
                + "new telemetry is dropped until they are", 0, null, null, null));
        }
        return full;
    }

    private void added() {
        boolean trigger;
        synchronized (lock) {
            buffered++;
            trigger = buffered >= flushAt && !flushQueued;
            if (trigger) {
                flushQueued = true;
            }
        }
        if (trigger) {
            try {
                scheduler.execute(this::flushQuietly);
            } catch (RuntimeException rejected) {
                // shutting down: close() flushes
            }
        }
    }

    /** Runs on the scheduler thread only. */
    private void flushQuietly() {
        flushThread = Thread.currentThread();
        List<Map<String, Object>> pieces = new ArrayList<>();
        synchronized (lock) {
            flushQueued = false;
            buffered = 0;
            for (Map.Entry<String, RunBuffer> entry : pending.entrySet()) {
                String runId = entry.getKey();
                RunBuffer run = entry.getValue();
                List<Map<String, Object>> events = run.events;
                int from = 0;
                do {
                    Map<String, Object> piece = new LinkedHashMap<>();
                    piece.put("run_id", runId);
                    piece.put("agent_id", run.agent);
                    if (from == 0) {
                        piece.putAll(run.fields);
                    }
                    int to = Math.min(events.size(), from + MAX_EVENTS_PER_PIECE);
                    if (to > from) {
                        piece.put("events", new ArrayList<>(events.subList(from, to)));
                    }
                    pieces.add(piece);
                    from = to;
                } while (from < events.size());
            }
            pending.clear();
            overflowReported = false;
        }
        for (int i = 0; i < pieces.size(); i++) {
            Map<String, Object> piece = pieces.get(i);
            if (piece.get("agent_id") == null) {
                report(new AgentOpsException("run " + piece.get("run_id") + " has no agent: set agentId(..)", 0, null,
                    null, null));
                continue;
            }
            try {
                JsonNode answer = transport.postIdempotentBody(INGEST_PATH, piece);
                paused = "paused".equals(answer.path("agent_status").asText(null))
                    || "paused".equals(answer.path("data").path("agent_status").asText(null));
            } catch (ConnectionException | ServerException | RateLimitException unreachable) {
                // the server is unreachable or overloaded: keep this piece and the rest (same ids, so a later
                // send never counts twice) for the next flush, unless we are closing
                report(unreachable);
                if (!closed) {
                    requeue(pieces.subList(i, pieces.size()));
                }
                return;
            } catch (AgentOpsException e) {
                report(e);
            } catch (RuntimeException e) {
                report(new AgentOpsException("could not send telemetry: " + e, 0, null, null, e));
            }
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

    private void report(AgentOpsException failure) {
        strictFailure.compareAndSet(null, failure);
        if (onError != null) {
            try {
                onError.accept(failure);
            } catch (RuntimeException ignored) {
                // a broken callback must not stop the sender
            }
        } else if (!strict) {
            LOG.log(System.Logger.Level.WARNING, "AgentOps telemetry was not delivered: " + failure.getMessage());
        }
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** Configuration of an {@link AgentOpsClient}; explicit values win over the environment. */
    public static final class Builder {
        private String apiKey;
        private String agentId;
        private String baseUrl;
        private int flushAt = 100;
        private Duration flushInterval = Duration.ofSeconds(1);
        private int maxRetries = 3;
        private int maxBufferedItems = 10_000;
        private boolean strict;
        private Consumer<AgentOpsException> onError;
        private Duration timeout = Duration.ofSeconds(10);
        private HttpClient httpClient;
        private Sleeper sleeper = Sleeper.REAL;

        /** API key with the {@code ingest} scope; default {@code AGENTOPS_API_KEY}. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** Default agent (id or slug) for runs; default {@code AGENTOPS_AGENT_ID}. */
        public Builder agentId(String agentId) {
            this.agentId = agentId;
            return this;
        }

        /** Default {@code AGENTOPS_BASE_URL}, else {@code http://localhost:8080}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Send when this many items (events, run starts, run ends) are buffered; default 100. */
        public Builder flushAt(int flushAt) {
            this.flushAt = flushAt;
            return this;
        }

        /** Send at least this often; default 1 s. */
        public Builder flushInterval(Duration flushInterval) {
            if (flushInterval.isZero() || flushInterval.isNegative()) {
                throw new IllegalArgumentException("flushInterval must be positive");
            }
            this.flushInterval = flushInterval;
            return this;
        }

        /** Retries after the first attempt for 429, 5xx and I/O errors; default 3. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Items kept while AgentOps is unreachable; beyond it new telemetry is dropped (and reported); default 10,000. */
        public Builder maxBufferedItems(int maxBufferedItems) {
            this.maxBufferedItems = maxBufferedItems;
            return this;
        }

        /** When true, {@link #flush()} and {@link #close()} throw telemetry failures; default false. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Called with every telemetry failure (usually on the sender thread); default: a warning in the log. */
        public Builder onError(Consumer<AgentOpsException> onError) {
            this.onError = onError;
            return this;
        }

        /** Per-request timeout; default 10 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Your own {@link HttpClient} (proxy, TLS); default a new one. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** How to wait between retries (tests); default {@link Sleeper#REAL}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public AgentOpsClient build() {
            return new AgentOpsClient(this);
        }
    }
}
