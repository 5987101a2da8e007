package dev.agentops.hub.notifications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Title, body and severity of a budget alert, the same in the bell, the e-mail, Slack and the webhook summary. */
final class BudgetAlertMessages {

    private BudgetAlertMessages() {
    }

    record Alert(UUID id, UUID organizationId, UUID budgetId, String budgetName, String scope, String team, String period,
                 String kind, int threshold, Instant periodStart, BigDecimal spentUsd, BigDecimal maxAmountUsd,
                 BigDecimal percent, List<String> channels, List<String> pausedAgentIds, Instant createdAt) {

        String type() {
            return "auto_pause".equals(kind) ? "budget.auto_paused" : "budget.threshold_crossed";
        }
    }

    static String severity(Alert alert) {
        return "auto_pause".equals(alert.kind()) || alert.threshold() >= 100 ? "critical" : "warning";
    }

    static String title(Alert alert) {
        if ("auto_pause".equals(alert.kind())) {
            int n = alert.pausedAgentIds().size();
            return cut("Budget \"" + alert.budgetName() + "\" paused " + n + (n == 1 ? " agent" : " agents") + " at "
                + alert.threshold() + " %", 300);
        }
        return cut("Budget \"" + alert.budgetName() + "\" reached " + alert.threshold() + " %", 300);
    }

    static String body(Alert alert) {
        String period = "total".equals(alert.period()) ? "in total" : "this " + switch (alert.period()) {
            case "daily" -> "day";
            case "weekly" -> "week";
            default -> "month";
        } + " (since " + alert.periodStart() + ")";
        return cut(usd(alert.spentUsd()) + " spent of " + usd(alert.maxAmountUsd()) + " " + period + ": "
            + alert.percent().setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " % of the "
            + alert.period() + " budget.", 2000);
    }

    static String link(Alert alert) {
        return "/budgets?budget=" + alert.budgetId();
    }

    static String usd(BigDecimal amount) {
        return "$" + amount.setScale(amount.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
