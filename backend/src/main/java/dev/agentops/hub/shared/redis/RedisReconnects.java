package dev.agentops.hub.shared.redis;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micronaut.configuration.lettuce.AbstractRedisConfiguration;
import io.micronaut.configuration.lettuce.ClientResourcesMutator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Lettuce retries a lost connection with an exponential delay that grows to 30 s by default, so after a Redis outage of
 * half a minute the instance could stay on its fallbacks for another 30 s. Capped at
 * {@code agentops.redis.max-reconnect-delay} (1 s): reconnection attempts are one cheap TCP connect per instance.
 */
@Singleton
@Requires(property = "redis.uri")
class RedisReconnects implements ClientResourcesMutator {

    private final Duration maxDelay;

    RedisReconnects(@Value("${agentops.redis.max-reconnect-delay:1s}") Duration maxDelay) {
        this.maxDelay = maxDelay;
    }

    @Override
    public void mutate(ClientResources.Builder builder, AbstractRedisConfiguration config) {
        Duration lower = maxDelay.compareTo(Duration.ofMillis(10)) < 0 ? maxDelay : Duration.ofMillis(10);
        builder.reconnectDelay(Delay.exponential(lower, maxDelay, 2, TimeUnit.MILLISECONDS));
    }
}
