package dev.agentops.hub.policies;

import io.micronaut.serde.annotation.Serdeable;

/** One thing wrong with a rule: where (a JSON pointer into {@code rule_definition}, RFC 6901) and what, as a sentence. */
@Serdeable
public record RuleProblem(String pointer, String problem) {
}
