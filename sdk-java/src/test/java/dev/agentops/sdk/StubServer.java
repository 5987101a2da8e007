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
    volatile String budgetStatus = "ok";
    final List<Long> statusReads = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        // several threads: a held long-poll must not block the ingest requests behind it
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
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
        Reply reply = path.equals(STATUS_PATH) ? statusReply(exchange.getRequestURI().getQuery()) : script.poll();
        if (reply == null) {
            String runId = body == null ? "" : body.path("run_id").asText();
            reply = new Reply(202, "{\"id\":\"00000000-0000-0000-0000-000000000001\",\"status\":\"queued\",\"run_id\":\""
                + runId + "\",\"agent_status\":\"" + agentStatus + "\",\"halted\":" + halted + ",\"paused_reason\":"
                + (pausedReason == null ? "null" : "\"" + pausedReason + "\"") + ",\"budget_status\":\"" + budgetStatus + "\","
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

    /** Holds a long-poll ({@code wait_s} and {@code known}) like the server: until the state differs or the wait ends. */
    Reply statusReply(String query) {
        Map<String, String> params = new java.util.HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int at = pair.indexOf('=');
            if (at > 0) {
                params.put(pair.substring(0, at), pair.substring(at + 1));
            }
        }
        String known = params.get("known");
        long deadline = System.nanoTime() + Long.parseLong(params.getOrDefault("wait_s", "0")) * 1_000_000_000L;
        while (known != null && agentKnown && known.equals(halted ? "paused" : agentStatus) && System.nanoTime() < deadline
            && !stopped) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return statusReply();
    }

    Reply statusReply() {
        statusReads.add(System.nanoTime());
        if (!agentKnown) {
            return new Reply(404, "{\"error\":\"agent not found\",\"code\":\"not_found\"}", Map.of());
        }
        String reason = pausedReason == null ? "null" : "\"" + pausedReason + "\"";
        return new Reply(200, "{\"data\":{\"agent_id\":\"7f1f0a4e-0000-4000-8000-000000000001\",\"agent_status\":\""
            + agentStatus + "\",\"halted\":" + halted + ",\"paused_reason\":" + reason + ",\"pause_source\":"
            + (reason.equals("null") ? "null" : "\"person\"") + ",\"budget_status\":\"" + budgetStatus + "\"}}", Map.of());
    }

    private volatile boolean stopped;

    @Override
    public void close() {
        stopped = true;
        server.stop(0);
    }
}
