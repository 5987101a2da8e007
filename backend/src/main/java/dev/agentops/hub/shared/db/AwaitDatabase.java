package dev.agentops.hub.shared.db;

import dev.agentops.hub.shared.db.DatabaseBootstrap.StartingDatabase;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;

/**
 * The embedded database starts while Micronaut builds its context ({@link DatabaseBootstrap#begin}). Its first
 * users are the migrations and the connection pool: each waits here, as its configuration is created, until the
 * server accepts logins. Without a {@link StartingDatabase} in the context (tests, which prepare it first) nothing waits.
 */
final class AwaitDatabase {

    private AwaitDatabase() {
    }

    /** Waits for the starting database before handing out the configuration it listens for. */
    abstract static class Await<T> implements BeanCreatedEventListener<T>, Ordered {

        private final StartingDatabase database;

        Await(StartingDatabase database) {
            this.database = database;
        }

        @Override
        public T onCreated(BeanCreatedEvent<T> event) {
            database.awaitReady();
            return event.getBean();
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }

    @Singleton
    @Requires(bean = StartingDatabase.class)
    static final class BeforeMigrations extends Await<FlywayConfigurationProperties> {
        BeforeMigrations(StartingDatabase database) {
            super(database);
        }
    }

    @Singleton
    @Requires(bean = StartingDatabase.class)
    static final class BeforeConnectionPool extends Await<DatasourceConfiguration> {
        BeforeConnectionPool(StartingDatabase database) {
            super(database);
        }
    }
}
