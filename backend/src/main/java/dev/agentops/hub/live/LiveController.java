package dev.agentops.hub.live;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.Map;

/** Live updates (docs/api.md "Live updates"): a ticket from a signed-in user, then a server-sent event stream. */
@Controller("/api/v1/stream")
@Tag(name = "Live updates")
class LiveController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final StreamTickets tickets;
    private final LiveHub hub;

    LiveController(StreamTickets tickets, LiveHub hub) {
        this.tickets = tickets;
        this.hub = hub;
    }

    @Serdeable
    record Ticket(String ticket, int expiresIn) {
    }

    @Operation(operationId = "createStreamTicket")
    @Post("/ticket")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @ExecuteOn(TaskExecutors.BLOCKING)
    DataResponse<Ticket> ticket(Authentication authentication) {
        Actor actor = Actor.from(authentication);
        actor.requireUser("Live updates are for signed-in users.");
        return DataResponse.of(new Ticket(tickets.issue(actor.id(), actor.organizationId()), StreamTickets.LIFETIME_SECONDS));
    }

    @Operation(operationId = "openStream")
    @Get(produces = MediaType.TEXT_EVENT_STREAM)
    @Secured(SecurityRule.IS_ANONYMOUS)
    @ExecuteOn(TaskExecutors.BLOCKING)
    Publisher<Event<Object>> stream(@Nullable @QueryValue String ticket,
                                    @Nullable @Header("Last-Event-ID") String lastEventId) {
        StreamTickets.Holder holder = tickets.redeem(ticket).orElseThrow(() ->
            Problems.unauthenticated("invalid_token", "The stream ticket is invalid, expired or already used: get a new one."));
        Flux<Event<Object>> missed = Flux.fromIterable(lastEventId == null ? java.util.List.of() : hub.since(holder.organizationId(), lastEventId))
            .map(LiveController::toSse);
        Flux<Event<Object>> live = hub.stream(holder.organizationId()).map(LiveController::toSse);
        Flux<Event<Object>> heartbeat = Flux.interval(HEARTBEAT).map(tick -> Event.<Object>of("").comment("heartbeat"));
        Flux<Event<Object>> hello = Flux.just(Event.<Object>of(Map.of("organization_id", holder.organizationId().toString())).name("ready"));
        return Flux.concat(hello, missed).concatWith(Flux.merge(live, heartbeat));
    }

    private static Event<Object> toSse(LiveEvent event) {
        return Event.<Object>of(event.data()).name(event.name()).id(event.id());
    }
}
