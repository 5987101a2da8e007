package dev.agentops.hub.otel;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A span's (or resource's) attributes by key; the first of a repeated key wins, as in the OpenTelemetry SDKs. */
final class SpanAttributes {

    /** A known attribute whose value cannot mean what the conventions say; the span is rejected with this message. */
    static final class BadAttribute extends RuntimeException {
        BadAttribute(String message) {
            super(message, null, false, false);
        }
    }

    /** An absent key reads as the empty value, whose case is VALUE_NOT_SET. */
    private final Map<String, AnyValue> values = new HashMap<>();

    SpanAttributes(List<KeyValue> attributes) {
        attributes.forEach(kv -> values.putIfAbsent(kv.getKey(), kv.getValue()));
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** A text attribute; numbers and booleans are read as their text, arrays and maps as absent. */
    String text(String key) {
        AnyValue value = values.getOrDefault(key, AnyValue.getDefaultInstance());
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue().isBlank() ? null : value.getStringValue();
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            default -> null;
        };
    }

    /** The first present text attribute of {@code keys}. */
    String firstText(String... keys) {
        return Arrays.stream(keys).map(this::text).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** A token count: a whole number, at least 0 (a whole double or a string of digits is accepted too). */
    Long count(String key) {
        AnyValue value = values.get(key);
        if (value == null) {
            return null;
        }
        Long count = switch (value.getValueCase()) {
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue() == Math.rint(value.getDoubleValue()) && !Double.isInfinite(value.getDoubleValue())
                ? (long) value.getDoubleValue() : null;
            case STRING_VALUE -> value.getStringValue().matches("\\d{1,15}") ? Long.parseLong(value.getStringValue()) : null;
            default -> null;
        };
        if (count == null || count < 0 || count > 1_000_000_000_000L) {
            throw new BadAttribute(key + " must be a whole number of tokens between 0 and 10^12");
        }
        return count;
    }

    /** The first present count of {@code keys}. */
    Long firstCount(String... keys) {
        return Arrays.stream(keys).map(this::count).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /** A number attribute (temperature, max tokens) for a summary; anything else is left out. */
    Object number(String key) {
        AnyValue value = values.getOrDefault(key, AnyValue.getDefaultInstance());
        return switch (value.getValueCase()) {
            case INT_VALUE -> value.getIntValue();
            case DOUBLE_VALUE -> value.getDoubleValue();
            default -> null;
        };
    }

    /** A string array attribute ({@code gen_ai.response.finish_reasons}); absent or mistyped reads as null. */
    List<String> texts(String key) {
        AnyValue value = values.get(key);
        if (value == null || !value.hasArrayValue()) {
            return null;
        }
        return value.getArrayValue().getValuesList().stream().filter(AnyValue::hasStringValue).map(AnyValue::getStringValue).toList();
    }
}
