package dev.agentops.hub.shared.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the optional environment variables into Micronaut properties, so that a feature is on only when its
 * variable is set (application.yml cannot express "absent means off" for Redis or CORS).
 */
public final class EnvironmentProperties {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentProperties.class);

    private EnvironmentProperties() {
    }

    public static Map<String, Object> from(Map<String, String> env) {
        Map<String, Object> properties = new LinkedHashMap<>();
        String redis = env.get("REDIS_URL");
        if (redis != null && !redis.isBlank()) {
            properties.put("redis.uri", redis.trim());
            LOG.info("Redis: on ({}): shared rate limits, caches and live-update fan-out", redis.replaceAll("//[^@]*@", "//"));
        } else {
            LOG.info("Redis: off (REDIS_URL not set): single-instance mode with in-process limits, caches and fan-out");
        }
        String origins = env.get("CORS_ALLOWED_ORIGINS");
        if (origins != null && !origins.isBlank()) {
            List<String> list = Arrays.stream(origins.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            properties.put("micronaut.server.cors.enabled", true);
            properties.put("micronaut.server.cors.configurations.web.allowed-origins", list);
            LOG.info("CORS: allowing {}", list);
        }
        return properties;
    }
}
