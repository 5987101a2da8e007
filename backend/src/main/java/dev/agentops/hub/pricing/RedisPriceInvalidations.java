package dev.agentops.hub.pricing;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private static final Logger LOG = LoggerFactory.getLogger(RedisPriceInvalidations.class);

    private final BeanProvider<StatefulRedisConnection<String, String>> connection;
    private final BeanProvider<StatefulRedisPubSubConnection<String, String>> subscriber;
    private final OrgPrices prices;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final AtomicBoolean listening = new AtomicBoolean();

    RedisPriceInvalidations(BeanProvider<StatefulRedisConnection<String, String>> connection,
                            BeanProvider<StatefulRedisPubSubConnection<String, String>> subscriber, OrgPrices prices) {
        this.connection = connection;
        this.subscriber = subscriber;
        this.prices = prices;
    }

    void publish(UUID organizationId) {
        try {
            connection.get().async().publish(CHANNEL, organizationId.toString()).get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Could not announce a price change on Redis ({}); other instances apply it within the cache TTL",
                e.getClass().getSimpleName());
        }
    }

    /**
     * Subscribes shortly after start-up, off the start-up path, and retries while Redis is unreachable; after that,
     * Lettuce re-subscribes by itself when it reconnects.
     */
    @Scheduled(fixedDelay = "30s", initialDelay = "1s")
    void subscribe() {
        if (subscribed.get()) {
            return;
        }
        try {
            StatefulRedisPubSubConnection<String, String> pubSub = subscriber.get();
            if (listening.compareAndSet(false, true)) {
                pubSub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        if (CHANNEL.equals(channel)) {
                            received(message);
                        }
                    }
                });
            }
            pubSub.async().subscribe(CHANNEL).get(2, TimeUnit.SECONDS);
            subscribed.set(true);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warn("Could not subscribe to price changes on Redis ({}); retrying", e.getClass().getSimpleName());
        }
    }

    boolean subscribed() {
        return subscribed.get();
    }

    private void received(String message) {
        try {
            prices.invalidate(UUID.fromString(message.trim()));
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring a malformed price-change message");
        }
    }
}
