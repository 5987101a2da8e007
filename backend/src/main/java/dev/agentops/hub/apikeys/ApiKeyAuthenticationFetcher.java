package dev.agentops.hub.apikeys;

import dev.agentops.hub.shared.ratelimit.RateLimitDecision;
import dev.agentops.hub.shared.ratelimit.RateLimitHeaders;
import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.ApiKeyScope;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.Secrets;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * Authenticates {@code X-API-Key: aoh_...} or {@code Authorization: Bearer aoh_...}, looking the key up by its prefix
 * through {@link ApiKeyCache} (revocations invalidate it on every instance).
 */
@Singleton
class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final ApiKeyCache cache;
    private final ApiKeyUsage usage;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final ExecutorService blocking;

    ApiKeyAuthenticationFetcher(ApiKeyCache cache, ApiKeyUsage usage, RateLimiter limiter,
                                RateLimits limits, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.cache = cache;
        this.usage = usage;
        this.limiter = limiter;
        this.limits = limits;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            return Publishers.empty();
        }
        String key = presented.get();
        if (key.length() >= ApiKeyService.PREFIX_LENGTH && cache.inMemory(key.substring(0, ApiKeyService.PREFIX_LENGTH))) {
            // the usual case, a key in use: a hash and map reads, so done here rather than on the blocking pool, whose
            // hop there and back costs each request two thread switches (and under load two waits for a core). The
            // rate limit's bucket may sync with Redis on the way, as the ingest path's own limit does on the event
            // loop: large buckets sync every 5 % of their burst, and the circuit breaker bounds a failing Redis.
            return authenticate(request, key).map(Publishers::just).orElseGet(Publishers::empty);
        }
        return Mono.fromCallable(() -> authenticate(request, key).orElse(null))
            .subscribeOn(Schedulers.fromExecutorService(blocking));
    }

    private Optional<Authentication> authenticate(HttpRequest<?> request, String key) {
        if (key.length() < ApiKeyService.PREFIX_LENGTH || key.length() > 200) {
            return Optional.empty();
        }
        return cache.find(key.substring(0, ApiKeyService.PREFIX_LENGTH))
            .filter(found -> Secrets.constantTimeEquals(found.keyHash(), Secrets.sha256(key)))
            .filter(found -> found.usableAt(Instant.now()))
            .map(found -> {
                usage.used(found.id(), found.organizationId());
                limit(request, found);
                EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
                found.scopes().forEach(scope -> ApiKeyScope.fromKey(scope).ifPresent(s -> permissions.addAll(s.permissions())));
                return Authentication.build(found.id().toString(), List.of(), Map.of(
                    Actor.ATTR_ACTOR_TYPE, "api_key",
                    Actor.ATTR_ORG, found.organizationId().toString(),
                    Actor.ATTR_PERMISSIONS, permissions.stream().map(Enum::name).toList()));
            });
    }

    /**
     * Counts the request against the key's limit here, on the blocking pool where the Redis call may wait; a refusal
     * is turned into the 429 by {@link ApiKeyRateLimitFilter} once security has run, before any controller.
     */
    private void limit(HttpRequest<?> request, ApiKey key) {
        RateLimitDecision decision = limiter.consume(limits.apiKey(), key.id().toString(), 1);
        if (decision.allowed()) {
            RateLimitHeaders.attach(request, decision);
        } else {
            request.setAttribute(ApiKeyRateLimitFilter.REFUSED, decision);
        }
    }

    static Optional<String> presentedKey(HttpRequest<?> request) {
        String header = request.getHeaders().get("X-API-Key");
        if (header != null && header.startsWith(ApiKeyService.KEY_PREFIX)) {
            return Optional.of(header.trim());
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer " + ApiKeyService.KEY_PREFIX, 0, 11)) {
            return Optional.of(authorization.substring(7).trim());
        }
        return Optional.empty();
    }
}
