package dev.agentops.hub.auth;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.SecretBox;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Problems;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * TOTP second factor: enrol (secret stored encrypted, not yet active), confirm with a first code (activates it
 * and hands out ten one-time recovery codes), disable (password and code). A code is accepted once: the time step
 * it belongs to is recorded and no code of that step or an earlier one passes again.
 */
@Singleton
class MfaService {

    private static final Logger LOG = LoggerFactory.getLogger(MfaService.class);
    private static final int RECOVERY_CODES = 10;

    private final UserRepository users;
    private final RecoveryCodeRepository recoveryCodes;
    private final Passwords passwords;
    private final Totp totp;
    private final SecretBox box;
    private final TenantTransactions tenants;
    private final AuditTrail audit;

    MfaService(UserRepository users, RecoveryCodeRepository recoveryCodes, Passwords passwords, Totp totp, SecretBox box,
               TenantTransactions tenants, AuditTrail audit) {
        this.users = users;
        this.recoveryCodes = recoveryCodes;
        this.passwords = passwords;
        this.totp = totp;
        this.box = box;
        this.tenants = tenants;
        this.audit = audit;
    }

    AuthResponses.MfaEnrollment enroll(Actor actor) {
        return tenants.write(actor.organizationId(), () -> {
            User user = users.findById(actor.id()).orElseThrow();
            if (user.mfaEnabled()) {
                throw Problems.conflict("mfa_already_enabled", "Two-factor authentication is already on. Disable it first to enrol a new device.");
            }
            String secret = totp.newSecret();
            users.setMfa(user.id(), box.encrypt(secret), false);
            audit.record(actor.organizationId(), AuditActor.of(actor), AuditEvent.of("auth.mfa_enrollment_started", "user", user.id()));
            return new AuthResponses.MfaEnrollment(secret, Totp.otpauthUri(user.email(), secret));
        });
    }

    AuthResponses.RecoveryCodes confirm(Actor actor, String code) {
        return tenants.write(actor.organizationId(), () -> {
            User user = users.findById(actor.id()).orElseThrow();
            if (user.mfaEnabled() || user.mfaSecretBoxed() == null) {
                throw Problems.conflict("mfa_not_pending", "Start the enrolment first (POST /api/v1/auth/mfa/enroll).");
            }
            OptionalLong step = totp.matchingStep(seedOf(user, "Start the enrolment again (POST /api/v1/auth/mfa/enroll)."), code);
            if (step.isEmpty()) {
                throw Problems.validation("code", "does not match the authenticator app; check the device clock");
            }
            users.setMfa(user.id(), user.mfaSecretBoxed(), true);
            users.claimMfaStep(user.id(), step.getAsLong());
            List<String> codes = Stream.generate(() -> Secrets.randomToken(5) + "-" + Secrets.randomToken(5))
                .map(recovery -> recovery.toLowerCase(Locale.ROOT)).limit(RECOVERY_CODES).toList();
            recoveryCodes.replace(user.id(), codes.stream().map(Secrets::sha256).toList());
            audit.record(actor.organizationId(), AuditActor.of(actor), AuditEvent.of("auth.mfa_enabled", "user", user.id()));
            return new AuthResponses.RecoveryCodes(codes);
        });
    }

    void disable(Actor actor, String password, String code) {
        tenants.run(actor.organizationId(), () -> {
            User user = users.findById(actor.id()).orElseThrow();
            if (!user.mfaEnabled()) {
                throw Problems.conflict("mfa_not_enabled", "Two-factor authentication is not on.");
            }
            if (!passwords.matches(password, user.passwordHash()) || !checkSecondFactor(user, code)) {
                throw Problems.unauthenticated("invalid_credentials", "The password or the code is wrong.");
            }
            users.setMfa(user.id(), null, false);
            recoveryCodes.deleteAll(user.id());
            audit.record(actor.organizationId(), AuditActor.of(actor), AuditEvent.of("auth.mfa_disabled", "user", user.id()));
        });
    }

    /** A current TOTP code (not seen before) or an unused recovery code. Call inside a transaction. */
    boolean checkSecondFactor(User user, String code) {
        if (code == null || user.mfaSecretBoxed() == null) {
            return false;
        }
        String trimmed = code.trim();
        if (trimmed.matches("\\d{6}")) {
            OptionalLong step = totp.matchingStep(seedOf(user, "Use one of your recovery codes instead, then set up "
                + "two-factor authentication again."), trimmed);
            return step.isPresent() && users.claimMfaStep(user.id(), step.getAsLong()) == 1;
        }
        return recoveryCodes.use(user.id(), Secrets.sha256(trimmed.toLowerCase(Locale.ROOT))) == 1;
    }

    /**
     * The user's TOTP seed. It is encrypted under the server secret, so after {@code AGENTOPS_SECRET} was rotated it
     * cannot be read: that is a 409 telling the person what still works, not a server error.
     */
    private String seedOf(User user, String whatToDo) {
        try {
            return box.decrypt(user.mfaSecretBoxed());
        } catch (IllegalStateException unreadable) {
            LOG.warn("The TOTP seed of user {} cannot be decrypted with the current server secret (was AGENTOPS_SECRET rotated?)", user.id());
            throw Problems.conflict("mfa_seed_unreadable", "Authenticator codes cannot be checked for this account any more "
                + "(the server's secret was changed). " + whatToDo);
        }
    }
}
