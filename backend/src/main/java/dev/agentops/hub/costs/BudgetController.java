package dev.agentops.hub.costs;

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
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.UUID;

@Controller("/api/v1/budgets")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Budgets")
class BudgetController {

    private final BudgetService budgets;

    BudgetController(BudgetService budgets) {
        this.budgets = budgets;
    }

    @Post
    @RequiresPermission(Permission.BUDGETS_MANAGE)
    HttpResponse<DataResponse<BudgetResponse>> createBudget(Authentication authentication, @Body @Valid BudgetRequests.Create request) {
        BudgetResponse created = budgets.create(Actor.from(authentication), request);
        return HttpResponse.created(DataResponse.of(created), URI.create("/api/v1/budgets/" + created.id()));
    }

    @Get
    @RequiresPermission(Permission.RUNS_READ)
    ListResponse<BudgetResponse> listBudgets(Authentication authentication) {
        return budgets.list(Actor.from(authentication));
    }

    @Get("/{id}")
    @RequiresPermission(Permission.RUNS_READ)
    DataResponse<BudgetResponse> getBudget(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(budgets.get(Actor.from(authentication), id));
    }

    @Patch("/{id}")
    @RequiresPermission(Permission.BUDGETS_MANAGE)
    DataResponse<BudgetResponse> updateBudget(Authentication authentication, @PathVariable UUID id,
                                        @Body @Valid BudgetRequests.Update request) {
        return DataResponse.of(budgets.update(Actor.from(authentication), id, request));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.BUDGETS_MANAGE)
    void deleteBudget(Authentication authentication, @PathVariable UUID id) {
        budgets.delete(Actor.from(authentication), id);
    }

    @Get("/{id}/alerts")
    @RequiresPermission(Permission.RUNS_READ)
    ListResponse<BudgetAlertResponse> listBudgetAlerts(Authentication authentication, @PathVariable UUID id,
                                             @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        return budgets.alerts(Actor.from(authentication), id, cursor, limit);
    }
}
