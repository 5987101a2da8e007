package dev.agentops.hub.shared.idempotency;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class IdempotencyTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    Api.Session admin;

    @Override
    protected Map<String, String> extraProperties() {
        // the concurrency test holds a request 1.5 s; a busy CI machine must not turn that into a client timeout
        return Map.of("micronaut.http.client.read-timeout", "60s");
    }

    @BeforeAll
    void setUp() {
        api = new Api(client);
        admin = api.signup();
    }

    @Test
    void sameKeyAndSameBodyReplaysTheFirstResponseWithoutRunningAgain() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> agent = Map.of("name", "Replayed", "slug", "replayed-" + key.substring(0, 8));

        Api.Response first = post("/api/v1/agents", agent, admin.accessToken(), key);
        Api.Response second = post("/api/v1/agents", agent, admin.accessToken(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(api.get("/api/v1/agents", admin.accessToken()).list())
            .filteredOn(a -> agent.get("slug").equals(a.get("slug"))).hasSize(1);
    }

    @Test
    void aStoredErrorIsReplayedToo() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> blank = Map.of("name", "");
        Api.Response first = post("/api/v1/agents", blank, admin.accessToken(), key);
        Api.Response second = post("/api/v1/agents", blank, admin.accessToken(), key);
        assertThat(first.status()).isEqualTo(400);
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("validation_failed");
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void sameKeyWithAnotherBodyIsRefusedAsReused() {
        String key = UUID.randomUUID().toString();
        Api.Response first = post("/api/v1/agents", Map.of("name", "One", "slug", "one-" + key.substring(0, 8)), admin.accessToken(), key);
        Api.Response other = post("/api/v1/agents", Map.of("name", "Two", "slug", "two-" + key.substring(0, 8)), admin.accessToken(), key);
        Api.Response otherEndpoint = post("/api/v1/api-keys", Map.of("name", "k", "scopes", List.of("read")), admin.accessToken(), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency_key_reused");
        assertThat(otherEndpoint.status()).isEqualTo(422);
        assertThat(otherEndpoint.code()).isEqualTo("idempotency_key_reused");
        assertThat(api.get("/api/v1/agents", admin.accessToken()).list())
            .filteredOn(a -> ("two-" + key.substring(0, 8)).equals(a.get("slug"))).isEmpty();
    }

    @Test
    void twoConcurrentRequestsWithOneKeyRunOnceAndTheSecondIsToldItIsInProgress() {
        String key = UUID.randomUUID().toString();
        int before = SlowProbeController.CALLS.get();
        Map<String, Object> body = Map.of("n", 1);

        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> post("/api/v1/test-probe/slow", body, admin.accessToken(), key));
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() -> {
            sleep(400);
            return post("/api/v1/test-probe/slow", body, admin.accessToken(), key);
        });

        assertThat(first.join().status()).isEqualTo(200);
        assertThat(second.join().status()).isEqualTo(409);
        assertThat(second.join().code()).isEqualTo("idempotency_in_progress");
        Api.Response after = post("/api/v1/test-probe/slow", body, admin.accessToken(), key);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(after.data()).isEqualTo(first.join().data());
        assertThat(SlowProbeController.CALLS.get() - before).isEqualTo(1);
    }

    @Test
    void aServerErrorReleasesTheKeySoThatARetryRunsAgain() {
        String key = UUID.randomUUID().toString();
        int before = SlowProbeController.CALLS.get();
        assertThat(post("/api/v1/test-probe/fail", Map.of(), admin.accessToken(), key).status()).isEqualTo(500);
        Api.Response retry = post("/api/v1/test-probe/fail", Map.of(), admin.accessToken(), key);
        assertThat(retry.status()).isEqualTo(500);
        assertThat(retry.code()).isEqualTo("internal_error");
        assertThat(retry.header("Idempotent-Replayed")).isNull();
        assertThat(SlowProbeController.CALLS.get() - before).isEqualTo(2);
    }

    @Test
    void keysAreScopedPerCredentialAndPerOrganization() {
        String key = UUID.randomUUID().toString();
        Api.Session member = api.member(admin, "member");
        Api.Session otherOrg = api.signup();
        Map<String, Object> agent = Map.of("name", "Scoped");

        Api.Response mine = post("/api/v1/agents", agent, admin.accessToken(), key);
        Api.Response colleague = post("/api/v1/agents", agent, member.accessToken(), key);
        Api.Response stranger = post("/api/v1/agents", agent, otherOrg.accessToken(), key);

        assertThat(List.of(mine.status(), colleague.status(), stranger.status())).containsOnly(201);
        assertThat(colleague.header("Idempotent-Replayed")).isNull();
        assertThat(stranger.header("Idempotent-Replayed")).isNull();
        assertThat(colleague.data().get("id")).isNotEqualTo(mine.data().get("id"));
        assertThat(stranger.data().get("id")).isNotEqualTo(mine.data().get("id"));
    }

    @Test
    void anApiKeyHasItsOwnKeys() {
        String key = UUID.randomUUID().toString();
        String apiKey = api.apiKey(admin, "admin");
        Map<String, Object> agent = Map.of("name", "From a key");
        Api.Response first = post("/api/v1/agents", agent, apiKey, key);
        Api.Response again = post("/api/v1/agents", agent, apiKey, key);
        Api.Response asUser = post("/api/v1/agents", agent, admin.accessToken(), key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(asUser.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aKeyThatIsNotPrintableAsciiOrTooLongIsRefused() {
        for (String bad : List.of("k".repeat(256), "clé-é", "tab\tinside")) {
            Api.Response response = post("/api/v1/agents", Map.of("name", "Bad key"), admin.accessToken(), bad);
            assertThat(response.status()).as(bad).isEqualTo(400);
            assertThat(response.code()).isEqualTo("validation_failed");
            assertThat(response.body().toString()).contains("field=Idempotency-Key");
        }
    }

    @Test
    void aLeaseLeftByACrashedRequestIsTakenOver() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> agent = Map.of("name", "After a crash");
        assertThat(post("/api/v1/agents", agent, admin.accessToken(), key).status()).isEqualTo(201);
        // as if the instance died mid-request: no response stored, lease over
        withOrg(owner -> Sql.update(owner, "update idempotency_keys set response_status = null, response_body = null, "
            + "locked_until = now() - interval '1 second' where idempotency_key = ?", key));

        Api.Response retried = post("/api/v1/agents", agent, admin.accessToken(), key);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aKeyOlderThanADayIsForgotten() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> agent = Map.of("name", "Yesterday");
        Api.Response first = post("/api/v1/agents", agent, admin.accessToken(), key);
        withOrg(owner -> Sql.update(owner, "update idempotency_keys set created_at = now() - interval '25 hours', "
            + "expires_at = now() - interval '1 hour' where idempotency_key = ?", key));

        Api.Response later = post("/api/v1/agents", agent, admin.accessToken(), key);

        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isNull();
        assertThat(later.data().get("id")).isNotEqualTo(first.data().get("id"));
    }

    @Test
    void ingestIgnoresTheKeyAndStaysIdempotentByRunId() {
        String ingestKey = api.apiKey(admin, "ingest");
        api.post("/api/v1/agents", Map.of("name", "Ingested", "slug", "ingested"), admin.accessToken());
        String key = UUID.randomUUID().toString();
        Api.Response first = post("/api/v1/ingest/run", Map.of("run_id", "r-1", "agent_id", "ingested"), ingestKey, key);
        Api.Response second = post("/api/v1/ingest/run", Map.of("run_id", "r-2", "agent_id", "ingested"), ingestKey, key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.body().get("run_id")).isEqualTo("r-2");
    }

    @Test
    void unauthenticatedEndpointsIgnoreTheKey() {
        String key = UUID.randomUUID().toString();
        Api.Response first = post("/api/v1/auth/login", Map.of("email", admin.email(), "password", Api.PASSWORD), null, key);
        Api.Response second = post("/api/v1/auth/login", Map.of("email", admin.email(), "password", Api.PASSWORD), null, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.data().get("refresh_token")).isNotEqualTo(first.data().get("refresh_token"));
    }

    private interface OwnerWork {
        void run(Connection owner) throws Exception;
    }

    private void withOrg(OwnerWork work) throws Exception {
        try (Connection owner = TestDatabase.ownerConnection()) {
            owner.setAutoCommit(false);
            Sql.column(owner, "select set_config('app.org_id', ?, true)", admin.organizationId().toString());
            work.run(owner);
            owner.commit();
        }
    }

    private Api.Response post(String path, Object body, String bearer, String idempotencyKey) {
        MutableHttpRequest<Object> request = HttpRequest.POST(path, body).header("Idempotency-Key", idempotencyKey);
        if (bearer != null) {
            if (bearer.startsWith("aoh_")) {
                request.header("X-API-Key", bearer);
            } else {
                request.bearerAuth(bearer);
            }
        }
        try {
            var response = client.toBlocking().exchange(request, Argument.mapOf(String.class, Object.class));
            return new Api.Response(response.code(), response.getBody().orElse(Map.of()), response);
        } catch (HttpClientResponseException e) {
            return new Api.Response(e.getStatus().getCode(),
                e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of()), e.getResponse());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
