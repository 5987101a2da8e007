import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fixed-arrival-rate load generator for POST /api/v1/ingest/run (see README.md next to this file).
 * Requests are scheduled at the target rate whatever the server does (no coordinated omission): latency is
 * measured from the scheduled send time. Sets up its own organizations, agents and ingest keys over the API.
 *
 * java [-Dbudgets=50] [-Dcredentials=file] [-Dramp=2] [-Dtimeline=true] IngestLoad.java <baseUrl> <runsPerSecond> <seconds> [organizations] [ledgerFile]
 * With -Dbudgets=N every organization gets N active budgets (organization, team and agent scopes, every period),
 * which the server evaluates after the workers' batches and reports as budget_status on every ack.
 * The first -Dramp seconds (default 2) are sent at the same rate before the measured seconds and reported apart: they
 * hold this generator's own JIT compilation and the server's first reads of organizations it has never seen.
 */
public class IngestLoad {

    /** Keep-alive connections to the server; requests wait for a free one (and that wait counts as latency). */
    private static final int CONNECTIONS = 64;
    private static final Pattern FIELD = Pattern.compile("\"(access_token|key|slug|confirm_url)\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int rate = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int organizations = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        Path ledger = args.length > 4 ? Path.of(args[4]) : null;
        int ramp = Integer.getInteger("ramp", 2);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

        List<String[]> tenants = new ArrayList<>();
        for (int i = 0; i < organizations; i++) {
            tenants.add(setUpTenant(http, base, i));
        }
        System.out.printf(Locale.ROOT, "target %d runs/s for %d s over %d organizations%n", rate, seconds, organizations);

        long total = (long) rate * (ramp + seconds);
        Load load = new Load(URI.create(base), tenants, rate, total, (long) rate * ramp);
        Instant wallStart = Instant.now();
        long start = System.nanoTime();
        load.run();
        List<Long> latencies = load.latencies;
        List<String> acknowledged = load.acknowledged;
        long acceptedCount = latencies.size();
        double elapsed = (System.nanoTime() - start) / 1e9 - ramp;
        if (ledger != null) {
            try (Writer out = Files.newBufferedWriter(ledger)) {
                for (String line : acknowledged) {
                    out.write(line + "\n");
                }
            }
        }

        String probe = acknowledged.isEmpty() ? null : acknowledged.get(acknowledged.size() - 1);
        long visibleMs;
        try {
            visibleMs = probe == null ? -1 : timeUntilVisible(http, base, tenants, probe);
        } catch (IOException e) {
            visibleMs = -1;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        List<Long> rampSorted = new ArrayList<>(load.rampLatencies);
        Collections.sort(rampSorted);
        if (ramp > 0) {
            System.out.printf(Locale.ROOT, "ramp (first %d s, not measured): sent %d, accepted %d, ack p50 %.1f, p99 %.1f ms%n",
                ramp, load.rampRequests, rampSorted.size(), pct(rampSorted, 50), pct(rampSorted, 99));
        }
        System.out.printf(Locale.ROOT, "sent %d, accepted %d (%.0f/s), errors %d, elapsed %.1f s%n",
            total - load.rampRequests, acceptedCount, acceptedCount / elapsed, load.errors, elapsed);
        System.out.printf(Locale.ROOT, "ack latency ms: p50 %.1f, p99 %.1f, p99.9 %.1f, max %.1f%n",
            pct(sorted, 50), pct(sorted, 99), pct(sorted, 99.9), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
        System.out.printf(Locale.ROOT, "a run acknowledged at the end was visible in GET /runs after %d ms%n", visibleMs);
        System.out.println("started " + wallStart);
        if (Boolean.getBoolean("timeline")) {
            printSlowestSeconds(load.perSecondMaxNanos, wallStart, ramp);
        }
        System.exit(0);
    }

    /**
     * {@code -Dtimeline=true}: the eight seconds with the slowest acknowledgement, with their wall-clock time, to lay
     * beside what the server and its database were doing then (autovacuum, checkpoints, GC logs).
     */
    private static void printSlowestSeconds(Map<Long, Long> perSecondMaxNanos, Instant wallStart, int ramp) {
        perSecondMaxNanos.entrySet().stream().sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(8)
            .forEach(second -> System.out.printf(Locale.ROOT, "slow second %d%s (%s): max ack %.1f ms%n", second.getKey(),
                second.getKey() < ramp ? " (ramp)" : "", wallStart.plusSeconds(second.getKey()), second.getValue() / 1e6));
    }

    /**
     * The load itself, on one thread: keep-alive connections driven by a selector. Each request is sent at its
     * scheduled time on an idle connection (or as soon as one frees up, and that wait counts as latency). One thread
     * and no hand-offs, because on a shared two-core machine every millisecond the generator spends is taken from the
     * server it measures (java.net.http cost several times more CPU per request).
     */
    static final class Load {
        final List<Long> latencies = new ArrayList<>();
        final List<Long> rampLatencies = new ArrayList<>();
        final List<String> acknowledged = new ArrayList<>();
        /** Second of the run (by schedule) to its slowest acknowledgement. */
        final Map<Long, Long> perSecondMaxNanos = new HashMap<>();
        long errors;

        private final URI base;
        private final List<String[]> tenants;
        private final long intervalNanos;
        private final long total;
        private final long rampRequests;
        private long rampEndsAt;
        private final Selector selector;
        private final ArrayDeque<Connection> idle = new ArrayDeque<>();
        private final ArrayDeque<Long> waiting = new ArrayDeque<>();
        private long sent;
        private long finished;

        Load(URI base, List<String[]> tenants, int rate, long total, long rampRequests) throws IOException {
            this.rampRequests = rampRequests;
            this.base = base;
            this.tenants = tenants;
            this.intervalNanos = 1_000_000_000L / rate;
            this.total = total;
            this.selector = Selector.open();
            for (int i = 0; i < CONNECTIONS; i++) {
                idle.push(new Connection());
            }
        }

        private long start;

        void run() throws IOException {
            start = System.nanoTime();
            rampEndsAt = start + rampRequests * intervalNanos;
            long deadline = start + total * intervalNanos + 60_000_000_000L;
            while (finished < total && System.nanoTime() < deadline) {
                long now = System.nanoTime();
                while (sent < total && start + sent * intervalNanos <= now) {
                    waiting.add(start + sent * intervalNanos);
                    sent++;
                }
                while (!waiting.isEmpty() && !idle.isEmpty()) {
                    send(idle.pop(), waiting.poll());
                }
                long untilNext = sent < total ? start + sent * intervalNanos - System.nanoTime() : 50_000_000L;
                if (untilNext > 0 && (waiting.isEmpty() || idle.isEmpty())) {
                    // millisecond wake-ups: a request may leave up to a millisecond late, which counts in its latency
                    selector.select(Math.max(1, (untilNext + 999_999) / 1_000_000L));
                } else {
                    selector.selectNow();
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    ((Connection) key.attachment()).onReady(key);
                }
                selector.selectedKeys().clear();
            }
        }

        private void send(Connection connection, long scheduledAt) {
            String[] tenant = tenants.get((int) (sent % tenants.size()));
            String runId = UUID.randomUUID().toString();
            byte[] body = realisticRun(runId, tenant[2]).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/v1/ingest/run HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                + "X-API-Key: " + tenant[1] + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer request = ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
            try {
                connection.start(request, scheduledAt, tenant[0] + " " + runId);
            } catch (IOException e) {
                connection.fail();
            }
        }

        /** One keep-alive connection and the request in flight on it. */
        private final class Connection {
            private SocketChannel channel;
            private SelectionKey key;
            private ByteBuffer request;
            private final ByteBuffer response = ByteBuffer.allocate(64 * 1024);
            private long scheduledAt;
            private String ledgerLine;

            void start(ByteBuffer request, long scheduledAt, String ledgerLine) throws IOException {
                if (channel == null) {
                    channel = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
                    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    channel.configureBlocking(false);
                    key = channel.register(selector, 0, this);
                }
                this.request = request;
                this.scheduledAt = scheduledAt;
                this.ledgerLine = ledgerLine;
                response.clear();
                channel.write(request);
                key.interestOps(request.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }

            void onReady(SelectionKey ready) {
                try {
                    if (ready.isWritable()) {
                        channel.write(request);
                        if (!request.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                    } else if (ready.isReadable()) {
                        if (channel.read(response) < 0) {
                            throw new IOException("closed by the server");
                        }
                        int status = completeStatus();
                        if (status > 0) {
                            done(status);
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    fail();
                }
            }

            /** The status once the whole response is in, else 0. */
            private int completeStatus() {
                String text = new String(response.array(), 0, response.position(), StandardCharsets.ISO_8859_1);
                int headerEnd = text.indexOf("\r\n\r\n");
                if (headerEnd < 0) {
                    return 0;
                }
                int length = 0;
                for (String header : text.substring(0, headerEnd).split("\r\n")) {
                    if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                return response.position() >= headerEnd + 4 + length ? Integer.parseInt(text.substring(9, 12)) : 0;
            }

            private void done(int status) {
                if (status == 202) {
                    long latency = System.nanoTime() - scheduledAt;
                    (scheduledAt < rampEndsAt ? rampLatencies : latencies).add(latency);
                    perSecondMaxNanos.merge((scheduledAt - start) / 1_000_000_000L, latency, Math::max);
                    acknowledged.add(ledgerLine);
                } else {
                    errors++;
                }
                finished++;
                key.interestOps(0);
                idle.push(this);
            }

            void fail() {
                errors++;
                finished++;
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException ignored) {
                    // a new connection is opened for the next request
                }
                channel = null;
                idle.push(this);
            }
        }
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
        String credentials = System.getProperty("credentials");
        if (i == 0 && credentials != null) {
            // -Dcredentials=<file>: who may sign in to the first organization (the regression check renders its dashboard)
            java.nio.file.Files.writeString(Path.of(credentials), email + " benchmark password 123\n");
        }
        // signup creates nothing until its link is confirmed; a server without SMTP puts the link into the answer
        String link = field(post(http, base + "/api/v1/auth/signup", null, "{\"email\":\"" + email
            + "\",\"password\":\"benchmark password 123\",\"full_name\":\"Bench\",\"organization_name\":\"Bench " + i + "\"}"), "confirm_url");
        String token = field(post(http, base + "/api/v1/auth/signup/confirm", null,
            "{\"token\":\"" + link.substring(link.indexOf("token=") + 6) + "\"}"), "access_token");
        String agent = post(http, base + "/api/v1/agents", token, "{\"name\":\"Bench agent " + i + "\",\"team\":\"bench\"}");
        String slug = field(agent, "slug");
        String agentId = agent.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String[] scopes = {"\"scope\":\"organization\"", "\"scope\":\"team\",\"team_name\":\"bench\"",
            "\"scope\":\"agent\",\"agent_id\":\"" + agentId + "\""};
        String[] periods = {"daily", "weekly", "monthly", "total"};
        for (int b = 0; b < Integer.getInteger("budgets", 0); b++) {
            post(http, base + "/api/v1/budgets", token, "{\"name\":\"Bench budget " + b + "\"," + scopes[b % 3]
                + ",\"max_amount_usd\":" + (1000 + b) + ",\"period\":\"" + periods[b % 4] + "\",\"alert_thresholds\":[50,80,100]}");
        }
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
