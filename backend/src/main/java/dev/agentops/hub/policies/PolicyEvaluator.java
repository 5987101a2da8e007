package dev.agentops.hub.policies;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Pure: rules + facts → decision with reasons (DESIGN.md "Decisions are named objects"). No I/O, no clock: the
 * services load the facts and store the results around it.
 *
 * <p>Semantics of a condition row when the variable is absent (or JSON null): {@code exists} is false,
 * {@code equals null} true, {@code not_equals}/{@code not_in} true, every other operator false. A variable of the
 * wrong type for its operator (a text compared with {@code greater_than}, a number with {@code starts_with}) is an
 * evaluation error, and so is anything a CEL expression raises (a missing map key, a non-boolean result): the
 * rule then decides its {@code on_error} ({@code block} unless it says {@code allow}), so a broken rule fails closed.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {
    }

    /** Evaluates every policy; the decision is the strongest enforced one (block > require_approval > allow), else allow. */
    public static PolicyDecision decide(List<CompiledPolicy> policies, Facts facts) {
        List<Verdict> verdicts = policies.stream().filter(policy -> policy.status() != PolicyStatus.DISABLED)
            .map(policy -> evaluate(policy, facts)).filter(Verdict::decides).toList();
        // strongest first (stable for equals), so reasons[0] is the policy that decided
        List<Verdict> enforced = verdicts.stream().filter(verdict -> !verdict.policy().shadow())
            .sorted(Comparator.comparing(Verdict::decision).reversed()).toList();
        Decision decision = enforced.isEmpty() ? Decision.ALLOW : enforced.get(0).decision();
        return new PolicyDecision(decision, enforced.stream().map(PolicyReason::of).toList(), verdicts);
    }

    /** What one policy says, whatever its status (the editor's Test panel and back-tests evaluate drafts this way). */
    public static Verdict evaluate(CompiledPolicy policy, Facts facts) {
        Rule rule = policy.rule();
        try {
            if (rule.kind() == Rule.Kind.EXPRESSION && rule.expression() == null) {
                throw new IllegalStateException("the stored rule no longer compiles");
            }
            boolean matched = rule.kind() == Rule.Kind.EXPRESSION
                ? rule.expression().matches(facts.cel())
                : holds(rule.condition(), facts);
            return new Verdict(policy, matched, matched ? rule.action() : null, null);
        } catch (Exception e) { // CelEvaluationException, IllegalStateException, EvaluationError: all mean "could not decide"
            return new Verdict(policy, false, rule.onError(), message(e));
        }
    }

    static boolean holds(Rule.Condition condition, Facts facts) {
        if (condition instanceof Rule.Group group) {
            return group.any() ? group.children().stream().anyMatch(child -> holds(child, facts))
                : group.children().stream().allMatch(child -> holds(child, facts));
        }
        Rule.Leaf leaf = (Rule.Leaf) condition;
        return test(leaf, facts.resolve(leaf.path()));
    }

    private static boolean test(Rule.Leaf leaf, Object actual) {
        Object expected = leaf.value();
        boolean absent = actual == Facts.MISSING || actual == null;
        Operator op = leaf.operator();
        if (op == Operator.EXISTS) {
            return !absent == (Boolean) expected;
        }
        if (absent) {
            return switch (op) {
                case EQUALS -> expected == null;
                case NOT_EQUALS -> expected != null;
                case NOT_IN -> true;
                default -> false;
            };
        }
        return switch (op) {
            case EQUALS -> same(actual, expected);
            case NOT_EQUALS -> !same(actual, expected);
            case GREATER_THAN -> compare(leaf, actual) > 0;
            case GREATER_OR_EQUAL -> compare(leaf, actual) >= 0;
            case LESS_THAN -> compare(leaf, actual) < 0;
            case LESS_OR_EQUAL -> compare(leaf, actual) <= 0;
            case IN -> in(leaf, actual);
            case NOT_IN -> !in(leaf, actual);
            case CONTAINS -> contains(leaf, actual, expected);
            case STARTS_WITH -> text(leaf, actual).startsWith((String) expected);
            case ENDS_WITH -> text(leaf, actual).endsWith((String) expected);
            case MATCHES -> leaf.regex().matcher(text(leaf, actual)).find();
            case EXISTS -> throw new IllegalStateException("handled above");
        };
    }

    /** Equality of JSON values, numbers by value (10 equals 10.0). */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return decimal(x).compareTo(decimal(y)) == 0;
        }
        return Objects.equals(a, b);
    }

    private static int compare(Rule.Leaf leaf, Object actual) {
        if (!(actual instanceof Number n)) {
            throw new EvaluationError(leaf, "is " + kind(actual) + ", not a number");
        }
        return decimal(n).compareTo(decimal((Number) leaf.value()));
    }

    private static boolean in(Rule.Leaf leaf, Object actual) {
        if (actual instanceof java.util.Map || actual instanceof List) {
            throw new EvaluationError(leaf, "is " + kind(actual) + ", not a single value");
        }
        return ((List<?>) leaf.value()).stream().anyMatch(candidate -> same(actual, candidate));
    }

    private static boolean contains(Rule.Leaf leaf, Object actual, Object expected) {
        if (actual instanceof List<?> list) {
            return list.stream().anyMatch(item -> same(item, expected));
        }
        if (actual instanceof String s) {
            return expected != null && s.contains(String.valueOf(expected));
        }
        throw new EvaluationError(leaf, "is " + kind(actual) + ", not a text or a list");
    }

    private static String text(Rule.Leaf leaf, Object actual) {
        if (actual instanceof String s) {
            return s;
        }
        throw new EvaluationError(leaf, "is " + kind(actual) + ", not a text");
    }

    private static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Double || n instanceof Float) {
            double v = n.doubleValue();
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("not a finite number");
            }
            return BigDecimal.valueOf(v);
        }
        return n instanceof java.math.BigInteger big ? new BigDecimal(big) : BigDecimal.valueOf(n.longValue());
    }

    private static String kind(Object value) {
        return value instanceof String ? "a text"
            : value instanceof Number ? "a number"
            : value instanceof Boolean ? "true/false"
            : value instanceof List ? "a list"
            : value instanceof java.util.Map ? "an object" : "of another type";
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.length() > 300 ? m.substring(0, 300) + "..." : m;
    }

    /** A row whose variable has the wrong type for its operator. */
    static final class EvaluationError extends RuntimeException {
        EvaluationError(Rule.Leaf leaf, String problem) {
            super(leaf.field() + " " + problem + " (" + leaf.pointer() + ")", null, false, false);
        }
    }
}
