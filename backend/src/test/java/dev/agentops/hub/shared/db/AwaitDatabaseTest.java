package dev.agentops.hub.shared.db;

import dev.agentops.hub.shared.db.DatabaseBootstrap.PreparedDatabase;
import dev.agentops.hub.shared.db.DatabaseBootstrap.StartingDatabase;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application starts Micronaut while the embedded database is still starting (Application.main): the migrations
 * and the pool must consult the starting database before their first connection, and a database that failed to
 * start must stop the start-up with its own reason.
 */
class AwaitDatabaseTest {

    private static Map<String, Object> properties(PreparedDatabase database) {
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("agentops.security.secret", AppTest.SERVER_SECRET);
        return properties;
    }

    @Test
    void aDatabaseThatFailedToStartStopsTheStartUpWithItsReason() {
        PreparedDatabase database = TestDatabase.get();
        var failed = CompletableFuture.<PreparedDatabase>failedFuture(
            new IllegalStateException("Could not start the embedded PostgreSQL: disk full"));
        var starting = new StartingDatabase(database.micronautProperties(), failed);

        assertThatThrownBy(() -> ApplicationContext.builder().properties(properties(database)).environments("test")
            .singletons(starting).start())
            .hasStackTraceContaining("Could not start the embedded PostgreSQL: disk full");
    }

    @Test
    void theApplicationStartsOnceTheDatabaseIsReady() throws Exception {
        PreparedDatabase database = TestDatabase.get();
        var ready = new CompletableFuture<PreparedDatabase>();
        var starting = new StartingDatabase(database.micronautProperties(), ready);
        CompletableFuture.runAsync(() -> ready.complete(database));

        try (ApplicationContext context = ApplicationContext.builder().properties(properties(database))
            .environments("test").singletons(starting).start()) {
            assertThat(context.isRunning()).isTrue();
            assertThat(ready).isCompleted();
        }
    }
}
