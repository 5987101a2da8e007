package dev.agentops.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local AgentOps stand-in: records requests, answers scripted responses, then 202s. The agent status read
 * ({@code GET /api/v1/controls/agent-status}) is answered apart, from {@link #agentStatus}, {@link #halted} and
 * {@link #pausedReason} (404 while {@link #agentKnown} is false), and never takes a scripted reply.
 */
class StubServer implements AutoCloseable {

    record Recorded(String method, String path, String query, Map<String, List<String>> headers, JsonNode body,
                    String raw) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    record Reply(int status, String body, Map<String, String> headers) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final String STATUS_PATH = "/api/v1/controls/agent-status";
    final List<Recorded> requests = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedDeque<Reply> script = new ConcurrentLinkedDeque<>();
    volatile String agentStatus = "active";
    volatile boolean halted;
    volatile String pausedReason;
    volatile boolean agentKnown = true;
    final List<Long> statusReads = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void reply(int status, String body, Map<String, String> headers) {
        script.add(new Reply(status, body, headers));
    }

    List<Recorded> statusRequests() {
        return requests.stream().filter(r -> r.path().equals(STATUS_PATH)).toList();
    }

    List<Recorded> ingests() {
        return requests.stream().filter(r -> r.path().equals("/api/v1/ingest/run")).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] in = exchange.getRequestBody().readAllBytes();
        JsonNode body = in.length == 0 ? null : JSON.readTree(in);
        String path = exchange.getRequestURI().getPath();
        requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
            Map.copyOf(exchange.getRequestHeaders()), body, new String(in, StandardCharsets.UTF_8)));
        Reply reply = path.equals(STATUS_PATH) ? statusReply() : script.poll();
        if (reply == null) {
            String runId = body == null ? "" : body.path("run_id").asText();
            reply = new Reply(202, "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"status\":\"queued\",\"run_id\":\""
                + runId + "\",\"agent_status\":\"" + agentStatus + "\",\"halted\":" + halted + ",\"paused_reason\":"
                + (pausedReason == null ? "null" : "\"" + pausedReason + "\"") + ","
                + "\"message\":\"Processing...\"}", Map.of());
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    Reply statusReply() {
        statusReads.add(System.nanoTime());
        if (!agentKnown) {
            return new Reply(404, "{\"error\":\"agent not found\",\"code\":\"not_found\"}", Map.of());
        }
        String reason = pausedReason == null ? "null" : "\"" + pausedReason + "\"";
        return new Reply(200, "{\"data\":{\"agent_id\":\"7f1f0a4e-0000-4000-8000-000000000001\",\"agent_status\":\""
            + agentStatus + "\",\"halted\":" + halted + ",\"paused_reason\":" + reason + ",\"pause_source\":"
            + (reason.equals("null") ? "null" : "\"person\"") + "}}", Map.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
