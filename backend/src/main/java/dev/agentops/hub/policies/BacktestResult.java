package dev.agentops.hub.policies;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A replay of the stored external actions and tool calls of {@code [from, to)} through one rule: how many it would
 * have allowed, blocked or sent for approval ({@code counts}; an event the rule does not match counts as allow),
 * and up to 50 of the events it matched or failed on, with a link to their run. {@code truncated}: the range held
 * more than {@code limit} events and only the oldest {@code limit} were replayed.
 */
@Serdeable
@Schema(name = "PolicyBacktest")
public record BacktestResult(Instant from, Instant to, @Nullable Integer version, long evaluated, long matched, long errors,
                             boolean truncated, int limit, PolicyResponse.Counts counts, List<Example> examples) {

    @Serdeable
    @Schema(name = "PolicyBacktestExample")
    public record Example(UUID eventId, String clientEventId, String eventType, Instant timestamp, UUID runId,
                          String externalReference, String runLink, UUID agentId, String actionType,
                          @Schema(implementation = Decision.class) String decision,
                          boolean matched, @Nullable String error) {
    }
}
