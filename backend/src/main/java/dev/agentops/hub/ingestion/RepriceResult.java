package dev.agentops.hub.ingestion;

import io.micronaut.serde.annotation.Serdeable;

/**
 * What one re-pricing call did: how many runs it looked at, how many of them got a different cost, and whether runs
 * of the range remain (then call again with {@code next_cursor}).
 */
@Serdeable
public record RepriceResult(int repriced, int changed, boolean more, String nextCursor) {
}
