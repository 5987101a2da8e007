package dev.agentops.hub.shared.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
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

    public static Map<String, Object> from(Map<String, String> env, Path dataDirectory, boolean embeddedDatabase) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("agentops.security.secret", ServerSecret.resolve(env.get("AGENTOPS_SECRET"), dataDirectory, embeddedDatabase));
        String smtpHost = env.get("SMTP_HOST");
        if (smtpHost != null && !smtpHost.isBlank()) {
            properties.put("agentops.smtp.host", smtpHost.trim());
            copy(env, "SMTP_PORT", properties, "agentops.smtp.port");
            copy(env, "SMTP_USERNAME", properties, "agentops.smtp.username");
            copy(env, "SMTP_PASSWORD", properties, "agentops.smtp.password");
            copy(env, "SMTP_FROM", properties, "agentops.smtp.from");
            LOG.info("E-mail: SMTP via {}", smtpHost.trim());
        } else {
            LOG.info("E-mail: no SMTP_HOST, development mode: e-mails are written to {}", dataDirectory.resolve("outbox"));
        }
        properties.put("agentops.email.outbox-dir", dataDirectory.resolve("outbox").toString());
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

    private static void copy(Map<String, String> env, String variable, Map<String, Object> properties, String property) {
        String value = env.get(variable);
        if (value != null && !value.isBlank()) {
            properties.put(property, value);
        }
    }
}
