package dev.agentops.hub.controls;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.shared.budgets.AgentBudgetStatus;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

@Controller("/api/v1/controls")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Controls")
class ControlsController {

    private static final int MAX_AGENT_REF = 200;
    private static final int MAX_WAIT_SECONDS = 30;
    private static final Set<String> KNOWN = Set.of("active", "paused");

    private final AgentPauses pauses;
    private final KillSwitch killSwitch;
    private final ControlStates states;
    private final StatusWaiters waiters;
    private final AgentBudgetStatus budgets;

    ControlsController(AgentPauses pauses, KillSwitch killSwitch, ControlStates states, StatusWaiters waiters,
                       AgentBudgetStatus budgets) {
        this.pauses = pauses;
        this.killSwitch = killSwitch;
        this.states = states;
        this.waiters = waiters;
        this.budgets = budgets;
    }

    /** Pauses one agent: ingest acks say paused and policy checks block it within a second on every instance. */
    @Post("/pause-agent/{id}")
    @Operation(operationId = "pauseAgent")
    @RequiresPermission(Permission.CONTROLS_PAUSE)
    DataResponse<AgentControlState> pauseAgent(Authentication authentication, @PathVariable UUID id, @Body @Valid ControlRequests.Reason request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(pauses.pause(actor.organizationId(), AuditActor.of(actor), id, PauseSource.PERSON, request.reason()));
    }

    /** Resumes one agent; 409 org_halted when the kill switch paused it and is still engaged. */
    @Post("/resume-agent/{id}")
    @Operation(operationId = "resumeAgent")
    @RequiresPermission(Permission.CONTROLS_PAUSE)
    DataResponse<AgentControlState> resumeAgent(Authentication authentication, @PathVariable UUID id, @Body @Valid ControlRequests.Reason request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(pauses.resume(actor.organizationId(), AuditActor.of(actor), id, request.reason()));
    }

    /** Halts the whole organization: every agent paused in one transaction. {@code confirm}: the organization's name or slug. */
    @Post("/kill-switch")
    @Operation(operationId = "engageKillSwitch")
    @RequiresPermission(Permission.CONTROLS_KILL_SWITCH)
    DataResponse<ControlStatus> engageKillSwitch(Authentication authentication, @Body @Valid ControlRequests.Engage request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(killSwitch.engage(actor.organizationId(), AuditActor.of(actor), request.reason(), request.confirm()));
    }

    /** Lifts the halt and resumes exactly the agents it paused. */
    @Post("/kill-switch/release")
    @Operation(operationId = "releaseKillSwitch")
    @RequiresPermission(Permission.CONTROLS_KILL_SWITCH)
    DataResponse<ControlStatus> releaseKillSwitch(Authentication authentication, @Body @Valid ControlRequests.Reason request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(killSwitch.release(actor.organizationId(), AuditActor.of(actor), request.reason()));
    }

    /** The halt state and every paused agent, with who paused it, when and why. */
    @Get("/status")
    @Operation(operationId = "getControlStatus")
    @RequiresPermission(Permission.AGENTS_READ)
    DataResponse<ControlStatus> controlStatus(Authentication authentication) {
        return DataResponse.of(killSwitch.status(Actor.from(authentication).organizationId()));
    }

    /**
     * The SDK's status read, served from the same ≤ 1 s cache as ingest acks. {@code agent_id} is what the SDK sends to
     * ingest: the agent's UUID or its slug. With {@code wait_s} and {@code known} it is a long-poll: answered at once
     * when the state differs from {@code known}, otherwise held (no thread waits) until it changes on any instance or
     * {@code wait_s} seconds pass.
     */
    @Get("/agent-status")
    @Operation(operationId = "getAgentStatus")
    CompletableFuture<DataResponse<AgentRuntimeStatus>> agentStatus(Authentication authentication, @QueryValue("agent_id")
        @Parameter(required = true, description = "The agent's UUID or slug, exactly as sent to ingest") String agentId,
        @Nullable @QueryValue("wait_s") @Parameter(description = "Long-poll: hold the answer up to this many seconds (0-30) "
            + "while the agent's state equals `known`", schema = @Schema(type = "integer", minimum = "0", maximum = "30")) String waitS,
        @Nullable @QueryValue("known") @Parameter(description = "The agent_status the caller has (active or paused); "
            + "required with wait_s > 0", schema = @Schema(allowableValues = {"active", "paused"})) String known) {
        Actor actor = Actor.from(authentication);
        if (!actor.can(Permission.INGEST) && !actor.can(Permission.AGENTS_READ)) {
            throw Problems.forbidden("Reading an agent's status needs the ingest, read or admin scope.");
        }
        if (agentId == null || agentId.isBlank()) {
            throw Problems.validation("agent_id", "is required: the agent's id or slug, as sent to ingest");
        }
        if (agentId.length() > MAX_AGENT_REF) {
            throw Problems.validation("agent_id", "must be at most " + MAX_AGENT_REF + " characters");
        }
        int wait = waitSeconds(waitS);
        if (known != null && !KNOWN.contains(known)) {
            throw Problems.validation("known", "must be active or paused (the agent_status the SDK has)");
        }
        if (wait > 0 && known == null) {
            throw Problems.validation("known", "is required with wait_s > 0: the agent_status the SDK has (active or paused)");
        }
        UUID org = actor.organizationId();
        String ref = agentId.trim();
        Supplier<AgentRuntimeStatus> read = () -> states.agent(org, ref)
            .map(state -> state.status().withBudgetStatus(budgets.of(org, state.agent().id(), state.agent().team())))
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "No agent with id or slug '" + ref + "'.", Map.of()));
        if (wait == 0) {
            return CompletableFuture.completedFuture(DataResponse.of(read.get()));
        }
        return waiters.await(org, known, Duration.ofSeconds(wait), read).thenApply(DataResponse::of);
    }

    private static int waitSeconds(String waitS) {
        try {
            int seconds = waitS == null || waitS.isBlank() ? 0 : Integer.parseInt(waitS.trim());
            if (seconds >= 0 && seconds <= MAX_WAIT_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException notANumber) {
            // the message below names the accepted range
        }
        throw Problems.validation("wait_s", "must be a whole number of seconds from 0 to " + MAX_WAIT_SECONDS);
    }
}
