package dev.agentops.hub.agents;

import dev.agentops.hub.shared.db.Jdbc;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs inside a tenant scope. An abstract class, not an interface, only to keep {@link #touchLastRuns} a JDBC batch. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class AgentRepository implements GenericRepository<Agent, UUID> {

    private final Jdbc jdbc;

    AgentRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID organizationId, AgentFields fields, String slug, @Nullable UUID createdBy) {
        return insert(organizationId, fields.name(), slug, fields.type(), fields.provider(), fields.team(),
            fields.tags().toArray(String[]::new), fields.environment(), fields.config(), createdBy);
    }

    @Query("""
        insert into agents (organization_id, name, slug, type, provider, team, tags, environment, config, created_by)
        values (:organizationId, :name, :slug, :type, :provider, :team, :tags, :environment, :config::jsonb, :createdBy)
        returning id""")
    abstract UUID insert(UUID organizationId, String name, String slug, String type, @Nullable String provider,
                         @Nullable String team, String[] tags, String environment,
                         @TypeDef(type = DataType.JSON) Map<String, Object> config, @Nullable UUID createdBy);

    /**
     * Inserts an agent first seen in telemetry, marked discovered; empty when the slug was taken meanwhile (by a
     * concurrent discovery of the same agent), so that the caller reads the winner instead of failing.
     */
    Optional<UUID> insertDiscovered(UUID organizationId, String name, String slug) {
        return Optional.ofNullable(insertDiscoveredId(organizationId, name, slug));
    }

    // not Optional: Micronaut Data answers null, not empty, when an insert returns no row
    @Query("""
        insert into agents (organization_id, name, slug, discovered) values (:organizationId, :name, :slug, true)
        on conflict (organization_id, slug) do nothing returning id""")
    @Nullable
    abstract UUID insertDiscoveredId(UUID organizationId, String name, String slug);

    void update(UUID organizationId, UUID id, AgentFields fields) {
        update(organizationId, id, fields.name(), fields.type(), fields.provider(), fields.team(),
            fields.tags().toArray(String[]::new), fields.environment(), fields.config());
    }

    @Query("""
        update agents set name = :name, type = :type, provider = :provider, team = :team, tags = :tags,
               environment = :environment, config = :config::jsonb, updated_at = now()
         where organization_id = :organizationId and id = :id""")
    abstract void update(UUID organizationId, UUID id, String name, String type, @Nullable String provider, @Nullable String team,
                         String[] tags, String environment, @TypeDef(type = DataType.JSON) Map<String, Object> config);

    @Query("""
        update agents set status = 'archived', archived_at = now(), updated_at = now()
         where organization_id = :organizationId and id = :id""")
    abstract void archive(UUID organizationId, UUID id);

    @Query("select * from agents where organization_id = :organizationId and id = :id")
    public abstract Optional<Agent> find(UUID organizationId, UUID id);

    /** The agent, locked until the transaction ends. */
    @Query("select * from agents where organization_id = :organizationId and id = :id for update")
    public abstract Optional<Agent> lock(UUID organizationId, UUID id);

    public Map<UUID, Agent> findAll(UUID organizationId, Collection<UUID> ids) {
        return rows(organizationId, ids.stream().map(UUID::toString).toArray(String[]::new)).stream()
            .collect(Collectors.toMap(Agent::id, Function.identity()));
    }

    @Query("select * from agents where organization_id = :organizationId and id = any(:ids::uuid[])")
    abstract List<Agent> rows(UUID organizationId, String[] ids);

    @Query("select * from agents where organization_id = :organizationId and slug = :slug")
    public abstract Optional<Agent> findBySlug(UUID organizationId, String slug);

    /** Every agent of the organization, archived included (dashboards name agents whose runs they show). */
    @Query("select * from agents where organization_id = :organizationId order by created_at limit 10000")
    public abstract List<Agent> all(UUID organizationId);

    @Query("select exists (select 1 from agents where organization_id = :organizationId and slug = :slug)")
    abstract boolean slugTaken(UUID organizationId, String slug);

    @Query("""
        select * from agents where organization_id = :organizationId
           and (:status::text is null and status <> 'archived' or status = :status::text)
           and (:beforeCreatedAt::timestamptz is null or (created_at, id) < (:beforeCreatedAt::timestamptz, :beforeId::uuid))
         order by created_at desc, id desc limit :limit""")
    abstract List<Agent> list(UUID organizationId, @Nullable String status, @Nullable Instant beforeCreatedAt,
                              @Nullable UUID beforeId, int limit);

    /**
     * The latest run start per agent, taken in agent order so that concurrent workers never lock agents crosswise.
     * Hand-written SQL on purpose (#17): the ingestion worker's merge path, one JDBC batch per merge.
     */
    public void touchLastRuns(UUID organizationId, Map<UUID, Instant> latestStartByAgent) {
        jdbc.batch("update agents set last_run_at = greatest(coalesce(last_run_at, ?), ?) where organization_id = ? and id = ?",
            new TreeMap<>(latestStartByAgent).entrySet().stream()
                .map(e -> new Object[]{e.getValue(), e.getValue(), organizationId, e.getKey()}).toList());
    }
}
