package dev.agentops.hub.faults;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A browser's live-update stream (ticket, then server-sent events), recording when each named event arrived. */
final class LiveStream implements AutoCloseable {

    record Received(String name, long atNanos) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Stream<String> lines;

    private LiveStream(Stream<String> lines) {
        this.lines = lines;
        Thread reader = new Thread(() -> {
            try {
                lines.forEach(line -> {
                    if (line.startsWith("event:")) {
                        received.add(new Received(line.substring(6).trim(), System.nanoTime()));
                    }
                });
            } catch (RuntimeException closed) {
                // the stream was closed by the test or the server
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveStream open(String base, String accessToken) {
        String ticket = Faults.expect(200, Faults.post(base, "/api/v1/stream/ticket", accessToken, "{}")).field("ticket");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/stream?ticket=" + ticket))
            .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<Stream<String>> response = Faults.HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new AssertionError("stream refused: " + response.statusCode());
            }
            LiveStream stream = new LiveStream(response.body());
            if (!Faults.within(java.time.Duration.ofSeconds(5), () -> stream.received.stream().anyMatch(r -> r.name().equals("ready")))) {
                throw new AssertionError("the stream sent no ready event");
            }
            return stream;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Events named {@code name} received so far. */
    long count(String name) {
        return received.stream().filter(r -> r.name().equals(name)).count();
    }

    /** Events named {@code name} that arrived after {@code sinceNanos} ({@link System#nanoTime}). */
    long count(String name, long sinceNanos) {
        return received.stream().filter(r -> r.name().equals(name) && r.atNanos() - sinceNanos > 0).count();
    }

    @Override
    public void close() {
        lines.close();
    }
}
