package dev.agentops.hub.shared.ratelimit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.agentops.hub.support.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.aSubject;
import static dev.agentops.hub.shared.ratelimit.RateLimitFixture.burstOnly;
import static org.assertj.core.api.Assertions.assertThat;

/** Redis unreachable, hung or gone mid-way: requests are still limited, and nothing is thrown at the caller. */
class RedisFallbackTest {

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    @Test
    void stillLimitsWhenRedisCannotBeReached() throws IOException {
        RateLimiter limiter = limiterOn(connector("redis://127.0.0.1:" + closedPort()), Duration.ofSeconds(5));

        assertThat(allowedOf(20, limiter, burstOnly(5), aSubject())).isEqualTo(5);
    }

    @Test
    void stillLimitsWithoutStallingWhenRedisHangs() throws IOException {
        ServerSocket silent = silentServer();
        RateLimiter limiter = limiterOn(connector("redis://127.0.0.1:" + silent.getLocalPort()), Duration.ofSeconds(5));

        long started = System.nanoTime();
        int allowed = allowedOf(20, limiter, burstOnly(5), aSubject());

        assertThat(allowed).isEqualTo(5);
        // one 200 ms wait, then the back-off skips Redis; generous for a loaded machine, far below 20 timeouts
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void stillLimitsWhenRedisStopsMidway() throws IOException {
        int port = closedPort();
        RedisServer server = new RedisServer(port);
        server.start();
        cleanup.add(server::stop);
        RateLimiter limiter = limiterOn(connector("redis://127.0.0.1:" + port), Duration.ofSeconds(5));
        RateLimit limit = burstOnly(5);
        String subject = aSubject();
        assertThat(allowedOf(3, limiter, limit, subject)).isEqualTo(3);

        server.stop();

        // this instance's bucket starts full: 5 more at most, never unlimited
        assertThat(allowedOf(20, limiter, limit, subject)).isEqualTo(5);
    }

    @Test
    void returnsToRedisOnceItAnswersAgain() {
        AtomicInteger attempts = new AtomicInteger();
        Supplier<StatefulRedisConnection<String, byte[]>> real = connector(TestRedis.uri());
        RateLimiter limiter = limiterOn(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Redis is starting");
            }
            return real.get();
        }, Duration.ofMillis(50));
        RateLimit limit = burstOnly(5);
        String subject = aSubject();
        assertThat(limiter.consume(limit, subject, 1).remaining()).isEqualTo(4);

        sleep(100);
        // a short back-off here too: its first call also connects, which can outlast the 200 ms deadline on a cold JVM
        RateLimiter otherInstance = limiterOn(real, Duration.ofMillis(50));
        // reconnecting takes as long as it takes on a loaded machine: wait until a probe bucket is shared
        assertThat(sharedWithinSeconds(5, limiter, otherInstance, limit)).as("back on Redis").isTrue();

        assertThat(limiter.consume(limit, subject, 2).remaining()).as("Redis starts its own full bucket").isEqualTo(3);
        assertThat(otherInstance.consume(limit, subject, 1).remaining()).as("shared again").isEqualTo(2);
    }

    @Test
    void warnsAtMostOncePerMinuteAndNeverNamesTheSubject() throws IOException {
        ListAppender<ILoggingEvent> logs = captureLogs();
        RateLimiter limiter = limiterOn(connector("redis://127.0.0.1:" + closedPort()), Duration.ZERO);

        for (int i = 0; i < 10; i++) {
            limiter.consume(burstOnly(5), "alice@example.com", 1);
        }

        assertThat(logs.list).hasSize(1);
        assertThat(logs.list.get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(logs.list.get(0).getFormattedMessage()).contains("Redis failed").doesNotContain("alice");
    }

    private boolean sharedWithinSeconds(int seconds, RateLimiter one, RateLimiter other, RateLimit limit) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String probe = aSubject();
            one.consume(limit, probe, 1);
            if (other.consume(limit, probe, 1).remaining() == limit.capacity() - 2) {
                return true;
            }
            sleep(50);
        }
        return false;
    }

    private RateLimiter limiterOn(Supplier<StatefulRedisConnection<String, byte[]>> connector, Duration backoff) {
        return new RateLimiter(new RedisBuckets(connector, Duration.ofMillis(200)), new LocalBuckets(1_000), backoff);
    }

    private Supplier<StatefulRedisConnection<String, byte[]>> connector(String uri) {
        RedisClient client = RedisClient.create(uri);
        cleanup.add(client::shutdown);
        return () -> client.connect(RedisBuckets.CODEC);
    }

    private static int allowedOf(int requests, RateLimiter limiter, RateLimit limit, String subject) {
        int allowed = 0;
        for (int i = 0; i < requests; i++) {
            allowed += limiter.consume(limit, subject, 1).allowed() ? 1 : 0;
        }
        return allowed;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Accepts connections and never answers: a hung Redis. */
    private ServerSocket silentServer() throws IOException {
        ServerSocket server = new ServerSocket(0);
        cleanup.add(server);
        Thread acceptor = new Thread(() -> {
            List<Socket> held = new ArrayList<>();
            try {
                while (true) {
                    held.add(server.accept());
                }
            } catch (IOException closed) {
                held.forEach(s -> {
                    try {
                        s.close();
                    } catch (IOException ignored) {
                        // the test is over
                    }
                });
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private ListAppender<ILoggingEvent> captureLogs() {
        Logger logger = (Logger) LoggerFactory.getLogger(RateLimiter.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        cleanup.add(() -> logger.detachAppender(appender));
        return appender;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
