package dev.agentops.hub.faults;

import dev.agentops.hub.support.TestDatabase;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis killed ({@code SIGKILL}, then restarted empty on the same port) and Redis hung ({@code SIGSTOP}, then
 * {@code SIGCONT}) under ingest load on two instances: no request fails, rate limits stay bounded on per-instance
 * buckets, reads go to PostgreSQL, each instance's live streams keep getting its own events, and within 5 s of Redis
 * answering again the rate limits, the stats cache and the live-event fan-out are on Redis again. Redis is a private
 * server of this test (a child process), never the shared one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisOutageTest {

    private static final Duration BACK_ON_REDIS = Duration.ofSeconds(5);

    private RedisProcess redis;
    private InProcessApp first;
    private InProcessApp second;
    private Faults.Tenant tenant;

    @BeforeAll
    void start() {
        redis = RedisProcess.start();
        Map<String, Object> database = TestDatabase.get().micronautProperties();
        // the real per-IP sign-in limit, small: what a fallback bucket lets through is countable
        Map<String, String> common = Map.of("redis.uri", redis.uri(), "agentops.rate-limits.login-ip", "1/1h burst 5");
        first = new InProcessApp(database, common);
        // no workers on the second instance: the runs' live events are all published by the first one, so the second
        // one's streams hear of them only through Redis
        second = new InProcessApp(database, Map.of("redis.uri", redis.uri(), "agentops.rate-limits.login-ip", "1/1h burst 5",
            "agentops.ingest.workers-enabled", "false"));
        tenant = Faults.tenant(first.base());
    }

    @AfterAll
    void stop() throws InterruptedException {
        for (AutoCloseable closeable : new AutoCloseable[] {second, first}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void survivesRedisKilledAndIsBackOnRedisWithinFiveSecondsOfItsRestart() throws Exception {
        survive(Fault.KILLED);
    }

    @Test
    void survivesRedisHungAndIsBackOnRedisWithinFiveSecondsOfItsResuming() throws Exception {
        survive(Fault.HUNG);
    }

    private enum Fault {
        KILLED, HUNG
    }

    private void survive(Fault fault) throws Exception {
        AtomicInteger turn = new AtomicInteger();
        try (LiveStream local = LiveStream.open(first.base(), tenant.accessToken());
             LiveStream fannedOut = LiveStream.open(second.base(), tenant.accessToken());
             RunLoad load = new RunLoad(() -> (turn.getAndIncrement() % 2 == 0 ? first : second).base(),
                 tenant.apiKey(), tenant.agent(), 40)) {
            assertThat(Faults.within(Duration.ofSeconds(15), () -> fannedOut.count("run.created") > 0
                && local.count("run.created") > 0)).as("live events before the fault").isTrue();

            long brokeAt = System.nanoTime();
            if (fault == Fault.KILLED) {
                redis.kill();
            } else {
                redis.hang();
            }

            // per-instance buckets: a full local bucket (5) at most, never unlimited
            int passed = 0;
            int refused = 0;
            for (int i = 0; i < 20; i++) {
                int status = Faults.post(first.base(), "/api/v1/auth/login", null,
                    "{\"email\":\"" + tenant.email() + "\",\"password\":\"not the password\"}").status();
                if (status == 429) {
                    refused++;
                } else {
                    assertThat(status).as("wrong password").isEqualTo(401);
                    passed++;
                }
            }
            assertThat(passed).as("sign-ins let through by the fallback bucket").isLessThanOrEqualTo(5);
            assertThat(refused).isGreaterThanOrEqualTo(15);

            // reads go to PostgreSQL: the agent's figures keep up with the runs stored during the outage
            long before = runs24h(second);
            assertThat(Faults.within(Duration.ofSeconds(10), () -> runs24h(second) > before))
                .as("agent stats computed from PostgreSQL while Redis is gone").isTrue();
            // each instance's streams still get its own events
            assertThat(Faults.within(Duration.ofSeconds(10), () -> local.count("run.created", brokeAt) > 0))
                .as("live events on the instance whose worker stored the runs").isTrue();
            assertThat(Faults.get(first.base(), "/health", null).status()).isEqualTo(503);

            long fannedOutBefore = fannedOut.count("run.created");
            if (fault == Fault.KILLED) {
                redis.restart();
            } else {
                redis.resume();
            }
            long backAt = System.nanoTime();

            RedisClient observer = RedisClient.create(redis.uri());
            try (StatefulRedisConnection<String, String> connection = observer.connect();
                 StatefulRedisConnection<byte[], byte[]> raw = observer.connect(ByteArrayCodec.INSTANCE);
                 StatefulRedisPubSubConnection<String, String> pubSub = observer.connectPubSub()) {
                AtomicLong liveMessages = new AtomicLong();
                pubSub.addListener(new RedisPubSubAdapter<>() {
                    @Override
                    public void message(String channel, String message) {
                        liveMessages.incrementAndGet();
                    }
                });
                pubSub.sync().subscribe("agentops:live");
                // Bucket4j's state, an opaque value: it changes whenever an instance writes the bucket back
                byte[] bucket = ("rl:api_key:" + hash(tenant.apiKeyId())).getBytes(StandardCharsets.UTF_8);
                byte[] bucketAtReturn = raw.sync().get(bucket);
                String statsKey = "agentops:org-stats:" + tenant.organizationId();

                assertThat(Faults.within(remaining(backAt), () -> !Arrays.equals(raw.sync().get(bucket), bucketAtReturn)))
                    .as("the API key's rate-limit bucket is updated in Redis again").isTrue();
                assertThat(Faults.within(remaining(backAt), () -> liveMessages.get() > 0))
                    .as("live events published through Redis again").isTrue();
                assertThat(Faults.within(remaining(backAt), () -> fannedOut.count("run.created") > fannedOutBefore))
                    .as("the other instance's stream hears of the runs again (pub/sub fan-out)").isTrue();
                assertThat(Faults.within(remaining(backAt), () -> {
                    runs24h(first);
                    return connection.sync().pttl(statsKey) > 0;
                })).as("agent stats cached in Redis again").isTrue();
                assertThat(Faults.within(remaining(backAt), () -> Faults.get(first.base(), "/health", null).status() == 200))
                    .as("/health").isTrue();
            } finally {
                observer.shutdown(0, 2, TimeUnit.SECONDS);
            }

            List<RunLoad.Outcome> outcomes = load.stop();
            assertThat(load.statuses()).as("every ingest answer, by status (0 = no answer)").containsOnlyKeys(202);
            assertThat(outcomes.stream().filter(o -> o.sentAtNanos() - brokeAt > 0 && o.sentAtNanos() - backAt < 0).count())
                .as("requests sent while Redis was gone").isGreaterThan(20);

            Ledger.Check ledger = Ledger.check(first.base(), tenant.accessToken(), RunLoad.acknowledged(outcomes), Duration.ofSeconds(60));
            assertThat(ledger.holds()).as(ledger.toString()).isTrue();
            // nothing stale survived the outage in the shared cache: the second instance reads the snapshot from Redis
            long stored = Ledger.storedRuns(first.base(), tenant.accessToken()).size();
            assertThat(Faults.within(Duration.ofSeconds(10), () -> runs24h(second) == stored))
                .as("stats served after the outage count every stored run (%d)", stored).isTrue();
        }
    }

    private long runs24h(InProcessApp app) {
        return Faults.number(Faults.expect(200, Faults.get(app.base(), "/api/v1/agents/" + tenant.agentId(), tenant.accessToken())).body(),
            "runs_24h");
    }

    private static Duration remaining(long sinceNanos) {
        return BACK_ON_REDIS.minusNanos(System.nanoTime() - sinceNanos);
    }

    private static String hash(String subject) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }
}
