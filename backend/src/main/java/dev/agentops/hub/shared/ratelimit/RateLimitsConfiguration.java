package dev.agentops.hub.shared.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code agentops.rate-limits.*}: each limit is {@code "<tokens>/<period> burst <n>"} (see {@link RateLimit#parse}),
 * e.g. {@code AGENTOPS_RATE_LIMITS_API_KEY="100000/1s burst 200000"} for a benchmark. Defaults are docs/api.md's.
 *
 * @param redisTimeout   longest a request waits for Redis before it uses the in-process bucket
 * @param redisBackoff   after a Redis failure, how long requests go straight to the in-process buckets, so a
 *                       hung Redis costs one timeout per period and instance, not one per request
 * @param localMaxBuckets bound of the in-process bucket map
 */
@ConfigurationProperties("agentops.rate-limits")
public record RateLimitsConfiguration(
    @Bindable(defaultValue = "100/1s burst 200") String apiKey,
    @Bindable(defaultValue = "1000/1s burst 2000") String orgIngestEvents,
    @Bindable(defaultValue = "10/1h burst 5") String signupIp,
    @Bindable(defaultValue = "30/1m burst 10") String loginIp,
    @Bindable(defaultValue = "10/15m burst 5") String loginAccount,
    @Bindable(defaultValue = "5/1h burst 5") String passwordResetIp,
    @Bindable(defaultValue = "5/1m burst 5") String mfaUser,
    @Bindable(defaultValue = "200ms") Duration redisTimeout,
    @Bindable(defaultValue = "1s") Duration redisBackoff,
    @Bindable(defaultValue = "100000") int localMaxBuckets) {
}
