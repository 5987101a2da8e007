package dev.agentops.hub.shared.ratelimit;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitTest {

    @Test
    void readsATokenRatePerPeriodAndABurst() {
        assertThat(RateLimit.parse("api_key", "100/1s burst 200")).isEqualTo(new RateLimit("api_key", 200, 100));
        assertThat(RateLimit.parse("login_account", "10/15m burst 5")).isEqualTo(new RateLimit("login_account", 5, 10 / 900.0));
        assertThat(RateLimit.parse("login_ip", " 30 / m, burst 10 ")).isEqualTo(new RateLimit("login_ip", 10, 0.5));
        assertThat(RateLimit.parse("tiny", "1/250ms burst 1")).isEqualTo(new RateLimit("tiny", 1, 4));
        assertThat(RateLimit.parse("daily", "2.5/1d burst 3").refillPerSecond()).isEqualTo(2.5 / 86_400);
    }

    @Test
    void refusesSettingsItCannotRead() {
        assertThatThrownBy(() -> RateLimit.parse("api_key", "100 per second")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("api_key").hasMessageContaining("100/1s burst 200");
        assertThatThrownBy(() -> RateLimit.parse("api_key", "100/1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.parse("api_key", "100/1s burst 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.parse("api_key", "0/1s burst 5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.parse("api_key", "5/0s burst 5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimit.of("Bad Name", 1, 1, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalSaysWhenTheRequestCouldPass() {
        RateLimit limit = new RateLimit("test", 10, 0.5);

        assertThat(RateLimitDecision.of(limit, 3, new BucketOutcome(false, 1.5)))
            .isEqualTo(new RateLimitDecision(false, 10, 1, 17, 3));
        assertThat(RateLimitDecision.of(limit, 1, new BucketOutcome(false, 0.9999)))
            .as("never less than one second").isEqualTo(new RateLimitDecision(false, 10, 0, 19, 1));
    }
}
