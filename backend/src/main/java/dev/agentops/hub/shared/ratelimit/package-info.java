/**
 * Rate limits as Bucket4j token buckets: a bucket holds up to {@code capacity} tokens (the burst), refills
 * continuously at {@code refillPerSecond}, and a request takes its tokens only when all of them are there, so a refused
 * request changes nothing. With Redis the buckets are shared by every instance through Bucket4j's Lettuce proxy
 * manager (compare-and-swap, so two instances can never both take the last token; instance clocks are wall clocks,
 * kept in step by NTP); keys expire once their bucket would be full again, so idle subjects cost no memory. Redis
 * speeds things up and shares state but is never required: without {@code redis.uri}, and whenever Redis fails or
 * does not answer within a short timeout (a circuit breaker then leaves it alone for {@code redis-backoff}), the same
 * rules run on in-process buckets. They are per instance, so a cluster briefly allows up to N times the limit, but
 * never unlimited, and a request never fails or stalls because of Redis. The in-process map is bounded (least
 * recently used out), because its keys come from the outside world (IP addresses, e-mail addresses) and an attacker
 * must not be able to grow it without end. Subjects are hashed before they become keys, so personal data reaches
 * neither Redis nor the logs. Callers use {@link dev.agentops.hub.shared.ratelimit.RateLimiter#check} (throws the
 * 429) or {@code consume} (returns the decision) with a limit from {@link dev.agentops.hub.shared.ratelimit.RateLimits}.
 */
package dev.agentops.hub.shared.ratelimit;
