package dev.agentops.hub.apikeys;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Key lookups are cached per instance; a revocation must still stop the key at once on every instance. */
@MicronautTest(transactional = false)
class ApiKeyRevocationTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void aRevokedKeyStopsWorkingAtOnceOnEveryInstance() {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String key = api.apiKey(admin, "read");
        String keyId = api.get("/api/v1/api-keys", admin.accessToken()).list().get(0).get("id").toString();

        try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(getProperties()), "test");
             HttpClient secondClient = second.getApplicationContext().createBean(HttpClient.class, second.getURL())) {
            Api other = new Api(secondClient);
            assertThat(api.get("/api/v1/orgs/profile", key).status()).isEqualTo(200);
            assertThat(other.get("/api/v1/orgs/profile", key).status()).as("now cached on the second instance").isEqualTo(200);

            assertThat(api.call("DELETE", "/api/v1/api-keys/" + keyId, null, admin.accessToken()).status()).isEqualTo(204);

            assertThat(api.get("/api/v1/orgs/profile", key).status()).isEqualTo(401);
            long deadline = System.currentTimeMillis() + 1000;
            int status;
            do {
                status = other.get("/api/v1/orgs/profile", key).status();
            } while (status != 401 && System.currentTimeMillis() < deadline);
            assertThat(status).as("the second instance learns of the revocation through Redis").isEqualTo(401);
        }
    }
}
