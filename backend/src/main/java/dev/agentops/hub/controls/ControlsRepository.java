package dev.agentops.hub.controls;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.security.ActorRef;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Pause and halt rows. Runs inside a tenant scope. */
@Singleton
class ControlsRepository {

    /** The organization row as the controls see it. */
    record Org(String name, String slug, HaltState halt) {
    }

    private static final String PAUSE = """
        update agents set status = 'paused', pause_source = ?, paused_reason = ?, paused_by_type = ?, paused_by_id = ?,
               paused_by_name = ?, paused_at = now(), updated_at = now()
         where organization_id = ?""";
    private static final String RESUME = """
        update agents set status = 'active', pause_source = null, paused_reason = null, paused_by_type = null,
               paused_by_id = null, paused_by_name = null, paused_at = null, updated_at = now()
         where organization_id = ?""";

    private final Jdbc jdbc;

    ControlsRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Pauses and resumes share the lock, so they wait for an engage or release in flight (which takes it exclusively). */
    Optional<Org> lockOrgShared(UUID org) {
        return jdbc.queryOne("select * from organizations where id = ? for share", ControlsRepository::org, org);
    }

    Optional<Org> lockOrgExclusive(UUID org) {
        return jdbc.queryOne("select * from organizations where id = ? for update", ControlsRepository::org, org);
    }

    Optional<Org> org(UUID org) {
        return jdbc.queryOne("select * from organizations where id = ?", ControlsRepository::org, org);
    }

    void pause(UUID org, UUID id, PauseSource source, String reason, ActorRef by) {
        jdbc.update(PAUSE + " and id = ?", source.key(), reason, by.type(), by.id(), by.name(), org, id);
    }

    void resume(UUID org, UUID id) {
        jdbc.update(RESUME + " and id = ?", org, id);
    }

    /** Marks the organization halted (no-op when it already is); true when this call engaged it. */
    boolean halt(UUID org, String reason, ActorRef by) {
        return jdbc.update("""
            update organizations set status = 'paused', paused_at = now(), halt_reason = ?, halted_by_type = ?,
                   halted_by_id = ?, halted_by_name = ?, updated_at = now()
             where id = ? and status = 'active'""", reason, by.type(), by.id(), by.name(), org) == 1;
    }

    /** Pauses every active agent of the organization in one statement; the ids it paused. */
    List<UUID> pauseAllActive(UUID org, String reason, ActorRef by) {
        return jdbc.query(PAUSE + " and status = 'active' returning id", row -> row.uuid("id"),
            PauseSource.KILL_SWITCH.key(), reason, by.type(), by.id(), by.name(), org);
    }

    boolean unhalt(UUID org) {
        return jdbc.update("""
            update organizations set status = 'active', paused_at = null, halt_reason = null, halted_by_type = null,
                   halted_by_id = null, halted_by_name = null, updated_at = now()
             where id = ? and status = 'paused'""", org) == 1;
    }

    /** Resumes exactly the agents the kill switch paused; the ids it resumed. */
    List<UUID> resumeKillSwitchPauses(UUID org) {
        return jdbc.query(RESUME + " and status = 'paused' and pause_source = 'kill_switch' returning id", row -> row.uuid("id"), org);
    }

    /** Only the columns a control state needs: a halted organization lists every agent, and config is not one of them. */
    List<AgentControlState> pausedAgents(UUID org) {
        return jdbc.query("""
            select id, name, slug, pause_source, paused_reason, paused_by_type, paused_by_id, paused_by_name, paused_at
              from agents where organization_id = ? and status = 'paused'
             order by paused_at desc nulls last, name limit 10000""", row -> new AgentControlState(row.uuid("id"),
            row.string("name"), row.string("slug"), "paused", row.string("paused_reason"),
            PauseSource.fromKey(row.string("pause_source")).key(),
            ActorRef.ofNullable(row.string("paused_by_type"), row.uuid("paused_by_id"), row.string("paused_by_name")),
            row.instant("paused_at")), org);
    }

    /**
     * The halt and every paused agent's reason and source, read by one statement, hence from one snapshot: a reader
     * sees an engage (or a release) of the kill switch entirely or not at all.
     */
    Optional<OrgControls> snapshot(UUID org) {
        return jdbc.queryOne("""
            select o.status = 'paused' as halted, o.halt_reason, p.ids, p.reasons, p.sources
              from organizations o
              left join lateral (
                   select array_agg(a.id::text order by a.id) as ids,
                          array_agg(coalesce(a.paused_reason, '') order by a.id) as reasons,
                          array_agg(coalesce(a.pause_source, 'person') order by a.id) as sources
                     from agents a where a.organization_id = o.id and a.status = 'paused') p on true
             where o.id = ?""", row -> {
            List<String> ids = row.strings("ids");
            List<String> reasons = row.strings("reasons");
            List<String> sources = row.strings("sources");
            Map<UUID, OrgControls.Pause> paused = new HashMap<>();
            for (int i = 0; ids != null && i < ids.size(); i++) {
                paused.put(UUID.fromString(ids.get(i)), new OrgControls.Pause(reasons.get(i), PauseSource.fromKey(sources.get(i))));
            }
            return new OrgControls(row.bool("halted"), row.string("halt_reason"), Map.copyOf(paused));
        }, org);
    }

    /** Who took a control, with the name shown for them: a user's full name, an API key's name, or "system". */
    ActorRef refOf(AuditActor by) {
        Optional<String> name = switch (by.type()) {
            case "user" -> jdbc.queryOne("select full_name from users where id = ?", row -> row.string("full_name"), by.id());
            case "api_key" -> jdbc.queryOne("select name from api_keys where id = ?", row -> row.string("name"), by.id());
            default -> Optional.empty();
        };
        return new ActorRef(by.type(), by.id(), name.orElse(by.type()));
    }

    private static Org org(Jdbc.Row row) throws SQLException {
        HaltState halt = "paused".equals(row.string("status"))
            ? new HaltState(true, ActorRef.ofNullable(row.string("halted_by_type"), row.uuid("halted_by_id"), row.string("halted_by_name")),
                row.instant("paused_at"), row.string("halt_reason"))
            : HaltState.RELEASED;
        return new Org(row.string("name"), row.string("slug"), halt);
    }
}
