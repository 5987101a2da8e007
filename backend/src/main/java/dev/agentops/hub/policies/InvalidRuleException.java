package dev.agentops.hub.policies;

import java.util.List;

/** A rule that cannot be saved or evaluated; the service turns it into {@code 400 validation_failed}. */
public class InvalidRuleException extends RuntimeException {

    private final List<RuleProblem> problems;

    public InvalidRuleException(List<RuleProblem> problems) {
        super(problems.isEmpty() ? "invalid rule" : problems.get(0).pointer() + ": " + problems.get(0).problem(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
