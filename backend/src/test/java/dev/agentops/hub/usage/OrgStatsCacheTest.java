package dev.agentops.hub.usage;

import dev.agentops.hub.agents.AgentStats;
import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static dev.agentops.hub.usage.UsageFixture.aRun;
import static dev.agentops.hub.usage.UsageFixture.aRunAt;
import static dev.agentops.hub.usage.UsageFixture.agentOnceTrue;
import static dev.agentops.hub.usage.UsageFixture.anAgent;
import static dev.agentops.hub.usage.UsageFixture.cost;
import static dev.agentops.hub.usage.UsageFixture.listed;
import static dev.agentops.hub.usage.UsageFixture.runs;
import static org.assertj.core.api.Assertions.assertThat;

/** With Redis: one shared snapshot per organization, fresh after every worker batch and agent change. */
@MicronautTest(transactional = false)
class OrgStatsCacheTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    OrgStatsCache cache;

    @Inject
    StatefulRedisConnection<String, String> redis;

    @Inject
    JsonMapper json;

    Api api;
    Api.Session admin;
    Ingest ingest;

    @Override
    protected Map<String, String> extraProperties() {
        // far beyond any test: a figure that changes can only come from an invalidation
        return Map.of("agentops.stats.cache-ttl", "10m");
    }

    @BeforeEach
    void setUp() {
        api = new Api(client);
        admin = api.signup();
        ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
    }

    @Test
    void agentListShowsTheRollupFiguresAndTheNextBatchAtOnce() {
        String agent = anAgent(api, admin, "Support");
        ingest.sendAndWait(aRun(agent, "completed", "0.25"));
        ingest.sendAndWait(aRun(agent, "failed", "0.5"));

        var listed = agentOnceTrue(api, admin, agent, runs(2));
        assertThat(listed).containsEntry("runs_24h", 2).containsEntry("error_rate_24h", 0.5);
        assertThat(cost(listed)).isEqualByComparingTo("0.75");
        assertThat(api.get("/api/v1/agents/" + agent, admin.accessToken()).data()).containsEntry("runs_24h", 2);
        awaitCached(admin, agent);

        ingest.sendAndWait(aRun(agent, "completed", "1"));

        var fresh = agentOnceTrue(api, admin, agent, runs(3));
        assertThat(fresh).containsEntry("runs_24h", 3);
        assertThat(cost(fresh)).isEqualByComparingTo("1.75");
    }

    @Test
    void servesTheSnapshotFromRedisWithTheConfiguredTtl() throws IOException {
        String agent = anAgent(api, admin, "Planner");
        ingest.sendAndWait(aRun(agent, "completed", "0.25"));
        UUID org = admin.organizationId();
        awaitCached(admin, agent);

        assertThat(redis.sync().pttl(RedisOrgStats.key(org))).isBetween(590_000L, 600_000L);
        OrgStats stored = stored(org);
        assertThat(stored.agents()).containsOnlyKeys(UUID.fromString(agent));
        assertThat(stored.costToday()).isEqualByComparingTo("0.25");

        doctor(org, agent, 999);

        assertThat(listed(api, admin, agent)).as("read from Redis, not recomputed").containsEntry("runs_24h", 999);
        assertThat(api.get("/api/v1/agents/" + agent, admin.accessToken()).data()).containsEntry("runs_24h", 999);
        assertThat(cache.costToday(org)).isEqualByComparingTo("42");
    }

    @Test
    void updatingOrArchivingAnAgentDropsTheSnapshot() throws IOException {
        String agent = anAgent(api, admin, "Reviewer");
        ingest.sendAndWait(aRun(agent, "completed", "0.25"));
        UUID org = admin.organizationId();
        awaitCached(admin, agent);

        doctor(org, agent, 999);
        assertThat(api.call("PATCH", "/api/v1/agents/" + agent, Map.of("team", "ml"), admin.accessToken()).status()).isEqualTo(200);

        assertThat(redis.sync().exists(RedisOrgStats.key(org))).isZero();
        assertThat(listed(api, admin, agent)).containsEntry("runs_24h", 1);

        doctor(org, agent, 999);
        assertThat(api.call("DELETE", "/api/v1/agents/" + agent, null, admin.accessToken()).status()).isEqualTo(204);

        assertThat(redis.sync().exists(RedisOrgStats.key(org))).isZero();
        assertThat(api.get("/api/v1/agents/" + agent, admin.accessToken()).data()).containsEntry("runs_24h", 1);
    }

    @Test
    void creatingAnAgentDropsTheSnapshot() throws IOException {
        String agent = anAgent(api, admin, "Writer");
        ingest.sendAndWait(aRun(agent, "completed", "0.25"));
        awaitCached(admin, agent);
        doctor(admin.organizationId(), agent, 999);

        anAgent(api, admin, "Editor");

        assertThat(redis.sync().exists(RedisOrgStats.key(admin.organizationId()))).isZero();
        assertThat(listed(api, admin, agent)).containsEntry("runs_24h", 1);
    }

    @Test
    void costTodayIsTheSumOfTodaysRunCostsOfEveryAgent() {
        String first = anAgent(api, admin, "First");
        String second = anAgent(api, admin, "Second");
        Instant midnight = Instant.now().truncatedTo(ChronoUnit.DAYS);
        ingest.sendAndWait(aRun(first, "completed", "0.25"));
        ingest.sendAndWait(aRun(second, "failed", "0.5"));
        ingest.sendAndWait(aRun(second, "completed", "0.125"));
        ingest.sendAndWait(aRunAt(first, "completed", "7", midnight.minus(1, ChronoUnit.HOURS)));
        ingest.sendAndWait(aRunAt(second, "completed", "11", midnight.plus(1, ChronoUnit.DAYS)));

        assertThat(cache.costToday(admin.organizationId())).isEqualByComparingTo("0.875");
    }

    @Test
    void anOrganizationWithoutRunsHasZeroes() {
        String agent = anAgent(api, admin, "Idle");

        assertThat(listed(api, admin, agent)).containsEntry("runs_24h", 0).containsEntry("error_rate_24h", 0.0);
        assertThat(cost(listed(api, admin, agent))).isEqualByComparingTo("0");
        assertThat(cache.costToday(admin.organizationId())).isEqualByComparingTo("0");
    }

    @Test
    void eachOrganizationSeesOnlyItsOwnFigures() throws IOException {
        Api.Session other = api.signup();
        Ingest otherIngest = new Ingest(api, api.apiKey(other, "ingest", "read"));
        String mine = anAgent(api, admin, "Mine");
        String theirs = anAgent(api, other, "Theirs");
        ingest.sendAndWait(aRun(mine, "completed", "0.25"));
        ingest.sendAndWait(aRun(mine, "failed", "0.5"));
        otherIngest.sendAndWait(aRun(theirs, "completed", "0.1"));

        var theirsListed = agentOnceTrue(api, other, theirs, runs(1));
        assertThat(theirsListed).containsEntry("runs_24h", 1).containsEntry("error_rate_24h", 0.0);
        assertThat(cost(theirsListed)).isEqualByComparingTo("0.1");
        assertThat(api.get("/api/v1/agents", other.accessToken()).list()).extracting(a -> a.get("id")).containsExactly(theirs);
        assertThat(agentOnceTrue(api, admin, mine, runs(2))).containsEntry("runs_24h", 2);
        assertThat(cache.costToday(other.organizationId())).isEqualByComparingTo("0.1");
        assertThat(cache.costToday(admin.organizationId())).isEqualByComparingTo("0.75");
        awaitCached(other, theirs);
        assertThat(stored(other.organizationId()).agents()).containsOnlyKeys(UUID.fromString(theirs));
    }

    /** Reads the list until this organization's snapshot is in Redis (a read racing a batch's event does not store). */
    private void awaitCached(Api.Session session, String agent) {
        String key = RedisOrgStats.key(session.organizationId());
        long deadline = System.nanoTime() + 2_000_000_000L;
        do {
            listed(api, session, agent);
        } while (redis.sync().exists(key) == 0 && System.nanoTime() < deadline);
        assertThat(redis.sync().exists(key)).as("snapshot stored in Redis").isEqualTo(1);
    }

    private OrgStats stored(UUID org) throws IOException {
        return json.readValue(redis.sync().get(RedisOrgStats.key(org)), OrgStats.class);
    }

    /** Puts figures in Redis that PostgreSQL does not have: seeing them proves where a read came from. */
    private void doctor(UUID org, String agent, long runs) throws IOException {
        OrgStats stored = stored(org);
        OrgStats doctored = new OrgStats(stored.day(), new BigDecimal("42"),
            Map.of(UUID.fromString(agent), new AgentStats(runs, 0.0, BigDecimal.TEN)));
        redis.sync().set(RedisOrgStats.key(org), json.writeValueAsString(doctored),
            SetArgs.Builder.px(redis.sync().pttl(RedisOrgStats.key(org))));
    }
}
