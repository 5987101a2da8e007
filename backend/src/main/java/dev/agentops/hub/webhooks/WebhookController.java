package dev.agentops.hub.webhooks;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/webhooks")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Webhooks")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(operationId = "createWebhook", summary = "The response carries the signing secret, shown this once")
    @Post
    @RequiresPermission(Permission.WEBHOOKS_MANAGE)
    HttpResponse<DataResponse<CreatedWebhookResponse>> createWebhook(Authentication authentication,
                                                                     @Body @Valid WebhookRequests.Create request) {
        CreatedWebhookResponse created = webhooks.create(Actor.from(authentication), request);
        return HttpResponse.created(DataResponse.of(created), URI.create("/api/v1/webhooks/" + created.id()));
    }

    @Operation(operationId = "listWebhooks")
    @Get
    @RequiresPermission(Permission.WEBHOOKS_MANAGE)
    ListResponse<WebhookEndpointResponse> listWebhooks(Authentication authentication) {
        return webhooks.list(Actor.from(authentication));
    }

    @Operation(operationId = "getWebhook")
    @Get("/{id}")
    @RequiresPermission(Permission.WEBHOOKS_MANAGE)
    DataResponse<WebhookEndpointResponse> getWebhook(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(webhooks.get(Actor.from(authentication), id));
    }

    @Operation(operationId = "deleteWebhook")
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.WEBHOOKS_MANAGE)
    void deleteWebhook(Authentication authentication, @PathVariable UUID id) {
        webhooks.delete(Actor.from(authentication), id);
    }

    @Operation(operationId = "testWebhook", summary = "Queues a webhook.test event for this endpoint")
    @Post("/{id}/test")
    @RequiresPermission(Permission.WEBHOOKS_MANAGE)
    @Status(HttpStatus.ACCEPTED)
    DataResponse<WebhookDeliveryResponse> testWebhook(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(webhooks.test(Actor.from(authentication), id));
    }

    @Operation(operationId = "listWebhookDeliveries")
    @Get("/{id}/deliveries")
    @RequiresPermission(Permission.WEBHOOKS_MANAGE)
    ListResponse<WebhookDeliveryResponse> listWebhookDeliveries(Authentication authentication, @PathVariable UUID id,
                                                                @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return webhooks.deliveries(Actor.from(authentication), id, cursor, limit);
    }
}
