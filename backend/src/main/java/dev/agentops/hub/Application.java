package dev.agentops.hub;

import dev.agentops.hub.shared.config.EnvironmentProperties;
import dev.agentops.hub.shared.db.DatabaseBootstrap;
import dev.agentops.hub.shared.db.DatabaseBootstrap.StartingDatabase;
import dev.agentops.hub.shared.db.DatabaseSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

@OpenAPIDefinition(info = @Info(
    title = "AgentOps Hub API",
    version = "${agentops.version}",
    description = "Observe, budget and control AI agents. Human contract: docs/api.md; errors use the envelope "
        + "{error, code, details, request_id}."))
public class Application {

    public static void main(String[] args) {
        // The database (embedded or external) and its roles must exist before the migrations and the connection pool
        // start; an embedded one starts meanwhile, and they wait for it (shared/db/AwaitDatabase).
        DatabaseSettings settings = DatabaseSettings.from(System.getenv());
        StartingDatabase database = DatabaseBootstrap.begin(settings);
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.putAll(EnvironmentProperties.from(System.getenv(), settings.dataDirectory(), settings.embedded()));
        ApplicationContext context = Micronaut.build(args)
            .mainClass(Application.class)
            .properties(properties)
            .singletons(database)
            .start();
        if (Boolean.getBoolean("agentops.cds-training")) {
            endTrainingRun(context);
        }
    }

    /**
     * The build's class-data-sharing run (backend/pom.xml, Dockerfile): started with {@code -XX:ArchiveClassesAtExit},
     * it answers one request, so that the classes of a start and a first request are archived, then exits; later
     * starts with {@code -XX:SharedArchiveFile} map them instead of loading them from the jar.
     */
    private static void endTrainingRun(ApplicationContext context) {
        try (var health = context.getBean(EmbeddedServer.class).getURI().resolve("/health").toURL().openStream()) {
            health.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The class-data-sharing run could not reach its own /health", e);
        } finally {
            // the scheduled jobs' first ticks would otherwise meet a closing connection pool
            context.getBean(ExecutorService.class, Qualifiers.byName(TaskExecutors.SCHEDULED)).shutdownNow();
            context.close();
        }
        System.exit(0);
    }
}
