package dev.agentops.hub.orgs;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.email.EmailMessage;
import dev.agentops.hub.shared.email.EmailSender;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Role;
import dev.agentops.hub.shared.security.Secrets;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/** Invitations, roles and removals. An organization always keeps at least one active admin. */
@Singleton
class MemberService {

    private static final Logger LOG = LoggerFactory.getLogger(MemberService.class);
    private static final Duration INVITE_LIFETIME = Duration.ofDays(7);

    private final MemberRepository members;
    private final OrganizationRepository organizations;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final EmailSender email;
    private final ApplicationEventPublisher<MemberRemoved> removals;
    private final String publicUrl;
    private final ExecutorService background;

    MemberService(MemberRepository members, OrganizationRepository organizations, TenantTransactions tenants,
                  AuditTrail audit, EmailSender email, ApplicationEventPublisher<MemberRemoved> removals,
                  @Value("${agentops.public-url}") String publicUrl, @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.members = members;
        this.organizations = organizations;
        this.tenants = tenants;
        this.audit = audit;
        this.email = email;
        this.removals = removals;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
        this.background = background;
    }

    List<Member> list(Actor actor, Instant afterCreatedAt, UUID afterId, int limitPlusOne) {
        return tenants.read(actor.organizationId(), () -> members.list(actor.organizationId(), afterCreatedAt, afterId, limitPlusOne));
    }

    InvitationCreated invite(Actor actor, OrgRequests.Invite request) {
        String address = request.email().trim().toLowerCase(Locale.ROOT);
        Role role = Role.fromKey(request.role()).orElseThrow();
        List<String> teams = cleanTeams(request.teams());
        String token = Secrets.randomToken(43);
        Instant expiresAt = Instant.now().plus(INVITE_LIFETIME);
        String inviteUrl = publicUrl + "/accept-invite?token=" + token;
        UUID org = actor.organizationId();
        UUID invited = tenants.write(org, () -> {
            if (members.emailTaken(org, address)) {
                throw Problems.conflict("duplicate", address + " is already a member or has an open invitation.");
            }
            UUID id = members.insertInvitation(org, address, role.key(), teams, Secrets.sha256(token), expiresAt,
                actor.id());
            audit.record(org, AuditActor.of(actor), AuditEvent.of("member.invited", "member", id)
                .with("email", address).with("role", role.key()).with("teams", teams));
            return id;
        });
        String organizationName = tenants.read(org, () -> organizations.find(org).map(Organization::name).orElse("an organization"));
        EmailMessage invitation = new EmailMessage(address, "You are invited to " + organizationName + " on AgentOps Hub",
            "You were invited to join " + organizationName + " as " + role.key() + ".\n\nAccept within 7 days:\n\n"
                + inviteUrl + "\n");
        // off the request: a slow or silent SMTP server (up to its 15 s of timeouts) must not hold the admin's answer
        background.execute(() -> {
            try {
                email.send(invitation);
            } catch (RuntimeException e) {
                LOG.warn("Invitation e-mail could not be sent ({}); share the invite link instead", e.getMessage());
            }
        });
        return new InvitationCreated(invited, address, role.key(), teams, "invited",
            email.reachesRecipients() ? null : inviteUrl, expiresAt);
    }

    Member update(Actor actor, UUID id, OrgRequests.MemberUpdate request) {
        UUID org = actor.organizationId();
        return tenants.write(org, () -> {
            Member before = members.find(org, id).orElseThrow(() -> Problems.notFound("member", id));
            Role role = request.role() == null ? before.role() : Role.fromKey(request.role()).orElseThrow();
            List<String> teams = request.teams() == null ? before.teams() : cleanTeams(request.teams());
            if (before.role() == Role.ADMIN && role != Role.ADMIN && before.active()) {
                requireAnotherAdmin(org);
            }
            members.update(org, id, role.key(), teams);
            Member after = members.find(org, id).orElseThrow();
            audit.record(org, AuditActor.of(actor), AuditEvent.of("member.updated", "member", id)
                .beforeAfter(java.util.Map.of("role", before.role().key(), "teams", before.teams()),
                    java.util.Map.of("role", after.role().key(), "teams", after.teams())));
            return after;
        });
    }

    void remove(Actor actor, UUID id) {
        UUID org = actor.organizationId();
        tenants.run(org, () -> {
            Member member = members.find(org, id).orElseThrow(() -> Problems.notFound("member", id));
            if (member.role() == Role.ADMIN && member.active()) {
                requireAnotherAdmin(org);
            }
            members.delete(org, id);
            if (member.userId() != null) {
                removals.publishEvent(new MemberRemoved(org, member.userId()));
            }
            audit.record(org, AuditActor.of(actor), AuditEvent.of("member.removed", "member", id)
                .with("email", member.email()).with("role", member.role().key()));
        });
    }

    private void requireAnotherAdmin(UUID org) {
        if (members.lockedActiveAdmins(org).size() <= 1) {
            throw Problems.conflict("last_admin", "An organization needs at least one admin: make someone else admin first.");
        }
    }

    private static List<String> cleanTeams(List<String> teams) {
        return teams == null ? List.of() : teams.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().sorted().toList();
    }
}
