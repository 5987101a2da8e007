package dev.agentops.hub.faults;

import dev.agentops.hub.shared.db.DatabaseBootstrap;
import dev.agentops.hub.shared.db.DatabaseBootstrap.PreparedDatabase;
import dev.agentops.hub.shared.db.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped under ingest load, then started again on the same data and port: meanwhile {@code /health} and
 * every request that needs the database answer {@code 503 unavailable} with {@code Retry-After} (never a 500, never a
 * 202 for a payload that was not committed), and the application recovers by itself. The ledger proves that every
 * acknowledged run is stored exactly once. The database is a private embedded server of this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOutageTest {

    private Path data;
    private PreparedDatabase database;
    private EmbeddedPostgres restarted;
    private InProcessApp app;
    private Faults.Tenant tenant;

    @BeforeAll
    void start() throws IOException {
        data = Files.createTempDirectory("agentops-pg-outage");
        database = DatabaseBootstrap.prepare(DatabaseSettings.from(Map.of("AGENTOPS_DATA_DIR", data.toString())));
        // API keys are looked up again every second, so the outage reaches authentication too
        app = new InProcessApp(database.micronautProperties(), Map.of("agentops.api-keys.cache-ttl", "1s"));
        tenant = Faults.tenant(app.base());
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (restarted != null) {
            restarted.close();
        } else if (database != null) {
            database.embeddedServer().close();
        }
    }

    @Test
    void answersServiceUnavailableWhilePostgresIsDownRecoversWithoutRestartAndLosesNoAcknowledgedRun() throws IOException {
        try (RunLoad load = new RunLoad(app::base, tenant.apiKey(), tenant.agent(), 50)) {
            assertThat(Faults.within(Duration.ofSeconds(10), () -> RunLoad.acknowledged(load.outcomes()).size() >= 25)).isTrue();

            int port = database.embeddedServer().getPort();
            database.embeddedServer().close();
            long stoppedAt = System.nanoTime();

            assertThat(Faults.within(Duration.ofSeconds(15), () -> Faults.get(app.base(), "/health", null).status() == 503))
                .as("/health while PostgreSQL is down").isTrue();
            Faults.Answer health = Faults.get(app.base(), "/health", null);
            assertThat(health.body()).contains("\"database\":{\"status\":\"down\"");

            Faults.Answer ingest = Faults.post(app.base(), "/api/v1/ingest/run", tenant.apiKey(), Faults.run("direct-" + stoppedAt, tenant.agent()));
            assertThat(ingest.status()).isEqualTo(503);
            assertEnvelope(ingest);
            Faults.Answer read = Faults.get(app.base(), "/api/v1/agents", tenant.accessToken());
            assertThat(read.status()).as("a page read while PostgreSQL is down: " + read.body()).isEqualTo(503);
            assertEnvelope(read);
            assertThat(Faults.within(Duration.ofSeconds(15), () -> load.outcomes().stream()
                .filter(o -> o.sentAtNanos() - stoppedAt > 0 && o.status() == 503).count() >= 10))
                .as("the load is refused with 503 meanwhile").isTrue();

            restarted = EmbeddedPostgres.builder().setDataDirectory(data.resolve("postgres")).setCleanDataDirectory(false)
                .setPort(port).setServerConfig("listen_addresses", "localhost").start();
            long startedAt = System.nanoTime();

            assertThat(Faults.within(Duration.ofSeconds(30), () -> Faults.get(app.base(), "/health", null).status() == 200))
                .as("/health once PostgreSQL is back, without restarting the app").isTrue();
            assertThat(Faults.within(Duration.ofSeconds(30), () -> load.outcomes().stream()
                .filter(o -> o.sentAtNanos() - startedAt > 0 && o.status() == 202).count() >= 25))
                .as("runs are accepted again").isTrue();

            List<RunLoad.Outcome> outcomes = load.stop();
            assertThat(load.statuses()).as("every ingest answer, by status (0 = no answer)").containsOnlyKeys(202, 503);
            assertThat(outcomes).filteredOn(o -> o.status() == 503)
                .allSatisfy(o -> {
                    assertThat(o.code()).isEqualTo("unavailable");
                    assertThat(o.retryAfter()).isNotNull();
                });

            Ledger.Check ledger = Ledger.check(app.base(), tenant.accessToken(), RunLoad.acknowledged(outcomes), Duration.ofSeconds(60));
            assertThat(ledger.holds()).as(ledger.toString()).isTrue();
        }
    }

    private static void assertEnvelope(Faults.Answer answer) {
        assertThat(answer.field("code")).isEqualTo("unavailable");
        assertThat(answer.field("error")).isNotBlank();
        assertThat(answer.field("request_id")).isNotBlank();
        assertThat(answer.body()).contains("\"details\":");
        assertThat(answer.header("Retry-After")).isNotNull();
    }
}
