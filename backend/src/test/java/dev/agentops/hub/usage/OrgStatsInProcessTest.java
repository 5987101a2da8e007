package dev.agentops.hub.usage;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static dev.agentops.hub.usage.UsageFixture.aRun;
import static dev.agentops.hub.usage.UsageFixture.addRollupRuns;
import static dev.agentops.hub.usage.UsageFixture.agentOnceTrue;
import static dev.agentops.hub.usage.UsageFixture.anAgent;
import static dev.agentops.hub.usage.UsageFixture.listed;
import static dev.agentops.hub.usage.UsageFixture.runs;
import static org.assertj.core.api.Assertions.assertThat;

/** Without Redis the snapshot lives in this instance, and the same events drop it. */
@MicronautTest(transactional = false)
class OrgStatsInProcessTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.remove("redis.uri");
        properties.put("agentops.stats.cache-ttl", "10m");
        return properties;
    }

    @Test
    void keepsTheSnapshotInProcessUntilAnAgentChangeOrABatchDropsIt() {
        assertThat(context.findBean(RedisOrgStats.class)).isEmpty();
        Api api = new Api(client);
        Api.Session admin = api.signup();
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
        String agent = anAgent(api, admin, "Support");
        addRollupRuns(admin.organizationId(), agent, 5);
        assertThat(listed(api, admin, agent)).containsEntry("runs_24h", 5);

        addRollupRuns(admin.organizationId(), agent, 5);

        assertThat(listed(api, admin, agent)).as("served from memory").containsEntry("runs_24h", 5);
        api.call("PATCH", "/api/v1/agents/" + agent, Map.of("team", "ml"), admin.accessToken());
        assertThat(listed(api, admin, agent)).as("dropped by the agent change").containsEntry("runs_24h", 10);

        addRollupRuns(admin.organizationId(), agent, 5);
        assertThat(listed(api, admin, agent)).as("served from memory").containsEntry("runs_24h", 10);
        ingest.sendAndWait(aRun(agent, "completed", "0.25"));
        assertThat(agentOnceTrue(api, admin, agent, runs(16))).as("dropped by the batch").containsEntry("runs_24h", 16);
    }
}
