package dev.agentops.hub.orgs;

import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.security.Role;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class MemberRepository {

    private static final String SELECT = """
        select m.*, u.full_name from organization_members m left join users u on u.id = m.user_id
        """;

    private final Jdbc jdbc;

    MemberRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insertActive(UUID organizationId, UUID userId, String email, Role role) {
        jdbc.update("insert into organization_members (organization_id, user_id, email, role, status) values (?, ?, ?, ?, 'active')",
            organizationId, userId, email, role.key());
    }

    /** The user's active memberships, oldest first. Needs the USER lookup door (or a tenant scope for one org). */
    public List<Member> activeMembershipsOf(UUID userId) {
        return jdbc.query(SELECT + " where m.user_id = ? and m.status = 'active' order by m.created_at, m.id",
            MemberRepository::map, userId);
    }

    public Optional<Member> find(UUID organizationId, UUID id) {
        return jdbc.queryOne(SELECT + " where m.organization_id = ? and m.id = ?", MemberRepository::map, organizationId, id);
    }

    public Optional<Member> findByUser(UUID organizationId, UUID userId) {
        return jdbc.queryOne(SELECT + " where m.organization_id = ? and m.user_id = ? and m.status = 'active'",
            MemberRepository::map, organizationId, userId);
    }

    /** Needs the TOKEN_HASH lookup door. */
    public Optional<Member> findInvitation(String tokenHash) {
        return jdbc.queryOne(SELECT + " where m.invite_token_hash = ? and m.status = 'invited'", MemberRepository::map, tokenHash);
    }

    List<Member> list(UUID organizationId, Instant afterCreatedAt, UUID afterId, int limit) {
        if (afterCreatedAt == null) {
            return jdbc.query(SELECT + " where m.organization_id = ? order by m.created_at, m.id limit ?",
                MemberRepository::map, organizationId, limit);
        }
        return jdbc.query(SELECT + " where m.organization_id = ? and (m.created_at, m.id) > (?, ?) order by m.created_at, m.id limit ?",
            MemberRepository::map, organizationId, afterCreatedAt, afterId, limit);
    }

    boolean emailTaken(UUID organizationId, String email) {
        return jdbc.queryOne("select 1 from organization_members where organization_id = ? and email = ?",
            row -> true, organizationId, email).isPresent();
    }

    UUID insertInvitation(UUID organizationId, String email, Role role, List<String> teams, String tokenHash,
                          Instant expiresAt, UUID invitedBy) {
        return jdbc.queryOne("""
            insert into organization_members (organization_id, email, role, teams, status, invite_token_hash,
                                              invite_expires_at, invited_by)
            values (?, ?, ?, ?, 'invited', ?, ?, ?) returning id""", row -> row.uuid("id"),
            organizationId, email, role.key(), teams, tokenHash, expiresAt, invitedBy).orElseThrow();
    }

    public void accept(UUID organizationId, UUID memberId, UUID userId) {
        jdbc.update("""
            update organization_members set user_id = ?, status = 'active', invite_token_hash = null,
                   invite_expires_at = null, updated_at = now() where organization_id = ? and id = ?""",
            userId, organizationId, memberId);
    }

    void update(UUID organizationId, UUID id, Role role, List<String> teams) {
        jdbc.update("update organization_members set role = ?, teams = ?, updated_at = now() where organization_id = ? and id = ?",
            role.key(), teams, organizationId, id);
    }

    void delete(UUID organizationId, UUID id) {
        jdbc.update("delete from organization_members where organization_id = ? and id = ?", organizationId, id);
    }

    /** Locks the organization's active admins so that two concurrent demotions cannot both pass the last-admin check. */
    int lockActiveAdmins(UUID organizationId) {
        return jdbc.query("select id from organization_members where organization_id = ? and role = 'admin' and status = 'active' for update",
            row -> 1, organizationId).size();
    }

    static Member map(Jdbc.Row row) throws SQLException {
        return new Member(row.uuid("id"), row.uuid("organization_id"), row.uuid("user_id"), row.string("email"),
            row.string("full_name"), Role.fromKey(row.string("role")).orElseThrow(), row.strings("teams"),
            row.string("status"), row.instant("invite_expires_at"), row.instant("created_at"));
    }
}
