package dev.agentops.hub.auth;

import dev.agentops.hub.shared.db.Jdbc;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

@Singleton
class RecoveryCodeRepository {

    private final Jdbc jdbc;

    RecoveryCodeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void replace(UUID userId, List<String> codeHashes) {
        jdbc.update("delete from mfa_recovery_codes where user_id = ?", userId);
        for (String hash : codeHashes) {
            jdbc.update("insert into mfa_recovery_codes (user_id, code_hash) values (?, ?)", userId, hash);
        }
    }

    /** Spends a code once; false when it is unknown or already used. */
    boolean use(UUID userId, String codeHash) {
        return jdbc.update("update mfa_recovery_codes set used_at = now() where user_id = ? and code_hash = ? and used_at is null",
            userId, codeHash) == 1;
    }

    void deleteAll(UUID userId) {
        jdbc.update("delete from mfa_recovery_codes where user_id = ?", userId);
    }
}
