package dev.agentops.hub.shared.tenancy;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one door to tenant data: runs a unit of work in a transaction whose first statement sets
 * {@code app.org_id} for that transaction only ({@code set_config(..., true)}). Row-level security policies read
 * that setting, so every repository call inside {@code work} (same transaction, same connection) sees and writes
 * only that organization's rows. The setting ends with the transaction, so a pooled connection never carries it
 * into someone else's unit of work; with no setting, policies match no row at all.
 */
@Singleton
public class TenantTransactions {

    private static final String SET_ORG = "select set_config('app.org_id', ?, true)";

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public <T> T read(UUID orgId, Supplier<T> work) {
        return execute(orgId, TransactionDefinition.READ_ONLY, work);
    }

    public <T> T write(UUID orgId, Supplier<T> work) {
        return execute(orgId, TransactionDefinition.DEFAULT, work);
    }

    public void run(UUID orgId, Runnable work) {
        execute(orgId, TransactionDefinition.DEFAULT, () -> {
            work.run();
            return null;
        });
    }

    public <T> T execute(UUID orgId, TransactionDefinition definition, Supplier<T> work) {
        Objects.requireNonNull(orgId, "orgId");
        Optional<CurrentOrg> outer = CurrentOrg.find();
        if (outer.isPresent() && !outer.get().id().equals(orgId)) {
            throw new IllegalStateException("Tenant scope for " + orgId + " nested inside the scope of " + outer.get().id());
        }
        return transactions.execute(definition, status -> {
            Connection connection = status.getConnection();
            // Joining an outer transaction (a cross-tenant worker batch): put its value back afterwards so the
            // rest of that transaction is not left inside this organization.
            boolean joined = !status.isNewTransaction();
            String restoreTo = outer.map(org -> org.id().toString()).orElse("");
            setOrg(connection, orgId.toString());
            T result;
            try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(new CurrentOrg(orgId)).propagate()) {
                result = work.get();
            } catch (RuntimeException | Error e) {
                if (joined) {
                    try {
                        setOrg(connection, restoreTo);
                    } catch (RuntimeException restoreFailure) {
                        e.addSuppressed(restoreFailure);
                    }
                }
                throw e;
            }
            if (joined) {
                setOrg(connection, restoreTo);
            }
            return result;
        });
    }

    /**
     * Switches the transaction that is already running (a cross-tenant worker batch) to {@code orgId} for
     * {@code work} and back to no organization afterwards, without opening or joining a transaction of its own, so
     * a failing job never marks the batch rollback-only.
     */
    public <T> T inCurrentTransaction(UUID orgId, Supplier<T> work) {
        Objects.requireNonNull(orgId, "orgId");
        Connection connection = transactions.getConnection();
        setOrg(connection, orgId.toString());
        T result;
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(new CurrentOrg(orgId)).propagate()) {
            result = work.get();
        } catch (RuntimeException | Error e) {
            // after an SQL error the transaction is aborted and the reset fails too: keep the real cause on top
            try {
                setOrg(connection, "");
            } catch (RuntimeException resetFailure) {
                e.addSuppressed(resetFailure);
            }
            throw e;
        }
        setOrg(connection, "");
        return result;
    }

    private static void setOrg(Connection connection, String orgId) {
        try (PreparedStatement statement = connection.prepareStatement(SET_ORG)) {
            statement.setString(1, orgId);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the tenant of the transaction", e);
        }
    }
}
