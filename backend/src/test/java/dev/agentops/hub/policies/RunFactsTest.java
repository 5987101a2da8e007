package dev.agentops.hub.policies;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A checked run's {@code run.*} facts are kept in memory and replaced each time a worker commits more of the run. The
 * entries live an hour here, so the second check can see the run's new cost only through that replacement.
 */
@MicronautTest(transactional = false)
class RunFactsTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("agentops.policies.run-facts-ttl", "1h", "micronaut.http.client.read-timeout", "60s");
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
    }

    @Test
    void aRunsNewTotalsReachItsNextCheckOnceTheWorkerCommitsThem() {
        Api.Session admin = api.signup();
        api.post("/api/v1/agents", Map.of("name", "Spender", "slug", "spender"), admin.accessToken());
        String key = api.apiKey(admin, "policies:check");
        api.post("/api/v1/policies", Map.of("name", "Run cap", "status", "active", "rule_definition", Map.of("type", "conditional",
            "conditions", List.of(Map.of("field", "run.cost_usd", "operator", "greater_than", "value", 1)), "action", "block")),
            admin.accessToken());
        Map<String, Object> check = Map.of("run_id", "capped-run", "agent_id", "spender", "action", Map.of("type", "llm_call"));
        assertThat(api.post("/api/v1/policies/check", check, key).data().get("decision")).as("nothing spent yet").isEqualTo("allow");

        new Ingest(api, api.apiKey(admin, "ingest")).sendAndWait(Map.of("run_id", "capped-run", "agent_id", "spender",
            "status", "running", "start_time", Instant.now().toString(), "cost_usd", 2.5));

        Map<String, Object> answer = PolicyApiTest.eventually(() -> api.post("/api/v1/policies/check", check, key).data(),
            d -> "block".equals(d.get("decision")));
        assertThat(answer.get("reasons").toString()).contains("Run cap");
    }
}
