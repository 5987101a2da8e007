package dev.agentops.hub.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP receiver for webhook tests on 127.0.0.1 (the JDK's server): records every request and answers with the
 * queued statuses first, then with the default status.
 */
public final class HookReceiver implements AutoCloseable {

    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> queued = new ConcurrentLinkedQueue<>();
    private volatile int defaultStatus = 200;
    private volatile String location;

    public HookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            Integer next = queued.poll();
            int status = next != null ? next : defaultStatus;
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public HookReceiver answer(Integer... statuses) {
        queued.addAll(List.of(statuses));
        return this;
    }

    public HookReceiver answerByDefault(int status) {
        defaultStatus = status;
        return this;
    }

    public HookReceiver redirectTo(String target) {
        location = target;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits up to 20 s for at least {@code count} requests. */
    public List<Received> await(int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (received.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        if (received.size() < count) {
            throw new AssertionError("expected " + count + " webhook requests, got " + received.size());
        }
        return received();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
