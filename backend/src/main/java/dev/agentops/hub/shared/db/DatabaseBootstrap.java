package dev.agentops.hub.shared.db;

import dev.agentops.hub.shared.security.Secrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Prepares the database before Micronaut starts: the connection pool must log in as a role that already exists.
 *
 * <p>Two roles, as row-level security needs: an owner that runs the migrations (and owns every table), and an
 * application role with no ownership and no BYPASSRLS for the pool. In embedded mode this class starts
 * PostgreSQL and creates both roles and the database as the embedded superuser. With an external server the
 * owner login comes from {@code DATABASE_URL}; the application role is created when missing (the owner needs
 * CREATEROLE for that, otherwise a superuser creates it once, see the README).
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    static final String EMBEDDED_DATABASE = "agentops";
    static final String EMBEDDED_OWNER = "agentops_owner";

    private DatabaseBootstrap() {
    }

    /** Prepares the database and waits until it accepts the application's logins. */
    public static PreparedDatabase prepare(DatabaseSettings settings) {
        return begin(settings).awaitReady();
    }

    /**
     * Starts preparing the database and answers at once with what Micronaut needs to know about it (URL, logins):
     * the embedded server starts (or is created, on a first start) in the background while Micronaut builds its
     * context, which takes as long on two cores. Its first users wait for it ({@link AwaitDatabase}).
     */
    public static StartingDatabase begin(DatabaseSettings settings) {
        requireRoleName(settings.appUser());
        if (!settings.embedded()) {
            PreparedDatabase external = prepareExternal(settings);
            return new StartingDatabase(external.micronautProperties(), CompletableFuture.completedFuture(external));
        }
        int port = freePort();
        String url = "jdbc:postgresql://localhost:" + port + "/" + EMBEDDED_DATABASE;
        var prepared = new PreparedDatabase("embedded", url, EMBEDDED_OWNER, Secrets.randomToken(32), settings.appUser(),
            Secrets.randomToken(32), null);
        return new StartingDatabase(prepared.micronautProperties(), CompletableFuture.supplyAsync(
            () -> prepareEmbedded(settings, prepared, port), start -> new Thread(start, "embedded-postgres-start").start()));
    }

    private static PreparedDatabase prepareEmbedded(DatabaseSettings settings, PreparedDatabase prepared, int port) {
        var directory = settings.dataDirectory().resolve("postgres");
        EmbeddedPostgres server;
        try {
            Files.createDirectories(directory);
            stopOrphanedServer(directory);
            server = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setPort(port)
                // after a crash PostgreSQL replays its WAL before it accepts connections
                .setPGStartupWait(java.time.Duration.ofSeconds(90))
                .setServerConfig("listen_addresses", "localhost")
                // the embedded server's library defaults are for throw-away test databases (no fsync, commits
                // acknowledged before they reach the disk); this one holds the product's data, and a 202 from
                // ingestion promises the payload is on disk
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // the ingest queue deletes every row it processes: look for tables to vacuum every 10 s, not 60 s
                .setServerConfig("autovacuum_naptime", "10s")
                // under sustained ingestion the default 1 GB of WAL forced a checkpoint (and a burst of full-page
                // images) every minute or so; a restart after a crash replays at most this much
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("checkpoint_timeout", "10min")
                // a new 16 MB WAL segment was filled with zeros and flushed while every commit waited (35–150 ms on
                // this kind of disk, every ~2 s at 1,000 runs/s until checkpoints recycle old segments): the ingest
                // acknowledgements' p99 was that stall. ext4 and xfs allocate the blocks as WAL is written instead
                .setServerConfig("wal_init_zero", "off")
                .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "embedded-postgres-stop"));
        String adminUrl = server.getJdbcUrl("postgres", "postgres");
        try (Connection admin = DriverManager.getConnection(adminUrl, "postgres", "postgres")) {
            ensureRole(admin, EMBEDDED_OWNER, prepared.ownerPassword(), false);
            ensureRole(admin, settings.appUser(), prepared.appPassword(), true);
            if (!exists(admin, "select 1 from pg_database where datname = ?", EMBEDDED_DATABASE)) {
                execute(admin, "create database " + EMBEDDED_DATABASE + " owner " + EMBEDDED_OWNER);
            }
            execute(admin, "revoke all on database " + EMBEDDED_DATABASE + " from public");
            execute(admin, "grant connect on database " + EMBEDDED_DATABASE + " to " + settings.appUser());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database: " + e.getMessage(), e);
        }
        try (Connection admin = DriverManager.getConnection(prepared.jdbcUrl(), "postgres", "postgres")) {
            // PG15+ already gives public to the database owner; older servers need it said explicitly.
            execute(admin, "alter schema public owner to " + EMBEDDED_OWNER);
            execute(admin, "revoke create on schema public from public");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded database schema: " + e.getMessage(), e);
        }
        LOG.info("Database: embedded PostgreSQL on localhost:{}, data in {}", server.getPort(), directory);
        return new PreparedDatabase("embedded", prepared.jdbcUrl(), EMBEDDED_OWNER, prepared.ownerPassword(),
            settings.appUser(), prepared.appPassword(), server);
    }

    private static PreparedDatabase prepareExternal(DatabaseSettings settings) {
        String url = settings.jdbcUrl().orElseThrow();
        if (settings.ownerUser() == null) {
            throw new IllegalStateException("DATABASE_URL is set but no user: set DATABASE_USER (the owner role that runs migrations)");
        }
        String appPassword = settings.appPassword().orElseThrow(() -> new IllegalStateException(
            "DATABASE_APP_PASSWORD is required with DATABASE_URL: the application pool logs in as "
                + settings.appUser() + ", a role restricted by row-level security"));
        try (Connection owner = DriverManager.getConnection(url, settings.ownerUser(), settings.ownerPassword())) {
            if (!exists(owner, "select 1 from pg_roles where rolname = ?", settings.appUser())) {
                try {
                    ensureRole(owner, settings.appUser(), appPassword, true);
                    execute(owner, "grant connect on database \"" + currentDatabase(owner) + "\" to " + settings.appUser());
                } catch (SQLException e) {
                    throw new IllegalStateException("Role " + settings.appUser() + " does not exist and "
                        + settings.ownerUser() + " may not create it (" + e.getMessage()
                        + "). See the README, section External PostgreSQL.", e);
                }
            }
            requireRlsBound(owner, settings.appUser());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect to DATABASE_URL as " + settings.ownerUser() + ": " + e.getMessage(), e);
        }
        LOG.info("Database: external PostgreSQL at {} (migrations as {}, application as {})",
            url.replaceAll("\\?.*$", ""), settings.ownerUser(), settings.appUser());
        return new PreparedDatabase("external", url, settings.ownerUser(), settings.ownerPassword(), settings.appUser(), appPassword, null);
    }

    /**
     * A JVM killed with -9 leaves its embedded PostgreSQL running on the data folder, which would refuse a second
     * server. Stop that orphan (fast shutdown) before starting ours; a stale pid file alone is handled by PostgreSQL.
     */
    private static void stopOrphanedServer(java.nio.file.Path directory) throws IOException {
        java.nio.file.Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        long pid;
        try {
            pid = Long.parseLong(firstLine);
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid)
            .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
            .ifPresent(orphan -> {
                LOG.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by a previous run on {}", pid, directory);
                try {
                    new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor();
                    orphan.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("Could not stop the orphaned PostgreSQL " + pid + ": stop it and start again", e);
                }
            });
    }

    /** Creates the role, or resets its password when this process manages it (embedded mode). */
    private static void ensureRole(Connection admin, String role, String password, boolean rlsBound) throws SQLException {
        requireRoleName(role);
        String attributes = "login password " + quote(password)
            + " nosuperuser nocreatedb nocreaterole nobypassrls" + (rlsBound ? " noinherit" : "");
        if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            execute(admin, "alter role " + role + " with " + attributes);
        } else {
            execute(admin, "create role " + role + " with " + attributes);
        }
    }

    /** The whole isolation model rests on this: refuse to start with a pool role that RLS does not bind. */
    private static void requireRlsBound(Connection connection, String role) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
            "select rolsuper, rolbypassrls from pg_roles where rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && (rs.getBoolean(1) || rs.getBoolean(2))) {
                    throw new IllegalStateException("DATABASE_APP_USER " + role
                        + " is a superuser or has BYPASSRLS; tenant isolation would not hold. Use a plain role.");
                }
            }
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("select current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    private static void requireRoleName(String role) {
        if (!ROLE_NAME.matcher(role).matches()) {
            throw new IllegalArgumentException("Role name must match " + ROLE_NAME + ": " + role);
        }
    }

    private static String quote(String literal) {
        return "'" + literal.replace("'", "''") + "'";
    }

    /** A port nobody listens on now; PostgreSQL binds it a moment later (the embedded library picks ports the same way). */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port for the embedded PostgreSQL", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    /** What Micronaut needs to know: the pool logs in as the app role, Flyway as the owner. */
    public record PreparedDatabase(String mode, String jdbcUrl, String ownerUser, String ownerPassword,
                                   String appUser, String appPassword, EmbeddedPostgres embeddedServer) {

        public Map<String, Object> micronautProperties() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("datasources.default.url", jdbcUrl);
            properties.put("datasources.default.username", appUser);
            properties.put("datasources.default.password", appPassword);
            // "migrations" is deliberately not a Micronaut datasource: Flyway uses its own short-lived connections.
            properties.put("flyway.datasources.migrations.url", jdbcUrl);
            properties.put("flyway.datasources.migrations.user", ownerUser);
            properties.put("flyway.datasources.migrations.password", ownerPassword);
            properties.put("flyway.datasources.migrations.placeholders.approle", appUser);
            properties.put("agentops.database.mode", mode);
            return properties;
        }
    }

    /** A database being prepared: its properties are known at once, the server may still be starting. */
    public record StartingDatabase(Map<String, Object> micronautProperties, CompletableFuture<PreparedDatabase> ready) {

        public PreparedDatabase awaitReady() {
            try {
                return ready.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the database was starting", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
            }
        }
    }
}
