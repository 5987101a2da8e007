package dev.agentops.hub.support;

import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/** One real Redis per test JVM: embedded on a free port, or the one named by {@code TEST_REDIS_URL}. */
public final class TestRedis {

    private static String uri;

    private TestRedis() {
    }

    public static synchronized String uri() {
        if (uri == null) {
            String external = System.getenv("TEST_REDIS_URL");
            uri = external != null && !external.isBlank() ? external : startEmbedded();
        }
        return uri;
    }

    private static String startEmbedded() {
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            RedisServer server = new RedisServer(port);
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is exiting; the child process dies with it
                }
            }));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis", e);
        }
    }
}
