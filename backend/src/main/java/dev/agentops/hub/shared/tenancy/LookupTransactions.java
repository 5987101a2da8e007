package dev.agentops.hub.shared.tenancy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Authentication must find rows before it knows their organization: a key by its prefix, a session by its token
 * hash, the memberships of the user logging in. The migrations open one narrow SELECT policy per such case,
 * keyed on a transaction-local setting; this class is the only code that sets those settings.
 */
@Singleton
public class LookupTransactions {

    /** The settings the lookup policies read (see migrations/V002__identity.sql). */
    public enum Door {
        API_KEY_PREFIX("app.api_key_prefix"),
        TOKEN_HASH("app.token_hash"),
        USER("app.user_id"),
        /** The ingestion queue across organizations: the group committer and the workers only. */
        INGEST("app.ingest"),
        /** Pending budget alerts, e-mails and webhook deliveries across organizations: the notification workers only. */
        NOTIFY("app.notify");

        private final String setting;

        Door(String setting) {
            this.setting = setting;
        }
    }

    private final TransactionOperations<Connection> transactions;

    public LookupTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public <T> T read(Door door, String value, Supplier<T> work) {
        return execute(Map.of(door, value), TransactionDefinition.READ_ONLY, work);
    }

    /** For changes a user makes to their own sessions across organizations (logout everywhere, password reset). */
    public <T> T writeAsUser(UUID userId, Supplier<T> work) {
        return execute(Map.of(Door.USER, userId.toString()), TransactionDefinition.DEFAULT, work);
    }

    /** A transaction with the door open from its first statement (the workers' batches). */
    public <T> T write(Door door, String value, Supplier<T> work) {
        return execute(Map.of(door, value), TransactionDefinition.DEFAULT, work);
    }

    private <T> T execute(Map<Door, String> doors, TransactionDefinition definition, Supplier<T> work) {
        return transactions.execute(definition, status -> {
            doors.forEach((door, value) -> set(status.getConnection(), door.setting, value));
            return work.get();
        });
    }

    private static void set(Connection connection, String setting, String value) {
        try (PreparedStatement statement = connection.prepareStatement("select set_config(?, ?, true)")) {
            statement.setString(1, setting);
            statement.setString(2, value);
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open lookup " + setting, e);
        }
    }
}
