package dev.agentops.hub.policies;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A policy with its current version and what it decided in the last 24 hours: {@code enforced} while active,
 * {@code shadow} while in shadow mode (what it would have done: "would have blocked 12 actions").
 */
@Serdeable
@Schema(name = "Policy")
public record PolicyResponse(UUID id, String name, @Nullable String description, Map<String, Object> ruleDefinition,
                             @Schema(implementation = PolicyStatus.class) String status, int version, @Nullable UUID createdBy,
                             Instant createdAt, Instant updatedAt, @JsonProperty("decisions_24h") Decisions24h decisions24h) {

    @Serdeable
    @Schema(name = "PolicyDecisionCounts")
    public record Counts(long allow, long block, long requireApproval) {
        static final Counts ZERO = new Counts(0, 0, 0);

        Counts plus(String decision, long n) {
            return switch (decision) {
                case "allow" -> new Counts(allow + n, block, requireApproval);
                case "block" -> new Counts(allow, block + n, requireApproval);
                default -> new Counts(allow, block, requireApproval + n);
            };
        }
    }

    @Serdeable
    @Schema(name = "PolicyDecisions24h")
    public record Decisions24h(Counts enforced, Counts shadow) {
    }

    static PolicyResponse of(PolicyRow p, List<PolicyRepository.Count> counts) {
        Counts enforced = Counts.ZERO;
        Counts shadow = Counts.ZERO;
        for (PolicyRepository.Count c : counts == null ? List.<PolicyRepository.Count>of() : counts) {
            if (c.mode().equals("shadow")) {
                shadow = shadow.plus(c.decision(), c.count());
            } else {
                enforced = enforced.plus(c.decision(), c.count());
            }
        }
        return new PolicyResponse(p.id(), p.name(), p.description(), p.ruleDefinition(), p.status().wireName(), p.version(),
            p.createdBy(), p.createdAt(), p.updatedAt(), new Decisions24h(enforced, shadow));
    }
}
