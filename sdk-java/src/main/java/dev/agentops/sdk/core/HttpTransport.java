package dev.agentops.sdk.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * JSON over {@link HttpClient} with the SDK's rules (the same in the TypeScript SDK, README "Retries"): API key auth;
 * retries with exponential backoff and full jitter (honouring {@code Retry-After} on 429 and 503) for I/O errors, 408,
 * 429, 5xx and 409 {@code idempotency_in_progress}, never for other 4xx; request bodies in canonical JSON
 * ({@link CanonicalJson}); an {@code Idempotency-Key} (a random UUID) on every POST, generated once per logical
 * request and reused on every retry; errors mapped to {@link AgentOpsException} subclasses by the API's {@code code},
 * then by status.
 */
public final class HttpTransport {

    /** First backoff step; doubles per attempt. */
    static final Duration BASE_DELAY = Duration.ofMillis(500);
    /** Longest backoff step, and the longest {@code Retry-After} honoured. */
    static final Duration MAX_DELAY = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String apiKey;
    private final int maxRetries;
    private final Sleeper sleeper;
    private final Duration timeout;
    private final String userAgent;
    private final DoubleSupplier random;

    public HttpTransport(HttpClient http, ObjectMapper mapper, String baseUrl, String apiKey, int maxRetries,
                         Sleeper sleeper, Duration timeout, String userAgent) {
        this(http, mapper, baseUrl, apiKey, maxRetries, sleeper, timeout, userAgent,
            () -> ThreadLocalRandom.current().nextDouble());
    }

    HttpTransport(HttpClient http, ObjectMapper mapper, String baseUrl, String apiKey, int maxRetries, Sleeper sleeper,
                  Duration timeout, String userAgent, DoubleSupplier random) {
        this.http = http;
        this.mapper = mapper;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.maxRetries = Math.max(0, maxRetries);
        this.sleeper = sleeper;
        this.timeout = timeout;
        this.userAgent = userAgent;
        this.random = random;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** GET {@code path}; returns the parsed body. */
    public JsonNode get(String path) {
        return send("GET", path, null, null, maxRetries, timeout);
    }

    /** GET {@code path} once, without retries, with its own timeout (the status poll: the next poll is the retry). */
    public JsonNode getOnce(String path, Duration requestTimeout) {
        return send("GET", path, null, null, 0, requestTimeout);
    }

    /** POST {@code body} as canonical JSON with a new {@code Idempotency-Key}, reused across its retries. */
    public JsonNode post(String path, Object body) {
        return postJson(path, CanonicalJson.encode(mapper, body));
    }

    /** POST a body already serialised (canonical JSON) with a new {@code Idempotency-Key}, reused across retries. */
    public JsonNode postJson(String path, byte[] json) {
        return send("POST", path, json, UUID.randomUUID().toString(), maxRetries, timeout);
    }

    private JsonNode send(String method, String path, byte[] json, String idempotencyKey, int retries,
                          Duration requestTimeout) {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(requestTimeout)
                .header("Accept", "application/json").header("User-Agent", userAgent);
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            if (idempotencyKey != null) {
                request.header("Idempotency-Key", idempotencyKey);
            }
            if (json != null) {
                request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(json));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            AgentOpsException failure;
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    String text = response.body();
                    return text == null || text.isBlank() ? NullNode.getInstance() : mapper.readTree(text);
                }
                retryAfter = parseRetryAfter(response.headers().firstValue("Retry-After"));
                failure = mapError(status, response.body(), response.headers().firstValue("X-Request-Id").orElse(null),
                    retryAfter);
                boolean retryable = status == 408 || status == 429 || status >= 500
                    || status == 409 && "idempotency_in_progress".equals(failure.code());
                if (!retryable) {
                    throw failure;
                }
                if (status != 429 && status != 503) {
                    retryAfter = null;
                }
            } catch (IOException e) {
                failure = new ConnectionException("could not reach AgentOps at " + baseUrl + ": " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectionException("interrupted while calling AgentOps", e);
            }
            if (attempt >= retries) {
                throw failure;
            }
            try {
                sleeper.sleep(retryAfter != null ? min(retryAfter, MAX_DELAY) : backoff(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure;
            }
        }
    }

    /** Full jitter: uniformly random between 0 and min(cap, base * 2^attempt). */
    Duration backoff(int attempt) {
        long ceiling = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static Duration parseRetryAfter(Optional<String> header) {
        if (header.isEmpty()) {
            return null;
        }
        String value = header.get().trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                    ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    /** Builds the typed exception for an error response: by the API's {@code code} first, then by status. */
    AgentOpsException mapError(int status, String body, String headerRequestId, Duration retryAfter) {
        String message = "HTTP " + status;
        String code = null;
        String requestId = headerRequestId;
        List<ValidationException.FieldProblem> fields = new ArrayList<>();
        try {
            JsonNode node = body == null || body.isBlank() ? null : mapper.readTree(body);
            if (node != null && node.isObject()) {
                message = node.path("error").asText(message);
                code = node.hasNonNull("code") ? node.get("code").asText() : null;
                if (requestId == null && node.hasNonNull("request_id")) {
                    requestId = node.get("request_id").asText();
                }
                for (JsonNode field : node.path("details").path("fields")) {
                    fields.add(new ValidationException.FieldProblem(field.path("field").asText(null),
                        field.path("problem").asText(null)));
                }
            }
        } catch (IOException notJson) {
            // keep the status-only message
        }
        String family = code == null ? "" : code;
        switch (family) {
            case "unauthenticated", "invalid_credentials", "token_expired", "mfa_required":
                return new AuthenticationException(message, status, code, requestId);
            case "forbidden":
                return new PermissionException(message, status, code, requestId);
            case "not_found":
                return new NotFoundException(message, status, code, requestId);
            case "validation_failed", "invalid_json":
                return new ValidationException(message, status, code, requestId, fields);
            case "rate_limited":
                return new RateLimitException(message, status, code, requestId, retryAfter);
            case "conflict", "duplicate":
                return new ConflictException(message, status, code, requestId);
            case "idempotency_in_progress", "idempotency_key_reused":
                return new IdempotencyException(message, status, code, requestId);
            case "agent_paused", "org_paused":
                return new AgentPausedException(message, status, code, requestId);
            default:
                break;
        }
        if (status == 401) {
            return new AuthenticationException(message, status, code, requestId);
        } else if (status == 403) {
            return new PermissionException(message, status, code, requestId);
        } else if (status == 404) {
            return new NotFoundException(message, status, code, requestId);
        } else if (status == 409) {
            return new ConflictException(message, status, code, requestId);
        } else if (status == 400 || status == 422) {
            return new ValidationException(message, status, code, requestId, fields);
        } else if (status == 429) {
            return new RateLimitException(message, status, code, requestId, retryAfter);
        } else if (status >= 500) {
            return new ServerException(message, status, code, requestId);
        }
        return new AgentOpsException(message, status, code, requestId, null);
    }
}
