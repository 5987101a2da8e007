package dev.agentops.hub.live;

import dev.agentops.hub.support.Api;
import dev.agentops.hub.support.AppTest;
import dev.agentops.hub.support.Ingest;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in user's stream receives its organization's new runs and agent changes, and nothing of others'. */
@MicronautTest(transactional = false)
class LiveStreamTest extends AppTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    @Client("/")
    SseClient sse;

    @Test
    void newRunsArriveLiveOnlyForTheirOrganizationAndTicketsAreSingleUse() throws Exception {
        Api api = new Api(client);
        Api.Session admin = api.signup();
        String agentId = api.post("/api/v1/agents", Map.of("name", "Live", "slug", "live"), admin.accessToken()).data().get("id").toString();
        Ingest ingest = new Ingest(api, api.apiKey(admin, "ingest", "read"));
        Api.Session stranger = api.signup();

        List<Event<Map<String, Object>>> mine = new CopyOnWriteArrayList<>();
        List<Event<Map<String, Object>>> theirs = new CopyOnWriteArrayList<>();
        String ticket = ticket(api, admin);
        Disposable a = subscribe(ticket, mine);
        Disposable b = subscribe(ticket(api, stranger), theirs);
        try {
            awaitEvent(mine, "ready");
            awaitEvent(theirs, "ready");

            var reused = api.get("/api/v1/stream?ticket=" + ticket, null);
            assertThat(reused.status()).as("a ticket opens one stream only").isEqualTo(401);

            Map<String, Object> job = ingest.sendAndWait(Map.of("run_id", "live-1", "agent_id", "live", "status", "completed"));
            Event<Map<String, Object>> created = awaitEvent(mine, "run.created");
            assertThat(created.getData()).containsEntry("id", job.get("run_id")).containsEntry("agent_id", agentId);
            assertThat(created.getId()).isNotBlank();

            api.post("/api/v1/controls/pause-agent/" + agentId, Map.of("reason", "checking live updates"), admin.accessToken());
            assertThat(awaitEvent(mine, "agent.updated").getData()).containsEntry("status", "paused");
            Thread.sleep(300);
            assertThat(theirs).extracting(Event::getName).containsOnly("ready");
        } finally {
            a.dispose();
            b.dispose();
        }
        assertThat(api.get("/api/v1/stream?ticket=tk_forged", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/stream/ticket", null, api.apiKey(admin, "read")).status()).isEqualTo(403);
    }

    private String ticket(Api api, Api.Session session) {
        var response = api.post("/api/v1/stream/ticket", null, session.accessToken());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.data()).containsEntry("expires_in", 60);
        return response.data().get("ticket").toString();
    }

    private Disposable subscribe(String ticket, List<Event<Map<String, Object>>> sink) {
        return Flux.from(sse.eventStream(HttpRequest.GET("/api/v1/stream?ticket=" + ticket), Argument.mapOf(String.class, Object.class)))
            .subscribe(sink::add, error -> { });
    }

    private static Event<Map<String, Object>> awaitEvent(List<Event<Map<String, Object>>> events, String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (Event<Map<String, Object>> event : events) {
                if (name.equals(event.getName())) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + name + " event within 15 s; got " + events.stream().map(Event::getName).toList());
    }
}
