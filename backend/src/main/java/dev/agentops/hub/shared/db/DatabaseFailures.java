package dev.agentops.hub.shared.db;

import com.google.common.base.Throwables;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;

/** Tells "PostgreSQL cannot be reached" apart from a failing statement: the first is a 503 to retry, not a bug. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True when the cause chain says the server was unreachable or went away: no pooled connection in time (Hikari),
     * a refused or broken connection (SQLSTATE class 08), or a server shutting down or starting up (57P01..57P03).
     */
    public static boolean unreachable(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLTransientConnectionException
            || cause instanceof SQLNonTransientConnectionException || cause instanceof ConnectException
            || cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]")));
    }

    /** True when the cause chain holds a unique-constraint violation (SQLSTATE 23505), whichever data layer threw it. */
    public static boolean uniqueViolation(Throwable failure) {
        return anyCause(failure, cause -> cause instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        return failure != null && Throwables.getCausalChain(failure).stream().anyMatch(test);
    }
}
