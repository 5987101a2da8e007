package dev.agentops.hub.ingestion;

import dev.agentops.hub.agents.Agent;
import dev.agentops.hub.agents.AgentChanged;
import dev.agentops.hub.agents.AgentRepository;
import dev.agentops.hub.shared.cache.TtlCache;
import io.micronaut.runtime.event.annotation.EventListener;
import java.time.Duration;
import dev.agentops.hub.shared.ratelimit.RateLimiter;
import dev.agentops.hub.shared.ratelimit.RateLimits;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.ApiException;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Accepts pieces of runs: validate, resolve the agent, count against the organization's limit, queue durably. */
@Singleton
class IngestService {

    private final AgentRepository agents;
    private final TenantTransactions tenants;
    private final GroupCommitter committer;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final JsonMapper json;
    private final IngestJobs jobs;
    /** Agents by id or slug: one lookup per second at most, dropped at once when the agent changes here. */
    private final TtlCache<String, Agent> agentCache = new TtlCache<>(Duration.ofSeconds(1), 20_000);

    IngestService(AgentRepository agents, TenantTransactions tenants, GroupCommitter committer,
                  RateLimiter limiter, RateLimits limits, JsonMapper json, IngestJobs jobs) {
        this.agents = agents;
        this.tenants = tenants;
        this.committer = committer;
        this.limiter = limiter;
        this.limits = limits;
        this.json = json;
        this.jobs = jobs;
    }

    IngestAccepted accept(Actor actor, IngestRunRequest run) {
        IngestValidation.check(run);
        UUID org = actor.organizationId();
        Agent agent = agentCache.get(org + "/" + run.agentId(), key -> tenants.read(org, () -> resolve(org, run.agentId())))
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not_found",
                "No agent with id or slug '" + run.agentId() + "'. Create it first (POST /api/v1/agents).", Map.of()));
        if (agent.archived()) {
            throw Problems.conflict("agent_archived", "Agent '" + agent.slug() + "' is archived and accepts no runs.");
        }
        limiter.check(limits.orgIngestEvents(), org.toString(), 1 + run.eventsOrEmpty().size());
        UUID jobId = UUID.randomUUID();
        String payload = serialize(new QueuedRun(agent.id(), Instant.now(), run));
        UUID apiKeyId = actor.isUser() ? null : actor.id();
        awaitCommit(committer.submit(new IngestQueue.Pending(jobId, org, apiKeyId, payload)));
        return new IngestAccepted(jobId, "queued", run.runId(), agent.status(), "Processing...");
    }

    @EventListener
    void onAgentChanged(AgentChanged change) {
        agentCache.invalidateIf(agent -> agent.id().equals(change.agentId()));
    }

    JobStatus job(Actor actor, UUID id) {
        return jobs.find(actor.organizationId(), id).orElseThrow(() -> Problems.notFound("ingest job", id));
    }

    private Optional<Agent> resolve(UUID org, String idOrSlug) {
        try {
            return agents.find(org, UUID.fromString(idOrSlug));
        } catch (IllegalArgumentException notAUuid) {
            return agents.findBySlug(org, idOrSlug);
        }
    }

    private String serialize(QueuedRun queued) {
        try {
            return json.writeValueAsString(queued);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitCommit(java.util.concurrent.CompletableFuture<Void> committed) {
        try {
            committed.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
            "The payload could not be stored; nothing was accepted. Retry with the same run_id and event ids.", Map.of());
    }
}
