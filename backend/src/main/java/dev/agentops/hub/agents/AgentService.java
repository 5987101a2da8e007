package dev.agentops.hub.agents;

import dev.agentops.hub.audit.AuditActor;
import dev.agentops.hub.audit.AuditEvent;
import dev.agentops.hub.audit.AuditTrail;
import dev.agentops.hub.shared.budgets.AgentBudgetStatus;
import dev.agentops.hub.shared.security.Actor;
import dev.agentops.hub.shared.tenancy.TenantTransactions;
import dev.agentops.hub.shared.web.Problems;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * The agent registry: slugs unique per organization, archive instead of delete (runs are kept), every change audited
 * and announced with {@link AgentChanged} once committed. Figures come from {@link AgentStatsSource} (a cache), read
 * outside the agent's transaction so that a cache miss or a slow Redis never holds a connection twice.
 */
@Singleton
public class AgentService {

    static final int MAX_CONFIG_BYTES = 16 * 1024;

    private final AgentRepository agents;
    private final TenantTransactions tenants;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final ApplicationEventPublisher<AgentChanged> changes;
    private final AgentStatsSource stats;
    private final AgentBudgetStatus budgets;

    AgentService(AgentRepository agents, TenantTransactions tenants, AuditTrail audit, JsonMapper json,
                 ApplicationEventPublisher<AgentChanged> changes, AgentStatsSource stats, AgentBudgetStatus budgets) {
        this.agents = agents;
        this.tenants = tenants;
        this.audit = audit;
        this.json = json;
        this.changes = changes;
        this.stats = stats;
        this.budgets = budgets;
    }

    AgentResponse create(Actor actor, AgentRequests.Create request) {
        AgentFields fields = new AgentFields(request.name().trim(), trimmedOr(request.type(), "custom"),
            trimmedOr(request.provider(), null), trimmedOr(request.team(), null), cleanTags(request.tags()),
            trimmedOr(request.environment(), "production"), checkedConfig(request.config()));
        UUID org = actor.organizationId();
        Agent created = tenants.write(org, () -> {
            if (request.slug() != null && agents.slugTaken(org, request.slug())) {
                throw Problems.conflict("duplicate", "An agent with slug '" + request.slug() + "' already exists.");
            }
            String slug = request.slug() != null ? request.slug() : freeSlug(org, slugFrom(fields.name()));
            UUID id = agents.insert(org, fields, slug, actor.isUser() ? actor.id() : null);
            audit.record(org, AuditActor.of(actor), AuditEvent.of("agent.created", "agent", id)
                .with("name", fields.name()).with("slug", slug));
            return agents.find(org, id).orElseThrow();
        });
        changes.publishEvent(new AgentChanged(org, created.id(), created.status()));
        return AgentResponse.of(created, AgentStats.NONE, budgets.of(org, created.id(), created.team()));
    }

    /**
     * The agent that telemetry names {@code name} (by its slug), created on first sight and marked discovered. Two
     * concurrent first sightings create one agent: the loser of the insert reads the winner's row.
     */
    public Agent discover(Actor actor, String name) {
        String clean = name.trim().isEmpty() ? "agent" : name.trim();
        String trimmed = clean.length() > 200 ? clean.substring(0, 200) : clean;
        String slug = slugFrom(trimmed);
        UUID org = actor.organizationId();
        boolean[] created = {false};
        Agent agent = tenants.write(org, () -> {
            agents.insertDiscovered(org, trimmed, slug).ifPresent(id -> {
                created[0] = true;
                audit.record(org, AuditActor.of(actor), AuditEvent.of("agent.discovered", "agent", id)
                    .with("name", trimmed).with("slug", slug));
            });
            return agents.findBySlug(org, slug).orElseThrow();
        });
        if (created[0]) {
            changes.publishEvent(new AgentChanged(org, agent.id(), agent.status()));
        }
        return agent;
    }

    List<AgentResponse> list(Actor actor, String status, Instant beforeCreatedAt, UUID beforeId, int limitPlusOne) {
        UUID org = actor.organizationId();
        List<Agent> page = tenants.read(org, () -> agents.list(org, status, beforeCreatedAt, beforeId, limitPlusOne));
        Map<UUID, AgentStats> figures = page.isEmpty() ? Map.of() : stats.agentStats(org);
        BiFunction<UUID, String, String> budgetStatus = page.isEmpty() ? (id, team) -> null : budgets.forOrganization(org);
        return page.stream().map(a -> AgentResponse.of(a, figures.getOrDefault(a.id(), AgentStats.NONE),
            budgetStatus.apply(a.id(), a.team()))).toList();
    }

