package dev.agentops.hub.orgs;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.DataType;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MemberRepository extends GenericRepository<Member, UUID> {

    String SELECT = "select m.*, u.full_name from organization_members m left join users u on u.id = m.user_id";

    @Query("""
        insert into organization_members (organization_id, user_id, email, role, status)
        values (:organizationId, :userId, :email, :role, 'active')""")
    void insertActive(UUID organizationId, UUID userId, String email, String role);

    /** The user's active memberships, oldest first. Needs the USER lookup door (or a tenant scope for one org). */
    @Query(SELECT + " where m.user_id = :userId and m.status = 'active' order by m.created_at, m.id")
    List<Member> activeMembershipsOf(UUID userId);

    @Query(SELECT + " where m.organization_id = :organizationId and m.id = :id")
    Optional<Member> find(UUID organizationId, UUID id);

    @Query(SELECT + " where m.organization_id = :organizationId and m.user_id = :userId and m.status = 'active'")
    Optional<Member> findByUser(UUID organizationId, UUID userId);

    /** Needs the TOKEN_HASH lookup door. */
    @Query(SELECT + " where m.invite_token_hash = :tokenHash and m.status = 'invited'")
    Optional<Member> findInvitation(String tokenHash);

    default List<Member> list(UUID organizationId, @Nullable Instant afterCreatedAt, @Nullable UUID afterId, int limit) {
        return afterCreatedAt == null ? first(organizationId, limit) : after(organizationId, afterCreatedAt, afterId, limit);
    }

    @Query(SELECT + " where m.organization_id = :organizationId order by m.created_at, m.id limit :limit")
    List<Member> first(UUID organizationId, int limit);

    @Query(SELECT + " where m.organization_id = :organizationId and (m.created_at, m.id) > (:afterCreatedAt, :afterId)"
        + " order by m.created_at, m.id limit :limit")
    List<Member> after(UUID organizationId, Instant afterCreatedAt, UUID afterId, int limit);

    @Query("select exists (select 1 from organization_members where organization_id = :organizationId and email = :email)")
    boolean emailTaken(UUID organizationId, String email);

    @Query("""
        insert into organization_members (organization_id, email, role, teams, status, invite_token_hash,
                                          invite_expires_at, invited_by)
        values (:organizationId, :email, :role, :teams, 'invited', :tokenHash, :expiresAt, :invitedBy) returning id""")
    UUID insertInvitation(UUID organizationId, String email, String role, @TypeDef(type = DataType.STRING_ARRAY) List<String> teams,
                          String tokenHash, Instant expiresAt, UUID invitedBy);

    @Query("""
        update organization_members set user_id = :userId, status = 'active', invite_token_hash = null,
               invite_expires_at = null, updated_at = now() where organization_id = :organizationId and id = :memberId""")
    void accept(UUID organizationId, UUID memberId, UUID userId);

    @Query("""
        update organization_members set role = :role, teams = :teams, updated_at = now()
         where organization_id = :organizationId and id = :id""")
    void update(UUID organizationId, UUID id, String role, @TypeDef(type = DataType.STRING_ARRAY) List<String> teams);

    @Query("delete from organization_members where organization_id = :organizationId and id = :id")
    void delete(UUID organizationId, UUID id);

    /** Locks the organization's active admins so that two concurrent demotions cannot both pass the last-admin check. */
    @Query("select id from organization_members where organization_id = :organizationId and role = 'admin' and status = 'active' for update")
    List<UUID> lockedActiveAdmins(UUID organizationId);
}
