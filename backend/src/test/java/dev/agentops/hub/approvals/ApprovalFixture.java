package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.tenancy.TenantTransactions;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.agentops.hub.support.Sql.update;

/** Opens approval requests the way a require_approval check does, without the policy engine. */
final class ApprovalFixture {

    static final Map<String, Object> DISCOUNT = Map.of("type", "apply_discount", "target", "customer-42", "discount_percent", 15);

    private final ApprovalService approvals;
    private final TenantTransactions tenants;
    private final TransactionOperations<Connection> tx;

    ApprovalFixture(ApprovalService approvals, TenantTransactions tenants, TransactionOperations<Connection> tx) {
        this.approvals = approvals;
        this.tenants = tenants;
        this.tx = tx;
    }

    UUID policy(UUID org) {
        UUID policy = UUID.randomUUID();
        tenants.run(org, () -> update(tx.getConnection(), "insert into policies (id, organization_id, name) values (?, ?, 'Discounts')",
            policy, org));
        return policy;
    }

    OpenedApproval open(UUID org, UUID agentId, String runId, List<String> approvers, int timeoutMinutes) {
        return open(org, agentId, runId, DISCOUNT, approvers, timeoutMinutes);
    }

    OpenedApproval open(UUID org, UUID agentId, String runId, Map<String, Object> action, List<String> approvers, int timeoutMinutes) {
        return approvals.open(new OpenApproval(org, null, agentId, runId, String.valueOf(action.get("type")), action, policy(org), 1,
            "Discounts", approvers, timeoutMinutes));
    }
}
