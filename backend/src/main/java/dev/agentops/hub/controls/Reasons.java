package dev.agentops.hub.controls;

import dev.agentops.hub.shared.web.Problems;

/** A control's reason: required, 1–500 characters once trimmed (it is shown to people and kept in the audit trail). */
final class Reasons {

    static final int MAX = 500;

    private Reasons() {
    }

    static String clean(String reason) {
        String trimmed = reason == null ? "" : reason.trim();
        if (trimmed.isEmpty()) {
            throw Problems.validation("reason", "is required: say why (it is kept in the audit trail)");
        }
        if (trimmed.length() > MAX) {
            throw Problems.validation("reason", "must be at most " + MAX + " characters");
        }
        return trimmed;
    }
}
