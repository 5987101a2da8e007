package dev.agentops.hub.auth;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.orgs.Member;
import dev.agentops.hub.orgs.MemberRepository;
import dev.agentops.hub.orgs.OrganizationRepository;
import dev.agentops.hub.shared.db.DatabaseFailures;
import dev.agentops.hub.shared.email.EmailMessage;
import dev.agentops.hub.shared.security.Role;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Signup with its e-mail confirmation: nothing is created until the link in the e-mail is spent. */
@Singleton
class SignupService {

    private static final Duration SIGNUP_LIFETIME = Duration.ofHours(24);

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final SignupRequestRepository signups;
    private final Passwords passwords;
    private final Sessions sessions;
    private final TenantTransactions tenants;
    private final TransactionOperations<Connection> transactions;
    private final AuditTrail audit;
    private final AuthMails mails;

    SignupService(UserRepository users, OrganizationRepository organizations, MemberRepository members,
                  SignupRequestRepository signups, Passwords passwords, Sessions sessions,
                  TenantTransactions tenants, TransactionOperations<Connection> transactions, AuditTrail audit,
                  AuthMails mails) {
        this.users = users;
        this.organizations = organizations;
        this.members = members;
        this.signups = signups;
        this.passwords = passwords;
        this.sessions = sessions;
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
        this.mails = mails;
    }

    /**
     * Answers the same for every well-formed address, so that signup no longer tells who has an account: nothing is
     * created yet. A new address gets a pending signup and an e-mail with a one-time link ({@link #confirmSignup});
     * an address with an account gets a notice to its owner instead. The password is hashed either way (the slow
     * step), so the timing of the two answers does not tell them apart either.
     */
    AuthResponses.SignupAccepted signup(AuthRequests.Signup request) {
        passwords.requireAcceptable("password", request.password());
        String address = LoginService.normalizeEmail(request.email());
        String passwordHash = passwords.hash(request.password());
        Optional<User> existing = transactions.executeWrite(status -> {
            signups.deleteExpired();
            return users.findByEmail(address);
        });
        if (existing.isPresent()) {
            // user-supplied text (names) never goes into these e-mails: signup must not send strangers someone's prose
            mails.sendQuietly(new EmailMessage(address, "Someone tried to sign up to AgentOps Hub with your address",
                "Someone tried to create a new AgentOps Hub account with this e-mail address, which already has one. "
                    + "No account was created and nothing changed on yours.\n\n"
                    + "If it was you, sign in instead:\n\n" + mails.publicUrl() + "/login\n\n"
                    + "or, if you forgot your password, reset it:\n\n" + mails.publicUrl() + "/reset-password\n\n"
                    + "If it was not you, you can ignore this e-mail."));
            return AuthResponses.SignupAccepted.sent(null);
        }
        String token = Secrets.randomToken(43);
        transactions.executeWrite(status -> {
            signups.insert(Secrets.sha256(token), address, passwordHash, request.fullName().trim(),
                request.organizationName().trim(), Instant.now().plus(SIGNUP_LIFETIME));
            return null;
        });
        String link = mails.publicUrl() + "/signup/confirm?token=" + token;
        mails.sendQuietly(new EmailMessage(address, "Confirm your AgentOps Hub signup",
            "Someone asked to create an AgentOps Hub organization with this e-mail address. If it was you, open this "
                + "link within 24 hours to finish:\n\n" + link
                + "\n\nIf it was not you, ignore this e-mail: nothing is created without the link."));
        // like invite_url: the link is shown to the caller only when no e-mail could bring it (development outbox)
        return AuthResponses.SignupAccepted.sent(mails.reachesRecipients() ? null : link);
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
                    .orElseThrow(SignupService::invalidSignupLink);
                if (users.findByEmail(pending.email()).isPresent()) {
                    throw invalidSignupLink();
                }
                users.insert(userId, pending.email(), pending.passwordHash(), pending.fullName());
                users.markEmailVerified(userId);
                organizations.insert(organizationId, pending.organizationName(), slugFor(pending.organizationName()));
                members.insertActive(organizationId, userId, pending.email(), Role.ADMIN.key());
                AuditActor actor = AuditActor.user(userId);
                audit.record(organizationId, actor, AuditEvent.of("organization.created", "organization", organizationId)
                    .with("name", pending.organizationName()));
                audit.record(organizationId, actor, AuditEvent.of("auth.signup", "user", userId).with("email", pending.email()));
                Member admin = members.findByUser(organizationId, userId).orElseThrow();
                TokenPair tokens = sessions.start(admin);
                return AuthResponses.Session.of(tokens, users.findById(userId).orElseThrow(), organizations.find(organizationId).orElseThrow());
            });
        } catch (RuntimeException e) {
            if (DatabaseFailures.uniqueViolation(e)) {
                // two links of one address confirmed at the same moment: the other one created the account
                throw invalidSignupLink();
            }
            throw e;
        }
    }

    static String slugFor(String name) {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        base = base.length() > 40 ? base.substring(0, 40).replaceAll("-+$", "") : base;
        return (base.isEmpty() ? "org" : base) + "-" + Secrets.randomToken(6).toLowerCase(Locale.ROOT);
    }

    private static ApiException invalidSignupLink() {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_token",
            "This signup link is invalid, expired or already used. If you already confirmed it, sign in; otherwise sign up again.", Map.of());
    }
}
