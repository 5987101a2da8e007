package dev.agentops.hub.shared.idempotency;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.filter.FilterContinuation;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Named;
import org.apache.commons.codec.digest.DigestUtils;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Applies {@code Idempotency-Key} to POSTs under {@code /api/v1} (rules in package-info). The pattern leaves out
 * {@code /api/v1/ingest/run} so that the ingest hot path never waits here; requests without the header only pass
 * through. Runs after the security filter, which has put the caller's authentication on the request.
 */
@ServerFilter(patterns = "^/api/v1/(?!ingest/run$).*", patternStyle = FilterPatternStyle.REGEX, methods = HttpMethod.POST)
class IdempotencyFilter implements Ordered {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final Scheduler blocking;

    IdempotencyFilter(IdempotencyKeys keys, JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.keys = keys;
        this.json = json;
        this.blocking = Schedulers.fromExecutorService(blocking);
    }

    @RequestFilter
    public Publisher<MutableHttpResponse<?>> apply(HttpRequest<?> request,
                                                  FilterContinuation<Publisher<MutableHttpResponse<?>>> next) {
        String key = request.getHeaders().get(HEADER);
        Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
        if (key == null || authentication == null) {
            // no key; or signup, login, refresh: no organization and credential to scope a key by (package-info)
            return next.proceed();
        }
        check(key);
        Actor actor = Actor.from(authentication);
        IdempotencyKeys.Scope scope = new IdempotencyKeys.Scope(actor.organizationId(), actor.id(), key);
        return Mono.fromFuture(rawBody(request))
            .publishOn(blocking)
            .map(body -> keys.claim(scope, hash(request, body)))
            .flatMap(claim -> {
                if (claim instanceof IdempotencyKeys.Claim.Replay replay) {
                    return Mono.just(replay(replay.response()));
                } else if (claim instanceof IdempotencyKeys.Claim.InProgress) {
                    return Mono.error(new ApiException(HttpStatus.CONFLICT, "idempotency_in_progress",
                        "A request with this Idempotency-Key is still being processed. Retry shortly with the same key "
                        + "to get its response.", Map.of()));
                } else if (claim instanceof IdempotencyKeys.Claim.Reused) {
                    return Mono.error(new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
                        "This Idempotency-Key was already used with a different request (another body or endpoint). "
                        + "Use a new key for a new request.", Map.of()));
                }
                return Mono.from(next.proceed())
                    .publishOn(blocking)
                    .map(response -> remember(scope, response))
                    .doOnError(failure -> keys.release(scope));
            });
    }

    /** Keeps the response for replays before the client sees it; releases the key when a retry should run again. */
    private MutableHttpResponse<?> remember(IdempotencyKeys.Scope scope, MutableHttpResponse<?> response) {
        int status = response.code();
        if (status >= 500 || status == HttpStatus.TOO_MANY_REQUESTS.getCode()) {
            keys.release(scope);
        } else {
            keys.complete(scope, new IdempotencyKeys.StoredResponse(status, serialize(response.getBody().orElse(null)),
                response.getHeaders().get(HttpHeaders.LOCATION)));
        }
        return response;
    }

    /**
     * The body's bytes, read from a split of it: the original stays unclaimed for the controller's own binding.
     * Only requests that carry the header get here, so the others never wait for their body in this filter.
     */
    private static CompletableFuture<byte[]> rawBody(HttpRequest<?> request) {
        if (!(request instanceof ServerHttpRequest<?> server)) {
            return CompletableFuture.completedFuture(new byte[0]);
        }
        return server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST).buffer().thenApply(buffered -> {
            try (buffered) {
                return buffered.toByteArray();
            }
        });
    }

    private MutableHttpResponse<?> replay(IdempotencyKeys.StoredResponse stored) {
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(stored.status())).header(REPLAYED, "true");
        if (stored.location() != null) {
            response.header(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.body() != null) {
            response.contentType(MediaType.APPLICATION_JSON_TYPE).body(stored.body());
        }
        return response;
    }

    private String serialize(@Nullable Object body) {
        if (body == null) {
            return null;
        }
        if (body instanceof CharSequence text) {
            return text.toString();
        }
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("response body could not be stored for replay: " + e.getClass().getSimpleName());
        }
    }

    /** 1-255 printable ASCII characters, as Stripe accepts; anything else is refused before any work. */
    static void check(String key) {
        boolean printable = !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!printable) {
            throw Problems.validation(HEADER, "must be 1 to 255 printable ASCII characters (a UUID is a good key)");
        }
    }

    /** Method, path and raw body: the same key sent to another endpoint is a different request too. */
    static String hash(HttpRequest<?> request, byte[] body) {
        MessageDigest sha256 = DigestUtils.getSha256Digest();
        sha256.update((request.getMethodName() + " " + request.getPath() + "\n").getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest(body));
    }

    @Override
    public int getOrder() {
        // after the security filter and the API-key rate limit (a refused request claims no key)
        return ServerFilterPhase.SECURITY.after() + 1;
    }
}