    public AgentResponse get(Actor actor, UUID id) {
        UUID org = actor.organizationId();
        return withStats(tenants.read(org, () -> agents.find(org, id).orElseThrow(() -> Problems.notFound("agent", id))));
    }

    AgentResponse update(Actor actor, UUID id, AgentRequests.Update request) {
        if (request.status() != null) {
            // one path to pause: the controls endpoints audit who paused and why, and propagate it to every instance
            throw Problems.validation("status", "is no longer changed here: pause with POST /api/v1/controls/pause-agent/"
                + id + " and resume with POST /api/v1/controls/resume-agent/" + id + " (each takes a reason)");
        }
        UUID org = actor.organizationId();
        Agent updated = tenants.write(org, () -> {
            Agent before = agents.find(org, id).orElseThrow(() -> Problems.notFound("agent", id));
            if (before.archived()) {
                throw Problems.conflict("agent_archived", "This agent is archived; archived agents cannot be changed.");
            }
            AgentFields fields = new AgentFields(
                request.name() != null ? request.name().trim() : before.name(),
                request.type() != null ? request.type().trim() : before.type(),
                request.provider() != null ? trimmedOr(request.provider(), null) : before.provider(),
                request.team() != null ? trimmedOr(request.team(), null) : before.team(),
                request.tags() != null ? cleanTags(request.tags()) : before.tags(),
                request.environment() != null ? request.environment().trim() : before.environment(),
                request.config() != null ? checkedConfig(request.config()) : before.config());
            agents.update(org, id, fields);
            Agent after = agents.find(org, id).orElseThrow();
            audit.record(org, AuditActor.of(actor), AuditEvent.of("agent.updated", "agent", id)
                .beforeAfter(changed(before, after, true), changed(before, after, false)));
            return after;
        });
        // figures first: an agent change does not change them, and the event below drops the cached ones
        AgentResponse response = withStats(updated);
        changes.publishEvent(new AgentChanged(org, id, updated.status()));
        return response;
    }

    void archive(Actor actor, UUID id) {
        UUID org = actor.organizationId();
        tenants.run(org, () -> {
            Agent agent = agents.find(org, id).orElseThrow(() -> Problems.notFound("agent", id));
            if (!agent.archived()) {
                agents.archive(org, id);
                audit.record(org, AuditActor.of(actor), AuditEvent.of("agent.archived", "agent", id).with("slug", agent.slug()));
            }
        });
        changes.publishEvent(new AgentChanged(org, id, AgentStatus.ARCHIVED.wireName()));
    }

    private AgentResponse withStats(Agent agent) {
        return AgentResponse.of(agent, stats.agentStats(agent.organizationId()).getOrDefault(agent.id(), AgentStats.NONE),
            budgets.of(agent.organizationId(), agent.id(), agent.team()));
    }

    private String freeSlug(UUID org, String base) {
        String candidate = base;
        for (int n = 2; agents.slugTaken(org, candidate); n++) {
            String suffix = "-" + n;
            candidate = base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix;
        }
        return candidate;
    }

    public static String slugFrom(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        slug = slug.length() > 50 ? slug.substring(0, 50).replaceAll("-+$", "") : slug;
        return slug.isEmpty() ? "agent" : slug;
    }

    private Map<String, Object> checkedConfig(Map<String, Object> config) {
        if (config == null) {
            return Map.of();
        }
        try {
            if (json.writeValueAsBytes(config).length > MAX_CONFIG_BYTES) {
                throw Problems.validation("config", "must be at most " + MAX_CONFIG_BYTES / 1024 + " KB of JSON");
            }
        } catch (IOException e) {
            throw Problems.validation("config", "must be a JSON object");
        }
        return config;
    }

    private static List<String> cleanTags(List<String> tags) {
        return tags == null ? List.of() : tags.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static String trimmedOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static Map<String, Object> changed(Agent before, Agent after, boolean old) {
        Map<String, Object> changes = new LinkedHashMap<>();
        AuditEvent.putIfChanged(changes, "name", before.name(), after.name(), old);
        AuditEvent.putIfChanged(changes, "type", before.type(), after.type(), old);
        AuditEvent.putIfChanged(changes, "provider", before.provider(), after.provider(), old);
        AuditEvent.putIfChanged(changes, "team", before.team(), after.team(), old);
        AuditEvent.putIfChanged(changes, "tags", before.tags(), after.tags(), old);
        AuditEvent.putIfChanged(changes, "environment", before.environment(), after.environment(), old);
        AuditEvent.putIfChanged(changes, "config", before.config(), after.config(), old);
        AuditEvent.putIfChanged(changes, "status", before.status(), after.status(), old);
        return changes;
    }
}
