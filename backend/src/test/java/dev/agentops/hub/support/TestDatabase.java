package dev.agentops.hub.support;

import dev.agentops.hub.shared.db.DatabaseBootstrap;
import dev.agentops.hub.shared.db.DatabaseBootstrap.PreparedDatabase;
import dev.agentops.hub.shared.db.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One real PostgreSQL per test JVM, prepared exactly as the application prepares it (owner + RLS-bound app role).
 * Embedded by default; {@code TEST_DATABASE_URL} (+ {@code TEST_DATABASE_USER}, {@code TEST_DATABASE_PASSWORD},
 * {@code TEST_DATABASE_APP_PASSWORD}) points the tests at an external server instead.
 */
public final class TestDatabase {

    private static PreparedDatabase database;

    private TestDatabase() {
    }

    public static synchronized PreparedDatabase get() {
        if (database == null) {
            database = DatabaseBootstrap.prepare(DatabaseSettings.from(settingsFromEnvironment()));
        }
        return database;
    }

    /** A connection as the owner role: sees the catalog, and is filtered by FORCE RLS like everyone else. */
    public static Connection ownerConnection() throws SQLException {
        PreparedDatabase db = get();
        return DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
    }

    /** A connection as the application role, outside Micronaut: what a forgotten tenant scope would see. */
    public static Connection appConnection() throws SQLException {
        PreparedDatabase db = get();
        return DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
    }

    private static Map<String, String> settingsFromEnvironment() {
        Map<String, String> env = new HashMap<>();
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            env.put("DATABASE_URL", url);
            env.put("DATABASE_USER", System.getenv("TEST_DATABASE_USER"));
            env.put("DATABASE_PASSWORD", System.getenv("TEST_DATABASE_PASSWORD"));
            env.put("DATABASE_APP_USER", System.getenv().getOrDefault("TEST_DATABASE_APP_USER", "agentops_test_app"));
            env.put("DATABASE_APP_PASSWORD", System.getenv("TEST_DATABASE_APP_PASSWORD"));
        } else {
            try {
                env.put("AGENTOPS_DATA_DIR", Files.createTempDirectory("agentops-test-db").toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return env;
    }
}
