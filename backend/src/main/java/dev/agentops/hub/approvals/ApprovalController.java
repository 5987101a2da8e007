package dev.agentops.hub.approvals;

import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.ListResponse;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;
import jakarta.validation.Valid;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * Approval requests. People with a role read them; API keys of the organization read and wait on them with the
 * {@code read} or {@code policies:check} scope (the SDK waits with the key it checked with). Only people decide.
 */
@Controller("/api/v1/approvals")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Approvals")
class ApprovalController {

    static final int MAX_WAIT_SECONDS = 60;

    private final ApprovalService approvals;
    private final ApprovalWaiters waiters;
    private final ExecutorService blocking;
    private final Clock clock;

    ApprovalController(ApprovalService approvals, ApprovalWaiters waiters, @Named(TaskExecutors.BLOCKING) ExecutorService blocking,
                       Clock clock) {
        this.approvals = approvals;
        this.waiters = waiters;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Operation(operationId = "listPendingApprovals", description = "Pending requests not yet expired, the one expiring soonest first.")
    @Get("/pending")
    ListResponse<ApprovalResponse> listPendingApprovals(Authentication authentication, @Nullable @QueryValue String cursor,
                                                        @Nullable @QueryValue Integer limit) {
        return approvals.pending(reader(authentication), cursor, limit);
    }

    @Operation(operationId = "listApprovals", description = "Every request, newest first; status as of now (overdue reads expired).")
    @Get
    ListResponse<ApprovalResponse> listApprovals(Authentication authentication,
                                                 @Nullable @QueryValue @Schema(allowableValues = {"pending", "approved", "rejected", "expired"}) String status,
                                                 @Nullable @QueryValue("agent_id") UUID agentId,
                                                 @Nullable @QueryValue Instant from, @Nullable @QueryValue Instant to,
                                                 @Nullable @QueryValue String cursor, @Nullable @QueryValue Integer limit) {
        ApprovalStatus wanted = status == null ? null : ApprovalStatus.fromWire(status)
            .orElseThrow(() -> Problems.validation("status", "must be one of pending, approved, rejected, expired"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw Problems.validation("from", "must be before to");
        }
        return approvals.list(reader(authentication), new ApprovalRepository.Filter(wanted, agentId, from, to), cursor, limit);
    }

    @Operation(operationId = "getApproval")
    @Get("/{id}")
    DataResponse<ApprovalResponse> getApproval(Authentication authentication, @PathVariable UUID id) {
        return DataResponse.of(approvals.get(reader(authentication), id));
    }

    @Operation(operationId = "approveApproval", description = "Only a person named by the request's approvers; exactly once.")
    @Post("/{id}/approve")
    @RequiresPermission(Permission.APPROVALS_DECIDE)
    DataResponse<ApprovalResponse> approveApproval(Authentication authentication, @PathVariable UUID id,
                                                   @Nullable @Body @Valid ApprovalDecisionRequest request) {
        return DataResponse.of(approvals.decide(Actor.from(authentication), id, ApprovalStatus.APPROVED, comment(request)));
    }

    @Operation(operationId = "rejectApproval", description = "Only a person named by the request's approvers; exactly once.")
    @Post("/{id}/reject")
    @RequiresPermission(Permission.APPROVALS_DECIDE)
    DataResponse<ApprovalResponse> rejectApproval(Authentication authentication, @PathVariable UUID id,
                                                  @Nullable @Body @Valid ApprovalDecisionRequest request) {
        return DataResponse.of(approvals.decide(Actor.from(authentication), id, ApprovalStatus.REJECTED, comment(request)));
    }

    /**
     * Long-poll: answers as soon as the request is decided or expires, or after {@code timeout_s} with
     * {@code pending}. The thread is released while waiting (a timer or a decision completes the answer).
     */
    @Operation(operationId = "waitForApproval")
    @Get("/{id}/wait")
    CompletableFuture<DataResponse<ApprovalWaitResponse>> waitForApproval(Authentication authentication, @PathVariable UUID id,
                                                                          @Nullable @QueryValue("timeout_s") Integer timeoutS) {
        int seconds = timeoutS == null ? 30 : timeoutS;
        if (seconds < 0 || seconds > MAX_WAIT_SECONDS) {
            throw Problems.validation("timeout_s", "must be between 0 and " + MAX_WAIT_SECONDS + " seconds");
        }
        UUID org = reader(authentication).organizationId();
        CompletableFuture<Void> signal = waiters.register(id);
        ApprovalWaitResponse first;
        try {
            first = approvals.current(org, id);
        } catch (RuntimeException e) {
            signal.complete(null);
            throw e;
        }
        if (!ApprovalStatus.PENDING.wireName().equals(first.status()) || seconds == 0) {
            signal.complete(null);
            return CompletableFuture.completedFuture(DataResponse.of(first));
        }
        // wake at the expiry too: the request then reads expired
        Duration untilExpiry = Duration.between(clock.instant(), first.expiresAt()).plusMillis(20);
        Duration wait = untilExpiry.compareTo(Duration.ofSeconds(seconds)) < 0 ? untilExpiry : Duration.ofSeconds(seconds);
        CompletableFuture<DataResponse<ApprovalWaitResponse>> answer = new CompletableFuture<>();
        ApprovalWaiters.atMost(signal, wait)
            .thenApplyAsync(woken -> approvals.current(org, id), blocking)
            .whenComplete((now, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
                } else {
                    answer.complete(DataResponse.of(now));
                }
            });
        return answer;
    }

    /** Users with any role; API keys with read or policies:check. */
    private static Actor reader(Authentication authentication) {
        Actor actor = Actor.from(authentication);
        if (!actor.can(Permission.RUNS_READ) && !actor.can(Permission.POLICIES_CHECK)) {
            throw Problems.forbidden("Reading approval requests needs a signed-in role, or an API key with the read or "
                + "policies:check scope.");
        }
        return actor;
    }

    private static String comment(ApprovalDecisionRequest request) {
        return request == null ? null : request.comment();
    }
}
