package dev.agentops.hub.shared.web;

import io.micronaut.serde.annotation.Serdeable;

/** One entry of {@code details.fields} in a {@code validation_failed} error. */
@Serdeable
public record FieldProblem(String field, String problem) {
}
