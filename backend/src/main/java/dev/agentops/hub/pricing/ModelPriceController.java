package dev.agentops.hub.pricing;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Paging;
import dev.agentops.hub.shared.web.Problems;
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

@Controller("/api/v1/pricing/models")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Pricing")
class ModelPriceController {

    private final ModelPriceService prices;

    ModelPriceController(ModelPriceService prices) {
        this.prices = prices;
    }

    @Get
    @RequiresPermission(Permission.ORG_READ)
    @Operation(operationId = "listModelPrices", summary = "The organization's own model prices, newest first; with include=catalog, then the shipped catalog")
    ListResponse<ModelPriceResponse> listModelPrices(Authentication authentication, @Nullable @QueryValue String include,
                                                     @Nullable @QueryValue Integer limit, @Nullable @QueryValue String cursor) {
        if (include != null && !include.equals("catalog")) {
            throw Problems.validation("include", "must be 'catalog' or absent");
        }
        return prices.list(Actor.from(authentication), include != null, Paging.limit(limit), cursor);
    }

    @Get("/{id}")
    @RequiresPermission(Permission.ORG_READ)
    @Operation(operationId = "getModelPrice", summary = "One price entry: an organization price by its UUID, or a catalog entry by its catalog id")
    DataResponse<ModelPriceResponse> getModelPrice(Authentication authentication, @PathVariable String id) {
        return DataResponse.of(prices.find(Actor.from(authentication), id)
            .orElseThrow(() -> Problems.notFound("model price", id)));
    }

    @Post
    @Status(HttpStatus.CREATED)
    @RequiresPermission(Permission.ORG_UPDATE)
    @Operation(operationId = "createModelPrice", summary = "Set the organization's own price for a model (wins over the catalog for this organization)")
    HttpResponse<DataResponse<ModelPriceResponse>> createModelPrice(Authentication authentication,
                                                                    @Body @Valid ModelPriceCreateRequest request) {
        ModelPriceResponse created = prices.create(Actor.from(authentication), request);
        return HttpResponse.created(DataResponse.of(created), URI.create("/api/v1/pricing/models/" + created.id()));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.ORG_UPDATE)
    @Operation(operationId = "deleteModelPrice", summary = "Delete one of the organization's own prices; runs priced with it keep their cost. "
        + "Catalog entries cannot be deleted (409): add an organization price to override one")
    void deleteModelPrice(Authentication authentication, @PathVariable String id) {
        prices.delete(Actor.from(authentication), id);
    }
}
