package dev.agentops.hub.webhooks;

import java.util.List;

/** The events an endpoint can subscribe to (closed set). */
public final class WebhookEventTypes {

    public static final String THRESHOLD_CROSSED = "budget.threshold_crossed";
    public static final String AUTO_PAUSED = "budget.auto_paused";
    public static final String APPROVAL_REQUESTED = "approval.requested";
    public static final String TEST = "webhook.test";
    public static final List<String> ALL = List.of(THRESHOLD_CROSSED, AUTO_PAUSED, APPROVAL_REQUESTED, TEST);
    static final String PATTERN = "budget\\.threshold_crossed|budget\\.auto_paused|approval\\.requested|webhook\\.test";

    private WebhookEventTypes() {
    }
}
