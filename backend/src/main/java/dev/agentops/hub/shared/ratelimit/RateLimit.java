package dev.agentops.hub.shared.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A token bucket: up to {@code capacity} requests at once (the burst), refilled at {@code refillPerSecond}.
 * The name is part of the Redis key, so it stays short and plain ({@code login_ip}).
 */
public record RateLimit(String name, int capacity, double refillPerSecond) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    /** {@code 100/1s burst 200}, {@code 10/15m burst 5}: how operators think about limits, one line each. */
    private static final Pattern SPEC = Pattern.compile(
        "\\s*(\\d+(?:\\.\\d+)?)\\s*/\\s*(\\d*)\\s*(ms|s|m|h|d)\\s*,?\\s*burst\\s+(\\d+)\\s*", Pattern.CASE_INSENSITIVE);

    public RateLimit {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A rate limit name is lower_snake_case, got: " + name);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("Rate limit " + name + ": the burst must be at least 1, got " + capacity);
        }
        if (!(refillPerSecond > 0) || Double.isInfinite(refillPerSecond)) {
            throw new IllegalArgumentException("Rate limit " + name + ": the rate must be positive, got " + refillPerSecond);
        }
    }

    /** Bucket4j's form: one token every {@link #periodNanos()}, refilled continuously; a new bucket starts full. */
    Bandwidth bandwidth() {
        return Bandwidth.builder().capacity(capacity).refillGreedy(1, Duration.ofNanos(periodNanos())).build();
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    long periodNanos() {
        return Math.max(1, Math.round(1e9 / refillPerSecond));
    }

    /** {@code of("login_ip", 10, 30, Duration.ofMinutes(1))}: bursts of 10, 30 per minute on average. */
    public static RateLimit of(String name, int burst, double tokens, Duration per) {
        if (per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("Rate limit " + name + ": the period must be positive, got " + per);
        }
        return new RateLimit(name, burst, tokens * 1e9 / per.toNanos());
    }

    /** Parses {@code "<tokens>/<period> burst <n>"}, period one of {@code ms s m h d} with an optional count. */
    public static RateLimit parse(String name, String spec) {
        Matcher m = spec == null ? null : SPEC.matcher(spec);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("Rate limit " + name + ": expected e.g. \"100/1s burst 200\" or "
                + "\"10/15m burst 5\", got: " + spec);
        }
        long count = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
        Duration unit = switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(1);
            case "s" -> Duration.ofSeconds(1);
            case "m" -> Duration.ofMinutes(1);
            case "h" -> Duration.ofHours(1);
            default -> Duration.ofDays(1);
        };
        return of(name, Integer.parseInt(m.group(4)), Double.parseDouble(m.group(1)), unit.multipliedBy(count));
    }
}
