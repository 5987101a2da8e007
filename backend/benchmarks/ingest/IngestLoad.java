import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixed-arrival-rate load generator for POST /api/v1/ingest/run (see README.md next to this file).
 * Requests are scheduled at the target rate whatever the server does (no coordinated omission): latency is
 * measured from the scheduled send time. Sets up its own organizations, agents and ingest keys over the API.
 *
 * java IngestLoad.java <baseUrl> <runsPerSecond> <seconds> [organizations] [ledgerFile]
 */
public class IngestLoad {

    /** Keep-alive connections to the server; requests wait for a free one (and that wait counts as latency). */
    private static final int CONNECTIONS = 64;
    private static final Pattern FIELD = Pattern.compile("\"(access_token|key|slug)\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int organizations = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path ledger = args.length > 4 ? Path.of(args[4]) : null;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

        List<String[]> tenants = new ArrayList<>();
        for (int i = 0; i < organizations; i++) {
            tenants.add(setUpTenant(http, base, i));
        }
        System.out.printf(Locale.ROOT, "target %d runs/s for %d s over %d organizations%n", rate, seconds, organizations);

        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        BlockingQueue<Send> due = new LinkedBlockingQueue<>();
        URI target = URI.create(base);
        for (int i = 0; i < CONNECTIONS; i++) {
            Thread connection = new Thread(() -> sendLoop(target, due, latencies, accepted, errors, acknowledged), "connection-" + i);
            connection.setDaemon(true);
            connection.start();
        }
        long total = (long) rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        Instant wallStart = Instant.now();
        for (long n = 0; n < total; n++) {
            long scheduledAt = start + n * intervalNanos;
            long wait = scheduledAt - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(new Send(scheduledAt, tenants.get((int) (n % tenants.size()))));
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (accepted.get() + errors.get() < total && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (ledger != null) {
            try (Writer out = Files.newBufferedWriter(ledger)) {
                for (String line : acknowledged) {
                    out.write(line + "\n");
                }
            }
        }

        String probe = acknowledged.peek();
        long visibleMs;
        try {
            visibleMs = probe == null ? -1 : timeUntilVisible(http, base, tenants, probe);
        } catch (IOException e) {
            visibleMs = -1;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "sent %d, accepted %d (%.0f/s), errors %d, elapsed %.1f s%n",
            total, accepted.get(), accepted.get() / elapsed, errors.get(), elapsed);
        System.out.printf(Locale.ROOT, "ack latency ms: p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
            pct(sorted, 50), pct(sorted, 99), pct(sorted, 99.9), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf(Locale.ROOT, "a run acknowledged at the end was visible in GET /runs after %d ms%n", visibleMs);
        System.out.println("started " + wallStart);
        System.exit(0);
    }

    private record Send(long scheduledAt, String[] tenant) {
    }

    /**
     * One keep-alive connection: takes the next due request, writes it, reads the answer. Plain sockets instead of
     * java.net.http, which costs several times more CPU per request; on a shared two-core machine every
     * millisecond the generator spends is taken from the server it measures.
     */
    private static void sendLoop(URI base, BlockingQueue<Send> due, ConcurrentLinkedQueue<Long> latencies,
                                 AtomicLong accepted, AtomicLong errors, ConcurrentLinkedQueue<String> acknowledged) {
        Socket socket = null;
        while (true) {
            Send send;
            try {
                send = due.take();
            } catch (InterruptedException e) {
                return;
            }
            String runId = UUID.randomUUID().toString();
            byte[] body = realisticRun(runId, send.tenant()[2]).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/v1/ingest/run HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                + "X-API-Key: " + send.tenant()[1] + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            int status;
            try {
                if (socket == null) {
                    socket = new Socket(base.getHost(), base.getPort());
                    socket.setTcpNoDelay(true);
                    socket.setSoTimeout(30_000);
                }
                OutputStream out = socket.getOutputStream();
                out.write(head);
                out.write(body);
                out.flush();
                status = readResponse(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
            } catch (IOException e) {
                status = -1;
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (IOException ignored) {
                    // reconnect on the next request
                }
                socket = null;
            }
            if (status == 202) {
                latencies.add(System.nanoTime() - send.scheduledAt());
                accepted.incrementAndGet();
                acknowledged.add(send.tenant()[0] + " " + runId);
            } else {
                errors.incrementAndGet();
            }
        }
    }

    /** Reads one HTTP/1.1 response with a Content-Length body; returns its status. */
    private static int readResponse(DataInputStream in) throws IOException {
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return status;
    }

    private static String readLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** A completed run with five events: two LLM calls, two tool calls, one external action. */
    static String realisticRun(String runId, String agent) {
        String now = Instant.now().toString();
        StringBuilder events = new StringBuilder();
        String[] types = {"llm_call", "tool_call", "llm_call", "tool_call", "external_action"};
        for (int i = 0; i < 5; i++) {
            events.append(i == 0 ? "" : ",").append("{\"event_id\":\"e").append(i).append("\",\"event_type\":\"").append(types[i])
                .append("\",\"timestamp\":\"").append(now).append("\",\"duration_ms\":").append(120 + i * 10)
                .append(",\"payload\":{\"step\":").append(i).append(",\"note\":\"looked up the order status for the customer\"}");
            if (types[i].equals("llm_call")) {
                events.append(",\"model\":\"gpt-4o-mini\",\"token_usage\":{\"prompt_tokens\":1200,\"completion_tokens\":300}");
            }
            events.append("}");
        }
        return "{\"run_id\":\"" + runId + "\",\"agent_id\":\"" + agent + "\",\"status\":\"completed\",\"start_time\":\"" + now
            + "\",\"end_time\":\"" + now + "\",\"model\":\"gpt-4o-mini\",\"input\":{\"ticket\":\"Where is my order #4411?\"},"
            + "\"output\":{\"reply\":\"It ships tomorrow.\"},\"tags\":[\"bench\"],\"events\":[" + events + "]}";
    }

    private static String[] setUpTenant(HttpClient http, String base, int i) throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String token = field(post(http, base + "/api/v1/auth/signup", null, "{\"email\":\"" + email
            + "\",\"password\":\"benchmark password 123\",\"full_name\":\"Bench\",\"organization_name\":\"Bench " + i + "\"}"), "access_token");
        String slug = field(post(http, base + "/api/v1/agents", token, "{\"name\":\"Bench agent " + i + "\"}"), "slug");
        String key = field(post(http, base + "/api/v1/api-keys", token, "{\"name\":\"bench\",\"scopes\":[\"ingest\",\"read\"]}"), "key");
        return new String[] {token, key, slug};
    }

    private static long timeUntilVisible(HttpClient http, String base, List<String[]> tenants, String ledgerLine)
        throws IOException, InterruptedException {
        String token = ledgerLine.split(" ")[0];
        String runId = ledgerLine.split(" ")[1];
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < 120_000) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs?external_reference=" + runId))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.body().contains(runId)) {
                return System.currentTimeMillis() - start;
            }
            Thread.sleep(20);
        }
        return -1;
    }

    private static String post(HttpClient http, String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    private static double pct(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
