package dev.agentops.hub.auth;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.orgs.MemberRepository;
import dev.agentops.hub.shared.email.EmailMessage;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Password reset by a one-time e-mail link; a reset ends every session of the account. */
@Singleton
class PasswordResetService {

    private static final Duration RESET_LIFETIME = Duration.ofHours(1);

    private final UserRepository users;
    private final MemberRepository members;
    private final PasswordResetRepository resets;
    private final Passwords passwords;
    private final Sessions sessions;
    private final TenantTransactions tenants;
    private final LookupTransactions lookups;
    private final TransactionOperations<Connection> transactions;
    private final AuditTrail audit;
    private final AuthMails mails;

    PasswordResetService(UserRepository users, MemberRepository members, PasswordResetRepository resets,
                         Passwords passwords, Sessions sessions, TenantTransactions tenants,
                         LookupTransactions lookups, TransactionOperations<Connection> transactions,
                         AuditTrail audit, AuthMails mails) {
        this.users = users;
        this.members = members;
        this.resets = resets;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tenants = tenants;
        this.lookups = lookups;
        this.transactions = transactions;
        this.audit = audit;
        this.mails = mails;
    }

    /** Always answers the same way: whether the address has an account is nobody's business. */
    void requestPasswordReset(AuthRequests.PasswordReset request) {
        String email = LoginService.normalizeEmail(request.email());
        transactions.executeRead(status -> users.findByEmail(email)).ifPresent(user -> {
            String token = Secrets.randomToken(43);
            transactions.executeWrite(status -> {
                resets.invalidateOpen(user.id());
                resets.insert(user.id(), Secrets.sha256(token), Instant.now().plus(RESET_LIFETIME));
                return null;
            });
            String link = mails.publicUrl() + "/reset-password?token=" + token;
            mails.sendQuietly(new EmailMessage(email, "Reset your AgentOps Hub password",
                "Someone asked to reset the password of this account. If it was you, open this link within an hour:\n\n"
                    + link + "\n\nIf it was not you, ignore this e-mail; your password stays as it is."));
        });
    }

    void confirmPasswordReset(AuthRequests.PasswordResetConfirm request) {
        passwords.requireAcceptable("new_password", request.newPassword());
        String hash = passwords.hash(request.newPassword());
        UUID userId = transactions.executeWrite(status -> {
            UUID id = resets.consume(Secrets.sha256(request.token())).orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST,
                "invalid_token", "This reset link is invalid, expired or already used. Ask for a new one.", Map.of()));
            users.updatePassword(id, hash);
            return id;
        });
        sessions.endAllOf(userId, "password_reset");
        lookups.read(Door.USER, userId.toString(), () -> members.activeMembershipsOf(userId)).forEach(membership ->
            tenants.run(membership.organizationId(), () -> audit.record(membership.organizationId(), AuditActor.user(userId),
                AuditEvent.of("auth.password_reset", "user", userId))));
    }
}
