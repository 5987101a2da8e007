package dev.agentops.hub.shared.db;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "PostgreSQL cannot be reached" (a 503 to retry) rather than a failing statement (a 500). */
class DatabaseFailuresTest {

    @Test
    void noPooledConnectionInTimeIsUnreachable() {
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("tx",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms")))).isTrue();
    }

    @Test
    void aBrokenOrRefusedConnectionIsUnreachable() {
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("An I/O error occurred", "08006")))).isTrue();
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("Connection refused", "08001",
            new ConnectException("Connection refused"))))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingIsUnreachable() {
        assertThat(DatabaseFailures.unreachable(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseFailures.unreachable(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aFailingStatementIsNot() {
        assertThat(DatabaseFailures.unreachable(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseFailures.unreachable(new IllegalStateException("no cause"))).isFalse();
    }
}
