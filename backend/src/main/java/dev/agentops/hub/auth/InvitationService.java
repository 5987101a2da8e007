package dev.agentops.hub.auth;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.orgs.Member;
import dev.agentops.hub.orgs.MemberRepository;
import dev.agentops.hub.orgs.Organization;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** Reading and accepting an invitation: a new account, or a sign-in of an existing one that joins the organization. */
@Singleton
class InvitationService {

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final Passwords passwords;
    private final Sessions sessions;
    private final MfaService mfa;
    private final TenantTransactions tenants;
    private final LookupTransactions lookups;
    private final TransactionOperations<Connection> transactions;
    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final RateLimits limits;

    InvitationService(UserRepository users, OrganizationRepository organizations, MemberRepository members,
                      Passwords passwords, Sessions sessions, MfaService mfa, TenantTransactions tenants,
                      LookupTransactions lookups, TransactionOperations<Connection> transactions, AuditTrail audit,
                      RateLimiter limiter, RateLimits limits) {
        this.users = users;
        this.organizations = organizations;
        this.members = members;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mfa = mfa;
        this.tenants = tenants;
        this.lookups = lookups;
        this.transactions = transactions;
        this.audit = audit;
        this.limiter = limiter;
        this.limits = limits;
    }

    AuthResponses.Invitation invitation(String token) {
        String hash = Secrets.sha256(token);
        return lookups.read(Door.TOKEN_HASH, hash, () -> {
            Member invitation = openInvitation(hash);
            Organization organization = organizations.find(invitation.organizationId()).orElseThrow();
            return new AuthResponses.Invitation(organization.name(), invitation.email(), invitation.role().key());
        });
    }

    /**
     * Joins the invited organization. For an address that already has an account this is a sign-in, so it passes the
     * same gates as login: the per-account limit, the password, the second factor, and an audit row for each failure.
     */
    AuthResponses.Session acceptInvitation(AuthRequests.AcceptInvite request, String ip) {
        String hash = Secrets.sha256(request.token());
        Member invitation = lookups.read(Door.TOKEN_HASH, hash, () -> openInvitation(hash));
        UUID organizationId = invitation.organizationId();
        Optional<User> existing = transactions.executeRead(status -> users.findByEmail(invitation.email()));
        existing.ifPresentOrElse(user -> signInExisting(user, organizationId, request, ip),
            () -> passwords.requireAcceptable("password", request.password()));
        String newPasswordHash = existing.isPresent() ? null : passwords.hash(request.password());
        return tenants.write(organizationId, () -> {
            openInvitation(hash);
            UUID userId = existing.map(User::id).orElseGet(UUID::randomUUID);
            if (existing.isEmpty()) {
                users.insert(userId, invitation.email(), newPasswordHash, request.fullName().trim());
            } else {
                users.touchLogin(userId);
                audit.record(organizationId, AuditActor.user(userId), AuditEvent.of("auth.login_succeeded", "user", userId)
                    .with("method", existing.get().mfaEnabled() ? "accept_invite+totp" : "accept_invite"));
            }
            members.accept(organizationId, invitation.id(), userId);
            audit.record(organizationId, AuditActor.user(userId), AuditEvent.of("member.joined", "member", invitation.id())
                .with("email", invitation.email()).with("role", invitation.role().key()));
            Member membership = members.findByUser(organizationId, userId).orElseThrow();
            TokenPair tokens = sessions.start(membership);
            return AuthResponses.Session.of(tokens, users.findById(userId).orElseThrow(), organizations.find(organizationId).orElseThrow());
        });
    }

    private void signInExisting(User user, UUID invitingOrganization, AuthRequests.AcceptInvite request, String ip) {
        limiter.check(limits.loginAccount(), LoginService.accountKey(user.email(), ip));
        if (!passwords.matches(request.password(), user.passwordHash())) {
            auditFailedSignIn(user, invitingOrganization, "wrong_password");
            throw Problems.unauthenticated("invalid_credentials",
                "This e-mail already has an account: enter its current password to join the organization.");
        }
        if (!user.mfaEnabled()) {
            return;
        }
        if (request.code() == null || request.code().isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "mfa_required",
                "This account uses two-factor authentication: send the code from the authenticator app (or a recovery code) as code.",
                Map.of("field", "code"));
        }
        limiter.check(limits.mfaUser(), user.id().toString());
        if (!tenants.write(invitingOrganization, () -> mfa.checkSecondFactor(user, request.code()))) {
            auditFailedSignIn(user, invitingOrganization, "wrong_mfa_code");
            throw Problems.unauthenticated("invalid_mfa_code", "The code is wrong or was already used. Try the next code.");
        }
    }

    /** In the inviting organization (whose invitation was used) and in the user's own, where login failures go. */
    private void auditFailedSignIn(User user, UUID invitingOrganization, String reason) {
        Stream<UUID> own = lookups.read(Door.USER, user.id().toString(), () -> members.activeMembershipsOf(user.id()))
            .stream().limit(1).map(Member::organizationId);
        Stream.concat(Stream.of(invitingOrganization), own).distinct()
            .forEach(organization -> tenants.run(organization, () -> audit.record(organization, AuditActor.user(user.id()),
                AuditEvent.of("auth.login_failed", "user", user.id()).with("reason", reason).with("via", "accept_invite"))));
    }

    private Member openInvitation(String tokenHash) {
        return members.findInvitation(tokenHash)
            .filter(invitation -> invitation.inviteExpiresAt() != null && invitation.inviteExpiresAt().isAfter(Instant.now()))
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found",
                "This invitation is invalid, expired or already used. Ask an admin for a new one.", Map.of()));
    }
}
