package dev.agentops.hub.pricing;

import dev.agentops.hub.shared.redis.RedisChannels;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;

import java.util.UUID;

/**
 * With Redis configured, tells every instance that an organization's prices changed: the changing instance
 * publishes the organization id on {@value #CHANNEL}, every subscriber drops its cached entry. Redis is never
 * required: a failed publish or a lost subscription only means other instances see the change when their cache
 * entry expires ({@code agentops.pricing.org-cache-ttl}).
 */
@Context
@Requires(property = "redis.uri")
class RedisPriceInvalidations {

    static final String CHANNEL = "agentops:pricing";

    private final RedisChannels channels;
    private final OrgPrices prices;

    RedisPriceInvalidations(RedisChannels channels, OrgPrices prices) {
        this.channels = channels;
        this.prices = prices;
    }

    @PostConstruct
    void subscribe() {
        channels.subscribeIds(CHANNEL, prices::invalidate);
    }

    void publish(UUID organizationId) {
        channels.publish(CHANNEL, organizationId.toString());
    }

    boolean subscribed() {
        return channels.subscribed(CHANNEL);
    }
}
