package dev.agentops.hub.usage;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static dev.agentops.hub.usage.UsageFixture.aRun;
import static dev.agentops.hub.usage.UsageFixture.anAgent;
import static dev.agentops.hub.usage.UsageFixture.closedPort;
import static dev.agentops.hub.usage.UsageFixture.cost;
import static dev.agentops.hub.usage.UsageFixture.listed;
import static org.assertj.core.api.Assertions.assertThat;

/** Redis configured but unreachable: figures come straight from PostgreSQL, requests never fail. */
@MicronautTest(transactional = false)
class OrgStatsWhenRedisIsDownTest extends AppTest {

    private static final String REDIS_PASSWORD = "redis-secret-4711";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OrgStatsCache cache;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("redis.uri", "redis://:" + REDIS_PASSWORD + "@127.0.0.1:" + closedPort(),
            "agentops.stats.cache-ttl", "10m");
    }

    @Test
    void agentFiguresComeFromPostgresqlAndStayFresh() {
        ListAppender<ILoggingEvent> logs = captureLogs();
        try {
            Api api = new Api(client);
            Api.Session admin = api.signup();
            Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
            String agent = anAgent(api, admin, "Support");
            ingest.sendAndWait(aRun(agent, "completed", "0.25"));
            ingest.sendAndWait(aRun(agent, "failed", "0.5"));

            var before = listed(api, admin, agent);
            assertThat(before).containsEntry("runs_24h", 2).containsEntry("error_rate_24h", 0.5);
            assertThat(cost(before)).isEqualByComparingTo("0.75");
            assertThat(cache.costToday(admin.organizationId())).isEqualByComparingTo("0.75");

            ingest.sendAndWait(aRun(agent, "completed", "1"));

            assertThat(listed(api, admin, agent)).containsEntry("runs_24h", 3);
            assertThat(cache.costToday(admin.organizationId())).isEqualByComparingTo("1.75");
            assertThat(logs.list).isNotEmpty().allSatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("Redis failed").doesNotContain(REDIS_PASSWORD);
            });
        } finally {
            ((Logger) LoggerFactory.getLogger(RedisOrgStats.class)).detachAppender(logs);
        }
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(RedisOrgStats.class)).addAppender(appender);
        return appender;
    }
}
