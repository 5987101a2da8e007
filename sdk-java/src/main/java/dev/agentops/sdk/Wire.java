package dev.agentops.sdk;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The API spells every closed set in lower snake case: the enum constants' names, lower-cased. */
final class Wire {

    private Wire() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return constant;
                }
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
            .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
