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
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Login with its second factor, and the signed-in user's profile. */
@Singleton
class LoginService {

    private final UserRepository users;
    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final Passwords passwords;
    private final Sessions sessions;
    private final MfaService mfa;
    private final MfaChallenges challenges;
    private final TenantTransactions tenants;
    private final LookupTransactions lookups;
    private final TransactionOperations<Connection> transactions;
    private final AuditTrail audit;
    private final RateLimiter limiter;
    private final RateLimits limits;

    LoginService(UserRepository users, OrganizationRepository organizations, MemberRepository members,
                 Passwords passwords, Sessions sessions, MfaService mfa, MfaChallenges challenges,
                 TenantTransactions tenants, LookupTransactions lookups,
                 TransactionOperations<Connection> transactions, AuditTrail audit, RateLimiter limiter,
                 RateLimits limits) {
        this.users = users;
        this.organizations = organizations;
        this.members = members;
        this.passwords = passwords;
        this.sessions = sessions;
        this.mfa = mfa;
        this.challenges = challenges;
        this.tenants = tenants;
        this.lookups = lookups;
        this.transactions = transactions;
        this.audit = audit;
        this.limiter = limiter;
        this.limits = limits;
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
        if (!passwords.matches(request.password(), user.passwordHash()) || memberships.isEmpty()) {
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
        User user = transactions.executeRead(status -> users.findById(challenge.userId())).orElseThrow(LoginService::invalidCredentials);
        Member membership = tenants.read(challenge.organizationId(),
            () -> members.findByUser(challenge.organizationId(), user.id())).orElseThrow(LoginService::invalidCredentials);
        // a refusal is returned, not thrown, so that the failure's audit row commits
        ApiException refusal = tenants.write(membership.organizationId(), () -> {
            if (!mfa.checkSecondFactor(user, request.code())) {
                audit.record(membership.organizationId(), AuditActor.user(user.id()),
                    AuditEvent.of("auth.login_failed", "user", user.id()).with("reason", "wrong_mfa_code"));
                return Problems.unauthenticated("invalid_mfa_code",
                    "The code is wrong or was already used. Try the next code.");
            }
            return users.touchLoginIfUnchanged(user.id(), challenge.loginVersion()) == 1 ? null
                : Problems.unauthenticated("invalid_token", "This sign-in step was already completed. Log in again.");
        });
        if (refusal != null) {
            throw refusal;
        }
        return completeLogin(user, membership, "password+totp");
    }

    AuthResponses.Me me(Actor actor) {
        actor.requireUser("API keys have no user profile; use a signed-in user's access token.");
        return tenants.read(actor.organizationId(), () -> {
            User user = users.findById(actor.id()).orElseThrow(LoginService::invalidCredentials);
            Member membership = members.findByUser(actor.organizationId(), actor.id())
                .orElseThrow(() -> Problems.unauthenticated("unauthenticated", "You are no longer a member of this organization."));
            Organization organization = organizations.find(actor.organizationId()).orElseThrow();
            List<String> permissions = membership.role().permissions().stream().map(Permission::key).sorted().toList();
            return new AuthResponses.Me(AuthResponses.UserView.of(user), organization, membership.role().key(),
                membership.teams(), permissions);
        });
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

    static String normalizeEmail(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    private static ApiException invalidCredentials() {
        return Problems.unauthenticated("invalid_credentials", "The e-mail or the password is wrong.");
    }
}
