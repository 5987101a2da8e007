import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy check's latency with many active policies (default 100: condition rows of every operator, nested groups,
 * regexes and CEL expressions, a few reading run.* and time.*). Signs up its own organization, agent and
 * policies:check key, warms up, then sends checks from a few threads back to back and prints, for the measured
 * checks, the server time (the Server-Timing header: the check itself, after authentication and before
 * serialization) and the round trip on localhost, p50/p99/p99.9/max, and checks per second.
 * java [-Drate=checks/s] [-Drun-id=false] PolicyCheckLatency.java <baseUrl> [checks] [threads] [policies] [warmup]
 * With {@code -Drate} the measured checks are paced at that rate instead (the warm-up still runs back to back): an
 * agent's checks arrive at some rate, and back to back on two cores every check mostly waits for CPU.
 */
public class PolicyCheckLatency {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern TIMING = Pattern.compile("policy;dur=([0-9.]+)");
    private static final double RATE = Double.parseDouble(System.getProperty("rate", "0"));
    /** -Drun-id=false: checks without a run, so nothing is recorded (the decision alone, without its event's commit). */
    private static final boolean WITH_RUN = Boolean.parseBoolean(System.getProperty("run-id", "true"));

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int checks = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int policyCount = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;

        String token = signup(base);
        post(base, "/api/v1/agents", "{\"name\":\"SalesBot\",\"slug\":\"sales-bot\",\"environment\":\"prod\",\"team\":\"growth\","
            + "\"tags\":[\"eu\",\"tier-1\"]}", token, 201);
        String key = field(post(base, "/api/v1/api-keys", "{\"name\":\"bench\",\"scopes\":[\"policies:check\"]}", token, 201), "key");
        for (int i = 0; i < policyCount; i++) {
            post(base, "/api/v1/policies", "{\"name\":\"Policy " + i + "\",\"status\":\"active\",\"rule_definition\":" + rule(i) + "}", token, 201);
        }
        System.out.printf(Locale.ROOT, "%d active policies; warming up with %d checks%n", policyCount, warmup);
        run(base, key, warmup, threads, 0);
        Result r = run(base, key, checks, threads, RATE);
        System.out.printf(Locale.ROOT, "%d checks on %d threads in %.1f s: %.0f checks/s; decisions %s%n", checks, threads,
            r.seconds, checks / r.seconds, r.decisions);
        print("server time (Server-Timing)", r.server);
        print("round trip (localhost)     ", r.roundTrip);
    }

    /** A mix over the operators and both rule types; most rules do not match the bench's actions, a few block. */
    static String rule(int i) {
        String row = switch (i % 10) {
            case 0 -> cond("action.type", "equals", "\"type-" + i + "\"");
            case 1 -> cond("action.amount", "greater_than", String.valueOf(10_000 + i));
            case 2 -> cond("agent.name", "in", "[\"Bot-" + i + "\",\"Other-" + i + "\"]");
            case 3 -> cond("action.to", "matches", "\"^ceo-" + i + "@.*\\\\.example$\"");
            case 4 -> "{\"any\":[" + cond("action.type", "starts_with", "\"danger-" + i + "\"") + ","
                + "{\"all\":[" + cond("time.hour", "less_than", "0") + "," + cond("agent.tags", "contains", "\"x-" + i + "\"") + "]}]}";
            case 5 -> cond("run.cost_usd", "greater_than", "1000000");
            case 6 -> cond("action.customer.country", "not_in", "[\"FR\",\"DE\",\"ES\",\"IT\",\"US\"]");
            case 7 -> cond("agent.environment", "equals", "\"staging-" + i + "\"");
            case 8 -> null;
            default -> cond("action.to", "ends_with", "\"@blocked-" + i + ".example\"");
        };
        if (row == null) {
            return "{\"type\":\"expression\",\"expression\":\"action.type == 'payment' && has(action.amount) && action.amount > "
                + (50_000 + i) + " && agent.tags.exists(t, t == 'eu')\",\"action\":\"block\"}";
        }
        String action = i % 7 == 0 ? "require_approval\",\"approval_required_from\":[\"role:team_lead\"]" : i % 2 == 0 ? "block\"" : "allow\"";
        return "{\"type\":\"conditional\",\"conditions\":[" + cond("agent.slug", "equals", "\"sales-bot\"") + "," + row
            + "],\"action\":\"" + action + "}";
    }

    static String cond(String field, String op, String value) {
        return "{\"field\":\"" + field + "\",\"operator\":\"" + op + "\",\"value\":" + value + "}";
    }

    record Result(double seconds, List<Double> server, List<Double> roundTrip, String decisions) {
    }

    static Result run(String base, String key, int checks, int threads, double rate) throws Exception {
        List<Double> server = Collections.synchronizedList(new ArrayList<>(checks));
        List<Double> roundTrip = Collections.synchronizedList(new ArrayList<>(checks));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger allow = new AtomicInteger();
        AtomicInteger block = new AtomicInteger();
        AtomicInteger approval = new AtomicInteger();
        String[] types = {"send_email", "payment", "discount", "tool_call"};
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < checks) {
                    if (rate > 0) {
                        // paced: check i is due at i/rate seconds; below saturation the server time is the check's own
                        long due = started + (long) (i * 1e9 / rate);
                        java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                    }
                    String body = "{" + (WITH_RUN ? "\"run_id\":\"bench-run-" + (i % 200) + "\"," : "") + "\"agent_id\":\"sales-bot\",\"action\":{\"type\":\""
                        + types[i % types.length] + "\",\"amount\":" + (i % 20_000) + ",\"to\":\"someone-" + (i % 50)
                        + "@partner.example\",\"customer\":{\"country\":\"" + (i % 3 == 0 ? "FR" : "BR") + "\"}},\"context\":{\"note\":\"x\"}}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/policies/check"))
                        .header("Content-Type", "application/json").header("X-API-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long sent = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                    roundTrip.add((System.nanoTime() - sent) / 1e6);
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    Matcher m = TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
                    if (m.find()) {
                        server.add(Double.parseDouble(m.group(1)));
                    }
                    String decision = response.body();
                    if (decision.contains("\"decision\":\"block\"")) {
                        block.incrementAndGet();
                    } else if (decision.contains("\"decision\":\"require_approval\"")) {
                        approval.incrementAndGet();
                    } else {
                        allow.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        return new Result(seconds, server, roundTrip, "allow " + allow + ", block " + block + ", require_approval " + approval);
    }

    static void print(String what, List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (%d samples)%n", what,
            pct(sorted, 50), pct(sorted, 99), pct(sorted, 99.9), sorted.get(sorted.size() - 1), sorted.size());
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    static String signup(String base) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        // signup creates nothing until its link is confirmed; a server without SMTP puts the link into the answer
        String link = field(post(base, "/api/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"benchmark password 1\","
            + "\"full_name\":\"Bench\",\"organization_name\":\"Bench policies\"}", null, 202), "confirm_url");
        String body = post(base, "/api/v1/auth/signup/confirm", "{\"token\":\"" + link.substring(link.indexOf("token=") + 6) + "\"}",
            null, 201);
        return field(body, "access_token");
    }

    static String post(String base, String path, String json, String credential, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (credential != null) {
            request = credential.startsWith("aoh_") ? request.header("X-API-Key", credential)
                : request.header("Authorization", "Bearer " + credential);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
