package dev.agentops.hub.runs;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A run with all its events in time order (the forensic view). */
@Serdeable
public record RunDetailResponse(RunResponse run, List<EventResponse> events) {
}
