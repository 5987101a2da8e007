package dev.agentops.hub.controls;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.security.Permission;
import dev.agentops.hub.shared.security.RequiresPermission;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.DataResponse;
import dev.agentops.hub.shared.web.Problems;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/controls")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Controls")
class ControlsController {

    private static final int MAX_AGENT_REF = 200;

    private final AgentPauses pauses;
    private final KillSwitch killSwitch;
    private final ControlStates states;

    ControlsController(AgentPauses pauses, KillSwitch killSwitch, ControlStates states) {
        this.pauses = pauses;
        this.killSwitch = killSwitch;
        this.states = states;
    }

    /** Pauses one agent: ingest acks say paused and policy checks block it within a second on every instance. */
    @Post("/pause-agent/{id}")
    @RequiresPermission(Permission.CONTROLS_PAUSE)
    DataResponse<AgentControlState> pauseAgent(Authentication authentication, @PathVariable UUID id, @Body @Valid ControlRequests.Reason request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(pauses.pause(actor.organizationId(), AuditActor.of(actor), id, PauseSource.PERSON, request.reason()));
    }

    /** Resumes one agent; 409 org_halted when the kill switch paused it and is still engaged. */
    @Post("/resume-agent/{id}")
    @RequiresPermission(Permission.CONTROLS_PAUSE)
    DataResponse<AgentControlState> resumeAgent(Authentication authentication, @PathVariable UUID id, @Body @Valid ControlRequests.Reason request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(pauses.resume(actor.organizationId(), AuditActor.of(actor), id, request.reason()));
    }

    /** Halts the whole organization: every agent paused in one transaction. {@code confirm}: the organization's name or slug. */
    @Post("/kill-switch")
    @RequiresPermission(Permission.CONTROLS_KILL_SWITCH)
    DataResponse<ControlStatus> engageKillSwitch(Authentication authentication, @Body @Valid ControlRequests.Engage request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(killSwitch.engage(actor.organizationId(), AuditActor.of(actor), request.reason(), request.confirm()));
    }

    /** Lifts the halt and resumes exactly the agents it paused. */
    @Post("/kill-switch/release")
    @RequiresPermission(Permission.CONTROLS_KILL_SWITCH)
    DataResponse<ControlStatus> releaseKillSwitch(Authentication authentication, @Body @Valid ControlRequests.Reason request) {
        Actor actor = Actor.from(authentication);
        return DataResponse.of(killSwitch.release(actor.organizationId(), AuditActor.of(actor), request.reason()));
    }

    /** The halt state and every paused agent, with who paused it, when and why. */
    @Get("/status")
    @RequiresPermission(Permission.AGENTS_READ)
    DataResponse<ControlStatus> controlStatus(Authentication authentication) {
        return DataResponse.of(killSwitch.status(Actor.from(authentication).organizationId()));
    }

    /**
     * The SDK's cheap status read (it polls once a second): served from the same ≤ 1 s cache as ingest acks.
     * {@code agent_id} is what the SDK sends to ingest: the agent's UUID or its slug.
     */
    @Get("/agent-status")
    DataResponse<AgentRuntimeStatus> agentStatus(Authentication authentication, @QueryValue("agent_id")
        @Parameter(required = true, description = "The agent's UUID or slug, exactly as sent to ingest") String agentId) {
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
        String ref = agentId.trim();
        return DataResponse.of(states.agent(actor.organizationId(), ref)
            .map(ControlStates.AgentState::status)
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found", "No agent with id or slug '" + ref + "'.", Map.of())));
    }
}
