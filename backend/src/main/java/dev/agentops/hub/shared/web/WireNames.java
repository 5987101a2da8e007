package dev.agentops.hub.shared.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Closed sets travel as lowercase snake_case names ({@code tool_call}, {@code running}); their Java enums spell the
 * same names in upper case and carry them in {@code @JsonProperty} for the serializer and the API document
 * (EnumWireNamesTest checks that both agree).
 */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wireName) {
        if (wireName == null) {
            return Optional.empty();
        }
        for (E value : type.getEnumConstants()) {
            if (of(value).equals(wireName)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The value, or {@code 400 validation_failed} naming the field and every allowed value. */
    public static <E extends Enum<E>> E require(Class<E> type, String field, String wireName) {
        return parse(type, wireName).orElseThrow(() -> Problems.validation(field, "must be one of " + list(type)));
    }

    /** "running, completed, failed or cancelled". */
    public static <E extends Enum<E>> String list(Class<E> type) {
        String[] names = Arrays.stream(type.getEnumConstants()).map(WireNames::of).toArray(String[]::new);
        if (names.length == 1) {
            return names[0];
        }
        return Arrays.stream(names, 0, names.length - 1).collect(Collectors.joining(", ")) + " or " + names[names.length - 1];
    }
}
