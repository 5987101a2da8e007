package dev.agentops.hub.policies;

import java.util.List;
import java.util.Map;

/** The template gallery (issue #14); every template is a valid rule (PolicyTemplatesTest parses each one). */
final class PolicyTemplates {

    private PolicyTemplates() {
    }

    private static Map<String, Object> row(String field, String operator, Object value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    static final List<PolicyTemplate> ALL = List.of(
        new PolicyTemplate("block-action-type", "Block an action type",
            "Refuse one kind of action outright, e.g. deleting records.",
            Map.of("type", "conditional", "conditions", List.of(row("action.type", "equals", "delete_records")),
                "action", "block")),
        new PolicyTemplate("approval-above-amount", "Approval above an amount",
            "A team lead approves payments above 1,000 (in the action's own currency).",
            Map.of("type", "conditional", "conditions", List.of(row("action.type", "equals", "payment"),
                    row("action.amount", "greater_than", 1000)),
                "action", "require_approval", "approval_required_from", List.of("role:team_lead"), "timeout_minutes", 60)),
        new PolicyTemplate("approval-external-email", "Approval for e-mail outside the company",
            "A team lead approves e-mails to anyone outside the company's domain (edit example.com); an e-mail without a "
                + "recipient needs approval too. Written in CEL: the condition rows have no \"does not end with\".",
            Map.of("type", "expression",
                "expression", "action.type == 'send_email' && (!has(action.to) || !string(action.to).endsWith('@example.com'))",
                "action", "require_approval", "approval_required_from", List.of("role:team_lead"), "timeout_minutes", 120)),
        new PolicyTemplate("block-outside-business-hours", "Block outside business hours",
            "No actions before 08:00, after 18:00 or at weekends, in the organization's time zone.",
            Map.of("type", "conditional", "conditions", List.of(Map.of("any", List.of(
                    row("time.hour", "less_than", 8), row("time.hour", "greater_or_equal", 18),
                    row("time.weekday", "in", List.of("saturday", "sunday"))))),
                "action", "block")),
        new PolicyTemplate("approval-budget-80", "Approval when the budget is above 80 %",
            "Once the agent has used 80 % of a budget that covers it, every action needs a team lead's approval.",
            Map.of("type", "conditional", "conditions", List.of(row("budget.percent_used", "greater_or_equal", 80)),
                "action", "require_approval", "approval_required_from", List.of("role:team_lead"), "timeout_minutes", 60)),
        new PolicyTemplate("block-tool", "Block a tool by name",
            "Refuse calls of one tool, e.g. a shell.",
            Map.of("type", "conditional", "conditions", List.of(row("action.type", "equals", "tool_call"),
                    row("action.tool_name", "equals", "shell")),
                "action", "block")),
        new PolicyTemplate("expression-large-discount", "Advanced: CEL expression",
            "The same variables in Common Expression Language: discounts above 10 % from production agents.",
            Map.of("type", "expression",
                "expression", "agent.environment == 'prod' && has(action.discount_percent) && action.discount_percent > 10",
                "action", "require_approval", "approval_required_from", List.of("role:team_lead"), "timeout_minutes", 60)));
}
