package dev.agentops.hub.faults;

import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.TestOutbox;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.util.HashMap;
import java.util.Map;

/** An instance of the application in this JVM, reached only over real HTTP, on the database and Redis it is given. */
final class InProcessApp implements AutoCloseable {

    private final EmbeddedServer server;

    InProcessApp(Map<String, Object> database, Map<String, String> properties) {
        Map<String, Object> all = new HashMap<>();
        database.forEach((key, value) -> all.put(key, String.valueOf(value)));
        all.put("agentops.security.secret", AppTest.SERVER_SECRET);
        all.put("agentops.email.outbox-dir", TestOutbox.DIRECTORY.toString());
        all.put("agentops.rate-limits.signup-ip", "100000/1s burst 100000");
        all.put("agentops.rate-limits.api-key", "100000/1s burst 100000");
        all.put("agentops.rate-limits.org-ingest-events", "1000000/1s burst 1000000");
        all.putAll(properties);
        server = ApplicationContext.run(EmbeddedServer.class, all, "test");
    }

    String base() {
        String url = server.getURL().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    @Override
    public void close() {
        server.close();
    }
}
