package dev.agentops.hub.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans live events out to this instance's open streams, and keeps the most recent ones so that a client that
 * reconnects with {@code Last-Event-ID} gets what it missed (best effort: what this instance saw, bounded).
 */
@Singleton
public class LiveHub {

    private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();
    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    private final int keep;
    private final AtomicInteger open = new AtomicInteger();

    LiveHub(@Value("${agentops.live.replay-buffer:2000}") int keep, MeterRegistry registry) {
        this.keep = keep;
        Gauge.builder("agentops.live.connections", open, AtomicInteger::get)
            .description("Open live-update (SSE) streams on this instance").register(registry);
    }

    void emit(LiveEvent event) {
        synchronized (recent) {
            recent.addLast(event);
            while (recent.size() > keep) {
                recent.removeFirst();
            }
        }
        sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(50)));
    }

    Flux<LiveEvent> stream(UUID organizationId) {
        return sink.asFlux().filter(event -> event.organizationId().equals(organizationId))
            .doOnSubscribe(subscription -> open.incrementAndGet())
            .doFinally(signal -> open.decrementAndGet());
    }

    /** Events of the organization after {@code lastEventId}, oldest first; nothing when the id is unknown. */
    List<LiveEvent> since(UUID organizationId, String lastEventId) {
        List<LiveEvent> missed = new ArrayList<>();
        synchronized (recent) {
            boolean after = false;
            for (LiveEvent event : recent) {
                if (after && event.organizationId().equals(organizationId)) {
                    missed.add(event);
                }
                after = after || event.id().equals(lastEventId);
            }
        }
        return missed;
    }
}
