package dev.agentops.hub.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the counts of one usage object (or of an object nested in it) and remembers which keys it read, so that
 * {@link UsageNormalizer} can tell a recognised object from an unrecognised one and list the keys it did not use.
 * Every key is addressed by its dotted path from the top ({@code prompt_tokens_details.cached_tokens}), which is
 * also how error messages and the unrecognised keys name it.
 */
final class UsageFields {

    private static final BigDecimal MAX = BigDecimal.valueOf(UsageNormalizer.MAX_TOKENS);

    /** Shared by an object and every object read inside it. */
    private static final class Reading {
        final Set<String> used = new HashSet<>();
        boolean counted;
    }

    private final Map<String, Object> raw;
    private final String prefix;
    private final Reading reading;

    private UsageFields(Map<String, Object> raw, String prefix, Reading reading) {
        this.raw = raw;
        this.prefix = prefix;
        this.reading = reading;
    }

    static UsageFields of(Map<String, Object> raw) {
        return new UsageFields(raw, "", new Reading());
    }

    /** True when one of the spellings is present with a value (null counts as absent). */
    boolean has(String... names) {
        return Arrays.stream(names).anyMatch(name -> raw.get(name) != null);
    }

    /** True when the name holds an object. */
    boolean hasObject(String name) {
        return raw.get(name) instanceof Map<?, ?>;
    }

    /** The count under the first spelling present, or null; the key counts as used (and recognised). */
    Long optional(String... names) {
        for (String name : names) {
            if (raw.containsKey(name)) {
                reading.used.add(prefix + name);
            }
            Object value = raw.get(name);
            if (value != null) {
                reading.counted = true;
                return parse(prefix + name, value);
            }
        }
        return null;
    }

    /** {@link #optional} with absent as 0. */
    long count(String... names) {
        Long value = optional(names);
        return value == null ? 0 : value;
    }

    /** The object under the first spelling present (an empty one when there is none). */
    @SuppressWarnings("unchecked")
    UsageFields child(String... names) {
        for (String name : names) {
            Object value = raw.get(name);
            if (value instanceof Map<?, ?> map) {
                return new UsageFields((Map<String, Object>) map, prefix + name + ".", reading);
            }
            if (value != null) {
                throw new IllegalArgumentException(prefix + name + " must be an object");
            }
        }
        return new UsageFields(Map.of(), prefix + names[0] + ".", reading);
    }

    /** The list under the name, or an empty one; the key counts as used (lists are read by their shape's code). */
    List<?> list(String name) {
        Object value = raw.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            reading.used.add(prefix + name);
            return list;
        }
        throw new IllegalArgumentException(prefix + name + " must be an array");
    }

    /** Keys the shape knows but does not price ({@code total_tokens}, modality details): never flagged. */
    void informational(String... names) {
        Arrays.stream(names).map(name -> prefix + name).forEach(reading.used::add);
    }

    Set<String> keys() {
        return raw.keySet();
    }

    /** Whether any count of the shape was present. */
    boolean counted() {
        return reading.counted;
    }

    /** Numeric keys, at any depth of nested objects, that were neither read nor declared informational. */
    List<String> unusedNumericKeys() {
        List<String> unused = new ArrayList<>();
        walk(raw, prefix, unused, true);
        return unused;
    }

    /** Every key path of the object that has a value (leaves of nested objects), used or not. */
    List<String> allKeys() {
        List<String> all = new ArrayList<>();
        walk(raw, prefix, all, false);
        return all;
    }

    /** A count the shape reads without pricing it ({@code totalTokens}, to tell two readings apart). */
    Long informationalCount(String name) {
        informational(name);
        Object value = raw.get(name);
        return value == null ? null : parse(prefix + name, value);
    }

    @SuppressWarnings("unchecked")
    private void walk(Map<String, Object> object, String path, List<String> into, boolean unusedNumbersOnly) {
        for (Map.Entry<String, Object> entry : object.entrySet()) {
            String key = path + entry.getKey();
            if (entry.getValue() == null || unusedNumbersOnly && reading.used.contains(key)) {
                continue;
            }
            if (entry.getValue() instanceof Map<?, ?> nested && !nested.isEmpty()) {
                walk((Map<String, Object>) nested, key + ".", into, unusedNumbersOnly);
            } else if (!unusedNumbersOnly || entry.getValue() instanceof Number) {
                into.add(key);
            }
        }
    }

    static long parse(String key, Object value) {
        // NaN and infinities have no BigDecimal; a finite number too large for a double is above MAX anyway
        BigDecimal number = value instanceof Number n && Double.isFinite(n.doubleValue())
            ? new BigDecimal(n.toString()) : null;
        if (number == null || number.signum() < 0 || number.compareTo(MAX) > 0
            || number.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(key + " must be a whole number from 0 to " + UsageNormalizer.MAX_TOKENS
                + " (got " + UsageNormalizer.shorten(String.valueOf(value instanceof String s ? "\"" + s + "\"" : value)) + ")");
        }
        return number.longValueExact();
    }
}
