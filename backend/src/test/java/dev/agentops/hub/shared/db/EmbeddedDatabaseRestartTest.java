package dev.agentops.hub.shared.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;

import static dev.agentops.hub.support.Sql.count;
import static dev.agentops.hub.support.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

/** Zero-config mode keeps its data in AGENTOPS_DATA_DIR: a restart must find it again. */
class EmbeddedDatabaseRestartTest {

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws Exception {
        Path dataDir = Files.createTempDirectory("agentops-restart");
        var first = DatabaseBootstrap.prepare(DatabaseSettings.from(Map.of("AGENTOPS_DATA_DIR", dataDir.toString())));
        try (Connection owner = DriverManager.getConnection(first.jdbcUrl(), first.ownerUser(), first.ownerPassword())) {
            assertThat(setting(owner, "fsync")).as("a commit must reach the disk").isEqualTo("on");
            assertThat(setting(owner, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(owner, "wal_init_zero")).as("a new WAL segment must not hold every commit while it is zero-filled")
                .isEqualTo("off");
            update(owner, "create table restart_marker (note text)");
            update(owner, "insert into restart_marker values ('kept')");
        }
        first.embeddedServer().close();

        var second = DatabaseBootstrap.prepare(DatabaseSettings.from(Map.of("AGENTOPS_DATA_DIR", dataDir.toString())));
        try (Connection owner = DriverManager.getConnection(second.jdbcUrl(), second.ownerUser(), second.ownerPassword())) {
            assertThat(count(owner, "select count(*) from restart_marker where note = 'kept'")).isEqualTo(1);
        } finally {
            second.embeddedServer().close();
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    private static String setting(Connection connection, String name) throws java.sql.SQLException {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aServerLeftRunningOnTheDataFolderIsStoppedBeforeANewStart() throws Exception {
        Path dataDir = Files.createTempDirectory("agentops-orphan");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), OrphanMaker.class.getName(), dataDir.toString())
            .redirectErrorStream(true).start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream()))) {
            String line;
            while ((line = output.readLine()) != null && !line.contains("READY")) {
                // wait until the child's server runs
            }
        }
        long orphanPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
        jvm.destroyForcibly().waitFor();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).as("PostgreSQL outlives a killed JVM").isTrue();

        var restarted = DatabaseBootstrap.prepare(DatabaseSettings.from(Map.of("AGENTOPS_DATA_DIR", dataDir.toString())));
        try (Connection owner = DriverManager.getConnection(restarted.jdbcUrl(), restarted.ownerUser(), restarted.ownerPassword())) {
            assertThat(count(owner, "select count(*) from pg_roles where rolname = 'agentops_app'")).isEqualTo(1);
        } finally {
            restarted.embeddedServer().close();
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
