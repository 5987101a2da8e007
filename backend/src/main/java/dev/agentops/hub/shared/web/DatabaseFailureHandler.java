package dev.agentops.hub.shared.web;

import dev.agentops.hub.shared.db.DatabaseFailures;
import dev.agentops.hub.shared.db.Jdbc;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request that fails because PostgreSQL cannot be reached answers {@code 503 unavailable} with {@code Retry-After}
 * (clients retry; load balancers see an outage, not a bug); any other failure of these types stays a {@code 500},
 * logged like every unexpected error. One handler per exception type the data layer throws (Micronaut Data, its
 * connections and transactions, our {@link Jdbc}, and the {@link IllegalStateException} that wraps a failed
 * {@code set_config}).
 */
final class DatabaseFailureHandler {

    static final String MESSAGE = "The service cannot reach its database right now. Retry after a short back-off.";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandler.class);
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final AtomicLong NEXT_WARNING = new AtomicLong(System.nanoTime());

    private DatabaseFailureHandler() {
    }

    static HttpResponse<ApiError> handle(HttpRequest<?> request, RuntimeException failure) {
        if (DatabaseFailures.unreachable(failure)) {
            long now = System.nanoTime();
            long next = NEXT_WARNING.get();
            if (now - next >= 0 && NEXT_WARNING.compareAndSet(next, now + WARNING_INTERVAL_NANOS)) { // at most a line per 10 s, not one per request
                LOG.warn("The database is unreachable: answering 503 ({} {}: {})", request.getMethodName(), request.getPath(),
                    failure.getClass().getSimpleName());
            }
            return ErrorEnvelopes.response(request, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", MESSAGE, Map.of());
        }
        // the wording of Micronaut's own handler for unexpected errors, which this one replaces for these types
        LOG.error("Unexpected error occurred: {}", failure.getMessage(), failure);
        return ErrorEnvelopes.response(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
            EnvelopeErrorResponseProcessor.INTERNAL_MESSAGE, Map.of());
    }

    /** The one rendering above, for each exception type the data layer throws. */
    abstract static class Handler<E extends RuntimeException> implements ExceptionHandler<E, HttpResponse<ApiError>> {
        @Override
        public HttpResponse<ApiError> handle(HttpRequest request, E exception) {
            return DatabaseFailureHandler.handle(request, exception);
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {DataAccessException.class, ExceptionHandler.class})
    static class DataAccess extends Handler<DataAccessException> {
    }

    @Produces
    @Singleton
    @Requires(classes = {TransactionException.class, ExceptionHandler.class})
    static class Transaction extends Handler<TransactionException> {
    }

    @Produces
    @Singleton
    @Requires(classes = {CannotGetJdbcConnectionException.class, ExceptionHandler.class})
    static class NoConnection extends Handler<CannotGetJdbcConnectionException> {
    }

    @Produces
    @Singleton
    static class OurJdbc extends Handler<Jdbc.DataAccessFailure> {
    }

    @Produces
    @Singleton
    static class IllegalState extends Handler<IllegalStateException> {
    }

    @Produces
    @Singleton
    @Requires(classes = {ConnectionException.class, ExceptionHandler.class})
    static class Connection extends Handler<ConnectionException> {
    }
}
