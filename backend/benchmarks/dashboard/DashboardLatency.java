import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times the dashboard and cost endpoints, one request at a time after a warm-up, and prints p50/p95 per endpoint.
 * java DashboardLatency.java <baseUrl> <accessToken> <agentId> [requests] [team]
 */
public class DashboardLatency {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String agent = args[2];
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        String team = args.length > 4 ? args[4] : "Team 1";
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        String[][] endpoints = {
            {"home, 24 h", "/api/v1/dashboard/home"},
            {"home, 7 days", "/api/v1/dashboard/home?from=" + now.minus(7, ChronoUnit.DAYS) + "&to=" + now},
            {"home, 30 days", "/api/v1/dashboard/home?from=" + now.minus(30, ChronoUnit.DAYS) + "&to=" + now},
            {"agent, 7 days", "/api/v1/dashboard/agent/" + agent + "?from=" + now.minus(7, ChronoUnit.DAYS) + "&to=" + now},
            {"agent, 30 days", "/api/v1/dashboard/agent/" + agent + "?from=" + now.minus(30, ChronoUnit.DAYS) + "&to=" + now},
            {"costs summary, 30 d", "/api/v1/costs/summary?from=" + now.minus(30, ChronoUnit.DAYS) + "&to=" + now},
            {"costs agent, 30 d", "/api/v1/costs/by-agent/" + agent + "?from=" + now.minus(30, ChronoUnit.DAYS) + "&to=" + now},
            {"costs team, 30 d", "/api/v1/costs/by-team/" + team.replace(" ", "%20") + "?from=" + now.minus(30, ChronoUnit.DAYS) + "&to=" + now},
            {"budgets (50)", "/api/v1/budgets"},
        };
        HttpClient http = HttpClient.newHttpClient();
        for (String[] endpoint : endpoints) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + endpoint[1])).header("Authorization", "Bearer " + token).build();
            for (int i = 0; i < 10; i++) {
                http.send(request, HttpResponse.BodyHandlers.discarding());
            }
            List<Long> times = new ArrayList<>();
            int status = 0;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                times.add(System.nanoTime() - start);
            }
            if (status != 200) {
                throw new IllegalStateException(endpoint[0] + " answered " + status + ": a timing of an error is no result");
            }
            Collections.sort(times);
            System.out.printf(Locale.ROOT, "%-20s status %d  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", endpoint[0], status,
                times.get(times.size() / 2) / 1e6, times.get((int) Math.ceil(times.size() * 0.95) - 1) / 1e6,
                times.get(times.size() - 1) / 1e6);
        }
    }
}
