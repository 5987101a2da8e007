package dev.agentops.hub.orgs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Runs inside a tenant scope (TenantTransactions): RLS shows only the current organization's row. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrganizationRepository extends GenericRepository<OrganizationRow, UUID> {

    @Query("insert into organizations (id, name, slug) values (:id, :name, :slug)")
    void insert(UUID id, String name, String slug);

    @Query("select * from organizations where id = :id")
    Optional<OrganizationRow> findRow(UUID id);

    @Query("""
        update organizations set name = :name, logo_url = :logoUrl, plan = :plan, timezone = :timezone,
               discover_agents = :discoverAgents, updated_at = now()
         where id = :id""")
    void update(UUID id, String name, @Nullable String logoUrl, String plan, String timezone, boolean discoverAgents);

    @Query("select timezone from organizations where id = :id")
    Optional<String> findTimezone(UUID id);

    default Optional<Organization> find(UUID id) {
        return findRow(id).map(OrganizationRow::toOrganization);
    }

    /** Whether agents first named by telemetry are created on the fly (docs/api.md, "OpenTelemetry ingest"). */
    @Query("select coalesce((select discover_agents from organizations where id = :id), false)")
    boolean discoversAgents(UUID id);

    /** The organization's IANA time zone (budget periods are calendar periods in it). */
    default ZoneId zone(UUID id) {
        return findTimezone(id).map(ZoneId::of).orElse(ZoneOffset.UTC);
    }
}
