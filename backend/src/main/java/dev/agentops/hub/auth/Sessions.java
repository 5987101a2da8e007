package dev.agentops.hub.auth;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.orgs.Member;
import dev.agentops.hub.orgs.MemberRemoved;
import dev.agentops.hub.orgs.MemberRepository;
import io.micronaut.runtime.event.annotation.EventListener;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.LookupTransactions;
import dev.agentops.hub.shared.tenancy.LookupTransactions.Door;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ClientInfo;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session is a family of rotating refresh tokens started by one login. Each refresh token works once; using a
 * spent one means it was stolen or replayed, so the whole family dies and the event is audited.
 */
@Singleton
class Sessions {

    static final String REFRESH_PREFIX = "rt_";

    private final RefreshTokenRepository tokens;
    private final MemberRepository members;
    private final AccessTokens accessTokens;
    private final TenantTransactions tenants;
    private final LookupTransactions lookups;
    private final AuditTrail audit;
    private final SessionRevocations revocations;
    private final Duration refreshLifetime;

    Sessions(RefreshTokenRepository tokens, MemberRepository members, AccessTokens accessTokens, TenantTransactions tenants,
             LookupTransactions lookups, AuditTrail audit, SessionRevocations revocations, @Value("${agentops.auth.refresh-token-days:30}") int refreshDays) {
        this.tokens = tokens;
        this.members = members;
        this.accessTokens = accessTokens;
        this.tenants = tenants;
        this.lookups = lookups;
        this.audit = audit;
        this.revocations = revocations;
        this.refreshLifetime = Duration.ofDays(refreshDays);
    }

    /** Starts a session; call inside the organization's tenant transaction. */
    TokenPair start(Member membership) {
        return issue(membership, UUID.randomUUID());
    }

    TokenPair refresh(String refreshToken) {
        String hash = Secrets.sha256(refreshToken == null ? "" : refreshToken);
        RefreshToken token = lookups.read(Door.TOKEN_HASH, hash, () -> tokens.findByHash(hash))
            .orElseThrow(Sessions::invalid);
        // Failures return null instead of throwing so that the revocation and its audit row commit.
        TokenPair pair = tenants.write(token.organizationId(), () -> {
            if (token.spent() || tokens.markUsed(token.id()) == 0) {
                tokens.revokeFamily(token.familyId(), "reuse");
                audit.record(token.organizationId(), AuditActor.user(token.userId()),
                    AuditEvent.of("auth.refresh_token_reused", "session", token.familyId()));
                return null;
            }
            if (token.expiresAt().isBefore(Instant.now())) {
                return null;
            }
            return members.findByUser(token.organizationId(), token.userId())
                .map(membership -> issue(membership, token.familyId())).orElse(null);
        });
        if (pair == null) {
            // a reuse revoked the family: its access tokens must stop working now, here and on other instances
            if (tenants.read(token.organizationId(), () -> tokens.familyRevoked(token.familyId()))) {
                revocations.revoked(List.of(token.familyId()));
            }
            throw invalid();
        }
        return pair;
    }

    /**
     * Ends the session of the access token used ({@code currentSession}) and the one the refresh token belongs to, if
     * it is the caller's; without a refresh token, all of the caller's sessions in this organization.
     */
    void end(UUID organizationId, UUID userId, UUID currentSession, String refreshToken) {
        List<UUID> ended = tenants.write(organizationId, () -> {
            List<UUID> families = new java.util.ArrayList<>();
            if (currentSession != null) {
                tokens.revokeFamily(currentSession, "logout");
                families.add(currentSession);
            }
            if (refreshToken == null || refreshToken.isBlank()) {
                families.addAll(tokens.revokeUserInOrganization(organizationId, userId, "logout"));
            } else {
                tokens.findByHash(Secrets.sha256(refreshToken))
                    .filter(token -> token.userId().equals(userId))
                    .ifPresent(token -> {
                        tokens.revokeFamily(token.familyId(), "logout");
                        families.add(token.familyId());
                    });
            }
            audit.record(organizationId, AuditActor.user(userId), AuditEvent.of("auth.logout", "user", userId));
            return families;
        });
        revocations.revoked(ended);
    }

    /** Runs inside the removal's tenant transaction (events are delivered synchronously). */
    @EventListener
    void onMemberRemoved(MemberRemoved removed) {
        revocations.revoked(tokens.revokeUserInOrganization(removed.organizationId(), removed.userId(), "removed"));
    }

    void endAllOf(UUID userId, String reason) {
        revocations.revoked(lookups.writeAsUser(userId, () -> tokens.revokeUserEverywhere(userId, reason)));
    }

    private TokenPair issue(Member membership, UUID family) {
        String refreshToken = REFRESH_PREFIX + Secrets.randomToken(43);
        ClientInfo client = ClientInfo.current().orElseGet(ClientInfo::none);
        tokens.insert(membership.organizationId(), membership.userId(), family, Secrets.sha256(refreshToken),
            Instant.now().plus(refreshLifetime), client.ip(), client.userAgent());
        String accessToken = accessTokens.issue(membership.userId(), membership.organizationId(), membership.role(), family);
        return new TokenPair(accessToken, refreshToken, accessTokens.lifetimeSeconds(), "Bearer");
    }

    private static RuntimeException invalid() {
        return Problems.unauthenticated("invalid_token", "The refresh token is invalid, expired or already used. Log in again.");
    }
}
