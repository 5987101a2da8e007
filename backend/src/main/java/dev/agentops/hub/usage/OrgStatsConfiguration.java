package dev.agentops.hub.usage;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code agentops.stats.*}: the per-organization snapshot of agent stats and daily cost.
 *
 * @param cacheTtl     how long a snapshot is served (from Redis or this instance); worker batches and agent
 *                     changes drop it sooner
 * @param redisTimeout longest a read or an invalidation waits for Redis
 * @param redisBackoff after a Redis failure, how long snapshots skip Redis (reads go to PostgreSQL), so a hung
 *                     Redis costs one timeout per period and instance, not one per request
 */
@ConfigurationProperties("agentops.stats")
record OrgStatsConfiguration(
    @Bindable(defaultValue = "60s") Duration cacheTtl,
    @Bindable(defaultValue = "200ms") Duration redisTimeout,
    @Bindable(defaultValue = "1s") Duration redisBackoff) {
}
