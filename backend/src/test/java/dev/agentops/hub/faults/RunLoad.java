package dev.agentops.hub.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Ingest load at a fixed rate (requests leave on schedule whatever the server does) that keeps a ledger: every run the
 * server acknowledged with 202 must later be stored exactly once. Every answer (or transport failure) is recorded.
 */
final class RunLoad implements AutoCloseable {

    /** One request's fate: an HTTP status with its code and Retry-After, or status 0 with the transport failure. */
    record Outcome(String runId, int status, String code, String retryAfter, String failure, long sentAtNanos, long millis) {
    }

    private final Supplier<String> base;
    private final String apiKey;
    private final String agent;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "run-load");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<?>> inFlight = new ConcurrentLinkedQueue<>();

    /** {@code base} is asked before each request: a restarted app may listen elsewhere (it does not here). */
    RunLoad(Supplier<String> base, String apiKey, String agent, int perSecond) {
        this.base = base;
        this.apiKey = apiKey;
        this.agent = agent;
        clock.scheduleAtFixedRate(this::sendOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    private void sendOne() {
        String runId = "load-" + UUID.randomUUID();
        long sentAt = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.get() + "/api/v1/ingest/run"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").header("X-API-Key", apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(Faults.run(runId, agent))).build();
        CompletableFuture<?> sent = Faults.HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .whenComplete((response, failure) -> {
                long millis = (System.nanoTime() - sentAt) / 1_000_000;
                if (failure != null) {
                    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                    outcomes.add(new Outcome(runId, 0, null, null, cause.getClass().getSimpleName(), sentAt, millis));
                } else {
                    outcomes.add(new Outcome(runId, response.statusCode(), Faults.field(response.body(), "code"),
                        response.headers().firstValue("Retry-After").orElse(null), null, sentAt, millis));
                }
            });
        inFlight.add(sent);
        inFlight.removeIf(CompletableFuture::isDone);
    }

    /** Stops sending and waits for the answers still due. */
    List<Outcome> stop() {
        clock.shutdownNow();
        for (CompletableFuture<?> future : inFlight) {
            try {
                future.get(40, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // recorded as a failure by the completion handler
            }
        }
        return outcomes();
    }

    List<Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }

    /** How many answers had each status (0 = no HTTP answer). */
    Map<Integer, Long> statuses() {
        return outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
    }

    static List<String> acknowledged(List<Outcome> outcomes) {
        return outcomes.stream().filter(o -> o.status() == 202).map(Outcome::runId).toList();
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
