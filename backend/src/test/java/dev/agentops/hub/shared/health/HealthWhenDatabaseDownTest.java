package dev.agentops.hub.shared.health;

import dev.agentops.hub.shared.db.DatabaseBootstrap;
import dev.agentops.hub.shared.db.DatabaseSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A database that goes away must turn /health into a 503 that load balancers act on. */
class HealthWhenDatabaseDownTest {

    @Test
    void healthIs503OnceTheDatabaseStops() throws Exception {
        var database = DatabaseBootstrap.prepare(DatabaseSettings.from(
            Map.of("AGENTOPS_DATA_DIR", Files.createTempDirectory("agentops-health").toString())));
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("datasources.default.connection-timeout", "1000");
        properties.put("agentops.security.secret", dev.agentops.hub.support.AppTest.SERVER_SECRET);
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
             HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            assertThat(client.toBlocking().exchange(HttpRequest.GET("/health")).getStatus().getCode()).isEqualTo(200);

            database.embeddedServer().close();

            var down = assertThrows(HttpClientResponseException.class,
                () -> client.toBlocking().exchange(HttpRequest.GET("/health"), Argument.mapOf(String.class, Object.class)));
            assertThat(down.getStatus().getCode()).isEqualTo(503);
            Map<String, Object> body = down.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
            assertThat(body).containsEntry("status", "down");
            assertThat(body.get("checks").toString()).contains("database").contains("down");
        }
    }
}
