package dev.agentops.hub.shared.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The one clock of time-based rules (budget periods): injected, so that tests can move time instead of waiting
 * for it, and so that no rule depends on a reset job having run.
 */
@Factory
class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
