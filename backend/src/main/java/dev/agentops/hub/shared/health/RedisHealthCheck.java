package dev.agentops.hub.shared.health;

import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.util.concurrent.TimeUnit;

@Singleton
@Requires(property = "redis.uri")
class RedisHealthCheck implements HealthCheck {

    private final StatefulRedisConnection<String, String> connection;

    RedisHealthCheck(StatefulRedisConnection<String, String> connection) {
        this.connection = connection;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public void probe() throws Exception {
        connection.async().ping().get(2, TimeUnit.SECONDS);
    }
}
