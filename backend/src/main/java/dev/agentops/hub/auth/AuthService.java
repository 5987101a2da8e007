package dev.agentops.hub.auth;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.orgs.Member;
import dev.agentops.hub.orgs.MemberRepository;
import dev.agentops.hub.orgs.Organization;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.db.Jdbc;
import dev.agentops.hub.shared.email.EmailMessage;
import dev.agentops.hub.shared.email.EmailSender;
import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.Role;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/** Signup (with its e-mail confirmation), login (with the second factor), invitations and password resets. */
@Singleton
class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final Duration RESET_LIFETIME = Duration.ofHours(1);
    private static final Duration SIGNUP_LIFETIME = Duration.ofHours(24);

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final PasswordResetRepository resets;
    private final SignupRequestRepository signups;
    private final Passwords passwords;
    private final Sessions sessions;
    private final MfaService mfa;
    private final MfaChallenges challenges;
    private final TenantTransactions tenants;
    private final LookupTransactions lookups;
    private final TransactionOperations<Connection> transactions;
    private final AuditTrail audit;
    private final EmailSender email;
    private final ExecutorService background;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final String publicUrl;

    AuthService(UserRepository users, OrganizationRepository organizations, MemberRepository members,
                PasswordResetRepository resets, SignupRequestRepository signups, Passwords passwords, Sessions sessions, MfaService mfa,
                MfaChallenges challenges, TenantTransactions tenants, LookupTransactions lookups,
                TransactionOperations<Connection> transactions, AuditTrail audit, EmailSender email,
                @Named(TaskExecutors.BLOCKING) ExecutorService background, RateLimiter limiter, RateLimits limits,
                @Value("${agentops.public-url}") String publicUrl) {
        this.limiter = limiter;
        this.limits = limits;
        this.users = users;
        this.organizations = organizations;
        this.members = members;
        this.resets = resets;
        this.signups = signups;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mfa = mfa;
        this.challenges = challenges;
        this.tenants = tenants;
        this.lookups = lookups;
        this.transactions = transactions;
        this.audit = audit;
        this.email = email;
        this.background = background;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Answers the same for every well-formed address, so that signup no longer tells who has an account: nothing is
     * created yet. A new address gets a pending signup and an e-mail with a one-time link ({@link #confirmSignup});
     * an address with an account gets a notice to its owner instead. The password is hashed either way (the slow
     * step), so the timing of the two answers does not tell them apart either.
     */
    AuthResponses.SignupAccepted signup(AuthRequests.Signup request) {
        passwords.requireAcceptable("password", request.password());
        String address = normalizeEmail(request.email());
        String passwordHash = passwords.hash(request.password());
        Optional<User> existing = transactions.executeWrite(status -> {
            signups.deleteExpired();
            return users.findByEmail(address);
        });
        if (existing.isPresent()) {
            // user-supplied text (names) never goes into these e-mails: signup must not send strangers someone's prose
            sendQuietly(new EmailMessage(address, "Someone tried to sign up to AgentOps Hub with your address",
                "Someone tried to create a new AgentOps Hub account with this e-mail address, which already has one. "
                    + "No account was created and nothing changed on yours.\n\n"
                    + "If it was you, sign in instead:\n\n" + publicUrl + "/login\n\n"
                    + "or, if you forgot your password, reset it:\n\n" + publicUrl + "/reset-password\n\n"
                    + "If it was not you, you can ignore this e-mail."));
            return AuthResponses.SignupAccepted.sent(null);
        }
        String token = Secrets.randomToken(43);
        SignupRequestRepository.Pending pending = new SignupRequestRepository.Pending(address, passwordHash,
            request.fullName().trim(), request.organizationName().trim());
        transactions.executeWrite(status -> {
            signups.insert(Secrets.sha256(token), pending, Instant.now().plus(SIGNUP_LIFETIME));
            return null;
        });
        String link = publicUrl + "/signup/confirm?token=" + token;
        sendQuietly(new EmailMessage(address, "Confirm your AgentOps Hub signup",
            "Someone asked to create an AgentOps Hub organization with this e-mail address. If it was you, open this "
                + "link within 24 hours to finish:\n\n" + link
                + "\n\nIf it was not you, ignore this e-mail: nothing is created without the link."));
        // like invite_url: the link is shown to the caller only when no e-mail could bring it (development outbox)
        return AuthResponses.SignupAccepted.sent(email.reachesRecipients() ? null : link);
    }

    /**
     * Spends the link of a pending signup and creates the organization with its first admin, signed in. An address
     * that got an account in the meantime answers like any spent link: the answer must not reveal it either.
     */
    AuthResponses.Session confirmSignup(AuthRequests.SignupConfirm request) {
        UUID organizationId = UUID.randomUUID();
        UUID userId = UUID.randomUUID();
        try {
            return tenants.write(organizationId, () -> {
                SignupRequestRepository.Pending pending = signups.consume(Secrets.sha256(request.token()))
                    .orElseThrow(AuthService::invalidSignupLink);
                if (users.findByEmail(pending.email()).isPresent()) {
                    throw invalidSignupLink();
                }
                users.insert(userId, pending.email(), pending.passwordHash(), pending.fullName());
                users.markEmailVerified(userId);
                organizations.insert(organizationId, pending.organizationName(), slugFor(pending.organizationName()));
                members.insertActive(organizationId, userId, pending.email(), Role.ADMIN);
                AuditActor actor = AuditActor.user(userId);
                audit.record(organizationId, actor, AuditEvent.of("organization.created", "organization", organizationId)
                    .with("name", pending.organizationName()));
                audit.record(organizationId, actor, AuditEvent.of("auth.signup", "user", userId).with("email", pending.email()));
                Member admin = members.findByUser(organizationId, userId).orElseThrow();
                TokenPair tokens = sessions.start(admin);
                return AuthResponses.Session.of(tokens, users.findById(userId).orElseThrow(), organizations.find(organizationId).orElseThrow());
            });
        } catch (Jdbc.DataAccessFailure e) {
            if (e.isUniqueViolation()) {
                // two links of one address confirmed at the same moment: the other one created the account
                throw invalidSignupLink();
            }
            throw e;
        }
    }

    AuthResponses.Session login(AuthRequests.Login request) {
        String email = normalizeEmail(request.email());
        Optional<User> found = transactions.executeRead(status -> users.findByEmail(email));
        if (found.isEmpty()) {
            passwords.spendDecoyCheck(request.password());
            throw invalidCredentials();
        }
        User user = found.get();
        List<Member> memberships = lookups.read(Door.USER, user.id().toString(), () -> members.activeMembershipsOf(user.id()));
        boolean passwordOk = passwords.matches(request.password(), user.passwordHash());
        if (!passwordOk || memberships.isEmpty()) {
            memberships.stream().findFirst().ifPresent(membership -> tenants.run(membership.organizationId(), () ->
                audit.record(membership.organizationId(), AuditActor.user(user.id()),
                    AuditEvent.of("auth.login_failed", "user", user.id()).with("reason", "wrong_password"))));
            throw invalidCredentials();
        }
        Member membership = memberships.get(0);
        if (user.mfaEnabled()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "mfa_required",
                "Enter the code from your authenticator app (or a recovery code) to finish signing in.",
                Map.of("challenge", challenges.issue(user.id(), membership.organizationId(),
                    transactions.executeRead(status -> users.loginVersion(user.id())))));
        }
        return completeLogin(user, membership, "password");
    }

    AuthResponses.Session verifyMfa(AuthRequests.MfaVerify request) {
        MfaChallenges.Challenge challenge = challenges.open(request.challenge()).orElseThrow(() ->
            Problems.unauthenticated("invalid_token", "The sign-in step expired or is invalid. Log in again."));
        limiter.check(limits.mfaUser(), challenge.userId().toString());
        User user = transactions.executeRead(status -> users.findById(challenge.userId())).orElseThrow(AuthService::invalidCredentials);
        Member membership = tenants.read(challenge.organizationId(),
            () -> members.findByUser(challenge.organizationId(), user.id())).orElseThrow(AuthService::invalidCredentials);
        SecondFactor outcome = tenants.write(membership.organizationId(), () -> {
            if (!mfa.checkSecondFactor(user, request.code())) {
                audit.record(membership.organizationId(), AuditActor.user(user.id()),
                    AuditEvent.of("auth.login_failed", "user", user.id()).with("reason", "wrong_mfa_code"));
                return SecondFactor.WRONG;
            }
            return users.touchLoginIfUnchanged(user.id(), challenge.loginVersion()) ? SecondFactor.OK : SecondFactor.SPENT;
        });
        if (outcome == SecondFactor.WRONG) {
            throw Problems.unauthenticated("invalid_mfa_code", "The code is wrong or was already used. Try the next code.");
        }
        if (outcome == SecondFactor.SPENT) {
            throw Problems.unauthenticated("invalid_token", "This sign-in step was already completed. Log in again.");
        }
        return completeLogin(user, membership, "password+totp");
    }

    private enum SecondFactor { OK, WRONG, SPENT }

    AuthResponses.Me me(Actor actor) {
        if (!actor.isUser()) {
            throw Problems.forbidden("API keys have no user profile; use a signed-in user's access token.");
        }
        return tenants.read(actor.organizationId(), () -> {
            User user = users.findById(actor.id()).orElseThrow(AuthService::invalidCredentials);
            Member membership = members.findByUser(actor.organizationId(), actor.id())
                .orElseThrow(() -> Problems.unauthenticated("unauthenticated", "You are no longer a member of this organization."));
            Organization organization = organizations.find(actor.organizationId()).orElseThrow();
            List<String> permissions = membership.role().permissions().stream().map(Permission::key).sorted().toList();
            return new AuthResponses.Me(AuthResponses.UserView.of(user), organization, membership.role().key(),
                membership.teams(), permissions);
        });
    }

    void logout(Actor actor, UUID currentSession, String refreshToken) {
        sessions.end(actor.organizationId(), actor.id(), currentSession, refreshToken);
    }

    /** Always answers the same way: whether the address has an account is nobody's business. */
    void requestPasswordReset(AuthRequests.PasswordReset request) {
        String email = normalizeEmail(request.email());
        Optional<User> user = transactions.executeRead(status -> users.findByEmail(email));
        if (user.isEmpty()) {
            return;
        }
        String token = Secrets.randomToken(43);
        transactions.executeWrite(status -> {
            resets.invalidateOpen(user.get().id());
            resets.insert(user.get().id(), Secrets.sha256(token), Instant.now().plus(RESET_LIFETIME));
            return null;
        });
        String link = publicUrl + "/reset-password?token=" + token;
        sendQuietly(new EmailMessage(email, "Reset your AgentOps Hub password",
            "Someone asked to reset the password of this account. If it was you, open this link within an hour:\n\n"
                + link + "\n\nIf it was not you, ignore this e-mail; your password stays as it is."));
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
        List<Member> memberships = lookups.read(Door.USER, userId.toString(), () -> members.activeMembershipsOf(userId));
        for (Member membership : memberships) {
            tenants.run(membership.organizationId(), () -> audit.record(membership.organizationId(), AuditActor.user(userId),
                AuditEvent.of("auth.password_reset", "user", userId)));
        }
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
        String passwordHash = null;
        if (existing.isPresent()) {
            signInExisting(existing.get(), organizationId, request, ip);
        } else {
            passwords.requireAcceptable("password", request.password());
            passwordHash = passwords.hash(request.password());
        }
        String newPasswordHash = passwordHash;
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
        limiter.check(limits.loginAccount(), accountKey(user.email(), ip));
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
        boolean ok = tenants.write(invitingOrganization, () -> mfa.checkSecondFactor(user, request.code()));
        if (!ok) {
            auditFailedSignIn(user, invitingOrganization, "wrong_mfa_code");
            throw Problems.unauthenticated("invalid_mfa_code", "The code is wrong or was already used. Try the next code.");
        }
    }

    /** In the inviting organization (whose invitation was used) and in the user's own, where login failures go. */
    private void auditFailedSignIn(User user, UUID invitingOrganization, String reason) {
        java.util.Set<UUID> organizations = new java.util.LinkedHashSet<>();
        organizations.add(invitingOrganization);
        lookups.read(Door.USER, user.id().toString(), () -> members.activeMembershipsOf(user.id())).stream()
            .findFirst().ifPresent(membership -> organizations.add(membership.organizationId()));
        for (UUID organization : organizations) {
            tenants.run(organization, () -> audit.record(organization, AuditActor.user(user.id()),
                AuditEvent.of("auth.login_failed", "user", user.id()).with("reason", reason).with("via", "accept_invite")));
        }
    }

    /**
     * The subject of the per-account login limit: the account together with the caller's address, so that failures
     * from one place cannot lock the owner out from another (the per-IP limit bounds each place's guesses).
     */
    static String accountKey(String email, String ip) {
        return normalizeEmail(email) + " " + (ip == null ? "" : ip);
    }

    private AuthResponses.Session completeLogin(User user, Member membership, String method) {
        return tenants.write(membership.organizationId(), () -> {
            users.touchLogin(user.id());
            audit.record(membership.organizationId(), AuditActor.user(user.id()),
                AuditEvent.of("auth.login_succeeded", "user", user.id()).with("method", method));
            TokenPair tokens = sessions.start(membership);
            return AuthResponses.Session.of(tokens, user, organizations.find(membership.organizationId()).orElseThrow());
        });
    }

    private Member openInvitation(String tokenHash) {
        return members.findInvitation(tokenHash)
            .filter(invitation -> invitation.inviteExpiresAt() != null && invitation.inviteExpiresAt().isAfter(Instant.now()))
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found",
                "This invitation is invalid, expired or already used. Ask an admin for a new one.", Map.of()));
    }

    private void sendQuietly(EmailMessage message) {
        background.execute(() -> {
            try {
                email.send(message);
            } catch (RuntimeException e) {
                LOG.warn("Could not send \"{}\": {}", message.subject(), e.getMessage());
            }
        });
    }

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static String slugFor(String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.length() > 40) {
            base = base.substring(0, 40).replaceAll("-+$", "");
        }
        return (base.isEmpty() ? "org" : base) + "-" + Secrets.randomToken(6).toLowerCase(Locale.ROOT);
    }

    private static ApiException invalidSignupLink() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_token",
            "This signup link is invalid, expired or already used. If you already confirmed it, sign in; otherwise sign up again.", Map.of());
    }

    private static ApiException invalidCredentials() {
        return Problems.unauthenticated("invalid_credentials", "The e-mail or the password is wrong.");
    }
}
