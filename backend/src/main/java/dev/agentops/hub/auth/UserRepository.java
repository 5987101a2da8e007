package dev.agentops.hub.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;
import java.util.UUID;

/** Users are global (no organization): login has to find them before any tenant is known. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface UserRepository extends GenericRepository<User, UUID> {

    @Query("select * from users where email = :email")
    Optional<User> findByEmail(String email);

    @Query("select * from users where id = :id")
    Optional<User> findById(UUID id);

    @Query("insert into users (id, email, password_hash, full_name) values (:id, :email, :passwordHash, :fullName)")
    void insert(UUID id, String email, String passwordHash, String fullName);

    /** The address was proven by a link sent to it (a confirmed signup). */
    @Query("update users set email_verified_at = now() where id = :id")
    void markEmailVerified(UUID id);

    @Query("update users set password_hash = :passwordHash, updated_at = now() where id = :id")
    void updatePassword(UUID id, String passwordHash);

    /** The user's last sign-in in microseconds since the epoch (0 for never): the version a 2FA challenge is bound to. */
    @Query("select coalesce((select (extract(epoch from last_login_at) * 1000000)::bigint from users where id = :id), 0)")
    long loginVersion(UUID id);

    /** Records a sign-in only if none happened since {@code version}: of two uses of one challenge, one wins (1). */
    @Query("""
        update users set last_login_at = clock_timestamp()
         where id = :id and coalesce((extract(epoch from last_login_at) * 1000000)::bigint, 0) = :version""")
    int touchLoginIfUnchanged(UUID id, long version);

    @Query("update users set last_login_at = now() where id = :id")
    void touchLogin(UUID id);

    @Query("""
        update users set mfa_secret = :secretBoxed, mfa_enabled = :enabled, mfa_last_step = null, updated_at = now()
         where id = :id""")
    void setMfa(UUID id, @Nullable String secretBoxed, boolean enabled);

    /** Records the time step of an accepted code; 0 when that step (or a later one) was already used. */
    @Query("update users set mfa_last_step = :step where id = :id and (mfa_last_step is null or mfa_last_step < :step)")
    int claimMfaStep(UUID id, long step);
}
