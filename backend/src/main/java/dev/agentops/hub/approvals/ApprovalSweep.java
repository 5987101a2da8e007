package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.tenancy.LookupTransactions;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes {@code expired} on pending requests past their time (reads already show them expired): finds them across
 * organizations through the sweep's read-only door, then expires each organization's in its own tenant scope with
 * audit rows, live events and the run's {@code approval_decided}. Several instances may sweep at once: the update
 * only takes rows still pending, so each expiry is written once.
 */
@Singleton
class ApprovalSweep {

    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(ApprovalSweep.class);

    private final ApprovalRepository repository;
    private final ApprovalService approvals;
    private final LookupTransactions lookups;
    private final Clock clock;

    ApprovalSweep(ApprovalRepository repository, ApprovalService approvals, LookupTransactions lookups, Clock clock) {
        this.repository = repository;
        this.approvals = approvals;
        this.lookups = lookups;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${agentops.approvals.sweep-interval:15s}", initialDelay = "${agentops.approvals.sweep-interval:15s}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warn("Approval expiry sweep failed ({}); retrying at the next run", e.getClass().getSimpleName());
        }
    }

    /** Expires what is overdue now; how many requests this call expired. */
    int sweep() {
        Instant now = clock.instant();
        List<Approval> overdue = lookups.read(LookupTransactions.Door.APPROVAL_SWEEP, "on", () -> repository.overdue(now, BATCH));
        Map<UUID, List<UUID>> byOrg = overdue.stream().collect(Collectors.groupingBy(Approval::organizationId,
            LinkedHashMap::new, Collectors.mapping(Approval::id, Collectors.toList())));
        return byOrg.entrySet().stream().mapToInt(org -> approvals.expire(org.getKey(), org.getValue(), now)).sum();
    }
}
