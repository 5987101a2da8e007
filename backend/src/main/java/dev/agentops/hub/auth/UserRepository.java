package dev.agentops.hub.auth;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/** Users are global (no organization): login has to find them before any tenant is known. */
@Singleton
public class UserRepository {

    private final Jdbc jdbc;

    UserRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.queryOne("select * from users where email = ?", UserRepository::map, email);
    }

    public Optional<User> findById(UUID id) {
        return jdbc.queryOne("select * from users where id = ?", UserRepository::map, id);
    }

    public void insert(UUID id, String email, String passwordHash, String fullName) {
        jdbc.update("insert into users (id, email, password_hash, full_name) values (?, ?, ?, ?)", id, email, passwordHash, fullName);
    }

    /** The address was proven by a link sent to it (a confirmed signup). */
    void markEmailVerified(UUID id) {
        jdbc.update("update users set email_verified_at = now() where id = ?", id);
    }

    void updatePassword(UUID id, String passwordHash) {
        jdbc.update("update users set password_hash = ?, updated_at = now() where id = ?", passwordHash, id);
    }

    /** The user's last sign-in in microseconds since the epoch (0 for never): the version a 2FA challenge is bound to. */
    long loginVersion(UUID id) {
        return jdbc.queryOne("""
            select coalesce((extract(epoch from last_login_at) * 1000000)::bigint, 0) as v from users where id = ?""",
            row -> row.longValue("v"), id).orElse(0L);
    }

    /** Records a sign-in only if none happened since {@code version}: of two uses of one challenge, one wins. */
    boolean touchLoginIfUnchanged(UUID id, long version) {
        return jdbc.update("""
            update users set last_login_at = clock_timestamp()
             where id = ? and coalesce((extract(epoch from last_login_at) * 1000000)::bigint, 0) = ?""", id, version) == 1;
    }

    void touchLogin(UUID id) {
        jdbc.update("update users set last_login_at = now() where id = ?", id);
    }

    void setMfa(UUID id, String secretBoxed, boolean enabled) {
        jdbc.update("update users set mfa_secret = ?, mfa_enabled = ?, mfa_last_step = null, updated_at = now() where id = ?",
            secretBoxed, enabled, id);
    }

    /** Records the time step of an accepted code; false when that step (or a later one) was already used. */
    boolean claimMfaStep(UUID id, long step) {
        return jdbc.update("update users set mfa_last_step = ? where id = ? and (mfa_last_step is null or mfa_last_step < ?)",
            step, id, step) == 1;
    }

    private static User map(Jdbc.Row row) throws SQLException {
        return new User(row.uuid("id"), row.string("email"), row.string("password_hash"), row.string("full_name"),
            row.bool("mfa_enabled"), row.string("mfa_secret"), row.nullableLong("mfa_last_step"));
    }
}
