package dev.agentops.hub.policies;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The operators of a condition row (docs/api.md "Policies"). */
enum Operator {
    EQUALS, NOT_EQUALS, GREATER_THAN, GREATER_OR_EQUAL, LESS_THAN, LESS_OR_EQUAL, IN, NOT_IN, CONTAINS, STARTS_WITH,
    ENDS_WITH, MATCHES, EXISTS;

    static final String ALL = Arrays.stream(values()).map(Operator::wireName).collect(Collectors.joining(", "));

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean numeric() {
        return this == GREATER_THAN || this == GREATER_OR_EQUAL || this == LESS_THAN || this == LESS_OR_EQUAL;
    }

    boolean textual() {
        return this == STARTS_WITH || this == ENDS_WITH || this == MATCHES;
    }

    static Optional<Operator> fromWire(Object wire) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(wire)).findFirst();
    }
}
