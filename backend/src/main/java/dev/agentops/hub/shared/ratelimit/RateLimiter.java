package dev.agentops.hub.shared.ratelimit;

import dev.agentops.hub.shared.redis.RedisCircuitBreakers;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets in Redis (shared by all instances) when {@code redis.uri} is set, else in process. A failing or
 * slow Redis never fails a request and never lifts the limits: the call falls back to this instance's buckets.
 * A call waits for Redis up to {@code agentops.rate-limits.redis-timeout}. Buckets of fewer than 100 tokens make a
 * round trip on every call: call them off the event loop (controllers run on the blocking executor; a filter method
 * needs {@code @ExecuteOn(TaskExecutors.BLOCKING)}). Larger ones (API keys, organization ingest) sync with Redis only
 * every 5 % of their burst or 100 ms ({@link RedisBuckets}), so the hot paths call them on the event loop.
 */
@Singleton
public class RateLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    private final RedisBuckets redis;
    private final LocalBuckets local;
    private final CircuitBreaker breaker;

    @Inject
    RateLimiter(Optional<RedisBuckets> redis, RateLimitsConfiguration config) {
        this(redis.orElse(null), new LocalBuckets(config.localMaxBuckets()), config.redisBackoff());
    }

    RateLimiter(RedisBuckets redis, LocalBuckets local, Duration redisBackoff) {
        this.redis = redis;
        this.local = local;
        this.breaker = RedisCircuitBreakers.of(LOG, "Rate limits", "using per-instance buckets", redisBackoff);
    }

    /**
     * Takes {@code tokens} from the bucket of {@code subject} under {@code limit}, or nothing when they are not all
     * there. {@code subject} is an id, IP or e-mail (hashed, never logged), never a secret. 0 tokens only reads.
     */
    public RateLimitDecision consume(RateLimit limit, String subject, int tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("Rate limit " + limit.name() + ": cannot take " + tokens + " tokens");
        }
        String key = BucketKeys.of(limit, subject);
        return RateLimitDecision.of(limit, tokens, take(key, limit, tokens));
    }

    /**
     * Like {@link #consume} but throws {@link RateLimitedException} (429 {@code rate_limited}) when refused. An
     * allowed decision is attached to the current HTTP request, whose response then carries the
     * {@code RateLimit-*} headers.
     */
    public RateLimitDecision check(RateLimit limit, String subject, int tokens) {
        RateLimitDecision decision = consume(limit, subject, tokens);
        if (!decision.allowed()) {
            throw new RateLimitedException(decision);
        }
        ServerRequestContext.currentRequest().ifPresent(request -> RateLimitHeaders.attach(request, decision));
        return decision;
    }

    public RateLimitDecision check(RateLimit limit, String subject) {
        return check(limit, subject, 1);
    }

    /** Whatever Redis or the client does, or while the breaker is open after a failure, the local bucket answers. */
    private BucketOutcome take(String key, RateLimit limit, int tokens) {
        BucketOutcome shared = redis == null ? null : RedisCircuitBreakers.attempt(breaker, () -> redis.take(key, limit, tokens));
        return shared != null ? shared : local.take(key, limit, tokens);
    }
}
