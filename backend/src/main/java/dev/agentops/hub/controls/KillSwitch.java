package dev.agentops.hub.controls;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.security.ActorRef;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The organization-wide halt. Engaging marks the organization halted and pauses every active agent (source
 * {@code kill_switch}) in one transaction that holds the organization row exclusively, so a concurrent reader sees
 * all of it or none, and a concurrent pause or resume waits for it. Releasing resumes exactly the agents whose pause
 * is still the kill switch's; agents paused for another reason, before or during the halt, stay paused. Engaging an
 * engaged halt and releasing a released one change nothing and write no audit row.
 */
@Singleton
class KillSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(KillSwitch.class);

    private final ControlsRepository repository;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final ControlStates states;
    private final ApplicationEventPublisher<OrgHaltChanged> changes;

    KillSwitch(ControlsRepository repository, TenantTransactions tenants, AuditTrail audit, ControlStates states,
               ApplicationEventPublisher<OrgHaltChanged> changes) {
        this.repository = repository;
        this.tenants = tenants;
        this.audit = audit;
        this.states = states;
        this.changes = changes;
    }

    private record Outcome(ControlStatus status, List<UUID> agentIds, boolean changed) {
    }

    ControlStatus engage(UUID org, AuditActor by, String reason, String confirm) {
        String why = Reasons.clean(reason);
        return control(org, "engaged", "paused", () -> {
            ControlsRepository.Org organization = repository.lockOrgExclusive(org).orElseThrow();
            String typed = confirm == null ? "" : confirm.trim();
            if (!typed.equals(organization.name()) && !typed.equals(organization.slug())) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "confirmation_mismatch",
                    "To engage the kill switch, set confirm to the organization's name or slug exactly.",
                    Map.of("field", "confirm"));
            }
            if (organization.halt().engaged()) {
                return new Outcome(statusInTransaction(org), List.of(), false);
            }
            ActorRef who = repository.refOf(by);
            repository.halt(org, why, who);
            List<UUID> paused = repository.pauseAllActive(org, why, who);
            audit.record(org, by, AuditEvent.of("org.halted", "organization", org)
                .with("reason", why).with("paused_agent_count", paused.size())
                .with("paused_agents", paused.stream().map(UUID::toString).toList())
                .beforeAfter(Map.of("halted", false), Map.of("halted", true)));
            return new Outcome(statusInTransaction(org), paused, true);
        });
    }

    ControlStatus release(UUID org, AuditActor by, String reason) {
        String why = Reasons.clean(reason);
        return control(org, "released", "resumed", () -> {
            HaltState was = repository.lockOrgExclusive(org).orElseThrow().halt();
            if (!was.engaged()) {
                return new Outcome(statusInTransaction(org), List.of(), false);
            }
            repository.unhalt(org);
            List<UUID> resumed = repository.resumeKillSwitchPauses(org);
            audit.record(org, by, AuditEvent.of("org.released", "organization", org)
                .with("reason", why).with("resumed_agent_count", resumed.size())
                .with("resumed_agents", resumed.stream().map(UUID::toString).toList())
                .beforeAfter(Map.of("halted", true, "engaged_at", String.valueOf(was.engagedAt()),
                        "halt_reason", String.valueOf(was.reason())),
                    Map.of("halted", false)));
            return new Outcome(statusInTransaction(org), resumed, true);
        });
    }

    ControlStatus status(UUID org) {
        return tenants.read(org, () -> statusInTransaction(org));
    }

    /** Read in the control's own transaction: what it committed, without a second transaction for the answer. */
    private ControlStatus statusInTransaction(UUID org) {
        return new ControlStatus(repository.org(org).orElseThrow().halt(), repository.pausedAgents(org));
    }

    /** Runs an engage or a release; one that changed something is announced, and logged with how long it took. */
    private ControlStatus control(UUID org, String done, String agentsDone, Supplier<Outcome> work) {
        long started = System.nanoTime();
        Outcome outcome = states.write(org, work);
        if (outcome.changed()) {
            changes.publishEvent(new OrgHaltChanged(org, outcome.status().halt(), outcome.agentIds()));
            LOG.info("Kill switch {} for organization {}: {} agents {}, in force here after {} ms", done, org,
                outcome.agentIds().size(), agentsDone, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return outcome.status();
    }
}
