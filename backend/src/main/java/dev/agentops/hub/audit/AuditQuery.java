package dev.agentops.hub.audit;

import java.time.Instant;
import java.util.UUID;

/** Filters of GET /audit-logs; null means "any". */
record AuditQuery(String actorType, UUID actorId, String action, String entityType, Instant from, Instant to,
                  Long beforeSeq, int limit) {
}
