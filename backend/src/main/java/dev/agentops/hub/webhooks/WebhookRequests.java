package dev.agentops.hub.webhooks;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

final class WebhookRequests {

    private WebhookRequests() {
    }

    @Serdeable
    @Schema(name = "WebhookCreateRequest")
    record Create(@NotBlank @Size(max = 2000) @Schema(description = "https only; https://hooks.slack.com/... gets Slack-formatted messages")
                  String url,
                  @NotEmpty @Size(max = 10)
                  List<@NotNull @Pattern(regexp = WebhookEventTypes.PATTERN,
                      message = "must be one of budget.threshold_crossed, budget.auto_paused, approval.requested, webhook.test") String> eventTypes,
                  @Nullable @Size(max = 500) String description) {
    }
}
