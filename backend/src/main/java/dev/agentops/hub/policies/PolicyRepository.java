package dev.agentops.hub.policies;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.web.WireNames;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Policies, their immutable versions and decision counts; runs inside a tenant scope. The reads of whole policies are
 * micronaut-data queries; the writes of a policy and its version row, the check's loader (a hot path) and the counts'
 * upsert stay hand-written SQL.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
abstract class PolicyRepository implements GenericRepository<PolicyRow, UUID> {

    static final int MAX_PER_ORGANIZATION = 500;

    /** A live (active or shadow) policy's current version, as the check's cache loads it. */
    record Live(UUID id, int version, String name, PolicyStatus status, Map<String, Object> ruleDefinition) {
    }

    record Count(UUID policyId, String mode, String decision, long count) {
    }

    private final Jdbc jdbc;

    PolicyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID org, String name, String description, Map<String, Object> rule, PolicyStatus status, UUID createdBy) {
        return jdbc.queryOne("""
            insert into policies (organization_id, name, description, rule_definition, status, version, created_by, updated_by)
            values (?, ?, ?, ?, ?, 1, ?, ?) returning id""", row -> row.uuid("id"),
            org, name, description, new Jdbc.Json(rule), status.wireName(), createdBy, createdBy).orElseThrow();
    }

    /** Writes the next version; false when another change took that version first (the caller retries or fails). */
    boolean update(UUID org, PolicyRow next, UUID updatedBy) {
        return jdbc.update("""
            update policies set name = ?, description = ?, rule_definition = ?, status = ?, version = ?, updated_by = ?,
                   updated_at = now()
             where organization_id = ? and id = ? and version = ?""",
            next.name(), next.description(), new Jdbc.Json(next.ruleDefinition()), next.status().wireName(), next.version(),
            updatedBy, org, next.id(), next.version() - 1) == 1;
    }

    void insertVersion(UUID org, PolicyRow p, String change, String actorType, UUID actorId) {
        jdbc.update("""
            insert into policy_versions (organization_id, policy_id, version, name, description, rule_definition, status,
                                         change, created_by_type, created_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            org, p.id(), p.version(), p.name(), p.description(), new Jdbc.Json(p.ruleDefinition()), p.status().wireName(),
            change, actorType, actorId);
    }

    @Query("select * from policies where organization_id = :organizationId and id = :id")
    abstract Optional<PolicyRow> find(UUID organizationId, UUID id);

    /** Locks the row for a change (two concurrent PATCHes make two versions one after the other, never the same one). */
    @Query("select * from policies where organization_id = :organizationId and id = :id for update")
    abstract Optional<PolicyRow> lock(UUID organizationId, UUID id);

    @Query("select * from policies where organization_id = :organizationId order by created_at, id limit " + MAX_PER_ORGANIZATION)
    abstract List<PolicyRow> all(UUID organizationId);

    @Query("select count(*) from policies where organization_id = :organizationId")
    abstract int count(UUID organizationId);

    List<Live> live(UUID org) {
        return jdbc.query("""
            select id, version, name, status, rule_definition from policies
             where organization_id = ? and status <> 'disabled' order by created_at, id""",
            row -> new Live(row.uuid("id"), row.intValue("version"), row.string("name"),
                WireNames.parse(PolicyStatus.class, row.string("status")).orElseThrow(), row.jsonObject("rule_definition")), org);
    }

    List<PolicyVersionResponse> versions(UUID org, UUID policyId) {
        return jdbc.query("""
            select * from policy_versions where organization_id = ? and policy_id = ? order by version desc""",
            row -> new PolicyVersionResponse(row.uuid("policy_id"), row.intValue("version"), row.string("name"),
                row.string("description"), row.jsonObject("rule_definition"), row.string("status"), row.string("change"),
                row.string("created_by_type"), row.uuid("created_by"), row.instant("created_at")), org, policyId);
    }

    /** Decisions since {@code since} per policy, mode and decision. */
    Map<UUID, List<Count>> counts(UUID org, Instant since) {
        return jdbc.query("""
            select policy_id, mode, decision, sum(count) as n from policy_decision_counts
             where organization_id = ? and bucket >= ? group by policy_id, mode, decision""",
            row -> new Count(row.uuid("policy_id"), row.string("mode"), row.string("decision"), row.longValue("n")), org, since)
            .stream().collect(Collectors.groupingBy(Count::policyId));
    }

    /** Adds counts (one statement per organization flush); rows of a deleted policy are skipped. */
    void addCounts(UUID org, List<Object[]> rows) {
        jdbc.rows("""
            insert into policy_decision_counts (organization_id, policy_id, version, bucket, mode, decision, count)
            select v.org, v.policy, v.version, v.bucket, v.mode, v.decision, v.count from (values""",
            "(?::uuid, ?::uuid, ?::integer, ?::timestamptz, ?, ?, ?::bigint)", rows,
            """
            ) as v (org, policy, version, bucket, mode, decision, count)
             where exists (select 1 from policies p where p.organization_id = v.org and p.id = v.policy)
            on conflict (policy_id, version, bucket, mode, decision) do update
               set count = policy_decision_counts.count + excluded.count""", null);
    }

    /** {@code run.*} facts of the client's run; empty when the run has not been recorded yet. */
    Optional<Map<String, Object>> runFacts(UUID org, String externalReference) {
        return jdbc.queryOne("""
            select r.id, r.cost_usd, r.input_tokens, r.output_tokens,
                   (select count(*) from events e where e.organization_id = r.organization_id and e.run_id = r.id) as events
              from runs r where r.organization_id = ? and r.external_reference = ?""",
            row -> RunFacts.facts(row.uuid("id"), row.decimal("cost_usd"), row.longValue("input_tokens"),
                row.longValue("output_tokens"), row.longValue("events")), org, externalReference);
    }
}
