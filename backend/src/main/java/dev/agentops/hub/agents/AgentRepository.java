package dev.agentops.hub.agents;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.security.ActorRef;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Runs inside a tenant scope. */
@Singleton
public class AgentRepository {

    private final Jdbc jdbc;

    AgentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID organizationId, AgentFields fields, String slug, UUID createdBy) {
        return jdbc.queryOne("""
            insert into agents (organization_id, name, slug, type, provider, team, tags, environment, config, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", row -> row.uuid("id"),
            organizationId, fields.name(), slug, fields.type(), fields.provider(), fields.team(), fields.tags(),
            fields.environment(), new Jdbc.Json(fields.config()), createdBy).orElseThrow();
    }

    /**
     * Inserts an agent first seen in telemetry, marked discovered; empty when the slug was taken meanwhile (by a
     * concurrent discovery of the same agent), so that the caller reads the winner instead of failing.
     */
    Optional<UUID> insertDiscovered(UUID organizationId, String name, String slug) {
        return jdbc.queryOne("""
            insert into agents (organization_id, name, slug, discovered) values (?, ?, ?, true)
            on conflict (organization_id, slug) do nothing returning id""", row -> row.uuid("id"), organizationId, name, slug);
    }

    void update(UUID organizationId, UUID id, AgentFields fields) {
        jdbc.update("""
            update agents set name = ?, type = ?, provider = ?, team = ?, tags = ?, environment = ?, config = ?,
                   updated_at = now() where organization_id = ? and id = ?""",
            fields.name(), fields.type(), fields.provider(), fields.team(), fields.tags(), fields.environment(),
            new Jdbc.Json(fields.config()), organizationId, id);
    }

    void archive(UUID organizationId, UUID id) {
        jdbc.update("update agents set status = 'archived', archived_at = now(), updated_at = now() where organization_id = ? and id = ?",
            organizationId, id);
    }

    public Optional<Agent> find(UUID organizationId, UUID id) {
        return jdbc.queryOne("select * from agents where organization_id = ? and id = ?", AgentRepository::map, organizationId, id);
    }

    public Map<UUID, Agent> findAll(UUID organizationId, Collection<UUID> ids) {
        Map<UUID, Agent> found = new HashMap<>();
        jdbc.query("select * from agents where organization_id = ? and id = any(?::uuid[])", AgentRepository::map,
            organizationId, ids).forEach(agent -> found.put(agent.id(), agent));
        return found;
    }

    public Optional<Agent> findBySlug(UUID organizationId, String slug) {
        return jdbc.queryOne("select * from agents where organization_id = ? and slug = ?", AgentRepository::map, organizationId, slug);
    }

    /** Every agent of the organization, archived included (dashboards name agents whose runs they show). */
    public List<Agent> all(UUID organizationId) {
        return jdbc.query("select * from agents where organization_id = ? order by created_at limit 10000", AgentRepository::map, organizationId);
    }

    boolean slugTaken(UUID organizationId, String slug) {
        return jdbc.queryOne("select 1 from agents where organization_id = ? and slug = ?", row -> true, organizationId, slug).isPresent();
    }

    List<Agent> list(UUID organizationId, String status, Instant beforeCreatedAt, UUID beforeId, int limit) {
        return jdbc.query("""
            select * from agents where organization_id = ?
               and (?::text is null and status <> 'archived' or status = ?::text)
               and (?::timestamptz is null or (created_at, id) < (?::timestamptz, ?::uuid))
             order by created_at desc, id desc limit ?""", AgentRepository::map,
            organizationId, status, status, beforeCreatedAt, beforeCreatedAt, beforeId, limit);
    }

    /** The latest run start per agent, taken in agent order so that concurrent workers never lock agents crosswise. */
    public void touchLastRuns(UUID organizationId, Map<UUID, Instant> latestStartByAgent) {
        jdbc.batch("update agents set last_run_at = greatest(coalesce(last_run_at, ?), ?) where organization_id = ? and id = ?",
            new TreeMap<>(latestStartByAgent).entrySet().stream()
                .map(e -> new Object[]{e.getValue(), e.getValue(), organizationId, e.getKey()}).toList());
    }

    public static Agent map(Jdbc.Row row) throws SQLException {
        return new Agent(row.uuid("id"), row.uuid("organization_id"), row.string("name"), row.string("slug"),
            row.string("type"), row.string("provider"), row.string("status"), row.string("team"), row.strings("tags"),
            row.string("environment"), row.jsonObject("config"), row.instant("last_run_at"), row.instant("created_at"),
            row.instant("updated_at"), row.string("paused_reason"), row.string("pause_source"),
            ActorRef.ofNullable(row.string("paused_by_type"), row.uuid("paused_by_id"), row.string("paused_by_name")),
            row.instant("paused_at"), row.bool("discovered"));
    }
}
