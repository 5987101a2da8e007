package dev.agentops.hub.orgs;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Runs inside a tenant scope: RLS shows only the current organization's row. */
@Singleton
public class OrganizationRepository {

    private final Jdbc jdbc;

    OrganizationRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String name, String slug) {
        jdbc.update("insert into organizations (id, name, slug) values (?, ?, ?)", id, name, slug);
    }

    public Optional<Organization> find(UUID id) {
        return jdbc.queryOne("select * from organizations where id = ?", OrganizationRepository::map, id);
    }

    void update(UUID id, String name, String logoUrl, String plan, String timezone, boolean discoverAgents) {
        jdbc.update("""
            update organizations set name = ?, logo_url = ?, plan = ?, timezone = ?, discover_agents = ?, updated_at = now()
             where id = ?""", name, logoUrl, plan, timezone, discoverAgents, id);
    }

    /** Whether agents first named by telemetry are created on the fly (docs/api.md, "OpenTelemetry ingest"). */
    public boolean discoversAgents(UUID id) {
        return jdbc.queryOne("select discover_agents from organizations where id = ?", row -> row.bool("discover_agents"), id)
            .orElse(false);
    }

    /** The organization's IANA time zone (budget periods are calendar periods in it). */
    public java.time.ZoneId zone(UUID id) {
        return jdbc.queryOne("select timezone from organizations where id = ?", row -> row.string("timezone"), id)
            .map(java.time.ZoneId::of).orElse(java.time.ZoneOffset.UTC);
    }

    static Organization map(Jdbc.Row row) throws SQLException {
        return new Organization(row.uuid("id"), row.string("name"), row.string("slug"), row.string("logo_url"),
            row.string("plan"), row.string("status"), row.string("timezone"), row.instant("created_at"),
            row.bool("discover_agents"));
    }
}
