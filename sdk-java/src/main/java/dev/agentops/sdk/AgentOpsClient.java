package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.agentops.sdk.core.AgentOpsException;
import dev.agentops.sdk.core.AgentPausedException;
import dev.agentops.sdk.core.CanonicalJson;
import dev.agentops.sdk.core.ConnectionException;
import dev.agentops.sdk.core.HttpTransport;
import dev.agentops.sdk.core.RateLimitException;
import dev.agentops.sdk.core.ServerException;
import dev.agentops.sdk.core.Sleeper;
import dev.agentops.sdk.generated.invoker.ApiClient;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The AgentOps Hub client for agents: records runs and their events and sends them in the background.
 *
 * <p>Calls such as {@link #recordLlmCall} only buffer (per run) and return at once. When {@code flushAt} items
 * (events, run starts, run ends) are buffered, on {@link #endRun}, on {@link #flush()}, on {@link #close()} and every
 * {@code flushInterval}, the buffer is cut into pieces of {@code POST /api/v1/ingest/run} (per run, at most
 * {@code flushAt} events each), which a single daemon thread sends in order. Bodies are canonical JSON, so the
 * TypeScript SDK sends the very same bytes for the same calls ({@code docs/contract/sdk-payloads.json}). Run and event
 * ids are generated here and every POST carries an {@code Idempotency-Key} reused across its retries, so a retried
 * piece never counts twice. Telemetry failures go to {@code onError} and never throw into the agent's code, unless the
 * client is {@code strict}: then {@link #flush()} and {@link #close()} throw the typed exception, and
 * {@link #startRun} on a paused agent throws {@link AgentPausedException}.
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
    private static final String CHECK_PATH = "/api/v1/policies/check";
    /** The longest hold of one approval wait the API allows ({@code timeout_s} 0–60). */
    static final int APPROVAL_WAIT_MAX_S = 60;
    /** Pause between two waits when the server could not be reached, so an outage is not a busy loop. */
    private static final Duration APPROVAL_RETRY_PAUSE = Duration.ofSeconds(1);
    /** The API's limit of events per request. */
    static final int MAX_FLUSH_AT = 1000;

    private final String apiKey;
    private final String agentId;
    private final String baseUrl;
    private final boolean strict;
    private final Consumer<AgentOpsException> onError;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final Payloads payloads;
    private final EventBuffer buffer;
    private final PauseMonitor pauses;
    private final PolicyFailMode policyFailMode;
    /** Per run: approvals seen approved and not used yet, by the canonical JSON of the action they are bound to. */
    private final Map<String, Map<String, String>> approved = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicReference<AgentOpsException> strictFailure = new AtomicReference<>();

    private AgentOpsClient(Builder builder) {
        this.apiKey = builder.apiKey != null ? builder.apiKey : System.getenv("AGENTOPS_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("no API key: call apiKey(..) or set AGENTOPS_API_KEY");
        }
        String url = builder.baseUrl != null ? builder.baseUrl : System.getenv("AGENTOPS_BASE_URL");
        this.baseUrl = url == null || url.isBlank() ? "http://localhost:8080" : url;
        this.agentId = builder.agentId != null ? builder.agentId : System.getenv("AGENTOPS_AGENT_ID");
        this.strict = builder.strict;
        this.onError = builder.onError;
        this.payloads = new Payloads(builder.clock, builder.ids);
        this.policyFailMode = builder.policyFailMode;
        this.mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        HttpClient http = builder.httpClient != null ? builder.httpClient
            : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.transport = new HttpTransport(http, mapper, baseUrl, apiKey, builder.maxRetries, builder.sleeper,
            builder.timeout, "agentops-sdk-java/" + AgentOpsSdk.VERSION);
        this.buffer = new EventBuffer(agentId, Math.min(MAX_FLUSH_AT, Math.max(1, builder.flushAt)),
            Math.max(1, builder.maxBufferedItems), builder.flushInterval, transport, mapper, this::acknowledged,
            this::report);
        this.pauses = new PauseMonitor(transport, buffer::openAgents, builder.onPause, builder.onBudgetStatus, this::report,
            System::nanoTime);
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

    /**
     * Starts a run; returns its id ({@link StartRun#runId()} or a new UUID). Reads the agent's status first when what
     * the client knows is older than a second; a strict client then refuses a paused agent with
     * {@link AgentPausedException} (a lenient one starts the run: ask {@link #isPaused()}).
     */
    public String startRun(StartRun start) {
        String agent = start.agentId() != null ? start.agentId() : agentId;
        if (agent == null) {
            throw new IllegalArgumentException("no agent: set agentId(..) on the builder or on StartRun");
        }
        pauses.refreshIfStale(agent);
        if (strict && pauses.isPaused(agent)) {
            String reason = pauses.reason(agent);
            throw new AgentPausedException("agent " + agent + " is paused" + (reason == null ? "" : ": " + reason), 0,
                "agent_paused", null);
        }
        String runId = start.runId() != null ? start.runId() : payloads.newId();
        if (buffer.droppedAfterClose()) {
            return runId;
        }
        buffer.started(runId, agent, payloads.started(start));
        pauses.start();
        buffer.added(false);
        return runId;
    }

    /**
     * Ends a run and starts sending what is buffered (without waiting for it: {@link #flush()} waits).
     *
     * @param status {@link RunStatus#COMPLETED}, {@code FAILED} or {@code CANCELLED}
     * @param output the run's result (optional)
     * @param error  an error message (optional)
     */
    public void endRun(String runId, RunStatus status, Object output, String error) {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(status, "status");
        if (!status.isFinal()) {
            throw new IllegalArgumentException("a run ends COMPLETED, FAILED or CANCELLED, not " + status);
        }
        if (buffer.droppedAfterClose()) {
            return;
        }
        buffer.ended(runId, payloads.ended(status, output, error));
        buffer.added(true);
    }

    /** Ends a run as completed with this output. */
    public void endRun(String runId, Object output) {
        endRun(runId, RunStatus.COMPLETED, output, null);
    }

    // ---- events ----------------------------------------------------------------------------------------------

    /** Records a model call; returns the event id. */
    public String recordLlmCall(String runId, LlmCall call) {
        return add(runId, payloads.llmCall(call));
    }

    /**
     * Records a model call with a provider usage object as its SDK returns it (as a map): OpenAI (and compatible),
     * Anthropic, Gemini, Bedrock, Vercel AI SDK, LangChain or Cohere, recognised by its keys as {@link Usage#detect}
     * says. Returns the event id.
     */
    public String recordLlmCall(String runId, String model, Map<String, ?> usage) {
        return recordLlmCall(runId, LlmCall.builder(model).usage(usage).build());
    }

    /** Records a tool call ({@code payload: {tool_name, input, output, error}}); returns the event id. */
    public String recordToolCall(String runId, ToolCall call) {
        Objects.requireNonNull(call.toolName(), "toolName");
        return add(runId, payloads.toolCall(call));
    }

    /** Records a tool call; returns the event id. */
    public String recordToolCall(String runId, String toolName, Object input, Object output) {
        return recordToolCall(runId, ToolCall.of(toolName, input, output));
    }

    /**
     * Records an external action ({@code payload: {action_type, target, payload, approval_id}}); returns the event id.
     */
    public String recordExternalAction(String runId, ExternalAction action) {
        Objects.requireNonNull(action.actionType(), "actionType");
        return add(runId, payloads.externalAction(action,
            action.approvalId() != null ? action.approvalId() : takeApproval(runId, action)));
    }

    /** Records an external action; returns the event id. */
    public String recordExternalAction(String runId, String actionType, String target, Object payload) {
        return recordExternalAction(runId, ExternalAction.of(actionType, target, payload));
    }

    // ---- policies and approvals -------------------------------------------------------------------------------

    /**
     * Asks AgentOps whether the agent may do this now ({@code POST /api/v1/policies/check}, key scope
     * {@code policies:check}): {@code ALLOW}, {@code BLOCK} or {@code REQUIRE_APPROVAL} with the approval request it
     * opened. {@code action} needs a {@code type}; {@code context} adds facts the rules read as {@code action.*} too;
     * {@code runId} (may be null) is the run the check is recorded on. When AgentOps cannot be reached it answers by
     * {@link Builder#policyFailMode} ({@code BLOCK} by default) with the reason {@code unreachable}, strict or not;
     * other failures throw only in strict mode (otherwise the same fail-mode answer, reason = the error's code).
     */
    public PolicyCheck checkPolicy(String runId, Map<String, ?> action, Map<String, ?> context) {
        String agent = buffer.agentOf(runId);
        try {
            if (agent == null) {
                throw new AgentOpsException("no agent: call agentId(..) or set AGENTOPS_AGENT_ID", 0, "configuration",
                    null, null);
            }
            if (action == null || !(action.get("type") instanceof String)) {
                throw new AgentOpsException("checkPolicy needs an action with a type", 0, "configuration", null, null);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            Payloads.putIfNotNull(body, "run_id", runId);
            body.put("agent_id", agent);
            body.put("action", action);
            Payloads.putIfNotNull(body, "context", context);
            JsonNode answer = transport.post(CHECK_PATH, body);
            JsonNode data = answer.has("data") ? answer.get("data") : answer;
            if (!data.hasNonNull("decision")) {
                throw new ServerException("unreadable policy check answer", 502, null, null);
            }
            List<PolicyReason> reasons = new ArrayList<>();
            for (JsonNode reason : data.path("reasons")) {
                reasons.add(new PolicyReason(text(reason, "code"), text(reason, "policy_id"),
                    reason.hasNonNull("version") ? reason.get("version").asInt() : null, text(reason, "name"),
                    reason.hasNonNull("decision") ? Decision.fromWire(reason.get("decision").asText()) : null,
                    text(reason, "message")));
            }
            String approvalId = text(data.path("approval"), "id");
            String key = checkedActionKey(action, context);
            return new PolicyCheck(Decision.fromWire(data.get("decision").asText()), reasons, approvalId,
                timeout -> waitForApproval(approvalId, runId, key, timeout));
        } catch (RuntimeException error) {
            AgentOpsException failure = error instanceof AgentOpsException typed ? typed
                : new AgentOpsException("policy check failed: " + error, 0, null, null, error);
            tell(failure);
            boolean unreachable = unreachable(failure);
            if (strict && !unreachable) {
                throw failure;
            }
            Decision decision = policyFailMode.decision();
            String code = unreachable ? "unreachable" : failure.code() != null ? failure.code() : "check_failed";
            PolicyReason reason = new PolicyReason(code, null, null, null, decision, "no policy decision from AgentOps ("
                + failure.getMessage() + "); policyFailMode " + policyFailMode.name().toLowerCase(java.util.Locale.ROOT));
            return new PolicyCheck(decision, List.of(reason), null, timeout -> {
                throw new IllegalStateException("no approval to wait for");
            });
        }
    }

    /** {@link #checkPolicy(String, Map, Map)} without context. */
    public PolicyCheck checkPolicy(String runId, Map<String, ?> action) {
        return checkPolicy(runId, action, null);
    }

    /**
     * Long-polls {@code GET /api/v1/approvals/{id}/wait} (at most 60 s per request, again while pending) until the
     * request is decided or expires, or {@code timeout} has passed. Never throws unless strict (then for errors other
     * than unreachable).
     */
    private ApprovalResult waitForApproval(String approvalId, String runId, String key, Duration timeout) {
        long deadline = System.nanoTime() + Math.max(0, timeout.toNanos());
        ApprovalResult timedOut = new ApprovalResult(ApprovalOutcome.TIMEOUT, null, null);
        while (true) {
            long remainingMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            long waitS = Math.max(0, Math.min(APPROVAL_WAIT_MAX_S, (remainingMs + 999) / 1000));
            try {
                JsonNode answer = transport.getOnce("/api/v1/approvals/"
                        + java.net.URLEncoder.encode(approvalId, java.nio.charset.StandardCharsets.UTF_8)
                        + "/wait?timeout_s=" + waitS, Duration.ofSeconds(waitS + 10));
                JsonNode data = answer.path("data");
                String status = text(data, "status");
                if (status == null) {
                    throw new ServerException("unreadable approval wait answer", 502, null, null);
                }
                if (!"pending".equals(status)) {
                    ApprovalOutcome outcome = ApprovalOutcome.fromWire(status);
                    if (outcome == ApprovalOutcome.APPROVED && runId != null) {
                        approved.computeIfAbsent(runId, id -> new java.util.concurrent.ConcurrentHashMap<>())
                            .put(key, approvalId);
                    }
                    return new ApprovalResult(outcome, text(data, "comment"), text(data, "decided_by"));
                }
            } catch (RuntimeException error) {
                AgentOpsException failure = error instanceof AgentOpsException typed ? typed
                    : new AgentOpsException("approval wait failed: " + error, 0, null, null, error);
                tell(failure);
                if (!unreachable(failure)) {
                    if (strict) {
                        throw failure;
                    }
                    return timedOut;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left > 0) {
                    try {
                        Thread.sleep(Math.min(APPROVAL_RETRY_PAUSE.toMillis(), left));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return timedOut;
                    }
                }
            }
            if (System.nanoTime() - deadline >= 0) {
                return timedOut;
            }
        }
    }

    /** The approved, unused approval of this run's check of the same action (docs/api.md's hash rule), used up here. */
    private String takeApproval(String runId, ExternalAction action) {
        Map<String, String> byAction = runId == null ? null : approved.get(runId);
        if (byAction == null) {
            return null;
        }
        String key = performedActionKey(action);
        return key == null ? null : byAction.remove(key);
    }

    /**
     * The canonical JSON (RFC 8785) of the action an approval is bound to, as the server hashes it: at the check, the
     * context with the action's keys on top and {@code type} trimmed.
     */
    String checkedActionKey(Map<String, ?> action, Map<String, ?> context) {
        Map<String, Object> merged = new LinkedHashMap<>();
        if (context != null) {
            merged.putAll(context);
        }
        merged.putAll(action);
        merged.put("type", String.valueOf(action.get("type")).trim());
        return new String(CanonicalJson.encode(mapper, merged), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The same for an external action: {@code {...payload, target (when present), type: actionType}}; null when the
     * payload is not an object (such an action never matches a check). */
    String performedActionKey(ExternalAction action) {
        Map<String, Object> merged = new LinkedHashMap<>();
        Object payload = action.payload();
        if (payload instanceof Map<?, ?> map) {
            map.forEach((k, v) -> merged.put(String.valueOf(k), v));
        } else if (payload != null) {
            JsonNode tree = mapper.valueToTree(payload);
            if (!tree.isObject()) {
                return null;
            }
            merged.putAll(mapper.convertValue(tree, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
            }));
        }
        Payloads.putIfNotNull(merged, "target", action.target());
        merged.put("type", action.actionType());
        return new String(CanonicalJson.encode(mapper, merged), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Tells {@code onError} about a failed check or wait without keeping it for a strict {@link #flush()}: the
     * check has answered already (by the fail mode, or by throwing), and telemetry did not fail.
     */
    private void tell(AgentOpsException failure) {
        if (onError != null) {
            try {
                onError.accept(failure);
            } catch (RuntimeException ignored) {
                // a broken callback must not break the agent
            }
        } else {
            LOG.log(System.Logger.Level.WARNING, "AgentOps policy check failed: " + failure.getMessage());
        }
    }

    private static boolean unreachable(AgentOpsException failure) {
        return failure instanceof ConnectionException || failure instanceof ServerException
            || failure instanceof RateLimitException;
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    /**
     * Records an error event in the run ({@code payload: {message, ...details}}); the run's own status is set by
     * {@link #endRun}. Returns the event id.
     */
    public String recordError(String runId, String message, Map<String, ?> details) {
        return add(runId, payloads.error(message, details));
    }

    // ---- state and lifecycle ---------------------------------------------------------------------------------

    /**
     * True when the client's agent is paused (by a person, the kill switch, a budget or a policy) or its organization
     * halted: stop the agent's work. Never calls the server itself: while a run is open a long-polling status read is
     * held on the server, which answers as soon as the agent is paused or resumed (so this flips within a round trip
     * of the pause), and SDK calls refresh it when no read is held and it is older than a second. Without a default
     * agent: whether any agent this client saw is paused.
     */
    public boolean isPaused() {
        return agentId != null ? pauses.isPaused(agentId) : pauses.anyPaused();
    }

    /** True when this agent (id or slug, as sent to ingest) is paused. */
    public boolean isPaused(String agent) {
        return pauses.isPaused(agent);
    }

    /** Why the agent was paused ({@code paused_reason}), or null. */
    public String pausedReason(String agent) {
        return pauses.reason(agent);
    }

    /** Who paused the agent, or null when it is not paused or the server did not say. */
    public PauseSource pauseSource(String agent) {
        return pauses.source(agent);
    }

    /**
     * The worst state of the budgets covering the client's agent in their current period ({@code OK}, {@code WARNING}
     * from 80 %, {@code EXCEEDED} from 100 %), from the last ingest ack or status read; null until the server said.
     * Without a default agent: the worst among the agents this client saw.
     */
    public BudgetStatus budgetStatus() {
        return agentId != null ? pauses.budgetStatus(agentId) : pauses.worstBudgetStatus();
    }

    /** The budget state of this agent (id or slug, as sent to ingest), or null until the server said. */
    public BudgetStatus budgetStatus(String agent) {
        return pauses.budgetStatus(agent);
    }

    /**
     * Sends everything buffered and waits for it. Never throws unless the client is strict: then it throws the
     * first telemetry failure since the last flush.
     */
    public void flush() {
        if (agentId != null) {
            pauses.refreshIfStale(agentId);
        }
        buffer.flush();
        AgentOpsException failure = strictFailure.getAndSet(null);
        if (strict && failure != null) {
            throw failure;
        }
    }

    /** Flushes, then stops the background threads. Later record calls are ignored. Idempotent. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        buffer.close();
        pauses.close();
        try {
            flush();
        } finally {
            buffer.shutdown();
        }
    }

    /**
     * The generated low-level client ({@code dev.agentops.sdk.generated.*}) with this client's base URL and API key,
     * for any endpoint the facade does not wrap: {@code new RunsApi(client.lowLevel())}.
     */
    public ApiClient lowLevel() {
        ApiClient api = new ApiClient(HttpClient.newBuilder(), ApiClient.createDefaultObjectMapper(), transport.baseUrl());
        api.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + apiKey)
            .setHeader("User-Agent", "agentops-sdk-java/" + AgentOpsSdk.VERSION));
        return api;
    }

    /** The SDK's HTTP layer (retries, idempotency keys, typed errors) for calls of your own. */
    public HttpTransport http() {
        return transport;
    }

    // ---- internals -------------------------------------------------------------------------------------------

    private void acknowledged(String agent, JsonNode answer) {
        pauses.update(agent, answer);
    }

    private String add(String runId, Map<String, Object> event) {
        Objects.requireNonNull(runId, "runId");
        pauses.refreshIfStale(buffer.agentOf(runId));
        if (buffer.droppedAfterClose()) {
            return (String) event.get("event_id");
        }
        buffer.event(runId, event);
        buffer.added(false);
        return (String) event.get("event_id");
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
        private PauseListener onPause;
        private BudgetStatusListener onBudgetStatus;
        private Clock clock = Clock.systemUTC();
        private Supplier<String> ids = () -> UUID.randomUUID().toString();
        private PolicyFailMode policyFailMode = PolicyFailMode.CLOSED;

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

        /**
         * Send when this many items (events, run starts, run ends) are buffered, and at most this many events per
         * request; default 100, at most 1000.
         */
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

        /**
         * What {@link AgentOpsClient#checkPolicy} answers when AgentOps cannot be reached: {@code CLOSED} (default)
         * blocks, {@code OPEN} allows; either way with the reason {@code unreachable}.
         */
        public Builder policyFailMode(PolicyFailMode policyFailMode) {
            this.policyFailMode = Objects.requireNonNull(policyFailMode, "policyFailMode");
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

        /** Told once per change when an agent is paused or resumed; default none (ask {@link #isPaused()}). */
        public Builder onPause(PauseListener onPause) {
            this.onPause = onPause;
            return this;
        }

        /**
         * Told once per change of an agent's budget state, from ingest acks and status reads; default none (ask
         * {@link #budgetStatus()}).
         */
        public Builder onBudgetStatus(BudgetStatusListener onBudgetStatus) {
            this.onBudgetStatus = onBudgetStatus;
            return this;
        }

        /** Where timestamps come from (tests fix it); default the system's UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where run and event ids come from (tests make them predictable); default random UUIDs. */
        public Builder ids(Supplier<String> ids) {
            this.ids = Objects.requireNonNull(ids, "ids");
            return this;
        }

        public AgentOpsClient build() {
            return new AgentOpsClient(this);
        }
    }
}
