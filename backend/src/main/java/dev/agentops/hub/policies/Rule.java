package dev.agentops.hub.policies;

import com.google.re2j.Pattern;
import dev.agentops.hub.policies.Rule.Condition;

import java.util.List;
import java.util.Set;

/**
 * A parsed, validated rule, ready to evaluate many times: the regexes are compiled and a CEL expression is a program
 * (compiled once per policy version). {@code roots} are the variable roots it reads, so a check loads only the facts
 * some policy needs (the run and budget facts cost a query each).
 */
public record Rule(Kind kind, Condition condition, CelRules.Program expression, Decision action, List<String> approvers,
                   int timeoutMinutes, Decision onError, Set<String> roots) {

    public enum Kind { CONDITIONAL, EXPRESSION }

    /** A condition tree: rows ({@link Leaf}) and {@code any}/{@code all} groups. */
    public sealed interface Condition permits Leaf, Group {
    }

    /** {@code {"field": "action.amount", "operator": "greater_than", "value": 100}}; {@code regex} for {@code matches}. */
    public record Leaf(String pointer, String field, List<String> path, Operator operator, Object value, Pattern regex)
        implements Condition {
    }

    /** {@code {"any": [...]}} (at least one) or {@code {"all": [...]}} (every one); the top-level list is an all. */
    public record Group(boolean any, List<Condition> children) implements Condition {
    }
}
