package dev.agentops.hub;

import dev.agentops.hub.support.Sql;
import dev.agentops.hub.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the date guard honest (backend/pom.xml, profile clock-shifted): in the shifted run this JVM must live the
 * expected number of days after the moment Maven started the build, or the second run proves nothing; the database
 * it started keeps the real clock (support/RealClockForChildren). In the normal run all clocks agree.
 */
class ClockGuardTest {

    private static final Duration TOLERANCE = Duration.ofHours(2);

    @Test
    void theJvmAndTheDatabaseRunOnTheExpectedDay() throws Exception {
        Instant buildStarted = Instant.parse(System.getProperty("agentops.build-started"));
        long shiftDays = Long.parseLong(System.getenv().getOrDefault("AGENTOPS_EXPECTED_CLOCK_SHIFT_DAYS", "0"));
        Instant expected = buildStarted.plus(Duration.ofDays(shiftDays));

        assertThat(Instant.now()).isBetween(expected.minus(TOLERANCE), expected.plus(TOLERANCE));
        try (Connection connection = TestDatabase.ownerConnection()) {
            Instant databaseNow = ((Timestamp) Sql.column(connection, "select now()").get(0)).toInstant();
            assertThat(databaseNow).isBetween(buildStarted.minus(TOLERANCE), buildStarted.plus(TOLERANCE));
        }
    }
}
