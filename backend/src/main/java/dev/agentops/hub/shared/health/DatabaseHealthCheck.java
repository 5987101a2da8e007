package dev.agentops.hub.shared.health;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.Statement;

@Singleton
class DatabaseHealthCheck implements HealthCheck {

    private final TransactionOperations<Connection> transactions;

    DatabaseHealthCheck(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public void probe() {
        transactions.executeRead(status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                statement.setQueryTimeout(2);
                statement.execute("select 1");
            }
            return null;
        });
    }
}
