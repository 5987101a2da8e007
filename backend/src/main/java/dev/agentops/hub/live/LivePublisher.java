package dev.agentops.hub.live;

import dev.agentops.hub.agents.AgentChanged;
import dev.agentops.hub.approvals.ApprovalDecided;
import dev.agentops.hub.approvals.ApprovalRequested;
import dev.agentops.hub.controls.HaltState;
import dev.agentops.hub.controls.OrgHaltChanged;
import dev.agentops.hub.ingestion.RunChanged;
import dev.agentops.hub.notifications.NotificationCreated;
import dev.agentops.hub.shared.redis.RedisChannels;
import dev.agentops.hub.shared.security.ActorRef;
import dev.agentops.hub.shared.web.JsonFields;
import io.micronaut.context.annotation.Context;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Async;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns committed changes (runs from the workers, agents from the API, the kill switch, approval requests and
 * decisions) into live events. With Redis they go
 * through the pub/sub channel {@code agentops:live}, so every instance's streams see changes made anywhere; without
 * Redis they go straight to this instance's hub.
 */
@Context
class LivePublisher {

    static final String CHANNEL = "agentops:live";
    private static final Logger LOG = LoggerFactory.getLogger(LivePublisher.class);
    // Event ids are opaque (random): a counter shared by all organizations would let each tenant measure the others'
    // activity. Replay (Last-Event-ID) finds the id in the instance's ordered buffer, so ids need no order of their own.

    private final LiveHub hub;
    private final JsonMapper json;
    private final Optional<RedisChannels> channels;

    LivePublisher(LiveHub hub, JsonMapper json, Optional<RedisChannels> channels) {
        this.hub = hub;
        this.json = json;
        this.channels = channels;
    }

    @PostConstruct
    void subscribe() {
        channels.ifPresent(redis -> redis.subscribe(CHANNEL, this::receive));
    }

    @EventListener
    void onRunChanged(RunChanged change) {
        publish(new LiveEvent(nextId(), change.organizationId(), change.created() ? "run.created" : "run.updated",
            Map.of("id", change.runId().toString(), "agent_id", change.agentId().toString(),
                "organization_id", change.organizationId().toString())));
    }

    @EventListener
    void onAgentChanged(AgentChanged change) {
        publish(new LiveEvent(nextId(), change.organizationId(), "agent.updated",
            Map.of("id", change.agentId().toString(), "agent_id", change.agentId().toString(), "status", change.status(),
                "organization_id", change.organizationId().toString())));
    }

    @EventListener
    void onOrgHaltChanged(OrgHaltChanged change) {
        HaltState halt = change.halt();
        Map<String, Object> data = JsonFields.of("organization_id", change.organizationId().toString(),
            "engaged", halt.engaged(), "engaged_by", halt.engagedBy() == null ? null : actor(halt.engagedBy()),
            "engaged_at", halt.engagedAt() == null ? null : halt.engagedAt().toString(), "reason", halt.reason(),
            "agent_ids", change.agentIds().stream().map(UUID::toString).toList());
        publish(new LiveEvent(nextId(), change.organizationId(), halt.engaged() ? "org.halted" : "org.released", data));
    }

    /** Off the policy check's thread: the Redis round trip is not part of the check's answer. */
    @EventListener
    @Async
    void onApprovalRequested(ApprovalRequested requested) {
        publish(new LiveEvent(nextId(), requested.organizationId(), "approval.requested", JsonFields.of(
            "id", requested.approvalId().toString(), "organization_id", requested.organizationId().toString(),
            "agent_id", requested.agentId().toString(), "run_id", requested.runId(), "action_type", requested.actionType(),
            "status", "pending", "expires_at", requested.expiresAt().toString())));
    }

    @EventListener
    void onApprovalDecided(ApprovalDecided decided) {
        publish(new LiveEvent(nextId(), decided.organizationId(), "approval.decided", JsonFields.of(
            "id", decided.approvalId().toString(), "organization_id", decided.organizationId().toString(),
            "agent_id", decided.agentId().toString(), "run_id", decided.runId(), "status", decided.status().wireName(),
            "decided_by", decided.decidedBy() == null ? null : decided.decidedBy().toString(),
            "decided_at", decided.decidedAt() == null ? null : decided.decidedAt().toString())));
    }

    @EventListener
    void onNotificationCreated(NotificationCreated created) {
        publish(new LiveEvent(nextId(), created.organizationId(), "notification.created", JsonFields.of(
            "id", created.id().toString(), "type", created.type(), "severity", created.severity(), "title", created.title(),
            "link", created.link(), "created_at", created.createdAt().toString())));
    }

    private static Map<String, Object> actor(ActorRef actor) {
        return JsonFields.of("type", actor.type(), "id", actor.id() == null ? null : actor.id().toString(), "name", actor.name());
    }

    /** Through Redis when it takes the message (every instance, this one included, receives it); locally otherwise. */
    private void publish(LiveEvent event) {
        if (channels.isPresent()) {
            try {
                if (channels.get().subscribed(CHANNEL) && channels.get().publish(CHANNEL, json.writeValueAsString(event))) {
                    return;
                }
            } catch (IOException e) {
                LOG.warn("Live updates: could not serialise an event ({})", e.getClass().getSimpleName());
            }
        }
        hub.emit(event);
    }

    private void receive(String message) {
        try {
            hub.emit(json.readValue(message, LiveEvent.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Live updates: unreadable message on {}", CHANNEL);
        }
    }

    private static String nextId() {
        return UUID.randomUUID().toString();
    }
}
