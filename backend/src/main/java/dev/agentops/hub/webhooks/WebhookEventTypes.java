package dev.agentops.hub.webhooks;

import java.util.List;

/** The events an endpoint can subscribe to (closed set; approval.* later). */
public final class WebhookEventTypes {

    public static final String THRESHOLD_CROSSED = "budget.threshold_crossed";
    public static final String AUTO_PAUSED = "budget.auto_paused";
    public static final String TEST = "webhook.test";
    public static final List<String> ALL = List.of(THRESHOLD_CROSSED, AUTO_PAUSED, TEST);
    static final String PATTERN = "budget\\.threshold_crossed|budget\\.auto_paused|webhook\\.test";

    private WebhookEventTypes() {
    }
}
