package dev.agentops.hub;

import dev.agentops.hub.shared.config.EnvironmentProperties;
import dev.agentops.hub.shared.db.DatabaseBootstrap;
import dev.agentops.hub.shared.db.DatabaseSettings;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.HashMap;
import java.util.Map;

@OpenAPIDefinition(info = @Info(
    title = "AgentOps Hub API",
    version = "${agentops.version}",
    description = "Observe, budget and control AI agents. Human contract: docs/api.md; errors use the envelope "
        + "{error, code, details, request_id}."))
public class Application {

    public static void main(String[] args) {
        // The database (embedded or external) and its roles must exist before the connection pool starts.
        DatabaseSettings settings = DatabaseSettings.from(System.getenv());
        Map<String, Object> properties = new HashMap<>(DatabaseBootstrap.prepare(settings).micronautProperties());
        properties.putAll(EnvironmentProperties.from(System.getenv(), settings.dataDirectory(), settings.embedded()));
        Micronaut.build(args)
            .mainClass(Application.class)
            .properties(properties)
            .start();
    }
}
