package dev.agentops.hub.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/**
 * Another instance of the application on the same database and Redis as the test's own (same properties): for what
 * must hold across instances (cache invalidation, wake-ups, exactly-once work).
 */
public final class SecondInstance implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient client;

    public SecondInstance(Map<String, String> properties) {
        server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties), "test");
        client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
    }

    public HttpClient client() {
        return client;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
