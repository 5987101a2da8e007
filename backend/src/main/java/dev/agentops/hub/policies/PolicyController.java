package dev.agentops.hub.policies;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Policies (docs/api.md "Policies"). Read with {@code agents:read} (every role, API keys with read or admin: agents
 * and their operators should see the rules that govern them); change and back-test with {@code policies:manage}
 * (team leads, admins, admin keys); the check with {@code policies:check} (API keys with policies:check or admin).
 */
@Controller("/api/v1/policies")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Policies")
class PolicyController {

    private final PolicyService policies;
    private final PolicyCheckService checks;
    private final PolicyBacktest backtests;
    private final Timer checkLatency;

    PolicyController(PolicyService policies, PolicyCheckService checks, PolicyBacktest backtests, MeterRegistry registry) {
        this.policies = policies;
        this.checks = checks;
        this.backtests = backtests;
        this.checkLatency = Timer.builder("agentops.policy.check")
            .description("Time to decide a policy check (the Server-Timing value), successful checks only")
            .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000)).maximumExpectedValue(Duration.ofSeconds(5))
            .register(registry);
    }

    @Post("/check")
    @RequiresPermission(Permission.POLICIES_CHECK)
    @Operation(operationId = "checkPolicy", description = "May this agent do this action now? block > require_approval > allow; "
        + "no matching policy: allow. Carries Server-Timing: policy;dur=<ms>.")
    HttpResponse<DataResponse<PolicyCheckResponse>> checkPolicy(Authentication authentication, @Body @Valid PolicyCheckRequest request) {
        long started = System.nanoTime();
        PolicyCheckResponse answer = checks.check(Actor.from(authentication), request);
        long nanos = System.nanoTime() - started;
        checkLatency.record(nanos, TimeUnit.NANOSECONDS);
        double ms = nanos / 1_000_000.0;
        return HttpResponse.ok(DataResponse.of(answer)).header("Server-Timing", String.format(Locale.ROOT, "policy;dur=%.3f", ms));
    }

    @Post
    @RequiresPermission(Permission.POLICIES_MANAGE)
    @Operation(operationId = "createPolicy")
    HttpResponse<DataResponse<PolicyResponse>> createPolicy(Authentication authentication, @Body @Valid PolicyRequests.Create request) {
        PolicyResponse created = policies.create(Actor.from(authentication), request);
        return HttpResponse.created(DataResponse.of(created), URI.create("/api/v1/policies/" + created.id()));
    }

    @Get
    @RequiresPermission(Permission.AGENTS_READ)
    @Operation(operationId = "listPolicies")
    ListResponse<PolicyResponse> listPolicies(Authentication authentication) {
        return policies.list(Actor.from(authentication));
    }

    @Get("/templates")
    @RequiresPermission(Permission.AGENTS_READ)
    @Operation(operationId = "listPolicyTemplates")
    DataResponse<List<PolicyTemplate>> listPolicyTemplates() {
        return DataResponse.of(PolicyTemplates.ALL);
    }

    @Get("/{id}")
    @RequiresPermission(Permission.AGENTS_READ)
    @Operation(operationId = "getPolicy")
    DataResponse<PolicyResponse> getPolicy(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(policies.get(Actor.from(authentication), id));
    }

    @Patch("/{id}")
    @RequiresPermission(Permission.POLICIES_MANAGE)
    @Operation(operationId = "updatePolicy")
    DataResponse<PolicyResponse> updatePolicy(Authentication authentication, @PathVariable UUID id,
                                              @Body @Valid PolicyRequests.Update request) {
        return DataResponse.of(policies.update(Actor.from(authentication), id, request));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    @RequiresPermission(Permission.POLICIES_MANAGE)
    @Operation(operationId = "deactivatePolicy", description = "Sets the status to disabled (a new version); nothing is deleted.")
    void deactivatePolicy(Authentication authentication, @PathVariable UUID id) {
        policies.deactivate(Actor.from(authentication), id);
    }

    @Get("/{id}/versions")
    @RequiresPermission(Permission.AGENTS_READ)
    @Operation(operationId = "listPolicyVersions")
    DataResponse<List<PolicyVersionResponse>> listPolicyVersions(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(policies.versions(Actor.from(authentication), id));
    }

    @Post("/{id}/evaluate")
    @RequiresPermission(Permission.AGENTS_READ)
    @Operation(operationId = "evaluatePolicy", description = "The decision of this policy (or a draft rule) for sample variables; no side effects.")
    DataResponse<PolicyEvaluation> evaluatePolicy(Authentication authentication, @PathVariable UUID id,
                                                  @Body @Valid PolicyRequests.Evaluate request) {
        return DataResponse.of(policies.evaluate(Actor.from(authentication), id, request));
    }

    @Post("/{id}/backtest")
    @RequiresPermission(Permission.POLICIES_MANAGE)
    @Operation(operationId = "backtestPolicy")
    DataResponse<BacktestResult> backtestPolicy(Authentication authentication, @PathVariable UUID id,
                                                @Body @Valid PolicyRequests.Backtest request) {
        return DataResponse.of(backtests.run(Actor.from(authentication), id, request));
    }
}
