package dev.agentops.hub.live;

import dev.agentops.hub.agents.AgentChanged;
import dev.agentops.hub.ingestion.RunChanged;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns committed changes (runs from the workers, agents from the API) into live events. With Redis they go
 * through the pub/sub channel {@code agentops:live}, so every instance's streams see changes made anywhere; without
 * Redis they go straight to this instance's hub.
 */
@Context
class LivePublisher {

    static final String CHANNEL = "agentops:live";
    private static final Logger LOG = LoggerFactory.getLogger(LivePublisher.class);

    private final LiveHub hub;
    private final JsonMapper json;
    private final Optional<RedisClient> redis;
    private final AtomicLong sequence = new AtomicLong();
    private StatefulRedisConnection<String, String> publishing;
    private StatefulRedisPubSubConnection<String, String> subscription;

    LivePublisher(LiveHub hub, JsonMapper json, BeanProvider<RedisClient> redis,
                  @Value("${redis.uri:}") String redisUri) {
        this.hub = hub;
        this.json = json;
        this.redis = redisUri.isBlank() ? Optional.empty() : redis.find(null);
    }

    @PostConstruct
    void subscribe() {
        redis.ifPresent(client -> {
            try {
                publishing = client.connect();
                subscription = client.connectPubSub();
                subscription.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        receive(message);
                    }
                });
                subscription.sync().subscribe(CHANNEL);
            } catch (RuntimeException e) {
                LOG.warn("Live updates: Redis pub/sub unavailable ({}); this instance's changes only", e.getClass().getSimpleName());
                publishing = null;
            }
        });
    }

    @EventListener
    void onRunChanged(RunChanged change) {
        publish(new LiveEvent(nextId(), change.organizationId(), change.created() ? "run.created" : "run.updated",
            Map.of("id", change.runId().toString(), "agent_id", change.agentId().toString(),
                "organization_id", change.organizationId().toString())));
    }

    @EventListener
    void onAgentChanged(AgentChanged change) {
        publish(new LiveEvent(nextId(), change.organizationId(), "agent.updated",
            Map.of("id", change.agentId().toString(), "agent_id", change.agentId().toString(), "status", change.status(),
                "organization_id", change.organizationId().toString())));
    }

    private void publish(LiveEvent event) {
        if (publishing != null) {
            try {
                publishing.async().publish(CHANNEL, json.writeValueAsString(event));
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warn("Live updates: publish to Redis failed ({}); delivering locally", e.getClass().getSimpleName());
            }
        }
        hub.emit(event);
    }

    private void receive(String message) {
        try {
            hub.emit(json.readValue(message, LiveEvent.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Live updates: unreadable message on {}", CHANNEL);
        }
    }

    /** Ordered per instance and unique across instances (time first, then a per-instance counter and a random tag). */
    private String nextId() {
        return Instant.now().toEpochMilli() + "-" + sequence.incrementAndGet() + "-" + INSTANCE;
    }

    private static final String INSTANCE = Long.toString(Math.abs(new java.security.SecureRandom().nextLong()) % 1_000_000, 36);

    @PreDestroy
    void close() {
        if (subscription != null) {
            subscription.close();
        }
        if (publishing != null) {
            publishing.close();
        }
    }
}
