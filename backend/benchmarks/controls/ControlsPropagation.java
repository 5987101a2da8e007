import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emergency controls across two instances that share one PostgreSQL and one Redis.
 * 1. Propagation: pause an agent on instance A; from the moment A answers 200, send ingest pieces to instance B
 *    back to back until B acks "paused"; the time between is one trial. Resume, wait until B acks "active" again,
 *    repeat. Prints every trial and p50/max (target: max <= 1 s).
 * 2. Kill switch on an organization with many agents (default 1,000): engage and release a few times, timing each
 *    call's round trip on localhost (an upper bound of its server time; target <= 200 ms for the engage).
 * java ControlsPropagation.java <baseUrlA> <baseUrlB> [trials] [agents]
 */
public class ControlsPropagation {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String a = args[0];
        String b = args[1];
        int trials = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int agentCount = args.length > 3 ? Integer.parseInt(args[3]) : 1000;

        String token = signup(a, "Bench controls");
        String agentId = field(post(a, "/api/v1/agents", "{\"name\":\"Propagation\",\"slug\":\"propagation\"}", token, 201), "id");
        String key = field(post(a, "/api/v1/api-keys", "{\"name\":\"bench\",\"scopes\":[\"ingest\"]}", token, 201), "key");
        for (int i = 0; i < 50; i++) { // warm both instances' paths
            ingest(b, key, "warm-" + i);
            ingest(a, key, "warm-a-" + i);
        }

        List<Long> propagation = new ArrayList<>();
        for (int trial = 1; trial <= trials; trial++) {
            post(a, "/api/v1/controls/resume-agent/" + agentId, "{\"reason\":\"bench resume\"}", token, 200);
            while (!ingest(b, key, "r-" + UUID.randomUUID()).contains("\"agent_status\":\"active\"")) {
                Thread.sleep(5);
            }
            Thread.sleep(200);
            post(a, "/api/v1/controls/pause-agent/" + agentId, "{\"reason\":\"bench pause " + trial + "\"}", token, 200);
            long answered = System.nanoTime();
            int polls = 0;
            String ack;
            do {
                ack = ingest(b, key, "p-" + UUID.randomUUID());
                polls++;
            } while (!ack.contains("\"agent_status\":\"paused\""));
            long took = System.nanoTime() - answered;
            propagation.add(took);
            System.out.printf(Locale.ROOT, "trial %2d: paused on A -> first paused ack on B after %6.1f ms (%d polls)%n",
                trial, took / 1e6, polls);
        }
        Collections.sort(propagation);
        System.out.printf(Locale.ROOT, "propagation over %d trials: p50 %.1f ms, max %.1f ms%n", trials,
            propagation.get(propagation.size() / 2) / 1e6, propagation.get(propagation.size() - 1) / 1e6);

        String haltToken = signup(a, "Bench halt");
        String orgSlug = field(get(a, "/api/v1/orgs/profile", haltToken), "slug");
        for (int i = 0; i < agentCount; i++) {
            post(a, "/api/v1/agents", "{\"name\":\"Agent " + i + "\"}", haltToken, 201);
        }
        System.out.printf(Locale.ROOT, "kill switch on an organization with %d agents:%n", agentCount);
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            String engaged = post(a, "/api/v1/controls/kill-switch",
                "{\"reason\":\"bench halt\",\"confirm\":\"" + orgSlug + "\"}", haltToken, 200);
            long engage = System.nanoTime() - start;
            int paused = count(engaged, "\"pause_source\":\"kill_switch\"");
            start = System.nanoTime();
            post(a, "/api/v1/controls/kill-switch/release", "{\"reason\":\"bench release\"}", haltToken, 200);
            long release = System.nanoTime() - start;
            System.out.printf(Locale.ROOT, "round %d: engage %6.1f ms (%d agents paused by it), release %6.1f ms%n",
                round, engage / 1e6, paused, release / 1e6);
        }
    }

    private static String signup(String base, String org) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        // signup creates nothing until its link is confirmed; a server without SMTP puts the link into the answer
        String link = field(post(base, "/api/v1/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"benchmark password 1\","
            + "\"full_name\":\"Bench\",\"organization_name\":\"" + org + "\"}", null, 202), "confirm_url");
        String body = post(base, "/api/v1/auth/signup/confirm", "{\"token\":\"" + link.substring(link.indexOf("token=") + 6) + "\"}",
            null, 201);
        return field(body, "access_token");
    }

    private static String ingest(String base, String key, String runId) throws Exception {
        return post(base, "/api/v1/ingest/run", "{\"run_id\":\"" + runId + "\",\"agent_id\":\"propagation\"}", key, 202);
    }

    private static String post(String base, String path, String json, String credential, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return send(credential == null ? request : auth(request, credential), expected);
    }

    private static String get(String base, String path, String credential) throws Exception {
        return send(auth(HttpRequest.newBuilder(URI.create(base + path)), credential), 200);
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder request, String credential) {
        return credential.startsWith("aoh_") ? request.header("X-API-Key", credential) : request.header("Authorization", "Bearer " + credential);
    }

    private static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
