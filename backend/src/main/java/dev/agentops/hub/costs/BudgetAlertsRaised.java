package dev.agentops.hub.costs;

import java.util.UUID;

/** An evaluation committed new budget alerts for the organization: wakes the notifications drainer. */
public record BudgetAlertsRaised(UUID organizationId) {
}
