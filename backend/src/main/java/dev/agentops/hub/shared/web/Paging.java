package dev.agentops.hub.shared.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging: the cursor is an opaque token around the sort key of the last row shown. Callers fetch
 * {@code limit + 1} rows; the extra row only tells whether there is a next page.
 */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Paging() {
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw Problems.validation("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key inside a cursor; a cursor that was not made by {@link #encode} is a 400, not a 500. */
    public static <K> K decode(String cursor, Function<String, K> parser) {
        try {
            return parser.apply(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw Problems.validation("cursor", "is not a cursor returned by this list");
        }
    }

    /** The usual sort key: a timestamp with the row id as tie-breaker. */
    public record TimeAndId(java.time.Instant at, java.util.UUID id) {
        public String key() {
            return at + "|" + id;
        }
    }

    public static TimeAndId decodeTimeAndId(String cursor) {
        return cursor == null ? null : decode(cursor, key -> {
            String[] parts = key.split("\\|", 2);
            return new TimeAndId(java.time.Instant.parse(parts[0]), java.util.UUID.fromString(parts[1]));
        });
    }

    /** Cuts the extra row and builds the response with the cursor of the last row kept. */
    public static <T> ListResponse<T> page(List<T> rowsPlusOne, int limit, Function<T, String> keyOf) {
        List<T> rows = new ArrayList<>(rowsPlusOne.subList(0, Math.min(limit, rowsPlusOne.size())));
        String next = rowsPlusOne.size() > limit ? encode(keyOf.apply(rows.get(rows.size() - 1))) : null;
        return new ListResponse<>(rows, new ListResponse.PageInfo(next, limit));
    }
}
