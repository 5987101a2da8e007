package dev.agentops.hub.shared.db;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    @Test
    void noDatabaseUrlMeansEmbeddedWithDataInTheWorkingDirectory() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of());
        assertThat(settings.embedded()).isTrue();
        assertThat(settings.dataDirectory()).isEqualTo(Path.of(".agentops-data").toAbsolutePath().normalize());
        assertThat(settings.appUser()).isEqualTo("agentops_app");
    }

    @Test
    void libpqStyleUrlsBecomeJdbcUrlsWithTheirCredentials() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(
            "DATABASE_URL", "postgresql://owner:p%40ss@db.example.com:6543/postgres?sslmode=require",
            "DATABASE_APP_PASSWORD", "app-secret"));
        assertThat(settings.embedded()).isFalse();
        assertThat(settings.jdbcUrl()).contains("jdbc:postgresql://db.example.com:6543/postgres?sslmode=require");
        assertThat(settings.ownerUser()).isEqualTo("owner");
        assertThat(settings.ownerPassword()).isEqualTo("p@ss");
        assertThat(settings.appPassword()).contains("app-secret");
    }

    @Test
    void explicitUserAndPasswordWinOverTheUrl() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(
            "DATABASE_URL", "postgres://u:p@localhost/app", "DATABASE_USER", "boss", "DATABASE_PASSWORD", "pw",
            "AGENTOPS_DATA_DIR", "/tmp/x"));
        assertThat(settings.jdbcUrl()).contains("jdbc:postgresql://localhost:5432/app");
        assertThat(settings.ownerUser()).isEqualTo("boss");
        assertThat(settings.ownerPassword()).isEqualTo("pw");
    }

    @Test
    void otherSchemesAreRefusedWithAnActionableMessage() {
        assertThatThrownBy(() -> DatabaseSettings.from(Map.of("DATABASE_URL", "mysql://x")))
            .hasMessageContaining("DATABASE_URL must start with");
    }
}
