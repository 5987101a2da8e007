package dev.agentops.hub.ingestion;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.controls.AgentRuntimeStatus;
import dev.agentops.hub.controls.ControlStates;
import dev.agentops.hub.shared.budgets.AgentBudgetStatus;
import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/** Accepts pieces of runs: validate, resolve the agent, count against the organization's limit, queue durably. */
@Singleton
public class IngestService {

    private final ControlStates states;
    private final AgentBudgetStatus budgets;
    private final GroupCommitter committer;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final JsonMapper json;
    private final IngestJobs jobs;
    private final ActionApprovals approvals;
    private final ExecutorService blocking;

    IngestService(ControlStates states, AgentBudgetStatus budgets, GroupCommitter committer,
                  RateLimiter limiter, RateLimits limits, JsonMapper json, IngestJobs jobs, ActionApprovals approvals,
                  @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.states = states;
        this.budgets = budgets;
        this.committer = committer;
        this.limiter = limiter;
        this.limits = limits;
        this.json = json;
        this.jobs = jobs;
        this.approvals = approvals;
        this.blocking = blocking;
    }

    /**
     * Checks the piece and queues it; completes once it is committed (or with 503 when it could not be). Called on the
     * event loop: when the agent, its organization's controls and its budget states are in memory (agent and controls
     * are read from the database at most once a second, budget states reloaded in the background, see BudgetStates)
     * the checks run right here; otherwise on the blocking pool, so that a slow or unreachable database (up to the
     * pool's connection timeout per request) holds a pool thread, never the event loop every other request needs.
     */
    public CompletableFuture<IngestAccepted> accept(Actor actor, IngestRunRequest run) {
        IngestValidation.check(run);
        UUID org = actor.organizationId();
        if (states.inMemory(org, run.agentId()) && budgets.inMemory(org)) {
            return checkAndQueue(actor, run);
        }
        CompletableFuture<IngestAccepted> answer = new CompletableFuture<>();
        try {
            blocking.execute(PropagatedContext.wrapCurrent(() -> { // the request goes along, for the RateLimit headers
                try {
                    relay(checkAndQueue(actor, run), answer);
                } catch (RuntimeException e) { // a 404, 409 or 429 of the checks, or the database's failure, as itself
                    answer.completeExceptionally(e);
                }
            }));
        } catch (RejectedExecutionException e) {
            throw unavailable();
        }
        return answer;
    }

    private CompletableFuture<IngestAccepted> checkAndQueue(Actor actor, IngestRunRequest run) {
        UUID org = actor.organizationId();
        ControlStates.AgentState state = states.agent(org, run.agentId())
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found",
                "No agent with id or slug '" + run.agentId() + "'. Create it first (POST /api/v1/agents).", Map.of()));
        Agent agent = state.agent();
        AgentRuntimeStatus control = state.status();
        if (agent.archived()) {
            throw Problems.conflict("agent_archived", "Agent '" + agent.slug() + "' is archived and accepts no runs.");
        }
        limiter.check(limits.orgIngestEvents(), org.toString(), 1 + run.eventsOrEmpty().size());
        String budgetStatus = budgets.of(org, agent.id(), agent.team());
        IngestQueue.Pending job = IngestQueue.Pending.of(json, org, actor.isUser() ? null : actor.id(), agent.id(), run);
        List<ActionApprovals.NamedApproval> named = ActionApprovals.named(run);
        if (named.isEmpty()) {
            return queue(job, run, control, budgetStatus);
        }
        // An action that names an approval uses it up before the 202 (a refused one queues nothing): a database
        // round trip, so off the event loop; pieces without one never come here.
        CompletableFuture<IngestAccepted> answer = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> approvals.consume(org, job.apiKeyId(), agent.id(), run.runId(), named), blocking)
            .whenComplete((used, refused) -> {
                if (refused != null) {
                    answer.completeExceptionally(refused instanceof CompletionException wrapped ? wrapped.getCause() : refused);
                } else {
                    relay(queue(job, run, control, budgetStatus), answer);
                }
            });
        return answer;
    }

    private CompletableFuture<IngestAccepted> queue(IngestQueue.Pending job, IngestRunRequest run,
                                                    AgentRuntimeStatus control, String budgetStatus) {
        // completed by hand, so that a failure reaches the error handlers as itself, not wrapped
        CompletableFuture<IngestAccepted> answer = new CompletableFuture<>();
        committer.submit(job, false).orTimeout(10, TimeUnit.SECONDS).whenComplete((committed, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(unavailable());
            } else {
                answer.complete(new IngestAccepted(job.id(), "queued", run.runId(), control.agentStatus(), control.halted(),
                    control.pausedReason(), budgetStatus, "Processing..."));
            }
        });
        return answer;
    }

    /** Completes {@code answer} as {@code from} does, a failure as itself (not wrapped) for the error handlers. */
    private static <T> void relay(CompletableFuture<T> from, CompletableFuture<T> answer) {
        from.whenComplete((value, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(value);
            }
        });
    }

    JobStatus job(Actor actor, UUID id) {
        return jobs.find(actor.organizationId(), id).orElseThrow(() -> Problems.notFound("ingest job", id));
    }

    private static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
            "The payload could not be stored; nothing was accepted. Retry with the same run_id and event ids.", Map.of());
    }
}
